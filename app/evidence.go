package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
)

// evidenceView is the Evidence section: the items the answers require and
// why (R-E3), and every evidence item with its attached file (R-E1, R-E2).
type evidenceView struct {
	e  *Editor
	es EvidenceStore // nil when the store keeps no files

	progress *widget.Label
	bar      *widget.ProgressBar
	required *fyne.Container
	addAll   *widget.Button
	items    *fyne.Container
	status   *widget.Label
	// cards, problems and summaries are per evidence item, in model order;
	// nil for an item of a long list not yet built (it is built as it
	// comes into view).
	cards     []fyne.CanvasObject
	problems  []*wrapLabel
	summaries []*wrapLabel
	lazy      *lazyRows
	// shownRequired is what the required list was last built from, so
	// that a keystroke rebuilds it only when it changes.
	shownRequired string
	object        fyne.CanvasObject
	// registered holds the answer paths already pointing at a line.
	registered map[string]bool
	// open remembers which items are unfolded, by item ID.
	open map[string]bool
}

func newEvidenceView(e *Editor) fyne.CanvasObject { return buildEvidenceView(e).object }

func buildEvidenceView(e *Editor) *evidenceView {
	v := &evidenceView{e: e, open: map[string]bool{}}
	e.evidence = v // where a file stored later is shown
	if es, ok := e.ui.evidenceStore(); ok {
		v.es = es
	}
	v.progress = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.bar = widget.NewProgressBar()
	v.required = container.NewVBox()
	v.items = container.NewVBox()
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Importance = widget.LowImportance

	add := widget.NewButtonWithIcon("Add other evidence", flatIcon(theme.ContentAddIcon()), v.onAddOther)
	attachMany := widget.NewButtonWithIcon("Attach files…", flatIcon(theme.FileIcon()), v.onAttachFiles)
	v.addAll = widget.NewButtonWithIcon("Add all suggested", flatIcon(theme.ContentAddIcon()), v.onAddAllRequired)
	v.buildItems()
	v.refresh()
	e.OnFindings(v.refresh)
	e.Window().SetOnDropped(v.onDropped)

	v.object = container.NewVBox(
		v.progress, v.bar,
		container.NewBorder(nil, nil, nil, v.addAll, heading("Required by your answers")),
		Hint("Each line says which answer calls for the document (the readiness panel names the requirement). Add a missing one to the checklist, then attach its file."),
		v.required,
		container.NewBorder(nil, nil, nil, container.NewHBox(attachMany, add), heading("Evidence items")),
		Hint("Attach PDFs of at most 10 MB: choose Attach on an item, Attach files… for several new items at once, or drop files onto this window — onto an item to attach to it, elsewhere to add new items."),
		v.status,
		v.items,
	)
	return v
}

// refresh redraws what depends on the whole draft: progress, the required
// list and each item's problems. Item editors are left alone so typing is
// never interrupted.
func (v *evidenceView) refresh() {
	a := v.e.App()
	done, total := forms.EvidenceProgress(a)
	files := 0
	for _, it := range a.Evidence {
		if it.File != nil {
			files++
		}
	}
	v.progress.SetText(fmt.Sprintf("Required evidence: %d of %d final · %d of %s with a file attached",
		done, total, files, plural(len(a.Evidence), "item")))
	if total > 0 {
		v.bar.SetValue(float64(done) / float64(total))
	} else {
		v.bar.SetValue(1)
	}
	reqs := forms.RequiredEvidence(a)
	missing := 0
	for _, r := range reqs {
		if !r.Met(a) {
			missing++
		}
	}
	if v.addAll != nil {
		v.addAll.SetText(fmt.Sprintf("Add all %d suggested", missing))
		if missing == 1 {
			v.addAll.SetText("Add the one suggested")
		}
		Shown(v.addAll, missing > 0)
	}
	if sig := requiredSignature(a, reqs); sig != v.shownRequired {
		v.shownRequired = sig
		var rows []fyne.CanvasObject
		v.registered = map[string]bool{}
		for _, r := range reqs {
			rows = append(rows, v.requiredRow(r))
		}
		grew := len(rows) != len(v.required.Objects)
		v.required.Objects = rows
		v.redraw(v.required)
		if grew && v.object != nil {
			// Lay the screen out again only when the list changed length:
			// relaying hundreds of items on every keystroke would lag.
			v.object.Refresh()
		}
	}

	for i, l := range v.summaries {
		if l != nil && i < len(a.Evidence) {
			l.SetText(fmt.Sprintf("%d. %s", i+1, itemSummary(a.Evidence[i])))
		}
	}
	Shown(v.status, v.status.Text != "")
	// Each item's findings, found in one pass over them.
	byItem := map[int][]string{}
	for _, f := range v.e.Findings() {
		if i, ok := evidenceIndex(f.Field); ok {
			byItem[i] = append(byItem[i], "• "+f.Message)
		}
	}
	for i, l := range v.problems {
		if l != nil {
			l.SetText(strings.Join(byItem[i], "\n"))
			Shown(l, len(byItem[i]) > 0)
		}
	}
}

