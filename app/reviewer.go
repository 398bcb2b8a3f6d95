package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// Preference keys for the reviewer's name and role, asked once.
const (
	reviewerNamePref = "reviewer.name"
	reviewerRolePref = "reviewer.role"
)

// reviewSession is a pack opened for review: the verified pack, the review
// being written, and a folder for evidence files opened in the system viewer.
type reviewSession struct {
	e      *Editor
	opened *export.Opened
	review *forms.Review
	tmpDir string
	saved  string
	// summary is the banner's line on the review so far.
	summary *widget.Label
}

// IsPackArg reports whether a command-line argument names a pack to open
// for review: an existing .zip file.
func IsPackArg(arg string) bool {
	if !strings.EqualFold(filepath.Ext(arg), ".zip") {
		return false
	}
	st, err := os.Stat(arg)
	return err == nil && st.Mode().IsRegular()
}

// OpenPack verifies a pack off the UI goroutine (hashing a large pack takes
// a while) and then shows it read-only for review, or says what is wrong.
func (u *UI) OpenPack(path string) {
	prog := dialog.NewCustomWithoutButtons("Checking the pack",
		container.NewVBox(widget.NewLabel("Checking every file of "+filepath.Base(path)+" against its manifest…"), widget.NewProgressBarInfinite()), u.home())
	prog.Show()
	go func() {
		o, err := export.OpenForReview(path)
		u.do(func() {
			prog.Hide()
			if !u.quitting { // no new window once Quit has closed them all
				u.showPack(path, o, err)
			}
		})
	}()
}

// OpenPackOnStart opens a pack for review as soon as the app is running
// (for a pack named on the command line).
func (u *UI) OpenPackOnStart(path string) {
	u.fyne.Lifecycle().SetOnStarted(func() { u.OpenPack(path) })
}

// OpenPackFromAnotherCopy opens a pack that a second copy of the app was
// asked to open (a double-click in the file manager while this window is
// open). Safe from any goroutine.
func (u *UI) OpenPackFromAnotherCopy(path string) {
	u.do(func() {
		if u.quitting {
			return
		}
		w := u.home()
		w.Show()
		w.RequestFocus()
		u.OpenPack(path)
	})
}

// openPackNow is OpenPack on the calling goroutine.
func (u *UI) openPackNow(path string) *Editor {
	o, err := export.OpenForReview(path)
	return u.showPack(path, o, err)
}

func (u *UI) showPack(path string, o *export.Opened, err error) *Editor {
	if errors.Is(err, export.ErrNotVerified) {
		showPackProblems(u.home(), path, o.Report)
		return nil
	}
	if errors.Is(err, export.ErrUnsafePack) {
		showUnsafePack(u.home(), path, err)
		return nil
	}
	if err != nil {
		showError(u.home(), "Could not open the pack", err)
		return nil
	}
	key := "pack:" + o.SHA256
	if ed, ok := u.editors[key]; ok {
		ed.win.RequestFocus()
		return ed
	}
	app := o.Submission.Application.Clone()
	rs := &reviewSession{opened: o, review: forms.NewReview(app, u.fyne.Preferences().String(reviewerNamePref), u.fyne.Preferences().String(reviewerRolePref))}
	// The pack's envelope is what was exported, whatever the model says.
	rs.review.DraftID, rs.review.Revision = o.Submission.DraftID, o.Submission.Revision
	ed := newEditorFor(u, app, rs)
	u.editors[key] = ed
	ed.win.Show()
	u.stepAside()
	// Seen before anything else: the pack carries patient identifiers.
	found, open := ed.draftFound()
	identifiersFlag(ed.win, "This pack carries NHS numbers", fmt.Sprintf("The application in %s holds %s. A DARS application must never "+
		"hold patient identifiers: do not forward the pack, tell the applicant, and ask for a new one without them. "+
		"A review that quotes any of them is saved only with them masked.", filepath.Base(path), plural(len(found), "NHS number")), found, open)
	return ed
}

