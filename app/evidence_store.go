package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
)

// EvidenceStore is what the evidence checklist and the library need to keep
// files: a content-addressed store with each item's history.
type EvidenceStore interface {
	AttachFile(owner, itemID, name string, r io.Reader) (forms.Attachment, error)
	DetachFile(owner, itemID string) error
	FileHistory(owner, itemID string) ([]store.FileVersion, error)
	BlobPath(sha string) (string, error)
	Open(sha string) (io.ReadCloser, error)
}

// The store is where packs read evidence from and put imported files.
var (
	_ export.EvidenceSource = (*store.Store)(nil)
	_ export.BlobStore      = (*store.Store)(nil)
	_ EvidenceStore         = (*store.Store)(nil)
	_ LibraryStore          = (*store.Store)(nil)
)

// LibraryStore is what the library window needs.
type LibraryStore interface {
	Library() ([]forms.LibraryEntry, error)
	SaveLibraryEntry(e *forms.LibraryEntry) error
	DeleteLibraryEntry(id string) error
	ImportLibrary(entries []forms.LibraryEntry) (added, updated int, err error)
}

func (u *UI) evidenceStore() (EvidenceStore, bool) {
	s, ok := u.store.(EvidenceStore)
	return s, ok
}

func (u *UI) libraryStore() (LibraryStore, bool) {
	s, ok := u.store.(LibraryStore)
	return s, ok
}

// library returns the organisation library, or nil when the store has none.
// When it cannot be read the caller says so; drafts then show their own
// answers for linked organisations.
func (u *UI) library() ([]forms.LibraryEntry, error) {
	ls, ok := u.libraryStore()
	if !ok {
		return nil, nil
	}
	lib, err := ls.Library()
	if err != nil {
		return nil, fmt.Errorf("read the organisation library: %w", err)
	}
	return lib, nil
}

// libraryUnread is what a user is told when the library cannot be read.
const libraryUnread = "The organisation library could not be read, so organisations linked to it show this draft's own answers"

// overlayLibrary applies the library to a freshly loaded draft, so every
// screen and check sees the library's current values.
func (u *UI) overlayLibrary(a *forms.Application) error {
	lib, err := u.library()
	forms.OverlayLibrary(a, lib)
	return err
}

// libraryChanged re-applies the library to every open draft and re-runs its
// checks: an expired DSPT shows in every draft that uses the organisation.
func (u *UI) libraryChanged() {
	lib, err := u.library()
	if err != nil {
		showError(u.home(), libraryUnread, err)
		return
	}
	for _, ed := range u.editors {
		forms.OverlayLibrary(ed.app, lib)
		ed.showSection(ed.current)
		ed.Changed()
	}
}

// attach copies a file into the store and inspects it; open is called here
// too, on the worker, so a slow disk never blocks the window.
func attach(es EvidenceStore, owner, itemID, name string, open func() (io.ReadCloser, error)) (forms.Attachment, error) {
	rc, err := open()
	if err != nil {
		return forms.Attachment{}, fmt.Errorf("read %s: %w", name, err)
	}
	defer rc.Close()
	att, err := es.AttachFile(owner, itemID, name, rc)
	if err != nil {
		return att, err
	}
	return inspectStored(es, att)
}

// uriOpener opens a dropped or chosen file by its URI.
func uriOpener(uri fyne.URI) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return storage.Reader(uri) }
}

// pathOpener opens a chosen file when the store is ready to read it.
func pathOpener(p string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return os.Open(p) }
}

// inspectStored adds the PDF facts of a stored file to its record (R-E2).
func inspectStored(es EvidenceStore, att forms.Attachment) (forms.Attachment, error) {
	f, err := es.Open(att.SHA256)
	if err != nil {
		return att, err
	}
	defer f.Close()
	facts, err := export.InspectPDF(f)
	if err != nil {
		return att, fmt.Errorf("inspect %s: %w", att.Name, err)
	}
	return facts.Attachment(att.Name, att.SHA256), nil
}

// viewFile opens a stored file in the system's viewer off the UI goroutine
// and reports a failure in w.
func (u *UI) viewFile(w fyne.Window, es EvidenceStore, att forms.Attachment) {
	go func() {
		if err := openInViewer(es, att); err != nil {
			u.do(func() { showError(w, "Could not open "+att.Name, err) })
		}
	}()
}

// openInViewer copies a stored file under its own name into a private
// temporary folder and asks the system to open it: the store's files have
// no extension, so a viewer could not tell a PDF by name.
func openInViewer(es EvidenceStore, att forms.Attachment) error {
	p, err := viewerCopy(es, att)
	if err != nil {
		return err
	}
	return fyne.CurrentApp().OpenURL(localFileURL(p))
}

// viewerCopy writes the copy openInViewer opens and returns its path.
func viewerCopy(es EvidenceStore, att forms.Attachment) (string, error) {
	src, err := es.Open(att.SHA256)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dir := filepath.Join(os.TempDir(), "dars-workbench-view", att.SHA256[:16])
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	// The name may come from a pack made on another system: a Windows
	// path, a device name such as CON, characters this system refuses.
	p := filepath.Join(dir, export.PortableName(att.Name))
	dst, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return "", err
	}
	return p, dst.Close()
}
