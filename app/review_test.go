package app

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// memFiles stands in for the evidence file store until storage keeps files.
type memFiles map[string][]byte

func (m memFiles) Open(sum string) (io.ReadCloser, error) {
	b, ok := m[sum]
	if !ok {
		return nil, os.ErrNotExist
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

func (m memFiles) attach(item *forms.EvidenceItem, name string, body []byte) {
	s := sha256.Sum256(body)
	sum := hex.EncodeToString(s[:])
	m[sum] = body
	item.File = &forms.Attachment{Name: name, Size: int64(len(body)), SHA256: sum, IsPDF: true}
}

// exportedDraft stores the worked example with a file attached, saves it
// twice and exports its pack.
func exportedDraft(t *testing.T, u *UI) (*forms.Application, string) {
	t.Helper()
	a, pack, _ := exportedDraftFiles(t, u)
	return a, pack
}

// exportedDraftFiles is exportedDraft with the evidence files, to export
// the draft again.
func exportedDraftFiles(t *testing.T, u *UI) (*forms.Application, string, memFiles) {
	t.Helper()
	files := memFiles{}
	a := forms.Example()
	a.ID = forms.NewID()
	files.attach(&a.Evidence[0], "protocol v4.pdf", []byte("%PDF-1.4 the study protocol\n"))
	require.NoError(t, u.store.Create(a))
	require.NoError(t, u.store.Save(a))
	require.NoError(t, u.store.Save(a))
	a, err := u.store.Load(a.ID)
	require.NoError(t, err)
	pack := filepath.Join(t.TempDir(), "kidney pack.zip")
	require.NoError(t, export.ExportPack(pack, a, files, export.PackOptions{AppVersion: "test", At: u.now()}))
	return a, pack, files
}

// texts is every piece of text shown inside obj, widgets' insides included.
func texts(obj fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(obj) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Check:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		}
	}
	return b.String()
}

func findCheck(obj fyne.CanvasObject, text string) *widget.Check {
	for _, o := range test.LaidOutObjects(obj) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			return c
		}
	}
	return nil
}

