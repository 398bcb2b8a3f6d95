package app

// No edit is lost when windows close: work that finishes after its window
// has closed is saved or told, the autosaver never blocks, and quitting (from
// inside or from outside) saves everything before the store closes.

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
)

// gatedFile is a file whose reading waits until release is called (or, with
// untilStopped, until the UI has stopped): an attachment "mid-hash" without
// timing anything.
type gatedFile struct {
	path string
	gate chan struct{}
}

func newGatedFile(t *testing.T, name, body string) *gatedFile {
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return &gatedFile{path: p, gate: make(chan struct{})}
}

func (g *gatedFile) open() (io.ReadCloser, error) {
	<-g.gate
	return os.Open(g.path)
}

func (g *gatedFile) release() { close(g.gate) }

// releaseWhenStopped lets the file be read once the UI has stopped, so the
// test knows the attachment is still running then.
func (g *gatedFile) releaseWhenStopped(u *UI) {
	go func() {
		for !u.bg.isStopped() {
			runtime.Gosched()
		}
		g.release()
	}()
}

// openSmall stores a small draft with three evidence items and opens its
// window: the tests here are about what happens around the window, and a
// light draft keeps them quick under the race detector.
func openSmall(t *testing.T, u *UI, st *store.Store) *Editor {
	t.Helper()
	a := forms.NewApplication("Small draft", forms.NewDate(2026, 11, 1))
	for _, title := range []string{"Protocol", "Ethics approval", "Section 251 letter"} {
		a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: forms.NewID(), Type: forms.EvOther, Title: title, Status: forms.EvidenceDraft})
	}
	require.NoError(t, st.Create(a))
	ed := u.openDraft(a.ID)
	require.NotNil(t, ed)
	t.Cleanup(func() { ed.save.close() })
	return ed
}

func storedItem(t *testing.T, st *store.Store, draftID, itemID string) forms.EvidenceItem {
	t.Helper()
	a, err := st.Load(draftID)
	require.NoError(t, err)
	i := indexOfItem(a, itemID)
	require.GreaterOrEqual(t, i, 0)
	return a.Evidence[i]
}

func topText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

func TestAutosaverNeverBlocksAfterClose(t *testing.T) {
	m := &memStore{drafts: map[string][]byte{}}
	a := forms.Example()
	a.ID = forms.NewID()
	require.NoError(t, m.Create(a))
	s := newAutosaver(m, nil, nil)
	s.close()
	s.flush() // returns: nothing is pending

	late := a.Clone()
	late.Overview.Title = "changed after the window closed"
	s.submit(late)
	s.flush()
	got, err := m.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, "changed after the window closed", got.Overview.Title, "a submit after close is saved")
	s.close()
}

func TestAttachmentFinishingAfterTheWindowClosedIsSaved(t *testing.T) {
	u, st := newTestUI(t)
	ed := openSmall(t, u, st)
	ed.App().Evidence[0].Title = ""
	ed.Changed()
	ed.selectSection(forms.SectionEvidence)
	draftID, itemID := ed.App().ID, ed.App().Evidence[0].ID
	f := newGatedFile(t, "protocol-v4.pdf", tinyPDF)

	ed.evidence.attach(itemID, "protocol-v4.pdf", f.open)
	ed.onClose()
	require.Empty(t, u.editors)
	before, err := st.Load(draftID)
	require.NoError(t, err)

	f.release()
	settle(u)
	it := storedItem(t, st, draftID, itemID)
	require.NotNil(t, it.File, "the file reached the stored draft")
	assert.Equal(t, "protocol-v4.pdf", it.File.Name)
	assert.True(t, it.File.IsPDF)
	assert.Equal(t, "protocol-v4", it.Title)
	after, err := st.Load(draftID)
	require.NoError(t, err)
	assert.Equal(t, before.Revision+1, after.Revision)
	assert.Contains(t, topText(u.start.win), "protocol-v4.pdf finished storing after the window")

	// The autosaver of the closed window still works: nothing hangs.
	ed.save.flush()
}