// requiredSignature is what the required list shows, in one string.
func requiredSignature(a *forms.Application, reqs []forms.Requirement) string {
	var b strings.Builder
	for _, r := range reqs {
		fmt.Fprintf(&b, "%s|%s|%s|%s|%v|%d|", r.Key, r.Title, r.Period, r.MetBy, r.Met(a), r.Item)
		if r.Met(a) && r.Item >= 0 && r.Item < len(a.Evidence) {
			b.WriteString(string(a.Evidence[r.Item].Status))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// evidenceIndex is the item a field path is in ("evidence[3].title" → 3).
func evidenceIndex(path string) (int, bool) {
	rest, ok := strings.CutPrefix(path, "evidence[")
	if !ok {
		return 0, false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, false
	}
	i, err := strconv.Atoi(rest[:end])
	return i, err == nil && i >= 0
}

func (v *evidenceView) requiredRow(r forms.Requirement) fyne.CanvasObject {
	a := v.e.App()
	title := r.Title
	if r.Period != "" {
		title += ", used " + r.Period
	}
	// The requirement's code is in the readiness finding, where IG leads
	// look for it; here it would be noise.
	why := newWrapLabel("Why: " + r.Because)
	why.Importance = widget.LowImportance
	var icon fyne.Resource
	var right fyne.CanvasObject
	switch {
	case r.MetBy != "":
		icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
		l := widget.NewLabel("Written in this draft")
		why.SetText(strings.TrimSuffix(why.Text, ".") + ". Met by " + r.MetBy + ".")
		v.registerRequirement(r, l)
		right = container.NewVBox(l)
	case !r.Met(a):
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		btn := widget.NewButtonWithIcon("Add to checklist", flatIcon(theme.ContentAddIcon()), func() { v.onAddRequired(r) })
		v.registerRequirement(r, btn)
		right = container.NewVBox(btn)
	default:
		it := a.Evidence[r.Item]
		icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
		if it.Status != forms.EvidenceFinal {
			icon = theme.NewWarningThemedResource(theme.WarningIcon())
		}
		l := widget.NewLabel(fmt.Sprintf("Item %d · %s", r.Item+1, it.Status.Label()))
		v.registerRequirement(r, l)
		right = container.NewVBox(l)
	}
	name := newWrapLabel(title)
	name.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewBorder(nil, nil, widget.NewIcon(flatIcon(icon)), right, container.NewVBox(name, why))
}

// registerRequirement lets a finding about a missing item open its line:
// findings point at the answer that triggered the requirement, and on this
// screen that path means the line (the first, where several share it).
func (v *evidenceView) registerRequirement(r forms.Requirement, obj fyne.CanvasObject) {
	v.e.Field("evidence.required."+r.Key, obj)
	if _, taken := v.registered[r.Field]; !taken {
		v.registered[r.Field] = true
		v.e.Field(r.Field, obj)
	}
}

// buildItems rebuilds every item editor. It runs when items are added or
// removed: the editors hold pointers into the evidence slice, which an
// append may move.
func (v *evidenceView) buildItems() {
	a := v.e.App()
	n := len(a.Evidence)
	v.cards = make([]fyne.CanvasObject, n)
	v.problems = make([]*wrapLabel, n)
	v.summaries = make([]*wrapLabel, n)
	if n > expandAllUpTo {
		// A long checklist builds its items as they come into view.
		if v.lazy == nil {
			v.lazy = v.e.lazyList(n, v.itemCard, func(path string) int {
				if i, ok := evidenceIndex(path); ok && i < len(v.e.App().Evidence) {
					return i
				}
				return -1
			})
		} else {
			v.lazy.reset(n)
		}
		v.items.Objects = []fyne.CanvasObject{v.lazy}
		v.redraw(v.items)
		return
	}
	// Objects is set once: Container.Add lays out on every call, which is
	// quadratic over hundreds of items.
	objs := []fyne.CanvasObject{}
	if n == 0 {
		objs = append(objs, Hint("No evidence items yet."))
	}
	for i := range a.Evidence {
		objs = append(objs, v.itemCard(i))
	}
	v.items.Objects = objs
	v.redraw(v.items)
}

// redraw refreshes a part of the screen once the screen is up; while it is
// being built there is nothing drawn to refresh (and a container's Refresh
// refreshes everything in it).
func (v *evidenceView) redraw(o fyne.CanvasObject) {
	if v.object != nil {
		o.Refresh()
	}
}

// expandAllUpTo is the list length up to which every item is shown open:
// beyond it items start folded to one line, so a checklist of hundreds of
// items stays quick; an item opens on demand or when a finding points at it.
const expandAllUpTo = 30

func (v *evidenceView) expanded(it forms.EvidenceItem) bool {
	if open, ok := v.open[it.ID]; ok {
		return open
	}
	return len(v.e.App().Evidence) <= expandAllUpTo
}

// itemCard is one evidence item: a summary line with its file, and the
// editor beneath it when the item is open.
func (v *evidenceView) itemCard(i int) fyne.CanvasObject {
	it := v.e.App().Evidence[i]
	p := fmt.Sprintf("evidence[%d]", i)
	problems := newWrapLabel("")
	problems.Importance = widget.WarningImportance
	problems.Hide()
	v.problems[i] = problems

	body := container.NewVBox()
	card := container.NewVBox()
	id := it.ID
	opened, closed := flatIcon(theme.MenuDropUpIcon()), flatIcon(theme.MenuDropDownIcon())
	toggle := newFocusButton("", closed, nil)
	// set fills the card without drawing, for the first build; fill redraws.
	set := func(open bool) {
		v.open[id] = open
		toggle.Icon = closed
		body.Objects = nil
		if open {
			toggle.Icon = opened
			if i := v.indexOf(id); i >= 0 {
				body.Objects = []fyne.CanvasObject{v.itemEditor(i), v.fileRow(i, fmt.Sprintf("evidence[%d]", i))}
			}
		}
	}
	fill := func(open bool) {
		set(open)
		toggle.Refresh()
		body.Refresh()
	}
	toggle.OnTapped = func() { fill(!v.open[id]) }
	// A finding that points into a folded item opens it.
	toggle.onFocus = func() {
		if !v.open[id] {
			fill(true)
		}
	}
	v.e.Field(p, toggle)
	summary := newWrapLabel(fmt.Sprintf("%d. %s", i+1, itemSummary(it)))
	v.summaries[i] = summary
	card.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, toggle, nil, summary), body, problems, widget.NewSeparator()}
	set(v.expanded(it))
	v.cards[i] = card
	return card
}

// itemSummary is an item in one line: what it is and where it stands.
func itemSummary(it forms.EvidenceItem) string {
	parts := []string{itemLabel(it)}
	if v := strings.TrimSpace(it.Version); v != "" {
		parts[0] += " v" + v
	}
	parts = append(parts, it.Type.Label())
	if it.Status != "" {
		parts = append(parts, it.Status.Label())
	}
	if it.File != nil {
		parts = append(parts, it.File.Name+" ("+forms.HumanBytes(it.File.Size)+")")
	} else {
		parts = append(parts, "no file")
	}
	return strings.Join(parts, " · ")
}

// itemEditor edits an item's fields.
func (v *evidenceView) itemEditor(i int) fyne.CanvasObject {
	e := v.e
	it := &e.App().Evidence[i]
	p := fmt.Sprintf("evidence[%d]", i)
	title := e.TextEntry(p+".title", &it.Title, "Title of the document", nil)
	version := e.TextEntry(p+".version", &it.Version, "e.g. 3.1", nil)
	kind := Choose(e, p+".type", forms.EvidenceTypeChoices, &it.Type, nil)
	status := Choose(e, p+".status", forms.EvidenceStatusChoices, &it.Status, nil)
	docDate := e.DateEntry(p+".document_date", &it.DocumentDate)
	validUntil := e.DateEntry(p+".valid_until", &it.ValidUntil)
	notes := e.TextEntry(p+".notes", &it.Notes, "Notes", nil)
	id := it.ID
	remove := widget.NewButtonWithIcon("Remove", flatIcon(theme.DeleteIcon()), func() { v.onRemove(id) })
	return container.NewVBox(
		container.NewGridWithColumns(4, labelled("Type", kind), labelled("Title", title), labelled("Version", version), labelled("Status", status)),
		container.NewBorder(nil, nil, nil, container.NewVBox(layoutSpacer(), remove),
			container.NewGridWithColumns(3, labelled("Document date", docDate), labelled("Valid until", validUntil), labelled("Notes", notes))),
	)
}

func layoutSpacer() fyne.CanvasObject { return widget.NewLabel("") }

// focusButton is a button that reports when it gains focus, so "open this
// field" can unfold the item it stands for.
type focusButton struct {
	widget.Button
	onFocus func()
}

func newFocusButton(label string, icon fyne.Resource, tapped func()) *focusButton {
	b := &focusButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

func (b *focusButton) FocusGained() {
	b.Button.FocusGained()
	if b.onFocus != nil {
		b.onFocus()
	}
}

func labelled(label string, obj fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.Importance = widget.LowImportance
	return container.NewBorder(l, nil, nil, nil, obj)
}

// fileRow shows the attached file with size and hash, and its actions.
func (v *evidenceView) fileRow(i int, path string) fyne.CanvasObject {
	it := v.e.App().Evidence[i]
	id := it.ID
	if v.es == nil {
		return Hint("Files cannot be attached: this store keeps no files.")
	}
	history := widget.NewButtonWithIcon("History…", flatIcon(theme.HistoryIcon()), func() { v.onHistory(id) })
	if it.File == nil {
		attach := widget.NewButtonWithIcon("Attach…", flatIcon(theme.FileIcon()), func() { v.onChooseFile(id) })
		v.e.Field(path+".file", attach)
		return container.NewBorder(nil, nil, nil, container.NewHBox(attach, history), Hint("No file attached."))
	}
	f := *it.File
	summary := newWrapLabel(fileSummary(f))
	hash := newWrapLabel("SHA-256 " + f.SHA256)
	hash.Importance = widget.LowImportance
	replace := widget.NewButtonWithIcon("Replace…", flatIcon(theme.ViewRefreshIcon()), func() { v.onChooseFile(id) })
	open := widget.NewButtonWithIcon("Open", flatIcon(theme.VisibilityIcon()), func() { v.onOpen(f) })
	detach := widget.NewButtonWithIcon("Detach", flatIcon(theme.ContentClearIcon()), func() { v.onDetach(id) })
	v.e.Field(path+".file", replace)
	return container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(flatIcon(theme.FileIcon())), container.NewHBox(open, replace, detach, history), summary),
		hash)
}

