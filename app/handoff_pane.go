package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// handoffPane is one tab of the hand-off: the answers, or the documents. A
// list on the left, one row per item under section and group headings, each
// with its tick, a preview, its length and Copy; the chosen item in full on
// the right. The list is virtual, so a draft of thousands of answers scrolls
// as lightly as a short one, and a row shows a one-line preview however
// long the answer is.
type handoffPane struct {
	h    *handoffWindow
	docs bool

	rows   []forms.HandOffRow
	view   []viewRow
	filter *widget.Select
	list   *keyList
	sel    int // index into rows of the chosen item, or -1

	detail     *fyne.Container
	where      *widget.Label
	meta       *widget.Label
	state      *widget.Label
	warn       *widget.Label
	tick       *widget.Check
	copyBtn    *widget.Button
	openBtn    *widget.Button
	preview    *widget.Label
	previewBox *container.Scroll
	folder     *widget.Label
	folderRow  *fyne.Container
	empty      *widget.Label

	object fyne.CanvasObject
	// short are the rows drawn at a heading's height; itemH and headH are
	// the two heights.
	short        map[int]bool
	itemH, headH float32
	// quiet is set while the detail is being filled, so setting its tick
	// does not tick the item.
	quiet bool
}

// viewRow is a row of the list: a heading, or an item (index into rows).
type viewRow struct {
	heading string
	level   int
	item    int
}

const (
	showAll        = "All"
	showNotEntered = "Not yet entered"
	showChanged    = "Changed since entered"
)

// previewRunes is how much of an answer the detail shows: enough to
// recognise it and read its start; Copy always copies all of it.
const previewRunes = 3000

func newHandoffPane(h *handoffWindow, docs bool) *handoffPane {
	p := &handoffPane{h: h, docs: docs, sel: -1, short: map[int]bool{}}
	p.itemH = newHandoffRow().MinSize().Height
	p.headH = widget.NewLabel("Heading").MinSize().Height
	p.filter = widget.NewSelect([]string{showAll, showNotEntered, showChanged}, func(string) { p.rebuild() })
	p.filter.SetSelected(showAll)
	p.list = newKeyList(p)
	p.where = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.where.Wrapping = fyne.TextWrapWord
	p.meta = widget.NewLabel("")
	p.meta.Importance = widget.LowImportance
	p.meta.Wrapping = fyne.TextWrapWord
	p.state = widget.NewLabel("")
	p.state.Wrapping = fyne.TextWrapWord
	p.warn = widget.NewLabel("")
	p.warn.Wrapping = fyne.TextWrapWord
	p.warn.Importance = widget.DangerImportance
	p.tick = widget.NewCheck("Entered in DARS Online", func(on bool) {
		if !p.quiet && p.sel >= 0 {
			p.h.setTick(p.rows[p.sel].HandOffItem, on)
		}
	})
	copyLabel := "Copy"
	if docs {
		copyLabel = "Copy name"
	}
	p.copyBtn = widget.NewButtonWithIcon(copyLabel, theme.ContentCopyIcon(), p.copySelected)
	p.copyBtn.Importance = widget.HighImportance
	p.openBtn = widget.NewButtonWithIcon("Show in the draft", theme.NavigateNextIcon(), func() {
		if p.sel >= 0 {
			p.h.openInDraft(p.rows[p.sel].HandOffItem)
		}
	})
	p.preview = widget.NewLabel("")
	p.preview.Wrapping = fyne.TextWrapWord
	p.previewBox = container.NewVScroll(p.preview)
	buttons := container.NewHBox(p.copyBtn, p.tick, p.openBtn)
	p.detail = container.NewBorder(container.NewVBox(p.where, p.meta, p.state, p.warn, buttons, widget.NewSeparator()), nil, nil, nil, p.previewBox)
	p.empty = Hint("Choose an answer on the left.")
	if docs {
		p.empty.SetText("Working out the documents to upload…")
	}
	right := container.NewStack(p.empty, p.detail)
	p.detail.Hide()

	var top fyne.CanvasObject = container.NewBorder(nil, nil, widget.NewLabel("Show"), nil, p.filter)
	if docs {
		p.folder = widget.NewLabel("")
		p.folder.Truncation = fyne.TextTruncateEllipsis
		copyPath := widget.NewButtonWithIcon("Copy path", theme.ContentCopyIcon(), func() {
			h.e.ui.fyne.Clipboard().SetContent(p.folder.Text)
			h.setStatus("Copied the folder's path: paste it into the browser's file chooser (Ctrl+L there).")
		})
		p.folderRow = container.NewBorder(nil, nil, widget.NewLabel("Folder:"), copyPath, p.folder)
		p.folderRow.Hide()
		open := widget.NewButtonWithIcon("Open folder", theme.FolderOpenIcon(), h.onOpenFolder)
		open.Importance = widget.HighImportance
		note := Hint("Open folder writes every document under the name it is uploaded with (the pack's name for it), to drag into the portal.")
		top = container.NewVBox(container.NewBorder(nil, nil, nil, open, note), p.folderRow, top)
	}
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, p.list), right)
	split.Offset = 0.55
	p.object = split
	return p
}