func TestAttachmentWhoseItemWasRemovedIsRefusedWithAMessage(t *testing.T) {
	u, st := newTestUI(t)
	ed := openSmall(t, u, st)
	ed.selectSection(forms.SectionEvidence)
	draftID, itemID := ed.App().ID, ed.App().Evidence[0].ID
	f := newGatedFile(t, "protocol.pdf", tinyPDF)
	ed.evidence.attach(itemID, "protocol.pdf", f.open)

	ed.App().Evidence = ed.App().Evidence[1:]
	ed.Changed()
	ed.onClose()
	before, err := st.Load(draftID)
	require.NoError(t, err)

	f.release()
	settle(u)
	after, err := st.Load(draftID)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the draft is left as it was")
	assert.Contains(t, topText(u.start.win), "evidence item was removed meanwhile")
	h, err := st.FileHistory(store.DraftOwner(draftID), itemID)
	require.NoError(t, err)
	assert.Len(t, h, 1, "the stored file stays in the item's history")
}

func TestAttachmentFailingAfterTheWindowClosedIsTold(t *testing.T) {
	u, st := newTestUI(t)
	ed := openSmall(t, u, st)
	ed.selectSection(forms.SectionEvidence)
	itemID := ed.App().Evidence[0].ID
	gate := make(chan struct{})
	ed.evidence.attach(itemID, "gone.pdf", func() (io.ReadCloser, error) {
		<-gate
		return os.Open(filepath.Join(t.TempDir(), "gone.pdf"))
	})
	ed.onClose()
	close(gate)
	settle(u)
	assert.Contains(t, topText(u.start.win), "Could not attach gone.pdf")
}

// A draft closed and opened again while its file is stored: the file goes
// to the window now open, whose autosave would otherwise write over it.
func TestAttachmentGoesToTheDraftsWindowOpenedAgain(t *testing.T) {
	u, st := newTestUI(t)
	ed := openSmall(t, u, st)
	ed.selectSection(forms.SectionEvidence)
	draftID, itemID := ed.App().ID, ed.App().Evidence[1].ID
	f := newGatedFile(t, "ethics.pdf", tinyPDF)
	ed.evidence.attach(itemID, "ethics.pdf", f.open)
	ed.onClose()

	again := u.openDraft(draftID)
	require.NotNil(t, again)
	t.Cleanup(func() { again.save.close() })
	f.release()
	settle(u)
	i := indexOfItem(again.App(), itemID)
	require.NotNil(t, again.App().Evidence[i].File, "the open window shows the file")
	test.Type(again.fields["overview.summary"].(*widget.Entry), " More.")
	settle(u)
	assert.NotNil(t, storedItem(t, st, draftID, itemID).File, "and its next autosave keeps it")
	assert.Nil(t, u.start.win.Canvas().Overlays().Top(), "nothing to tell: the window shows it")
}

// Quit (the start window closing, File → Quit, Ctrl+Q) saves every open
// draft and waits for files still being stored before the app stops.
func TestQuitSavesOpenDraftsAndWaitsForAttachments(t *testing.T) {
	u, st := newTestUI(t)
	typed := openSmall(t, u, st)
	attaching := openSmall(t, u, st)
	attaching.selectSection(forms.SectionEvidence)
	itemID := attaching.App().Evidence[0].ID
	f := newGatedFile(t, "consent.pdf", tinyPDF)
	attaching.evidence.attach(itemID, "consent.pdf", f.open)
	test.Type(typed.fields["overview.summary"].(*widget.Entry), " Typed just before quitting.")

	u.Quit()
	assert.Empty(t, u.editors, "every draft window closed")
	f.release() // the file was still being stored when Quit came
	settle(u)
	u.Shutdown() // as main does before closing the store
	got, err := st.Load(typed.App().ID)
	require.NoError(t, err)
	assert.Contains(t, got.Overview.Summary, "Typed just before quitting.")
	assert.NotNil(t, storedItem(t, st, attaching.App().ID, itemID).File, "the file in flight is on its item")
}

// When the app is stopped from outside (a signal, the session ending),
// windows never close: Fyne's OnStopped runs Shutdown, which finishes the
// attachment in flight on the open draft and writes its last edits.
func TestStoppedFromOutsideSavesEverything(t *testing.T) {
	u, st := newTestUI(t)
	ed := openSmall(t, u, st)
	ed.selectSection(forms.SectionEvidence)
	itemID := ed.App().Evidence[2].ID
	f := newGatedFile(t, "s251.pdf", tinyPDF)
	ed.evidence.attach(itemID, "s251.pdf", f.open)
	f.releaseWhenStopped(u)
	ed.App().Overview.Summary = "Changed as the session ended."
	ed.Changed()

	stopped, ok := u.fyne.Lifecycle().(interface{ OnStopped() func() })
	require.True(t, ok)
	require.NotNil(t, stopped.OnStopped(), "Shutdown is hooked to Fyne's OnStopped")
	stopped.OnStopped()()

	got, err := st.Load(ed.App().ID)
	require.NoError(t, err)
	assert.Equal(t, "Changed as the session ended.", got.Overview.Summary)
	require.NotNil(t, storedItem(t, st, ed.App().ID, itemID).File)
	assert.Equal(t, "s251.pdf", storedItem(t, st, ed.App().ID, itemID).File.Name)
}

