package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
)

// attachToDraft stores a file for a draft's evidence item off the UI
// goroutine, then puts it on the item wherever the draft is by then: in its
// open window (a window closed and opened again included), or, once no
// window holds it, in the stored draft. Every outcome is saved or told.
func (u *UI) attachToDraft(es EvidenceStore, draftID, itemID, name string, open func() (io.ReadCloser, error)) {
	u.bg.run(func() func(live bool) {
		att, err := attach(es, store.DraftOwner(draftID), itemID, name, open)
		return func(live bool) { u.attached(draftID, itemID, name, att, err, live) }
	})
}

func (u *UI) attached(draftID, itemID, name string, att forms.Attachment, err error, live bool) {
	if ed, ok := u.editors[draftID]; ok && ed.review == nil {
		ed.attached(itemID, name, att, err, live)
		return
	}
	title, done, err := u.attachToStored(draftID, itemID, name, att, err)
	if err != nil {
		u.tell(live, nil, lateNotice{"Could not attach " + name + " to " + title, err.Error(), true})
		return
	}
	u.tell(live, nil, lateNotice{"Attachment kept", done, false})
}

// attachToStored puts a file stored after its draft's window closed on the
// stored draft. It returns the draft's title for messages, and either what
// was done or why nothing was.
func (u *UI) attachToStored(draftID, itemID, name string, att forms.Attachment, attachErr error) (title, done string, err error) {
	title = "the draft"
	a, err := u.store.Load(draftID)
	if err == nil {
		title = "“" + displayTitle(a.Overview.Title) + "”"
	}
	switch {
	case attachErr != nil:
		return title, "", attachErr
	case errors.Is(err, forms.ErrNotFound):
		return title, "", fmt.Errorf("the file was stored, but the draft was removed meanwhile")
	case err != nil:
		return title, "", err
	}
	i := indexOfItem(a, itemID)
	if i < 0 {
		return title, "", fmt.Errorf("the file was stored, but its evidence item was removed meanwhile; attach it again if the draft still needs it")
	}
	putFile(&a.Evidence[i], name, att)
	if err := u.store.Save(a); err != nil {
		return title, "", err
	}
	return title, fmt.Sprintf("%s finished storing after the window of %s closed: it is attached to evidence item %d and saved.", name, title, i+1), nil
}

// attached puts a stored file on its item in this open draft. Live, the
// window shows it and autosaves as for any edit; once the UI has gone, the
// draft alone is changed and handed to the autosaver.
func (e *Editor) attached(itemID, name string, att forms.Attachment, err error, live bool) {
	v := e.evidence
	if err != nil {
		if v != nil && live {
			v.status.SetText("")
			v.refresh()
		}
		e.ui.tell(live, e.win, lateNotice{"Could not attach " + name, err.Error(), true})
		return
	}
	i := indexOfItem(e.app, itemID)
	if i < 0 {
		msg := name + " was stored, but its evidence item was removed meanwhile; it stays in the file history."
		if v != nil && live {
			v.status.SetText(msg)
			v.refresh()
			return
		}
		e.ui.tell(live, e.win, lateNotice{"Attachment not kept", msg, true})
		return
	}
	putFile(&e.app.Evidence[i], name, att)
	if !live {
		e.save.submit(e.app.Copy())
		return
	}
	msg := fmt.Sprintf("Attached %s to item %d.", name, i+1)
	if v != nil {
		v.status.SetText(msg)
		v.buildItems()
	}
	e.notify(msg)
	e.Changed()
}

func putFile(it *forms.EvidenceItem, name string, att forms.Attachment) {
	it.File = &att
	if strings.TrimSpace(it.Title) == "" {
		it.Title = strings.TrimSuffix(name, filepath.Ext(name))
	}
}

func indexOfItem(a *forms.Application, itemID string) int {
	for i, it := range a.Evidence {
		if it.ID == itemID {
			return i
		}
	}
	return -1
}

// lateNotice is the outcome of work that finished away from the window that
// started it.
type lateNotice struct {
	title, text string
	failed      bool
}

// tell shows a notice in a dialog on w (the start window when nil) while the
// app runs; once it is quitting or has stopped, a failure goes to stderr
// (what was kept shows when the draft is next opened).
func (u *UI) tell(live bool, w fyne.Window, n lateNotice) {
	if !live || u.quitting {
		if n.failed {
			fmt.Fprintf(os.Stderr, "dars-workbench: %s\n", forms.MaskNHSNumbers(n.title+": "+n.text))
		}
		return
	}
	if w == nil {
		w = u.home()
	}
	if n.failed {
		showError(w, n.title, errors.New(n.text))
		return
	}
	dialog.ShowInformation(n.title, n.text, w)
}