// showPackProblems says, file by file, why a pack is not shown.
func showPackProblems(w fyne.Window, path string, rep *export.Report) {
	intro := widget.NewLabel(fmt.Sprintf("%s has been changed or damaged since it was exported, so it is not shown: "+
		"what you would read might not be what the applicant sent. Ask them to export the pack again and send you the new file.",
		filepath.Base(path)))
	intro.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	for _, p := range rep.Problems {
		l := widget.NewLabel(problemText(p))
		l.Wrapping = fyne.TextWrapWord
		list.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), nil, l))
	}
	if rep.More > 0 {
		list.Add(widget.NewLabel(fmt.Sprintf("… and %d more problems.", rep.More)))
	}
	body := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list))
	d := dialog.NewCustom("The pack did not pass its checks", "Close", container.NewGridWrap(fyne.NewSize(640, 320), body), w)
	d.Show()
}

// showUnsafePack says why a file was refused before anything in it was
// read: its structure is broken or made to mislead.
func showUnsafePack(w fyne.Window, path string, err error) {
	_, reason, ok := strings.Cut(err.Error(), export.ErrUnsafePack.Error()+": ")
	if !ok {
		reason = err.Error()
	}
	msg := widget.NewLabel(fmt.Sprintf("%s cannot be opened as a pack: %s.\n\n"+
		"Nothing in it was read or kept. The file may be damaged, changed after it was exported, or made to look like a pack. "+
		"Ask the applicant to export the pack again and send you the new file.", filepath.Base(path), strings.TrimSuffix(reason, ".")))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("The pack was refused", "Close", container.NewGridWrap(fyne.NewSize(560, 200), msg), w)
	d.Show()
}

// problemText is a pack problem in plain words.
func problemText(p export.Problem) string {
	s := fmt.Sprintf("%s %s.", p.File, p.Message)
	if p.Expected != "" || p.Found != "" {
		s += fmt.Sprintf("\nThe manifest expects SHA-256 %s\nbut the file has %s", p.Expected, p.Found)
	}
	return s
}

// banner says whose pack this is, which revision, when it was exported,
// and that it is read-only.
func (r *reviewSession) banner() fyne.CanvasObject {
	s := r.opened.Submission
	o := s.Application.Overview
	who := strings.TrimSpace(o.LeadApplicant)
	if who == "" {
		who = "an unnamed applicant"
	}
	if o.LeadOrg != "" {
		who += " (" + o.LeadOrg + ")"
	}
	text := fmt.Sprintf("Pack from %s · revision %d · exported %s · checked: %d files match their hashes. READ-ONLY: you can comment, not change the answers.",
		who, s.Revision, s.ExportedAt.Local().Format("2 Jan 2006 15:04"), r.opened.Report.Files)
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	ev := widget.NewButtonWithIcon("Evidence files…", theme.FolderOpenIcon(), r.onEvidence)
	save := widget.NewButtonWithIcon("Save review…", theme.DocumentSaveIcon(), r.onSave)
	save.Importance = widget.HighImportance
	box := container.NewVBox()
	if found := forms.FindNHSNumbers(forms.Part{Value: s.Application}); len(found) > 0 {
		warn := widget.NewLabelWithStyle(fmt.Sprintf("THIS PACK CARRIES %s: a DARS application must never hold patient identifiers. "+
			"Do not forward it; ask the applicant for a new pack. First: %s", strings.ToUpper(plural(len(found), "NHS number")), found[0]),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.DangerImportance
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), nil, warn))
	}
	box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.VisibilityIcon()), container.NewHBox(ev, save), l))
	r.summary = widget.NewLabel(r.summaryText())
	r.summary.Wrapping = fyne.TextWrapWord
	box.Add(r.summary)
	box.Add(widget.NewSeparator())
	return box
}

