package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// commentIndex is the index of the draft's first comment of a kind.
func commentIndex(t *testing.T, a *forms.Application, kind forms.CommentKind) int {
	t.Helper()
	for i, c := range a.Comments {
		if c.Kind == kind {
			return i
		}
	}
	t.Fatalf("no %s comment", kind)
	return -1
}

func buttonIn(obj fyne.CanvasObject, text string) *widget.Button {
	for _, o := range test.LaidOutObjects(obj) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

func labelIn(obj fyne.CanvasObject, text string) *widget.Label {
	for _, o := range test.LaidOutObjects(obj) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return l
		}
	}
	return nil
}

// reviewRound has the reviewer open a pack of the draft as stored, run
// their review and save it; it returns the review file's path.
func reviewRound(t *testing.T, u *UI, id string, files memFiles, review func(r *Editor)) string {
	t.Helper()
	a, err := u.store.Load(id)
	require.NoError(t, err)
	pack := filepath.Join(t.TempDir(), "pack.zip")
	require.NoError(t, export.ExportPack(pack, a, files, export.PackOptions{AppVersion: "test", At: u.now()}))
	r := u.openPackNow(pack)
	require.NotNil(t, r)
	review(r)
	path := filepath.Join(t.TempDir(), "review.json")
	_, err = r.review.save(path)
	require.NoError(t, err)
	r.onClose()
	return path
}

// The applicant answers; only the reviewer's next review closes the point,
// or reopens it with a note, and the pack carries the answer between them.
func TestAnswersAreConfirmedOrReopenedByTheReviewer(t *testing.T) {
	u, st := newTestUI(t)
	a, _, files := exportedDraftFiles(t, u)

	first := reviewRound(t, u, a.ID, files, func(r *Editor) {
		require.NoError(t, r.review.comment("overview.summary", forms.CommentMustChange, "Say who benefits.", "Gwen Ashby", "IG lead"))
		r.selectSection(forms.SectionLegal)
		require.NoError(t, r.review.comment("", forms.CommentQuestion, "Does the 2015 form cover linkage?", "Gwen Ashby", "IG lead"))
		r.selectSection(forms.SectionCohort)
		test.Tap(findCheck(r.body.Content, "Reviewed, no concerns"))
		assert.Contains(t, texts(r.win.Content()), "Your review: 2 comments, 1 section reviewed.", "a section reviewed is not a comment")
	})

	e := u.openDraft(a.ID)
	e.importReviewFile(first, false)
	top := e.win.Canvas().Overlays().Top()
	require.NotNil(t, top)
	assert.Contains(t, texts(top), "2 new comments, 1 section reviewed with no concerns")
	e.win.Canvas().Overlays().Remove(top)
	must := commentIndex(t, e.App(), forms.CommentMustChange)
	question := commentIndex(t, e.App(), forms.CommentQuestion)
	require.Contains(t, checkIDs(e.Findings()), "review-must-change")

	// The applicant answers both, the change through the reply dialog.
	e.selectSection(forms.SectionOverview)
	test.Tap(buttonIn(e.body.Content, "Reply…"))
	d := e.win.Canvas().Overlays().Top()
	require.NotNil(t, d)
	box, ok := e.win.Canvas().Focused().(*widget.Entry)
	require.True(t, ok, "the cursor is in the reply box")
	assert.True(t, box.MultiLine)
	assert.Equal(t, fyne.TextWrapWord, box.Wrapping, "a reply wraps rather than showing its last word")
	assert.GreaterOrEqual(t, box.Size().Width, float32(380), "the reply box is as roomy as the comment one")
	test.Type(box, "Added who benefits: survivors followed up in late-effects clinics, about 300 a year, and the clinics that see them.")
	shoot(t, e.win, "review-reply-dialog.png")
	test.Tap(buttonIn(d, "Reply"))
	assert.Equal(t, forms.CommentStateAwaiting, e.App().Comments[must].State(), "a reply marks the change answered unless unticked")
	e.onAnswered(question)
	ids := checkIDs(e.Findings())
	assert.NotContains(t, ids, "review-must-change")
	assert.NotContains(t, ids, "review-question")
	assert.Contains(t, ids, "review-awaiting")
	e.save.flush()

	// The reviewer sees the answers first and judges them.
	second := reviewRound(t, u, a.ID, files, func(r *Editor) {
		assert.Contains(t, texts(r.win.Content()), "2 answers from the applicant wait for your verdict")
		assert.Equal(t, "1 to confirm", progressText(r.review.review.Progress(r.app, forms.SectionOverview)))
		shown := texts(r.body.Content)
		assert.Contains(t, shown, "1 answer on this section waits for your verdict")
		drv := fyne.CurrentApp().Driver()
		answer := labelIn(r.body.Content, "Say who benefits.")
		require.NotNil(t, answer)
		assert.Less(t, drv.AbsolutePositionForObject(answer).Y, drv.AbsolutePositionForObject(r.fields["overview.title"]).Y, "the answer comes before the questions")
		shoot(t, r.win, "review-answers-awaiting.png")
		test.Tap(buttonIn(r.body.Content, "Confirm resolved"))
		assert.Contains(t, texts(r.body.Content), "Your verdict: confirmed resolved")
		assert.Equal(t, "1 verdict", progressText(r.review.review.Progress(r.app, forms.SectionOverview)))

		r.selectSection(forms.SectionLegal)
		test.Tap(buttonIn(r.body.Content, "Reopen…"))
		d := r.win.Canvas().Overlays().Top()
		note, ok := r.win.Canvas().Focused().(*widget.Entry)
		require.True(t, ok, "the cursor is in the note")
		test.Tap(buttonIn(d, "Reopen"))
		assert.Len(t, r.review.review.Verdicts, 1, "a comment is not reopened without saying why")
		test.Type(note, "The 2015 form does not mention linkage: ask CAG.")
		test.Tap(buttonIn(d, "Reopen"))
		require.Len(t, r.review.review.Verdicts, 2)
		shoot(t, r.win, "review-progress.png")
	})

	e.importReviewFile(second, false)
	top = e.win.Canvas().Overlays().Top()
	require.NotNil(t, top)
	assert.Contains(t, texts(top), "1 answer confirmed, 1 comment reopened")
	c := e.App().Comments
	assert.Equal(t, forms.CommentStateResolved, c[must].State())
	assert.Equal(t, forms.CommentStateOpen, c[question].State())
	assert.Equal(t, "Reopened: The 2015 form does not mention linkage: ask CAG.", c[question].Replies[len(c[question].Replies)-1].Text)
	ids = checkIDs(e.Findings())
	assert.Contains(t, ids, "review-question", "the reopened question counts again")
	assert.NotContains(t, ids, "review-awaiting")
	e.onClose()
	got, err := st.Load(a.ID)
	require.NoError(t, err)
	assert.True(t, got.Comments[must].Resolved)
}