// fileSummary is what a person needs to recognise a file: name, size and
// whether it is a PDF; the hash is shown beneath it.
func fileSummary(f forms.Attachment) string {
	kind := "PDF"
	switch {
	case !f.IsPDF:
		kind = "not a PDF"
	case f.NotFullyInspected != "":
		kind = "PDF, not fully inspected"
	}
	return fmt.Sprintf("%s · %s · %s", f.Name, forms.HumanBytes(f.Size), kind)
}

func (v *evidenceView) indexOf(id string) int {
	for i, it := range v.e.App().Evidence {
		if it.ID == id {
			return i
		}
	}
	return -1
}

func (v *evidenceView) onAddRequired(r forms.Requirement) {
	a := v.e.App()
	a.Evidence = append(a.Evidence, forms.NewEvidenceFor(r))
	v.afterListChange(len(a.Evidence) - 1)
}

// onAddAllRequired puts every document the answers call for and the
// checklist lacks on it in one step. The page stays where it was: the
// person reads on down the list rather than being taken to the last item.
func (v *evidenceView) onAddAllRequired() {
	a := v.e.App()
	added := 0
	for _, r := range forms.RequiredEvidence(a) {
		if !r.Met(a) {
			a.Evidence = append(a.Evidence, forms.NewEvidenceFor(r))
			added++
		}
	}
	if added == 0 {
		return
	}
	v.afterListChange(-1) // no item focused, so no scrolling to one
	v.status.SetText(fmt.Sprintf("Added %s to the checklist: attach each one's file below.", plural(added, "suggested item")))
	v.refresh()
}