// sectionBar sits at the top of each section: comment on the whole section,
// or mark it reviewed with no concerns.
func (r *reviewSession) sectionBar(s forms.SectionID) fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Comment on this section…", theme.MailComposeIcon(), func() { r.onComment("") })
	ok := widget.NewCheck("Reviewed, no concerns", func(on bool) {
		r.review.SetNoConcerns(s, on)
		r.progressChanged()
	})
	ok.SetChecked(r.review.HasNoConcerns(s))
	return container.NewVBox(container.NewHBox(add, ok), widget.NewSeparator())
}

// onComment asks for a comment on a field ("" for the whole section).
func (r *reviewSession) onComment(field string) {
	if field == "" && r.e.current == publicEntryID {
		dialog.ShowInformation("Comment on a text", "The Public entry is not a section of its own: use Comment… beside a text "+
			"to comment on that answer, or open a section to comment on the whole of it.", r.e.win)
		return
	}
	prefs := r.e.ui.fyne.Preferences()
	kind := widget.NewSelect(forms.Labels(forms.CommentKindChoices), nil)
	kind.SetSelected(forms.CommentQuestion.Label())
	text := widget.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(5)
	text.SetPlaceHolder("What should change, or what you want to know")
	name := widget.NewEntry()
	name.SetText(prefs.String(reviewerNamePref))
	// The dialog's button waits until the comment can be kept.
	text.Validator = required(forms.ErrCommentText)
	name.Validator = required(forms.ErrCommentAuthor)
	role := widget.NewEntry()
	role.SetText(prefs.String(reviewerRolePref))
	role.SetPlaceHolder("e.g. IG lead")
	about := forms.PathLabel(field)
	d := dialog.NewForm("Comment: "+about, "Add comment", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Kind", kind), widget.NewFormItem("Comment", text),
		widget.NewFormItem("Your name", name), widget.NewFormItem("Your role", role),
	}, func(ok bool) {
		if !ok {
			return
		}
		prefs.SetString(reviewerNamePref, strings.TrimSpace(name.Text))
		prefs.SetString(reviewerRolePref, strings.TrimSpace(role.Text))
		if err := r.comment(field, forms.CommentKind(forms.ValueOf(forms.CommentKindChoices, kind.Selected)), text.Text, name.Text, role.Text); err != nil {
			showError(r.e.win, "The comment was not added", err)
		}
	}, r.e.win)
	d.Resize(commentDialogSize)
	d.Show()
	r.e.win.Canvas().Focus(text)
}

// comment adds a comment on the current section and shows it.
func (r *reviewSession) comment(field string, kind forms.CommentKind, text, name, role string) error {
	r.review.Reviewer, r.review.Role = strings.TrimSpace(name), strings.TrimSpace(role)
	// From the Public entry, a comment is on the answer, in its section.
	section := r.e.current
	if section == publicEntryID {
		section = forms.SectionOfField(field)
	}
	if _, err := r.review.Comment(r.e.app, section, field, kind, text); err != nil {
		return err
	}
	r.e.showSection(r.e.current)
	r.progressChanged()
	return nil
}

func (r *reviewSession) onRemove(id string) {
	r.review.Remove(id)
	r.e.showSection(r.e.current)
	r.progressChanged()
}

// onSave asks where to save review.json; the PDF summary goes beside it.
func (r *reviewSession) onSave() {
	if len(r.review.Comments) == 0 && len(r.review.NoConcerns) == 0 && len(r.review.Verdicts) == 0 {
		dialog.ShowInformation("Nothing to save yet", "Add a comment, confirm or reopen an answer, or mark a section \"Reviewed, no concerns\", first.", r.e.win)
		return
	}
	// A review carries the pack's title and the answers commented on: a
	// pack that holds an NHS number would send it back.
	found := forms.FindNHSNumbers(export.ReviewParts(r.reviewFile())...)
	identifierGate(r.e.win, gateRequest{what: "The review", found: found, write: r.chooseFile})
}

