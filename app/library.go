package app

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
)

// libraryWindow is the IG lead's unit assurance library: organisations kept
// once, with their DSFC and security assurance (R-O2, R-O3), linked from
// every draft that names them.
type libraryWindow struct {
	u   *UI
	ls  LibraryStore
	win fyne.Window

	entries []forms.LibraryEntry
	list    *widget.List
	detail  *container.Scroll
	status  *widget.Label
	// cur is the entry being edited, a copy until saved; docs lists its
	// security documents.
	cur    *forms.LibraryEntry
	docs   *fyne.Container
	dirty  bool
	toasts *toaster
}

// showLibrary opens the library window, or raises it.
func (u *UI) showLibrary() {
	if u.libraryWin != nil {
		u.libraryWin.win.RequestFocus()
		return
	}
	ls, ok := u.libraryStore()
	if !ok {
		dialog.ShowInformation("Library", "This store keeps no organisation library.", u.home())
		return
	}
	w := &libraryWindow{u: u, ls: ls, win: u.fyne.NewWindow("Organisation library — DARS Workbench")}
	u.libraryWin = w
	w.status = widget.NewLabel("")
	w.status.Importance = widget.LowImportance
	w.status.Wrapping = fyne.TextWrapWord
	w.list = widget.NewList(
		func() int { return len(w.entries) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, widget.NewLabel("organisation"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(w.entries[i].Name())
			c.Objects[1].(*widget.Icon).SetResource(assuranceMark(w.entries[i], u.today()))
		})
	w.list.OnSelected = func(i widget.ListItemID) { w.onSelect(i) }
	w.detail = container.NewVScroll(Hint("Choose an organisation, or add one."))

	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), w.onAdd)
	imp := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), w.onImport)
	exp := widget.NewButtonWithIcon("Export…", theme.UploadIcon(), w.onExport)
	fromDraft := widget.NewButtonWithIcon("Add from a draft…", theme.ContentCopyIcon(), w.onAddFromDraft)
	intro := Hint("Keep each organisation once. Drafts linked to an entry show its values, and their checks follow them. Export the library to share it with your researchers.")
	top := container.NewVBox(container.NewHBox(add, fromDraft, imp, exp), intro, widget.NewSeparator())
	split := container.NewHSplit(w.list, wheelPassing(w.detail))
	split.Offset = 0.3
	w.toasts = newToaster()
	w.win.SetContent(w.toasts.over(container.NewBorder(top, w.status, nil, nil, split)))
	w.win.Resize(fyne.NewSize(1000, 700))
	w.win.SetCloseIntercept(w.onClose)
	u.addQuitKey(w.win)
	w.reload("")
	w.win.Show()
}

// assuranceMark shows at a glance whether an organisation's security
// assurance holds today (R-O3), by the same rule the drafts' checks use.
func assuranceMark(e forms.LibraryEntry, today forms.Date) fyne.Resource {
	s := e.Security
	s.ISO27001 = s.ISO27001 || strings.TrimSpace(e.ISO27001Certificate) != ""
	if forms.SecurityAssurance(s, today).OK {
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	}
	return theme.NewErrorThemedResource(theme.ErrorIcon())
}

func (w *libraryWindow) reload(selectID string) {
	entries, err := w.ls.Library()
	if err != nil {
		w.status.SetText("Could not read the library: " + err.Error())
		return
	}
	w.entries = entries
	w.list.Refresh()
	w.status.SetText(plural(len(entries), "organisation") + " in the library.")
	for i, e := range entries {
		if e.ID == selectID {
			// Select fires only on a change of index; the entry at this
			// index may be another one now that the list is re-sorted.
			w.list.UnselectAll()
			w.list.Select(i)
		}
	}
}

func (w *libraryWindow) onClose() {
	if w.dirty {
		dialog.ShowConfirm("Unsaved changes", "Close without saving the changes to "+w.cur.Name()+"?", func(ok bool) {
			if ok {
				w.dirty = false
				w.onClose()
			}
		}, w.win)
		return
	}
	w.u.libraryWin = nil
	w.win.Close()
}

func (w *libraryWindow) onSelect(i int) {
	if w.dirty && w.cur != nil && (i >= len(w.entries) || w.entries[i].ID != w.cur.ID) {
		prev := *w.cur
		dialog.ShowConfirm("Unsaved changes", "Save the changes to "+prev.Name()+" first?", func(ok bool) {
			if ok {
				w.save(&prev)
			}
			w.dirty = false
			w.edit(w.entries[i])
		}, w.win)
		return
	}
	w.edit(w.entries[i])
}