// Leaving the app for another writes every open draft's edits.
func TestLeavingTheAppFlushesDrafts(t *testing.T) {
	u, st := newTestUI(t)
	ed := openSmall(t, u, st)
	ed.App().Overview.Summary = "Written before another app takes the focus."
	ed.Changed()
	left, ok := u.fyne.Lifecycle().(interface{ OnExitedForeground() func() })
	require.True(t, ok)
	left.OnExitedForeground()()
	got, err := st.Load(ed.App().ID)
	require.NoError(t, err)
	assert.Equal(t, "Written before another app takes the focus.", got.Overview.Summary)
}

func TestEveryWindowOffersQuitWithCtrlQ(t *testing.T) {
	u, st := newTestUI(t)
	ed := openSmall(t, u, st)
	for name, menu := range map[string]*fyne.MainMenu{"start": u.start.win.MainMenu(), "draft": ed.win.MainMenu()} {
		items := menu.Items[0].Items
		last := items[len(items)-1]
		assert.True(t, last.IsQuit, name)
		assert.Equal(t, ctrl(fyne.KeyQ), last.Shortcut, name)
	}
	u.showLibrary()
	keys, ok := u.libraryWin.win.Canvas().(fyne.Shortcutable)
	require.True(t, ok)
	keys.TypedShortcut(ctrl(fyne.KeyQ))
	assert.Empty(t, u.editors, "Ctrl+Q in the library window quits, saving the drafts")
	assert.Nil(t, u.libraryWin)
}

// The library keeps a document stored after its window closed.
func TestLibraryDocumentFinishingAfterTheWindowClosedIsKept(t *testing.T) {
	u, st := newTestUI(t)
	e := forms.LibraryEntry{ID: "uoe", LegalName: "University of Exampleton"}
	require.NoError(t, st.SaveLibraryEntry(&e))
	u.showLibrary()
	w := u.libraryWin
	w.list.Select(0)
	require.Equal(t, "uoe", w.cur.ID)
	f := newGatedFile(t, "dspt.pdf", tinyPDF)
	w.attachDoc("dspt.pdf", f.open)
	w.onClose()
	require.Nil(t, u.libraryWin)

	f.release()
	settle(u)
	lib, err := st.Library()
	require.NoError(t, err)
	require.Len(t, lib, 1)
	require.Len(t, lib[0].SecurityDocuments, 1)
	assert.Equal(t, "dspt.pdf", lib[0].SecurityDocuments[0].File.Name)
	assert.Contains(t, topText(u.start.win), "dspt.pdf finished storing")
}

// Unsaved library changes are asked about before quitting; Cancel keeps
// everything open.
func TestQuitAsksAboutUnsavedLibraryChanges(t *testing.T) {
	u, st := newTestUI(t)
	e := forms.LibraryEntry{ID: "uoe", LegalName: "University of Exampleton"}
	require.NoError(t, st.SaveLibraryEntry(&e))
	ed := openSmall(t, u, st)
	u.showLibrary()
	w := u.libraryWin
	w.list.Select(0)
	w.cur.Notes = "Renewal due in spring"
	w.dirty = true

	u.Quit()
	require.Contains(t, topText(w.win), "before quitting")
	tapButton(t, w.win, "Cancel")
	assert.Len(t, u.editors, 1, "nothing closed")
	assert.NotNil(t, u.libraryWin)

	u.Quit()
	tapButton(t, w.win, "Save and quit")
	assert.Empty(t, u.editors)
	assert.Nil(t, u.libraryWin)
	settle(u)
	lib, err := st.Library()
	require.NoError(t, err)
	assert.Equal(t, "Renewal due in spring", lib[0].Notes)
	assert.True(t, ed.closed, "the draft window closed once the library was saved")
}

func tapButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button", label)
}
