package forms_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

func checkFindings(a *forms.Application, id string) []forms.Finding {
	var out []forms.Finding
	for _, f := range forms.Evaluate(a, today) {
		if f.CheckID == id {
			out = append(out, f)
		}
	}
	return out
}

// The applicant's answer closes nothing a reviewer must judge: a change or
// a question awaits the reviewer and stays a warning; a suggestion or an
// approval the applicant closes alone.
func TestAnApplicantsAnswerAwaitsTheReviewer(t *testing.T) {
	cases := map[forms.CommentKind]struct {
		state   forms.CommentState
		warning bool
	}{
		forms.CommentMustChange: {forms.CommentStateAwaiting, true},
		forms.CommentQuestion:   {forms.CommentStateAwaiting, true},
		forms.CommentSuggestion: {forms.CommentStateResolved, false},
		forms.CommentApproved:   {forms.CommentStateResolved, false},
	}
	for kind, want := range cases {
		t.Run(string(kind), func(t *testing.T) {
			a := forms.Example()
			r := forms.NewReview(a, "Gwen Ashby", "IG lead")
			_, err := r.Comment(a, forms.SectionPurpose, "purpose.objective", kind, "Say which treatments you compare.")
			require.NoError(t, err)
			_, err = forms.AttachReview(a, r)
			require.NoError(t, err)
			c := &a.Comments[0]
			assert.Equal(t, forms.CommentStateOpen, c.State())

			c.MarkAnswered()
			assert.Equal(t, want.state, c.State())
			assert.Empty(t, checkFindings(a, "review-must-change"), "an answered change no longer blocks")
			assert.Empty(t, checkFindings(a, "review-question"))
			got := checkFindings(a, "review-awaiting")
			if !want.warning {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, forms.Warning, got[0].Severity)
			assert.Equal(t, "purpose.objective", got[0].Field, "the warning points where the comment does")
			assert.Equal(t, 1, c.AnswerRound)

			c.MarkAnswered()
			assert.Equal(t, 1, c.AnswerRound, "answering twice is one answer")
			c.Withdraw()
			assert.Equal(t, forms.CommentStateOpen, c.State())
			if kind == forms.CommentMustChange {
				assert.Len(t, checkFindings(a, "review-must-change"), 1, "a withdrawn answer blocks again")
			}
		})
	}
}

// answeredPack is a draft with a review attached and both of its points
// answered, as the applicant exports it for the reviewer's next look.
func answeredPack(t *testing.T) (*forms.Application, *forms.Review) {
	t.Helper()
	a, r := reviewed(t)
	draft := a.Clone()
	_, err := forms.AttachReview(draft, r)
	require.NoError(t, err)
	draft.Comments[0].MarkAnswered()
	draft.Comments[1].MarkAnswered()
	draft.Revision = 9
	return draft, forms.NewReview(draft.Clone(), "Gwen Ashby", "IG lead")
}

func TestTheReviewersVerdictClosesOrReopens(t *testing.T) {
	draft, next := answeredPack(t)
	on := forms.NewDate(2026, 12, 1)
	require.NoError(t, next.Confirm(draft.Comments[0], "", on))
	assert.ErrorIs(t, next.Reopen(draft.Comments[1], "  ", on), forms.ErrVerdictNote, "a reopened comment says why")
	require.NoError(t, next.Reopen(draft.Comments[1], "The 2015 form does not mention linkage: ask CAG.", on))
	next.SetNoConcerns(forms.SectionData, true)
	assert.Equal(t, "1 section reviewed, 1 answer confirmed, 1 comment reopened", next.Summary())

	got, err := forms.AttachReview(draft, next)
	require.NoError(t, err)
	assert.Equal(t, forms.Attached{Reviewed: 1, Confirmed: 1, Reopened: 1}, got)
	assert.Equal(t, forms.CommentStateResolved, draft.Comments[0].State())
	assert.Equal(t, forms.CommentStateOpen, draft.Comments[1].State())
	assert.Equal(t, forms.CommentNote{Author: "Gwen Ashby", Text: "Confirmed resolved.", On: on}, draft.Comments[0].Replies[len(draft.Comments[0].Replies)-1])
	assert.Equal(t, "Reopened: The 2015 form does not mention linkage: ask CAG.", draft.Comments[1].Replies[len(draft.Comments[1].Replies)-1].Text)
	assert.Len(t, checkFindings(draft, "review-question"), 1, "the reopened question counts again")
	assert.Empty(t, checkFindings(draft, "review-awaiting"))

	replies := len(draft.Comments[1].Replies)
	again, err := forms.AttachReview(draft, next)
	require.NoError(t, err)
	assert.Equal(t, 1, again.AlreadyThere)
	assert.Len(t, draft.Comments[1].Replies, replies, "importing the same review twice adds no second note")
}