func (w *libraryWindow) onAdd() {
	e := forms.LibraryEntry{ID: forms.NewID(), LegalName: "New organisation"}
	w.save(&e)
}

func (w *libraryWindow) save(e *forms.LibraryEntry) {
	if err := w.ls.SaveLibraryEntry(e); err != nil {
		showError(w.win, "Could not save "+e.Name(), err)
		return
	}
	w.dirty = false
	w.reload(e.ID)
	w.u.libraryChanged()
	w.say("Saved " + e.Name() + "; linked drafts now show it.")
}

// edit shows the editor for a copy of e; Save writes it back.
func (w *libraryWindow) edit(e forms.LibraryEntry) {
	cur := e
	w.cur, w.dirty = &cur, false
	mark := func() { w.dirty = true }
	text := func(p *string, placeholder string, validate func(string) error) *widget.Entry {
		en := widget.NewEntry()
		en.SetText(*p)
		en.SetPlaceHolder(placeholder)
		if validate != nil {
			en.Validator = validate
		}
		en.OnChanged = func(s string) { *p = forms.NormaliseLine(s); mark() }
		return en
	}
	date := func(p *forms.Date) fyne.CanvasObject { return newDateInput(p, mark).object }
	check := func(label string, p *bool) *widget.Check {
		c := widget.NewCheck(label, func(b bool) { *p = b; mark() })
		c.SetChecked(*p)
		return c
	}
	s := &cur.Security
	status := widget.NewSelect(forms.Labels(forms.DSPTChoices), func(l string) { s.DSPTStatus = forms.DSPTStatus(forms.ValueOf(forms.DSPTChoices, l)); mark() })
	status.SetSelected(forms.LabelOf(forms.DSPTChoices, string(s.DSPTStatus)))

	form := widget.NewForm(
		widget.NewFormItem("Legal name", text(&cur.LegalName, "As on the DSFC", nil)),
		withHint(widget.NewFormItem("ODS code", text(&cur.ODSCode, "e.g. RGT", forms.ValidateODSCode)), "Where the organisation has one."),
		withHint(widget.NewFormItem("DSFC signed", date(&cur.DSFCSigned)), "The Data Sharing Framework Contract, signed once per organisation."),
		widget.NewFormItem("DSPT organisation code", text(&s.DSPTCode, "e.g. EE133887-SCS", nil)),
		widget.NewFormItem("DSPT status", status),
		widget.NewFormItem("DSPT published", date(&s.DSPTPublished)),
		withHint(widget.NewFormItem("DSPT valid until", date(&s.DSPTValidUntil)), "Every linked draft flags an expired DSPT."),
		widget.NewFormItem("", check("ISO 27001 certified", &s.ISO27001)),
		widget.NewFormItem("ISO 27001 certificate", text(&cur.ISO27001Certificate, "Certificate number", nil)),
		widget.NewFormItem("ISO 27001 scope", text(&cur.ISO27001Scope, "What the certificate covers", nil)),
		widget.NewFormItem("ISO 27001 expiry", date(&s.ISO27001Expiry)),
		widget.NewFormItem("", check("Cyber Essentials Plus", &s.CyberEssentialsPlus)),
		widget.NewFormItem("Cyber Essentials Plus expiry", date(&s.CEPlusExpiry)),
		widget.NewFormItem("ICO registration", text(&cur.ICORegistration, "e.g. Z1234567", forms.ValidateICORegistration)),
		widget.NewFormItem("Notes", text(&cur.Notes, "", nil)),
	)
	saveBtn := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { w.save(w.cur) })
	saveBtn.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { w.onDelete(cur) })
	link := widget.NewButtonWithIcon("Link to a draft's organisation…", theme.MailAttachmentIcon(), func() { w.onLink(cur) })

	docs := container.NewVBox()
	w.docs = docs
	w.buildDocs(docs)
	addDoc := widget.NewButtonWithIcon("Attach document…", theme.FileIcon(), w.onAttachDoc)

	w.detail.Content = container.NewVBox(
		heading(cur.Name()), w.assuranceLine(cur), form,
		container.NewHBox(saveBtn, link, del),
		container.NewBorder(nil, nil, nil, addDoc, heading("Security documents")), docs,
		heading("Used by"), w.usedBy(cur.ID),
	)
	w.detail.ScrollToTop()
	w.detail.Refresh()
	w.dirty = false // filling the form is not a change
}