func (r *reviewSession) chooseFile(mask bool) {
	r.e.ui.chooseSave(r.e.win, fileRequest{Kind: kindReview, Title: "Save the review", Types: []fileType{typeReview}, Name: export.ReviewFileName},
		func(path string) {
			pdf, err := r.saveAs(path, mask)
			if err != nil {
				showError(r.e.win, "Could not save the review", err)
				return
			}
			dialog.ShowInformation("Review saved", fmt.Sprintf("Saved %s (%s) and its PDF summary %s.\nSend %s to the applicant: they import it into their draft with Import review….", path, r.review.Summary(), filepath.Base(pdf), filepath.Base(path)), r.e.win)
		})
}

// save writes the review file and its PDF summary beside it; it returns the
// PDF's path.
func (r *reviewSession) save(path string) (string, error) { return r.saveAs(path, false) }

func (r *reviewSession) reviewFile() *export.ReviewFile {
	return export.NewReviewFile(r.opened, r.review, r.e.ui.fyne.Metadata().Version, r.e.ui.now())
}

// saveAs is save with every NHS number masked when mask is set.
func (r *reviewSession) saveAs(path string, mask bool) (string, error) {
	f := r.reviewFile()
	if mask {
		f = forms.MaskedCopy(f)
	}
	b, err := export.EncodeReview(f)
	if err != nil {
		return "", err
	}
	if err := writeFileAtomic(path, b); err != nil {
		return "", err
	}
	pdf := strings.TrimSuffix(path, filepath.Ext(path)) + ".pdf"
	out, err := os.CreateTemp(filepath.Dir(pdf), ".review-*.pdf")
	if err != nil {
		return "", err
	}
	defer os.Remove(out.Name())
	if err := export.WriteReviewPDF(out, f); err != nil {
		out.Close()
		return "", fmt.Errorf("review PDF: %w", err)
	}
	if err := out.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(out.Name(), pdf); err != nil {
		return "", err
	}
	r.saved = path
	return pdf, nil
}

// onEvidence lists the attached files; each opens in the system viewer.
func (r *reviewSession) onEvidence() {
	var items []forms.EvidenceItem
	for _, e := range r.e.app.Evidence {
		if e.File != nil && e.File.SHA256 != "" {
			items = append(items, e)
		}
	}
	if len(items) == 0 {
		dialog.ShowInformation("Evidence files", "This pack holds no attached evidence files.", r.e.win)
		return
	}
	list := container.NewVBox()
	for _, it := range items {
		item := it
		label := widget.NewLabel(fmt.Sprintf("%s · %s (%s)", item.Title, item.File.Name, humanSize(item.File.Size)))
		label.Truncation = fyne.TextTruncateEllipsis
		open := widget.NewButtonWithIcon("Open", theme.FileIcon(), func() { r.openEvidence(item) })
		list.Add(container.NewBorder(nil, nil, nil, open, label))
	}
	dialog.ShowCustom("Evidence files", "Close", container.NewGridWrap(fyne.NewSize(560, 260), container.NewVScroll(list)), r.e.win)
}

// openEvidence extracts one file (checking its hash again) and hands it to
// the system viewer.
func (r *reviewSession) openEvidence(item forms.EvidenceItem) {
	p, err := r.extract(item)
	if err != nil {
		showError(r.e.win, "Could not open "+item.File.Name, err)
		return
	}
	if err := r.e.ui.fyne.OpenURL(localFileURL(p)); err != nil {
		showError(r.e.win, "No viewer opened "+item.File.Name, fmt.Errorf("%w; the file is at %s", err, p))
	}
}

func (r *reviewSession) extract(item forms.EvidenceItem) (string, error) {
	if r.tmpDir == "" {
		dir, err := os.MkdirTemp("", "dars-review-")
		if err != nil {
			return "", err
		}
		r.tmpDir = dir
	}
	return export.ExtractEvidence(r.opened.Path, item.File, r.tmpDir)
}

// close removes the extracted evidence.
func (r *reviewSession) close() {
	if r.tmpDir != "" {
		os.RemoveAll(r.tmpDir)
	}
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// required is an Entry validator refusing blank text with err.
func required(err error) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return err
		}
		return nil
	}
}
