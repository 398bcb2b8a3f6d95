package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// onExport asks where to write the draft's pack, then writes it off the UI
// goroutine with a progress bar. Once the pack is in place a snapshot of
// what it holds is kept, so the history shows exactly what was sent and a
// failed export leaves no trace. While the draft holds an NHS number, the
// identifier gate stands first.
func (e *Editor) onExport() {
	e.save.flush()
	e.gateDraft("The pack", e.choosePack)
}

func (e *Editor) choosePack(mask bool) {
	at := e.ui.now()
	named := e.app
	if mask {
		named = forms.MaskedCopy(e.app)
	}
	e.ui.chooseSave(e.win, fileRequest{Kind: kindExport, Title: "Export the pack", Confirm: "Export",
		Types: []fileType{typePack}, Name: export.PackFileName(named, at)},
		func(path string) { e.exportAs(path, mask) })
}

func (e *Editor) exportTo(path string) { e.exportAs(path, false) }

// exportAs writes the pack to path; mask writes every NHS number masked
// (and the snapshot keeps what was sent).
func (e *Editor) exportAs(path string, mask bool) {
	app := e.app.Clone()
	if mask {
		app = forms.MaskedCopy(app)
	}
	bar := widget.NewProgressBar()
	progress := dialog.NewCustomWithoutButtons("Exporting "+filepath.Base(path), container.NewVBox(widget.NewLabel("Writing PDFs, submission file and evidence…"), bar), e.win)
	progress.Resize(fyne.NewSize(480, 140))
	progress.Show()
	at := e.ui.now()
	var files export.EvidenceSource = noEvidence{}
	if es, ok := e.ui.evidenceStore(); ok {
		files = es
	}
	// Tracked, so quitting waits for the pack and its snapshot.
	e.ui.bg.run(func() func(live bool) {
		err := export.ExportPack(path, app, files, export.PackOptions{
			AppVersion: e.ui.fyne.Metadata().Version,
			At:         at,
			Progress: func(done, total int64) {
				if total > 0 {
					e.ui.do(func() { bar.SetValue(float64(done) / float64(total)) })
				}
			},
		})
		var snapErr error
		if err == nil {
			_, snapErr = e.ui.store.SnapshotOf(app, storage.ReasonExported(filepath.Base(path)))
		}
		return func(live bool) {
			if live {
				progress.Hide()
			}
			w := e.reportWindow()
			if err != nil {
				e.ui.tell(live, w, lateNotice{"The pack was not written, and nothing was changed", err.Error(), true})
				return
			}
			if live && !e.closed {
				e.exported(path)
			}
			if snapErr != nil {
				e.ui.tell(live, w, lateNotice{"The pack is complete, but its snapshot could not be kept in the history", snapErr.Error(), true})
			}
		}
	})
}

// exported tells the user where the pack went and offers its folder.
func (e *Editor) exported(path string) {
	msg := widget.NewLabel(fmt.Sprintf("The pack was written to\n%s\n\nAnyone can check it with: dars-workbench verify %s", path, filepath.Base(path)))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	open := widget.NewButton("Open folder", func() {
		d.Hide()
		if err := openPath(filepath.Dir(path)); err != nil {
			showError(e.win, "Could not open the folder "+filepath.Dir(path), err)
		}
	})
	open.Importance = widget.HighImportance
	d = dialog.NewCustom("Pack exported", "Close", container.NewVBox(msg, open), e.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

// openPath hands a file or folder to the system's viewer.
func openPath(p string) error {
	return fyne.CurrentApp().OpenURL(localFileURL(p))
}

// onImport reads a submission.json or a pack into a new draft.
func (s *startScreen) onImport() {
	s.u.chooseOpen(s.win, fileRequest{Kind: kindImport, Title: "Import a pack or submission file", Confirm: "Import",
		Types: []fileType{typeSubmission}}, s.importFile)
}

// importFile checks and reads the file off the UI goroutine (a pack at the
// limits takes a second or more) and opens the new draft when it is kept.
func (s *startScreen) importFile(path string) {
	blobs, _ := s.u.store.(export.BlobStore)
	var taken []string
	for _, d := range s.drafts {
		taken = append(taken, d.Title)
	}
	today := s.u.today()
	prog := dialog.NewCustomWithoutButtons("Importing "+filepath.Base(path),
		container.NewVBox(widget.NewLabel("Checking every file and reading the draft…"), widget.NewProgressBarInfinite()), s.win)
	prog.Show()
	// Tracked, so quitting waits for the new draft to be kept whole.
	s.u.bg.run(func() func(live bool) {
		im, err := export.Import(path, blobs)
		what := "Could not import " + filepath.Base(path)
		if err == nil {
			im.App.Overview.Title = forms.DistinctTitle(im.App.Overview.Title, taken, today)
			if err = s.u.store.Create(im.App); err != nil {
				what = "Could not keep the imported draft"
			}
		}
		return func(live bool) {
			if !live {
				return // kept (or not) in the store; nobody is left to tell
			}
			prog.Hide()
			if err != nil {
				showError(s.win, what, err)
				return
			}
			s.imported(path, im)
		}
	})
}

// imported opens a draft just imported and says what needs doing.
func (s *startScreen) imported(path string, im *export.Imported) {
	s.refresh()
	s.u.openDraft(im.App.ID)
	ed, ok := s.u.editors[im.App.ID]
	if !ok {
		return
	}
	if len(im.MissingEvidence) > 0 {
		dialog.ShowInformation("Evidence to attach again",
			fmt.Sprintf("The draft was imported, but %d attached files were not in the file and need attaching again:\n%s",
				len(im.MissingEvidence), strings.Join(im.MissingEvidence, "\n")), ed.win)
	}
	// Imported so that the applicant can clean it, and flagged at once.
	found, open := ed.draftFound()
	identifiersFlag(ed.win, "The imported draft holds NHS numbers", fmt.Sprintf("%s holds %s. It was imported so that you can delete them: "+
		"a DARS application must never hold patient identifiers, and until they are gone every export of it is refused. "+
		"The first is open; the readiness panel lists them all.", filepath.Base(path), plural(len(found), "NHS number")), found, open)
}

// noEvidence stands in for a store that keeps no files: a draft with
// attachments then cannot be exported, and export says which file is missing.
type noEvidence struct{}

func (noEvidence) Open(sha string) (io.ReadCloser, error) {
	return nil, fmt.Errorf("%w: %s", export.ErrEvidenceMissing, sha)
}
