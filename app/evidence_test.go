package app

// Screen tests live inside the package: they drive a screen through its
// state (the view struct and the Editor), which the package does not export.

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
)

// openExample stores the worked example, edited, and opens its window.
func openExample(t *testing.T, u *UI, st *store.Store, edit func(a *forms.Application)) *Editor {
	t.Helper()
	a := forms.Example()
	a.ID = forms.NewID()
	if edit != nil {
		edit(a)
	}
	require.NoError(t, st.Create(a))
	u.openDraft(a.ID)
	ed := u.editors[a.ID]
	require.NotNil(t, ed)
	t.Cleanup(func() { ed.save.close() })
	return ed
}

func hasFinding(ed *Editor, id string) bool {
	for _, f := range ed.Findings() {
		if f.CheckID == id {
			return true
		}
	}
	return false
}

func writePDF(t *testing.T, name, body string) fyne.URI {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return storage.NewFileURI(p)
}

const tinyPDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

func TestEvidenceAddRequiredItem(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) { a.Evidence = nil })
	ed.selectSection(forms.SectionEvidence)
	require.True(t, hasFinding(ed, "evidence-research-missing"))

	btn, ok := ed.fields["evidence.required.protocol"].(*widget.Button)
	require.True(t, ok, "a missing requirement offers an Add button")
	test.Tap(btn)
	ed.save.flush()

	a := ed.App()
	require.Len(t, a.Evidence, 1)
	assert.Equal(t, "protocol", a.Evidence[0].Satisfies)
	assert.Equal(t, forms.EvProtocol, a.Evidence[0].Type)
	_, isLabel := ed.fields["evidence.required.protocol"].(*widget.Label)
	assert.True(t, isLabel, "the requirement now points at its item")

	// Typing into the new item's title goes into the model.
	typeInto(ed, "evidence[0].title", "Study protocol v4")
	assert.Equal(t, "Study protocol v4", a.Evidence[0].Title)
}

func TestEvidenceAttachInspectsAndDetachKeepsHistory(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)
	ed.selectSection(forms.SectionEvidence)
	v := buildEvidenceView(ed)
	id := ed.App().Evidence[0].ID

	scripted := "%PDF-1.7\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (x) >> >>\nendobj\n%%EOF\n"
	uri := writePDF(t, "protocol.pdf", scripted)
	v.attach(id, uri.Name(), uriOpener(uri))
	settle(u)

	f := ed.App().Evidence[0].File
	assert.Equal(t, "protocol.pdf", f.Name)
	assert.Equal(t, int64(len(scripted)), f.Size)
	assert.True(t, f.IsPDF)
	assert.True(t, f.ActiveContent)
	assert.True(t, hasFinding(ed, "evidence-file-active-content"))

	// Replace with a clean file: the finding goes, the old file stays in history.
	clean := writePDF(t, "protocol-clean.pdf", tinyPDF)
	v.attach(id, clean.Name(), uriOpener(clean))
	settle(u)
	assert.Equal(t, "protocol-clean.pdf", ed.App().Evidence[0].File.Name)
	assert.False(t, hasFinding(ed, "evidence-file-active-content"))
	assert.Equal(t, "Attached protocol-clean.pdf to item 1.", ed.toasts.last, "an attachment is told in a toast")

	v.onDetach(id)
	assert.Contains(t, ed.toasts.last, "Detached the file of item 1")
	ed.save.flush()
	assert.Nil(t, ed.App().Evidence[0].File)
	h, err := st.FileHistory(store.DraftOwner(ed.App().ID), id)
	require.NoError(t, err)
	require.Len(t, h, 2)
	assert.Equal(t, []string{"detached", "replaced"}, []string{h[0].Reason, h[1].Reason})
}