// assuranceLine says whether the saved assurance holds today and, if not,
// what to do: what every linked draft's checks will say.
func (w *libraryWindow) assuranceLine(e forms.LibraryEntry) fyne.CanvasObject {
	s := e.Security
	s.ISO27001 = s.ISO27001 || strings.TrimSpace(e.ISO27001Certificate) != ""
	a := forms.SecurityAssurance(s, w.u.today())
	l := widget.NewLabel("Security assurance holds today.")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.SuccessImportance
	if !a.OK {
		// Why already says what is wrong and what to do.
		l.SetText(upperFirst(a.Why) + ".")
		l.Importance = widget.DangerImportance
	}
	return l
}

func (w *libraryWindow) buildDocs(box *fyne.Container) {
	box.RemoveAll()
	if len(w.cur.SecurityDocuments) == 0 {
		box.Add(Hint("No documents: attach policies or certificates, like evidence."))
	}
	es, _ := w.u.evidenceStore()
	owner := store.LibraryOwner(w.cur.ID)
	for i := range w.cur.SecurityDocuments {
		d := &w.cur.SecurityDocuments[i]
		title := widget.NewEntry()
		title.SetText(d.Title)
		title.OnChanged = func(s string) { d.Title = forms.NormaliseLine(s); w.dirty = true }
		validInput := newDateInput(&d.ValidUntil, func() { w.dirty = true })
		validInput.entry.SetPlaceHolder("Valid until YYYY-MM-DD")
		valid := validInput.object
		var actions []fyne.CanvasObject
		summary := "No file"
		if d.File != nil && es != nil {
			f := *d.File
			summary = fileSummary(f)
			actions = append(actions, widget.NewButtonWithIcon("Open", theme.VisibilityIcon(), func() { w.u.viewFile(w.win, es, f) }))
		}
		id := d.ID
		if es != nil {
			actions = append(actions, widget.NewButtonWithIcon("History…", theme.HistoryIcon(), func() { w.u.showFileHistory(w.win, es, owner, id) }))
		}
		actions = append(actions, widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			docsWithout := w.cur.SecurityDocuments[:0:0]
			for _, x := range w.cur.SecurityDocuments {
				if x.ID != id {
					docsWithout = append(docsWithout, x)
				}
			}
			if es != nil {
				_ = es.DetachFile(owner, id) // history keeps it either way
			}
			w.cur.SecurityDocuments = docsWithout
			w.dirty = true
			w.buildDocs(box)
		}))
		info := widget.NewLabel(summary)
		info.Importance = widget.LowImportance
		info.Truncation = fyne.TextTruncateEllipsis
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(actions...),
			container.NewVBox(container.NewGridWithColumns(2, title, valid), info)))
	}
	box.Refresh()
}

func (w *libraryWindow) onDelete(e forms.LibraryEntry) {
	dialog.ShowConfirm("Delete organisation", "Delete "+e.Name()+" from the library? Linked drafts keep the values last shown.", func(ok bool) {
		if !ok {
			return
		}
		if err := w.ls.DeleteLibraryEntry(e.ID); err != nil {
			showError(w.win, "Could not delete "+e.Name(), err)
			return
		}
		w.dirty = false
		w.list.UnselectAll()
		w.detail.Content = Hint("Choose an organisation, or add one.")
		w.detail.Refresh()
		w.reload("")
		w.u.libraryChanged()
	}, w.win)
}

// orgRef names one organisation of one draft.
type orgRef struct {
	draftID, draft string
	orgIndex       int
	org            forms.Organisation
}

// allOrganisations lists every organisation of every draft, taking open
// drafts from their windows so nothing typed there is missed.
func (w *libraryWindow) allOrganisations() ([]orgRef, error) {
	drafts, err := w.u.allDrafts()
	if err != nil {
		return nil, err
	}
	var out []orgRef
	for _, a := range drafts {
		for i, o := range a.Organisations {
			out = append(out, orgRef{draftID: a.ID, draft: displayTitle(a.Overview.Title), orgIndex: i, org: o})
		}
	}
	return out, nil
}