func (v *evidenceView) onAddOther() {
	a := v.e.App()
	a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: forms.NewID(), Type: forms.EvOther, Status: forms.EvidenceDraft})
	v.afterListChange(len(a.Evidence) - 1)
}

func (v *evidenceView) onRemove(id string) {
	i := v.indexOf(id)
	if i < 0 {
		return
	}
	it := v.e.App().Evidence[i]
	msg := fmt.Sprintf("Remove “%s” from the checklist?", itemLabel(it))
	if it.File != nil {
		msg += " Its file stays in the store's history."
	}
	dialog.ShowConfirm("Remove evidence item", msg, func(ok bool) {
		if !ok {
			return
		}
		if i = v.indexOf(id); i < 0 {
			return
		}
		a := v.e.App()
		if a.Evidence[i].File != nil && v.es != nil {
			if err := v.es.DetachFile(store.DraftOwner(a.ID), id); err != nil {
				showError(v.e.Window(), "Could not record the file as detached", err)
			}
		}
		a.Evidence = append(a.Evidence[:i], a.Evidence[i+1:]...)
		v.afterListChange(-1)
	}, v.e.Window())
}

// afterListChange rebuilds the items, saves, and focuses a new item's title.
func (v *evidenceView) afterListChange(focus int) {
	v.buildItems()
	v.e.Changed()
	if focus >= 0 {
		v.e.Open(forms.SectionEvidence, fmt.Sprintf("evidence[%d].title", focus))
	}
}

