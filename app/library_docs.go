package app

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
)

// onAttachDoc asks for a security document for the entry being edited.
func (w *libraryWindow) onAttachDoc() {
	w.u.chooseMany(w.win, fileRequest{Kind: kindAttach, Title: "Attach security documents", Confirm: "Attach", Types: []fileType{typePDF}},
		func(paths []string) {
			for _, p := range paths {
				w.attachDoc(filepath.Base(p), pathOpener(p))
			}
		})
}

// attachDoc stores a document for the entry being edited off the UI
// goroutine; docAttached puts it where the entry is by then.
func (w *libraryWindow) attachDoc(name string, open func() (io.ReadCloser, error)) {
	es, ok := w.u.evidenceStore()
	if !ok || w.cur == nil {
		return
	}
	entryID, entryName, id := w.cur.ID, w.cur.Name(), forms.NewID()
	w.status.SetText("Attaching " + name + "…")
	w.u.bg.run(func() func(live bool) {
		att, err := attach(es, store.LibraryOwner(entryID), id, name, open)
		return func(live bool) { w.u.docAttached(entryID, entryName, id, name, att, err, live) }
	})
}

func newSecurityDocument(id, name string, att forms.Attachment) forms.EvidenceItem {
	return forms.EvidenceItem{ID: id, Type: "dspt-evidence", Title: strings.TrimSuffix(name, ".pdf"), Status: forms.EvidenceFinal, File: &att}
}

// docAttached puts a stored document on its library entry: on the copy being
// edited when the library window still shows that entry (Save keeps it, as
// for any change there), otherwise straight onto the stored entry, since
// nobody is editing it any more.
func (u *UI) docAttached(entryID, entryName, id, name string, att forms.Attachment, err error, live bool) {
	w := u.libraryWin
	var win fyne.Window
	if w != nil {
		win = w.win
	}
	if err != nil {
		if w != nil && live {
			w.status.SetText("")
		}
		u.tell(live, win, lateNotice{"Could not attach " + name, err.Error(), true})
		return
	}
	if live && w != nil && w.cur != nil && w.cur.ID == entryID {
		w.cur.SecurityDocuments = append(w.cur.SecurityDocuments, newSecurityDocument(id, name, att))
		w.dirty = true
		w.status.SetText("Attached " + name + ". Save to keep it with the organisation.")
		w.buildDocs(w.docs)
		return
	}
	msg, err := u.docToStored(entryID, id, name, att)
	if err != nil {
		u.tell(live, win, lateNotice{"Could not keep " + name + " with " + entryName, err.Error(), true})
		return
	}
	if live {
		if w != nil {
			w.reload("")
		}
		u.libraryChanged()
	}
	u.tell(live, win, lateNotice{"Document kept", msg, false})
}

func (u *UI) docToStored(entryID, id, name string, att forms.Attachment) (string, error) {
	ls, ok := u.libraryStore()
	if !ok {
		return "", errors.New("this store keeps no organisation library")
	}
	lib, err := ls.Library()
	if err != nil {
		return "", err
	}
	for _, e := range lib {
		if e.ID != entryID {
			continue
		}
		e.SecurityDocuments = append(e.SecurityDocuments, newSecurityDocument(id, name, att))
		if err := ls.SaveLibraryEntry(&e); err != nil {
			return "", err
		}
		return fmt.Sprintf("%s finished storing after you left %s in the library: it is saved with its security documents.", name, e.Name()), nil
	}
	return "", errors.New("the file was stored, but the organisation was deleted from the library meanwhile")
}