// A verdict on an answer the applicant has replaced since is not applied:
// the reviewer has not read the new answer.
func TestAnOlderVerdictNeverUndoesANewerAnswer(t *testing.T) {
	draft, next := answeredPack(t)
	on := forms.NewDate(2026, 12, 1)
	require.NoError(t, next.Reopen(draft.Comments[0], "Still no comparison.", on))
	_, err := forms.AttachReview(draft, next)
	require.NoError(t, err)
	require.Equal(t, forms.CommentStateOpen, draft.Comments[0].State())

	draft.Comments[0].MarkAnswered() // the second answer
	got, err := forms.AttachReview(draft, next)
	require.NoError(t, err)
	assert.Equal(t, 1, got.Stale)
	assert.Equal(t, forms.CommentStateAwaiting, draft.Comments[0].State(), "the newer answer still awaits the reviewer")
}

func TestVerdictsOnUnknownCommentsAreCountedNotApplied(t *testing.T) {
	draft, next := answeredPack(t)
	c := draft.Comments[0]
	c.ID = "not-in-this-draft"
	require.NoError(t, next.Confirm(c, "", forms.NewDate(2026, 12, 1)))
	before := draft.Clone()
	got, err := forms.AttachReview(draft, next)
	require.NoError(t, err)
	assert.Equal(t, 1, got.Missing)
	assert.Equal(t, before.Comments, draft.Comments)
}

func TestAReviewCannotArriveResolved(t *testing.T) {
	a, r := reviewed(t)
	r.Comments[0].Resolved = true
	r.Comments[1].AwaitingReviewer = true
	draft := a.Clone()
	_, err := forms.AttachReview(draft, r)
	require.NoError(t, err)
	assert.Equal(t, forms.CommentStateOpen, draft.Comments[0].State(), "only the applicant answers and only a later review confirms")
	assert.Equal(t, forms.CommentStateOpen, draft.Comments[1].State())
}

func TestReviewProgressPerSection(t *testing.T) {
	draft, next := answeredPack(t)
	_, err := next.Comment(draft, forms.SectionPurpose, "", forms.CommentSuggestion, "Tighten the benefits.")
	require.NoError(t, err)
	next.SetNoConcerns(forms.SectionCohort, true)
	assert.Equal(t, forms.SectionProgress{Comments: 1, Awaiting: 1}, next.Progress(draft, forms.SectionPurpose))
	assert.Equal(t, forms.SectionProgress{Reviewed: true}, next.Progress(draft, forms.SectionCohort))
	require.NoError(t, next.Confirm(draft.Comments[1], "", forms.NewDate(2026, 12, 1)))
	assert.Equal(t, forms.SectionProgress{Judged: 1}, next.Progress(draft, forms.SectionLegal))
	assert.Equal(t, "1 comment, 1 section reviewed, 1 answer confirmed", next.Summary())
	next.ClearVerdict(draft.Comments[1].ID)
	assert.Equal(t, forms.SectionProgress{Awaiting: 1}, next.Progress(draft, forms.SectionLegal))
}