func (v *evidenceView) onChooseFile(id string) {
	title := "Attach a document"
	if i := v.indexOf(id); i >= 0 {
		title = fmt.Sprintf("Attach a document to item %d, %s", i+1, itemLabel(v.e.App().Evidence[i]))
	}
	v.e.ui.chooseOpen(v.e.Window(), fileRequest{Kind: kindAttach, Title: title, Confirm: "Attach", Types: []fileType{typePDF}},
		func(path string) { v.attach(id, filepath.Base(path), pathOpener(path)) })
}

// onAttachFiles opens the Evidence section and asks for files to attach,
// from anywhere in the draft window.
func (e *Editor) onAttachFiles() {
	if e.current != forms.SectionEvidence {
		e.Open(forms.SectionEvidence, "")
	}
	if e.evidence != nil {
		e.evidence.onAttachFiles()
	}
}

// onAttachFiles attaches several files at once, each as a new item.
func (v *evidenceView) onAttachFiles() {
	if v.es == nil {
		dialog.ShowInformation("Files cannot be attached", "This store keeps no files, so nothing can be attached.", v.e.Window())
		return
	}
	v.e.ui.chooseMany(v.e.Window(), fileRequest{Kind: kindAttach, Title: "Attach documents as new evidence items", Confirm: "Attach",
		Types: []fileType{typePDF}}, func(paths []string) {
		names := make([]string, len(paths))
		opens := make([]func() (io.ReadCloser, error), len(paths))
		for i, p := range paths {
			names[i], opens[i] = filepath.Base(p), pathOpener(p)
		}
		v.addFiles(names, opens)
	})
}

// attach stores a file for the item off the UI goroutine; the draft is only
// changed once the file is safely in the store (see attachToDraft).
func (v *evidenceView) attach(id, name string, open func() (io.ReadCloser, error)) {
	v.status.SetText("Attaching " + name + "…")
	v.status.Show()
	v.e.ui.attachToDraft(v.es, v.e.App().ID, id, name, open)
}