// setRows shows the items as they now stand, keeping the chosen one.
func (p *handoffPane) setRows(rows []forms.HandOffRow) {
	key := ""
	if p.sel >= 0 && p.sel < len(p.rows) {
		key = p.rows[p.sel].Key
	}
	p.rows = rows
	p.sel = -1
	for i, r := range rows {
		if r.Key == key && key != "" {
			p.sel = i
		}
	}
	if p.docs && p.detail.Hidden {
		p.empty.SetText("Choose a document on the left.")
	}
	p.rebuild()
}

// rebuild lays out the list's rows under the filter.
func (p *handoffPane) rebuild() {
	if p.list == nil {
		return
	}
	p.view = p.view[:0]
	section, group := forms.SectionID(""), "\x00"
	for i, r := range p.rows {
		if !p.shown(r) {
			continue
		}
		if r.Section != section && !p.docs {
			section, group = r.Section, ""
			sec, _ := forms.SectionByID(r.Section)
			p.view = append(p.view, viewRow{heading: sec.Title, level: 1})
		}
		if r.Group != group && !p.docs {
			group = r.Group
			if group != "" {
				p.view = append(p.view, viewRow{heading: group, level: 2})
			}
		}
		p.view = append(p.view, viewRow{item: i})
	}
	if len(p.view) == 0 {
		msg := "Nothing to show."
		switch p.filter.Selected {
		case showNotEntered:
			msg = "Everything is entered."
		case showChanged:
			msg = "Nothing has changed since it was entered."
		}
		p.view = append(p.view, viewRow{heading: msg, level: 3})
	}
	// Headings are drawn shorter than items.
	for v := range p.short {
		if v >= len(p.view) || p.view[v].heading == "" {
			p.list.SetItemHeight(v, p.itemH)
			delete(p.short, v)
		}
	}
	for v, r := range p.view {
		if r.heading != "" && !p.short[v] {
			p.list.SetItemHeight(v, p.headH)
			p.short[v] = true
		}
	}
	p.list.Refresh()
	p.list.UnselectAll()
	if v := p.viewIndex(p.sel); v >= 0 {
		p.list.Select(v)
	} else if p.sel >= 0 {
		// The filter hides the chosen item now (it was just ticked): the
		// next one shown takes its place.
		sel := p.sel
		p.sel = -1
		for v, r := range p.view {
			if r.heading == "" && r.item > sel {
				p.list.Select(v)
				break
			}
		}
	}
	p.refreshDetail()
}

func (p *handoffPane) shown(r forms.HandOffRow) bool {
	switch p.filter.Selected {
	case showNotEntered:
		return r.State != forms.Entered && (r.Tickable() || !p.docs)
	case showChanged:
		return r.State == forms.ChangedSinceEntered
	}
	return true
}

func (p *handoffPane) viewIndex(item int) int {
	if item < 0 {
		return -1
	}
	for v, r := range p.view {
		if r.heading == "" && r.item == item {
			return v
		}
	}
	return -1
}

// choose makes view row v the chosen item.
func (p *handoffPane) choose(v int) {
	if v < 0 || v >= len(p.view) || p.view[v].heading != "" {
		return
	}
	p.sel = p.view[v].item
	p.refreshDetail()
}

// step moves the choice by one item, over headings.
func (p *handoffPane) step(by int) {
	v := p.viewIndex(p.sel)
	for n := v + by; n >= 0 && n < len(p.view); n += by {
		if p.view[n].heading == "" {
			p.list.Select(n)
			return
		}
	}
}

// selectNext chooses the next item, after the chosen one and round again
// from the top, that is not entered.
func (p *handoffPane) selectNext() {
	n := len(p.rows)
	for k := 1; k <= n; k++ {
		i := (p.sel + k + n) % n
		if p.sel < 0 {
			i = k - 1
		}
		if r := p.rows[i]; r.State != forms.Entered && r.Tickable() {
			if p.viewIndex(i) < 0 {
				p.filter.SetSelected(showAll)
			}
			p.list.Select(p.viewIndex(i))
			return
		}
	}
	p.h.setStatus("Everything here is entered.")
}

func (p *handoffPane) copySelected() {
	if p.sel < 0 {
		p.h.setStatus("Choose an answer first.")
		return
	}
	r := p.rows[p.sel]
	if r.Text == "" {
		p.h.setStatus("Nothing to copy: " + notAnsweredHint(r))
		return
	}
	p.h.copy(r)
}

// toggleSelected ticks the chosen item, or takes its tick away; it
// reports whether the item is now ticked.
func (p *handoffPane) toggleSelected() bool {
	if p.sel < 0 || !p.rows[p.sel].Tickable() {
		return false
	}
	r := p.rows[p.sel]
	on := r.State != forms.Entered
	p.h.setTick(r.HandOffItem, on)
	return on
}