func TestEvidenceDropAddsItems(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)
	ed.selectSection(forms.SectionEvidence)
	v := buildEvidenceView(ed)
	n := len(ed.App().Evidence)

	notPDF := writePDF(t, "letter.docx", "PK\x03\x04 not a pdf")
	v.onDropped(fyne.NewPos(-10, -10), []fyne.URI{notPDF})
	settle(u)
	require.Len(t, ed.App().Evidence, n+1)
	require.NotNil(t, ed.App().Evidence[n].File)
	it := ed.App().Evidence[n]
	assert.Equal(t, forms.EvOther, it.Type)
	assert.Equal(t, "letter", it.Title, "the title comes from the file name")
	assert.False(t, it.File.IsPDF)
	assert.True(t, hasFinding(ed, "evidence-file-not-pdf"))
}

func TestEvidenceView200Items(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) { a.Evidence = manyItems(200) })
	ed.selectSection(forms.SectionEvidence)
	v := buildEvidenceView(ed)
	assert.Len(t, v.cards, 200)
	assert.Contains(t, v.progress.Text, "of 11 final")
}

func manyItems(n int) []forms.EvidenceItem {
	items := make([]forms.EvidenceItem, n)
	for i := range items {
		items[i] = forms.EvidenceItem{ID: forms.NewID(), Type: forms.EvOther, Title: "Supporting letter", Version: "1", Status: forms.EvidenceFinal,
			File: &forms.Attachment{Name: "letter.pdf", Size: 120_000, SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", IsPDF: true}}
	}
	return items
}

// BenchmarkEvidenceView200Items is the time to build and lay out the
// checklist of a draft with 200 evidence items (the "without lag").
func BenchmarkEvidenceView200Items(b *testing.B) {
	a := test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "workbench.db"))
	require.NoError(b, err)
	defer st.Close()
	u := New(a, st)
	queueReports(u)
	d := forms.Example()
	d.Evidence = manyItems(200)
	require.NoError(b, st.Create(d))
	u.openDraft(d.ID)
	ed := u.editors[d.ID]
	defer ed.save.close()
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 700))
	for b.Loop() {
		v := buildEvidenceView(ed)
		w.SetContent(v.object)
	}
}

func TestEvidenceScreenshot(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) {
		a.Evidence = a.Evidence[:4]
		a.Evidence[0].File = &forms.Attachment{Name: "protocol-v4.pdf", Size: 812_345, SHA256: "9f2c4e0b7d1a3c5e9f2c4e0b7d1a3c5e9f2c4e0b7d1a3c5e9f2c4e0b7d1a3c5e", IsPDF: true}
		a.Evidence[1].Status = forms.EvidenceDraft
	})
	ed.win.Resize(fyne.NewSize(1280, 900))
	ed.selectSection(forms.SectionEvidence)
	assert.Equal(t, forms.SectionEvidence, ed.current)
	assertScreen(t, ed.win, "evidence.png")
	ed.body.ScrollToOffset(fyne.NewPos(0, 1000))
	assertScreen(t, ed.win, "evidence-items.png")
}

func TestAddAllSuggestedAddsEveryMissingItemAndKeepsThePlace(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) { a.Evidence = a.Evidence[:1] })
	ed.win.Resize(fyne.NewSize(1200, 700))
	ed.showSection(forms.SectionEvidence)
	v := ed.evidence
	a := ed.App()
	var missing []string
	for _, r := range forms.RequiredEvidence(a) {
		if !r.Met(a) {
			missing = append(missing, r.Key)
		}
	}
	require.GreaterOrEqual(t, len(missing), 2, "the example lacks several documents")
	require.True(t, v.addAll.Visible())
	assert.Equal(t, fmt.Sprintf("Add all %d suggested", len(missing)), v.addAll.Text)
	before := len(a.Evidence)

	ed.body.ScrollToOffset(fyne.NewPos(0, 120))
	test.Tap(v.addAll)
	settle(u)

	assert.Len(t, ed.App().Evidence, before+len(missing), "one item per missing document, in one step")
	for _, r := range forms.RequiredEvidence(ed.App()) {
		assert.True(t, r.Met(ed.App()), "%s is on the checklist", r.Key)
	}
	assert.Equal(t, float32(120), ed.body.Offset.Y, "the page stays where it was")
	assert.False(t, v.addAll.Visible(), "nothing left to add")
	assert.Contains(t, v.status.Text, fmt.Sprintf("Added %d suggested items", len(missing)))
}