func (w *libraryWindow) usedBy(id string) fyne.CanvasObject {
	refs, err := w.allOrganisations()
	if err != nil {
		return Hint("Could not read the drafts: " + err.Error())
	}
	var lines []string
	for _, r := range refs {
		if r.org.LibraryID == id {
			lines = append(lines, "• "+r.draft+" ("+r.org.Name+")")
		}
	}
	if len(lines) == 0 {
		return Hint("No draft links to this organisation yet.")
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// pickOrganisation offers the drafts' organisations that keep accepts, each
// named in full with its draft; allTaken says why there is none to offer
// when every organisation is left out (already linked, already added).
func (w *libraryWindow) pickOrganisation(title, allTaken string, keep func(orgRef) bool, then func(orgRef)) {
	refs, err := w.allOrganisations()
	if err != nil {
		showError(w.win, "Could not read the drafts", err)
		return
	}
	var options []string
	var chosen []orgRef
	for _, r := range refs {
		if keep(r) {
			options = append(options, fmt.Sprintf("%s, in “%s”", displayOrg(r.org.Name), r.draft))
			chosen = append(chosen, r)
		}
	}
	switch {
	case len(refs) == 0:
		dialog.ShowInformation(title, "No draft lists an organisation yet: add one in a draft's Organisations and people section first.", w.win)
		return
	case len(options) == 0:
		dialog.ShowInformation(title, allTaken, w.win)
		return
	}
	// A radio list, not a drop-down: names of trusts and universities are
	// long, and a drop-down cuts them.
	pick := widget.NewRadioGroup(options, nil)
	pick.SetSelected(options[0])
	pick.Required = true
	d := dialog.NewCustomConfirm(title, "Choose", "Cancel", container.NewVScroll(pick), func(ok bool) {
		for i, o := range options {
			if ok && o == pick.Selected {
				then(chosen[i])
			}
		}
	}, w.win)
	d.Resize(fyne.NewSize(min(w.win.Canvas().Size().Width*0.9, 900), 360))
	d.Show()
}

func displayOrg(name string) string {
	if strings.TrimSpace(name) == "" {
		return "(unnamed organisation)"
	}
	return name
}

// onAddFromDraft starts a library entry from an organisation a draft
// already describes, and links that draft to it.
func (w *libraryWindow) onAddFromDraft() {
	w.pickOrganisation("Add from a draft", "Every organisation in your drafts is already linked to a library entry: open one in the list to edit it.",
		func(r orgRef) bool { return r.org.LibraryID == "" }, func(r orgRef) {
			e := forms.LibraryFromOrganisation(r.org)
			if err := w.ls.SaveLibraryEntry(&e); err != nil {
				showError(w.win, "Could not add "+e.Name(), err)
				return
			}
			w.linkDraft(r, e)
			w.reload(e.ID)
		})
}

func (w *libraryWindow) onLink(e forms.LibraryEntry) {
	w.pickOrganisation("Link "+e.Name(), "Every organisation in your drafts is already linked to "+e.Name()+".",
		func(r orgRef) bool { return r.org.LibraryID != e.ID }, func(r orgRef) {
			if w.dirty {
				w.save(w.cur)
			}
			w.linkDraft(r, e)
			w.edit(e)
		})
}

// linkDraft links a draft's organisation to an entry and saves the draft:
// through its window when open, so its autosave keeps the link.
func (w *libraryWindow) linkDraft(r orgRef, e forms.LibraryEntry) {
	if ed, open := w.u.editors[r.draftID]; open {
		if r.orgIndex < len(ed.app.Organisations) {
			ed.app.Organisations[r.orgIndex].ApplyLibrary(e)
			ed.showSection(ed.current)
			ed.Changed()
		}
		w.say("Linked " + r.draft + " to " + e.Name() + ".")
		return
	}
	a, err := w.u.store.Load(r.draftID)
	if err != nil {
		showError(w.win, "Could not open "+r.draft, err)
		return
	}
	if r.orgIndex < len(a.Organisations) {
		a.Organisations[r.orgIndex].ApplyLibrary(e)
	}
	if err := w.u.store.Save(a); err != nil {
		showError(w.win, "Could not save "+r.draft, err)
		return
	}
	w.u.start.refresh()
	w.say("Linked " + r.draft + " to " + e.Name() + ".")
}

// say reports what worked in the status line and in a toast that fades.
func (w *libraryWindow) say(msg string) {
	w.status.SetText(msg)
	w.toasts.show(msg)
}

// upperFirst capitalises a sentence that the domain phrases mid-sentence.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