func notAnsweredHint(r forms.HandOffRow) string {
	if r.File != nil {
		return withoutCodes(r.File.ToDo)
	}
	return "this answer is empty in the draft."
}

// refreshDetail shows the chosen item on the right.
func (p *handoffPane) refreshDetail() {
	if p.sel < 0 || p.sel >= len(p.rows) {
		p.detail.Hide()
		p.empty.Show()
		return
	}
	r := p.rows[p.sel]
	p.empty.Hide()
	p.detail.Show()
	p.quiet = true
	defer func() { p.quiet = false }()
	p.where.SetText(forms.MaskNHSNumbers(r.Where()))
	p.tick.SetChecked(r.State == forms.Entered)
	if r.Tickable() {
		p.tick.Enable()
		p.copyBtn.Enable()
	} else {
		p.tick.Disable()
		p.copyBtn.Disable()
	}
	p.state.SetText(stateText(r))
	p.state.Importance = widget.MediumImportance
	if r.State == forms.ChangedSinceEntered {
		p.state.Importance = widget.WarningImportance
	}
	p.state.Refresh()
	p.warn.SetText("")
	p.warn.Hide()
	if r.Identifiers > 0 {
		p.warn.SetText(fmt.Sprintf("This holds what looks like %s. Copy masks %s as 943 *** ****; a DARS application must never hold one: take %s out in the draft.",
			map[bool]string{true: "an NHS number", false: fmt.Sprint(r.Identifiers, " NHS numbers")}[r.Identifiers == 1],
			map[bool]string{true: "it", false: "them"}[r.Identifiers == 1], map[bool]string{true: "it", false: "them"}[r.Identifiers == 1]))
		p.warn.Show()
	}
	if r.File != nil {
		p.detailDocument(r)
		return
	}
	p.meta.SetText(fmt.Sprintf("%s · %s", thousands(r.Length()), r.Path))
	text := r.Text
	if r.Identifiers > 0 {
		text = forms.MaskNHSNumbers(text)
	}
	if text == "" {
		text = "Not answered in the draft: answer it there first, or leave the box empty in DARS Online if the portal allows."
	} else if n := utf8.RuneCountInString(text); n > previewRunes {
		text = string([]rune(text)[:previewRunes]) + fmt.Sprintf("…\n\n(%s more: Copy copies the whole answer.)", thousands(n-previewRunes))
	}
	p.preview.SetText(text)
	p.previewBox.ScrollToTop()
}

func (p *handoffPane) detailDocument(r forms.HandOffRow) {
	f := r.File
	var meta []string
	if f.Type != "" {
		meta = append(meta, f.Type)
	}
	if f.Version != "" {
		meta = append(meta, "version "+f.Version)
	}
	p.meta.SetText(strings.Join(meta, " · "))
	var b strings.Builder
	if f.UploadName != "" {
		fmt.Fprintf(&b, "Upload as: %s\n", forms.MaskNHSNumbers(f.UploadName))
	}
	size, sum := f.Size, f.SHA256
	if w, ok := p.h.written[f.UploadName]; ok && f.Generated {
		size, sum = w.Size, w.SHA256
	}
	if sum != "" {
		fmt.Fprintf(&b, "Size: %s (%s bytes)\nSHA-256: %s\n", forms.HumanBytes(size), thousandsInt(size), sum)
	} else if f.Generated {
		b.WriteString("Size and SHA-256: known once Open folder has written it.\n")
	}
	if f.ToDo != "" {
		fmt.Fprintf(&b, "\n%s", withoutCodes(f.ToDo))
	}
	p.preview.SetText(strings.TrimSpace(b.String()))
}

func stateText(r forms.HandOffRow) string {
	when := r.TickedAt.Local().Format("2 Jan 2006 at 15:04")
	switch {
	case r.File != nil && !r.Tickable():
		return "Nothing to upload yet."
	case r.State == forms.Entered && r.File != nil:
		return "Uploaded to DARS Online on " + when + "."
	case r.State == forms.Entered:
		return "Entered in DARS Online on " + when + "."
	case r.State == forms.ChangedSinceEntered && r.File != nil:
		return "Changed since it was uploaded on " + when + ": upload this version in its place, then tick it again."
	case r.State == forms.ChangedSinceEntered:
		return "Changed since it was entered on " + when + ": paste it into DARS Online again, then tick it again."
	}
	return "Not yet entered in DARS Online."
}

// thousands is a character count for people: "1,234 characters".
func thousands(n int) string {
	if n == 1 {
		return "1 character"
	}
	return thousandsInt(int64(n)) + " characters"
}

func thousandsInt(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// oneLinePreview folds the start of a text onto one line for a list row.
func oneLinePreview(s string, n int) string {
	if len(s) > 4*n {
		i := 4 * n
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return s
}