// onDropped attaches files dropped on the window: one file dropped on an
// item goes to that item; otherwise each file becomes a new item.
func (v *evidenceView) onDropped(pos fyne.Position, uris []fyne.URI) {
	if v.e.current != forms.SectionEvidence {
		dialog.ShowInformation("Files dropped", "Open the Evidence section, then drop the files there to attach them.", v.e.Window())
		return
	}
	if v.es == nil || len(uris) == 0 {
		return
	}
	if i := v.cardAt(pos); i >= 0 && len(uris) == 1 {
		v.attach(v.e.App().Evidence[i].ID, uris[0].Name(), uriOpener(uris[0]))
		return
	}
	names := make([]string, len(uris))
	opens := make([]func() (io.ReadCloser, error), len(uris))
	for i, u := range uris {
		names[i], opens[i] = u.Name(), uriOpener(u)
	}
	v.addFiles(names, opens)
}

// addFiles makes each file a new item and attaches it.
func (v *evidenceView) addFiles(names []string, opens []func() (io.ReadCloser, error)) {
	if v.es == nil || len(names) == 0 {
		return
	}
	a := v.e.App()
	var added []forms.EvidenceItem
	for range names {
		added = append(added, forms.EvidenceItem{ID: forms.NewID(), Type: forms.EvOther, Status: forms.EvidenceDraft})
	}
	a.Evidence = append(a.Evidence, added...)
	// The new items are saved at once, so a file that finishes storing
	// after the window has closed still finds its item.
	v.buildItems()
	v.e.Changed()
	for k, name := range names {
		v.attach(added[k].ID, name, opens[k])
	}
}

// cardAt finds the item whose card is under a point of the window.
func (v *evidenceView) cardAt(pos fyne.Position) int {
	d := fyne.CurrentApp().Driver()
	for i, c := range v.cards {
		if c == nil || !c.Visible() {
			continue
		}
		p, s := d.AbsolutePositionForObject(c), c.Size()
		if pos.X >= p.X && pos.X < p.X+s.Width && pos.Y >= p.Y && pos.Y < p.Y+s.Height {
			return i
		}
	}
	return -1
}

func (v *evidenceView) onOpen(f forms.Attachment) { v.e.ui.viewFile(v.e.Window(), v.es, f) }

func (v *evidenceView) onDetach(id string) {
	i := v.indexOf(id)
	if i < 0 {
		return
	}
	if err := v.es.DetachFile(store.DraftOwner(v.e.App().ID), id); err != nil {
		showError(v.e.Window(), "Could not detach the file", err)
		return
	}
	v.e.App().Evidence[i].File = nil
	v.status.SetText(fmt.Sprintf("Detached the file of item %d; it stays in History.", i+1))
	v.e.notify(v.status.Text)
	v.buildItems()
	v.e.Changed()
}

func (v *evidenceView) onHistory(id string) {
	v.e.ui.showFileHistory(v.e.Window(), v.es, store.DraftOwner(v.e.App().ID), id)
}

// showFileHistory lists every file an item has held, newest first.
func (u *UI) showFileHistory(w fyne.Window, es EvidenceStore, owner, id string) {
	h, err := es.FileHistory(owner, id)
	if err != nil {
		showError(w, "Could not read the file history", err)
		return
	}
	box := container.NewVBox()
	if len(h) == 0 {
		box.Add(Hint("No file has been attached to this item."))
	}
	for _, f := range h {
		state := "current"
		if !f.Removed.IsZero() {
			state = f.Reason + " " + f.Removed.Local().Format("2 Jan 2006 15:04")
		}
		name := widget.NewLabelWithStyle(f.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		meta := widget.NewLabel(fmt.Sprintf("%s · attached %s · %s\nSHA-256 %s", forms.HumanBytes(f.Size),
			f.Attached.Local().Format("2 Jan 2006 15:04"), state, f.SHA256))
		meta.Importance = widget.LowImportance
		att := forms.Attachment{Name: f.Name, SHA256: f.SHA256, Size: f.Size}
		open := widget.NewButtonWithIcon("Open", flatIcon(theme.VisibilityIcon()), func() { u.viewFile(w, es, att) })
		box.Add(container.NewBorder(nil, nil, nil, open, container.NewVBox(name, meta)))
	}
	d := dialog.NewCustom("File history", "Close", container.NewVScroll(box), w)
	d.Resize(fyne.NewSize(720, 420))
	d.Show()
}

func itemLabel(it forms.EvidenceItem) string {
	if t := strings.TrimSpace(it.Title); t != "" {
		return t
	}
	return it.Type.Label()
}
