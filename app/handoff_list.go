package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// keyList is the hand-off's list: ↑ and ↓ choose the next item (not merely
// move a focus mark, as Fyne's list does, which would need Space after every
// step), Space ticks the chosen item and Return copies it. The chosen row's
// highlight is the list's only cursor, so Fyne's separate focus mark is not
// drawn.
type keyList struct {
	widget.List
	p *handoffPane
}

func newKeyList(p *handoffPane) *keyList {
	l := &keyList{p: p}
	l.Length = func() int { return len(p.view) }
	l.CreateItem = newHandoffRow
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { p.updateRow(id, o.(*handoffRowObj)) }
	l.OnSelected = func(id widget.ListItemID) {
		if id < len(p.view) && p.view[id].heading != "" {
			// A heading is not an item: keep the choice where it was.
			l.UnselectAll()
			if v := p.viewIndex(p.sel); v >= 0 {
				l.Select(v)
			}
			return
		}
		p.choose(id)
	}
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyList) FocusGained() {}
func (l *keyList) FocusLost()   {}

func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		l.p.step(1)
	case fyne.KeyUp:
		l.p.step(-1)
	case fyne.KeyPageDown:
		for range 10 {
			l.p.step(1)
		}
	case fyne.KeyPageUp:
		for range 10 {
			l.p.step(-1)
		}
	case fyne.KeySpace:
		// Paste, tick, next: a tick moves on to the next item, an untick
		// stays to be put right.
		before := l.p.sel
		if l.p.toggleSelected() && l.p.sel == before {
			l.p.step(1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		l.p.copySelected()
	}
}

func (l *keyList) TypedRune(rune) {}

// handoffRowObj is one row of the list: a heading, or an item with its
// tick, state, label and preview (two lines of one rich text, so the row
// stays compact), length and Copy.
type handoffRowObj struct {
	widget.BaseWidget
	heading *widget.Label
	check   *widget.Check
	icon    *widget.Icon
	text    *widget.RichText
	count   *widget.Label
	copyBtn *widget.Button
	item    *fyne.Container
	// quiet is set while the row is being filled, so its tick does not
	// tick the item it showed before.
	quiet bool
}

func newHandoffRow() fyne.CanvasObject {
	r := &handoffRowObj{
		heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		check:   widget.NewCheck("", nil),
		icon:    widget.NewIcon(nil),
		text:    widget.NewRichText(&widget.TextSegment{Text: "Label"}, &widget.TextSegment{Text: "Preview"}),
		count:   widget.NewLabel(""),
		copyBtn: widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), nil),
	}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.count.Importance = widget.LowImportance
	r.count.Alignment = fyne.TextAlignTrailing
	r.heading.Truncation = fyne.TextTruncateEllipsis
	r.item = container.NewBorder(nil, nil, container.NewHBox(r.check, r.icon), container.NewHBox(r.count, container.NewCenter(r.copyBtn)), r.text)
	r.ExtendBaseWidget(r)
	return r
}

func (r *handoffRowObj) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.heading, r.item))
}

// setText shows the row's label, and under it a muted line.
func (r *handoffRowObj) setText(label, sub string, warn bool) {
	top := widget.RichTextStyleParagraph
	if warn {
		top.ColorName = theme.ColorNameWarning
	}
	bottom := widget.RichTextStyleParagraph
	bottom.ColorName = theme.ColorNamePlaceHolder
	r.text.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: label, Style: top},
		&widget.TextSegment{Text: sub, Style: bottom},
	}
	r.text.Refresh()
}

// label is the row's first line, for tests.
func (r *handoffRowObj) label() string { return r.text.Segments[0].(*widget.TextSegment).Text }

func (p *handoffPane) updateRow(id widget.ListItemID, r *handoffRowObj) {
	if id >= len(p.view) {
		return
	}
	v := p.view[id]
	if v.heading != "" {
		r.item.Hide()
		r.heading.Show()
		r.heading.SetText(forms.MaskNHSNumbers(v.heading))
		r.heading.Importance = widget.MediumImportance
		if v.level == 2 {
			r.heading.Importance = widget.HighImportance
		}
		if v.level == 3 {
			r.heading.Importance = widget.LowImportance
		}
		r.heading.Refresh()
		return
	}
	r.heading.Hide()
	r.item.Show()
	row := p.rows[v.item]
	r.quiet = true
	r.check.SetChecked(row.State == forms.Entered)
	r.quiet = false
	r.check.OnChanged = func(on bool) {
		if !r.quiet {
			p.h.setTick(row.HandOffItem, on)
		}
	}
	if row.Tickable() {
		r.check.Enable()
		r.copyBtn.Enable()
	} else {
		r.check.Disable()
		r.copyBtn.Disable()
	}
	switch {
	case row.Identifiers > 0:
		r.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	case row.State == forms.ChangedSinceEntered:
		r.icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	case row.State == forms.Entered:
		r.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	default:
		r.icon.SetResource(theme.NewDisabledResource(theme.RadioButtonIcon()))
	}
	title := row.Label
	if row.Entry != "" {
		title = row.Entry + " › " + title
	}
	changed := row.State == forms.ChangedSinceEntered
	if changed {
		title += " — changed since entered"
	}
	title = forms.MaskNHSNumbers(title)
	if p.docs {
		p.updateDocRow(row, r, title, changed)
		return
	}
	text := row.Text
	if row.Identifiers > 0 {
		text = forms.MaskNHSNumbers(text)
	}
	sub := "Not answered in the draft"
	if text != "" {
		sub = oneLinePreview(text, 160)
	}
	r.setText(title, sub, changed)
	r.count.SetText(thousandsInt(int64(row.Length())))
	r.copyBtn.SetText("Copy")
	if row.Text == "" {
		r.copyBtn.Disable()
	}
	r.copyBtn.OnTapped = func() {
		p.list.Select(p.viewIndex(v.item))
		p.h.copy(row)
	}
}

func (p *handoffPane) updateDocRow(row forms.HandOffRow, r *handoffRowObj, title string, changed bool) {
	f := row.File
	if f.Version != "" {
		title += " · version " + f.Version
	}
	sub := withoutCodes(f.ToDo)
	r.count.SetText("")
	if f.UploadName != "" {
		sub = forms.MaskNHSNumbers(f.UploadName)
		size := f.Size
		if w, ok := p.h.written[f.UploadName]; ok && f.Generated {
			size = w.Size
		}
		if size > 0 {
			r.count.SetText(forms.HumanBytes(size))
		}
		if f.ToDo != "" && !f.Generated {
			sub += " — " + withoutCodes(f.ToDo)
		}
	}
	r.setText(title, sub, changed)
	r.copyBtn.SetText("Copy name")
	r.copyBtn.OnTapped = func() {
		p.list.Select(p.viewIndex(p.indexOf(row.Key)))
		p.h.copy(row)
	}
}

func (p *handoffPane) indexOf(key string) int {
	for i, r := range p.rows {
		if r.Key == key {
			return i
		}
	}
	return -1
}