// TestReviewEndToEnd: export a pack, open it in reviewer mode, comment,
// save the review, import it into the draft (edited since), resolve a
// comment — on the real store.
func TestReviewEndToEnd(t *testing.T) {
	u, st := newTestUI(t)
	a, pack := exportedDraft(t, u)

	// The reviewer opens the pack: read-only, with a banner.
	r := u.openPackNow(pack)
	require.NotNil(t, r)
	require.NotNil(t, r.review)
	banner := texts(r.win.Content())
	assert.Contains(t, banner, fmt.Sprintf("Pack from Dr Siân Wyn (University of Exampleton) · revision %d", a.Revision))
	assert.Contains(t, banner, "READ-ONLY")
	title := r.fields["overview.title"].(*widget.Entry)
	assert.True(t, title.Disabled(), "answers cannot be edited in a pack")
	assert.Equal(t, a.Overview.Title, title.Text)
	r.Changed() // a stray change signal saves nothing
	assert.Nil(t, r.save)
	sentMap, _ := forms.Encode(r.app)
	r.selectSection(forms.SectionDataFlow)
	refresh := 0
	for _, o := range test.LaidOutObjects(r.body.Content) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Refresh from answers" {
			refresh++
			assert.True(t, b.Disabled(), "the map cannot be rebuilt in a pack")
		}
	}
	assert.Equal(t, 1, refresh)
	nowMap, _ := forms.Encode(r.app)
	assert.Equal(t, string(sentMap), string(nowMap), "showing the map does not change what was sent")
	r.selectSection(forms.SectionOverview)

	// Evidence opens from the pack, checked.
	p, err := r.review.extract(r.app.Evidence[0])
	require.NoError(t, err)
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "%PDF-1.4 the study protocol\n", string(b))

	// Comments on a field and on a section, and a "no concerns" mark.
	require.NoError(t, r.review.comment("overview.summary", forms.CommentMustChange, "Say who benefits, in one sentence.", "Gwen Ashby", "IG lead"))
	assert.Contains(t, texts(r.body.Content), "Say who benefits, in one sentence.", "the comment shows beside its field")
	r.selectSection(forms.SectionLegal)
	require.NoError(t, r.review.comment("", forms.CommentQuestion, "Does the 2015 consent form cover linkage?", "Gwen Ashby", "IG lead"))
	r.selectSection(forms.SectionCohort)
	ok := findCheck(r.body.Content, "Reviewed, no concerns")
	require.NotNil(t, ok)
	test.Tap(ok)
	assert.True(t, r.review.review.HasNoConcerns(forms.SectionCohort))
	assert.ErrorIs(t, r.review.comment("", forms.CommentQuestion, "   ", "Gwen Ashby", ""), forms.ErrCommentText)

	reviewPath := filepath.Join(t.TempDir(), "review.json")
	pdf, err := r.review.save(reviewPath)
	require.NoError(t, err)
	assert.FileExists(t, pdf)
	f, err := export.ReadReview(reviewPath)
	require.NoError(t, err)
	assert.Equal(t, a.ID, f.DraftID)
	assert.Equal(t, a.Revision, f.Revision)
	packBytes, err := os.ReadFile(pack)
	require.NoError(t, err)
	sum := sha256.Sum256(packBytes)
	assert.Equal(t, hex.EncodeToString(sum[:]), f.PackSHA256)
	r.onClose()
	tmp := r.review.tmpDir
	assert.NoDirExists(t, tmp, "extracted evidence is removed with the window")
	stored, err := st.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, a.Revision, stored.Revision, "reviewing never touched the draft")

	// The applicant has edited the summary since, then imports the review.
	e := u.openDraft(a.ID)
	require.NotNil(t, e)
	e.showSection(forms.SectionOverview)
	e.fields["overview.summary"].(*widget.Entry).SetText(a.Overview.Summary + " Survivors benefit first.")
	e.importReviewFile(reviewPath, true)
	require.Len(t, e.App().Comments, 3)
	assert.Contains(t, checkIDs(e.Findings()), "review-must-change")
	assert.Contains(t, checkIDs(e.Findings()), "review-question")
	shown := texts(e.body.Content)
	assert.Contains(t, shown, "Say who benefits, in one sentence.")
	assert.Contains(t, shown, fmt.Sprintf("This answer has changed since the review (revision %d)", a.Revision))
	assert.Contains(t, shown, "It then read: "+a.Overview.Summary[:40])
	assert.Positive(t, forms.Count(e.Findings(), forms.SectionOverview).Blockers)

	// Reply to the change asked for, marking it answered: the blocker goes,
	// and a warning stays until the reviewer confirms it.
	must := -1
	for i, c := range e.App().Comments {
		if c.Kind == forms.CommentMustChange {
			must = i
		}
	}
	require.GreaterOrEqual(t, must, 0)
	e.reply(must, "Siân Wyn", "Added a sentence on who benefits.", true)
	assert.NotContains(t, checkIDs(e.Findings()), "review-must-change")
	assert.Contains(t, checkIDs(e.Findings()), "review-awaiting", "the answer waits for the reviewer")
	assert.Contains(t, checkIDs(e.Findings()), "review-question", "the question is still open")
	shown = texts(e.body.Content)
	assert.Contains(t, shown, "answered — awaiting the reviewer")
	assert.Contains(t, shown, "Withdraw answer")

	// Importing the same review again changes nothing.
	e.importReviewFile(reviewPath, false)
	assert.Len(t, e.App().Comments, 3)
	e.onClose()

	got, err := st.Load(a.ID)
	require.NoError(t, err)
	require.Len(t, got.Comments, 3)
	assert.Equal(t, forms.CommentStateAwaiting, got.Comments[must].State())
	assert.Equal(t, "Added a sentence on who benefits.", got.Comments[must].Replies[0].Text)
	assert.Equal(t, a.Overview.Summary, got.Comments[must].FieldWas, "the comment keeps the value it reviewed")
}

// rezip copies a pack with one entry edited (nil drops it).
func rezip(t *testing.T, path string, edit func(name string, body []byte) []byte) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		if body = edit(f.Name, body); body == nil {
			continue
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	p := filepath.Join(t.TempDir(), "tampered.zip")
	require.NoError(t, os.WriteFile(p, out.Bytes(), 0o600))
	return p
}

func TestTamperedPacksAreRefusedNamingTheFile(t *testing.T) {
	u, _ := newTestUI(t)
	a, pack := exportedDraft(t, u)
	evidence := "data/evidence/" + export.EvidencePackName(a.Evidence[0].File.SHA256, a.Evidence[0].File.Name)
	cases := map[string]struct {
		edit func(name string, body []byte) []byte
		file string
	}{
		"a changed byte in the evidence": {func(n string, b []byte) []byte {
			if n == evidence {
				b = bytes.Clone(b)
				b[5] ^= 0x20
			}
			return b
		}, evidence},
		"a removed manifest line": {func(n string, b []byte) []byte {
			if n == "manifest-sha256.txt" {
				var keep []string
				for _, l := range strings.Split(string(b), "\n") {
					if !strings.Contains(l, "application.pdf") {
						keep = append(keep, l)
					}
				}
				return []byte(strings.Join(keep, "\n"))
			}
			return b
		}, "data/application.pdf"},
		"an edited submission.json": {func(n string, b []byte) []byte {
			if n == "data/submission.json" {
				return bytes.Replace(b, []byte(`"lead_applicant": "Dr Siân Wyn"`), []byte(`"lead_applicant": "Dr Siân Jones"`), 1)
			}
			return b
		}, "data/submission.json"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			before := len(u.editors)
			ed := u.openPackNow(rezip(t, pack, tc.edit))
			assert.Nil(t, ed, "a damaged pack is not shown")
			assert.Len(t, u.editors, before)
			top := u.start.win.Canvas().Overlays().Top()
			require.NotNil(t, top, "the reviewer is told what is wrong")
			shown := texts(top)
			assert.Contains(t, shown, "has been changed or damaged since it was exported")
			assert.Contains(t, shown, tc.file)
			u.start.win.Canvas().Overlays().Remove(top)
		})
	}
}

func TestEvidenceChangedInThePackIsNamedWithBothHashes(t *testing.T) {
	u, _ := newTestUI(t)
	a, pack := exportedDraft(t, u)
	evidence := "data/evidence/" + export.EvidencePackName(a.Evidence[0].File.SHA256, a.Evidence[0].File.Name)
	forged := []byte("%PDF-1.4 another protocol\n")
	u.openPackNow(rezip(t, pack, func(n string, b []byte) []byte {
		if n == evidence {
			return forged
		}
		return b
	}))
	sum := sha256.Sum256(forged)
	shown := texts(u.start.win.Canvas().Overlays().Top())
	assert.Contains(t, shown, "The manifest expects SHA-256 "+a.Evidence[0].File.SHA256)
	assert.Contains(t, shown, "but the file has "+hex.EncodeToString(sum[:]))
}

// A file refused for its structure says why and what to do, and opens
// nothing.
func TestRefusedPackSaysWhy(t *testing.T) {
	u, _ := newTestUI(t)
	_, pack := exportedDraft(t, u)
	b, err := os.ReadFile(pack)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "joined.zip")
	require.NoError(t, os.WriteFile(path, append(b, []byte("appended after the end")...), 0o600))
	before := len(u.editors)
	assert.Nil(t, u.openPackNow(path))
	assert.Len(t, u.editors, before)
	shown := texts(u.start.win.Canvas().Overlays().Top())
	assert.Contains(t, shown, "joined.zip cannot be opened as a pack: it has 22 bytes after its end record")
	assert.Contains(t, shown, "Ask the applicant to export the pack again")
}

func TestPackArgument(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "p.ZIP")
	require.NoError(t, os.WriteFile(pack, []byte("x"), 0o600))
	assert.True(t, IsPackArg(pack))
	assert.False(t, IsPackArg(filepath.Join(dir, "missing.zip")))
	assert.False(t, IsPackArg(dir))
	assert.False(t, IsPackArg("list"))
}

func TestCompareRevisions(t *testing.T) {
	u, st := newTestUI(t)
	u.start.create("Blank", "First title")
	e := openOnly(t, u)
	e.fields["overview.summary"].(*widget.Entry).SetText("We will link the cohort to hospital records to measure kidney disease after treatment.")
	e.onSnapshot()
	e.fields["overview.title"].(*widget.Entry).SetText("Second title")
	e.fields["overview.summary"].(*widget.Entry).SetText("We will link the cohort to hospital and death records to measure kidney disease after treatment.")
	cw, err := e.newCompareWindow()
	require.NoError(t, err)
	require.Len(t, cw.versions, 2)
	assert.Contains(t, cw.from.Selected, "Revision ")
	assert.Contains(t, cw.to.Selected, "This draft now")
	cw.onRun()
	shown := texts(cw.result)
	assert.Contains(t, shown, "Changed: Overview › Title")
	assert.Contains(t, shown, "Was: First title")
	assert.Contains(t, shown, "Now: Second title")
	assert.Contains(t, shown, "Changed: Overview › Summary")
	assert.Equal(t, 2, cw.cmp.Count())

	out := filepath.Join(t.TempDir(), "changes.pdf")
	require.NoError(t, cw.savePDF(out, false))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("%PDF-")))

	// A pack can be one side.
	a, err := st.Load(e.App().ID)
	require.NoError(t, err)
	pack := filepath.Join(t.TempDir(), "p.zip")
	require.NoError(t, export.ExportPack(pack, a, memFiles{}, export.PackOptions{AppVersion: "test", At: time.Now()}))
	require.NoError(t, cw.addPack(pack))
	assert.Len(t, cw.versions, 3)
	assert.Contains(t, cw.versions[2].label, fmt.Sprintf("Pack p.zip (revision %d", a.Revision))
	e.onClose()
}
