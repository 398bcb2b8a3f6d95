package forms_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

func reviewed(t *testing.T) (*forms.Application, *forms.Review) {
	t.Helper()
	a := forms.Example()
	a.Revision = 7
	r := forms.NewReview(a, "Gwen Ashby", "IG lead")
	_, err := r.Comment(a, forms.SectionPurpose, "purpose.objective", forms.CommentMustChange, "Say which treatments you will compare.")
	require.NoError(t, err)
	_, err = r.Comment(a, forms.SectionLegal, "", forms.CommentQuestion, "Is the 2015 consent form still valid for linkage?")
	require.NoError(t, err)
	_, err = r.Comment(a, forms.SectionOverview, "overview.title", forms.CommentSuggestion, "Shorter title?")
	require.NoError(t, err)
	r.SetNoConcerns(forms.SectionCohort, true)
	return a, r
}

func TestCommentRecordsWhatTheReviewerSaw(t *testing.T) {
	a, r := reviewed(t)
	c := r.Comments[0]
	assert.Equal(t, a.Purpose.Objective, c.FieldWas)
	assert.Equal(t, int64(7), c.Revision)
	assert.Equal(t, "Gwen Ashby", c.Author)
	assert.Equal(t, "IG lead", c.Role)
	assert.Empty(t, r.Comments[1].FieldWas, "a section comment has no field value")
}

func TestCommentIsRefusedWhenItCannotBeAnswered(t *testing.T) {
	a := forms.Example()
	cases := map[string]struct {
		reviewer string
		section  forms.SectionID
		kind     forms.CommentKind
		text     string
		want     error
	}{
		"no text":         {"Gwen", forms.SectionPurpose, forms.CommentQuestion, "  ", forms.ErrCommentText},
		"no kind":         {"Gwen", forms.SectionPurpose, "", "Why?", forms.ErrCommentKind},
		"unknown kind":    {"Gwen", forms.SectionPurpose, "rant", "Why?", forms.ErrCommentKind},
		"no reviewer":     {" ", forms.SectionPurpose, forms.CommentQuestion, "Why?", forms.ErrCommentAuthor},
		"unknown section": {"Gwen", "appendix", forms.CommentQuestion, "Why?", forms.ErrCommentSection},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r := forms.NewReview(a, tc.reviewer, "")
			_, err := r.Comment(a, tc.section, "", tc.kind, tc.text)
			assert.ErrorIs(t, err, tc.want)
			assert.Empty(t, r.Comments)
		})
	}
}

func TestNoConcernsMark(t *testing.T) {
	_, r := reviewed(t)
	assert.True(t, r.HasNoConcerns(forms.SectionCohort))
	r.SetNoConcerns(forms.SectionCohort, true)
	assert.Equal(t, []forms.SectionID{forms.SectionCohort}, r.NoConcerns, "marking twice keeps one mark")
	r.SetNoConcerns(forms.SectionCohort, false)
	assert.False(t, r.HasNoConcerns(forms.SectionCohort))
}

func TestAttachReviewCountsInReadinessUntilResolved(t *testing.T) {
	a, r := reviewed(t)
	draft := a.Clone()
	got, err := forms.AttachReview(draft, r)
	require.NoError(t, err)
	assert.Equal(t, forms.Attached{Added: 3, Reviewed: 1}, got, "a section marked reviewed is not counted as a comment")

	find := func(id string) []forms.Finding {
		var out []forms.Finding
		for _, f := range forms.Evaluate(draft, today) {
			if f.CheckID == id {
				out = append(out, f)
			}
		}
		return out
	}
	must := find("review-must-change")
	require.Len(t, must, 1)
	assert.Equal(t, forms.Blocker, must[0].Severity)
	assert.Equal(t, "purpose.objective", must[0].Field)
	assert.Equal(t, forms.SectionPurpose, must[0].Section)
	assert.Contains(t, must[0].Message, "Say which treatments")
	q := find("review-question")
	require.Len(t, q, 1)
	assert.Equal(t, forms.Warning, q[0].Severity)
	assert.Equal(t, forms.SectionLegal, q[0].Section, "a section comment is filed under its section")
	assert.Equal(t, "legal_basis", q[0].Field)

	// Suggestions and approvals never count.
	assert.Equal(t, forms.CommentApproved, draft.Comments[3].Kind)
	assert.Equal(t, forms.NoConcernsText, draft.Comments[3].Text)

	require.NoError(t, draft.Comments[0].Reply("Siân Wyn", "Done: the comparison is in the second paragraph.", forms.DateOf(today)))
	draft.Comments[0].MarkAnswered()
	draft.Comments[1].MarkAnswered()
	assert.Empty(t, find("review-must-change"))
	assert.Empty(t, find("review-question"))
	awaiting := find("review-awaiting")
	require.Len(t, awaiting, 2, "an answer stays a warning until the reviewer confirms it")
	assert.Equal(t, forms.Warning, awaiting[0].Severity)
	assert.Contains(t, awaiting[0].Message, "awaiting the reviewer")
	assert.Len(t, draft.Comments[0].Replies, 1)
}

func TestAttachingTheSameReviewTwiceKeepsRepliesAndResolutions(t *testing.T) {
	a, r := reviewed(t)
	draft := a.Clone()
	_, err := forms.AttachReview(draft, r)
	require.NoError(t, err)
	draft.Comments[0].MarkAnswered()
	got, err := forms.AttachReview(draft, r)
	require.NoError(t, err)
	assert.Equal(t, forms.Attached{AlreadyThere: 4}, got)
	assert.Len(t, draft.Comments, 4)
	assert.Equal(t, forms.CommentStateAwaiting, draft.Comments[0].State())
}

func TestReviewOfAnOlderRevisionSaysWhereTheFieldChanged(t *testing.T) {
	a, r := reviewed(t)
	draft := a.Clone()
	draft.Revision = 12
	draft.Purpose.Objective += " We will compare anthracyclines with platinum agents."
	got, err := forms.AttachReview(draft, r)
	require.NoError(t, err)
	assert.Equal(t, 1, got.Changed)
	assert.True(t, forms.FieldChangedSince(draft, draft.Comments[0]))
	assert.Equal(t, a.Purpose.Objective, draft.Comments[0].FieldWas, "the comment keeps the value it reviewed")
	assert.False(t, forms.FieldChangedSince(draft, draft.Comments[2]), "the title did not change")
	assert.False(t, forms.FieldChangedSince(draft, draft.Comments[1]), "a section comment never changes")

	draft.Organisations = nil
	gone := forms.ReviewComment{Field: "organisations[0].name", FieldWas: "University of Exampleton"}
	assert.True(t, forms.FieldChangedSince(draft, gone), "a removed entry counts as changed")
}

func TestAttachRefusesABrokenComment(t *testing.T) {
	a, r := reviewed(t)
	r.Comments[1].Kind = "shout"
	draft := a.Clone()
	_, err := forms.AttachReview(draft, r)
	assert.ErrorIs(t, err, forms.ErrCommentKind)
	assert.Empty(t, draft.Comments, "nothing is attached from a review with a broken comment")
}

func TestFieldValueAndLabels(t *testing.T) {
	a := forms.Example()
	cases := map[string]struct {
		path string
		want string
		ok   bool
	}{
		"string":           {"overview.title", a.Overview.Title, true},
		"bool":             {"overview.novel_or_contentious", "no", true},
		"indexed":          {"organisations[0].security.dspt_code", "EE133887-SCS", true},
		"list of values":   {"data.products[1].accessed_by", "pe1, pe2", true},
		"out of range":     {"organisations[4].name", "", false},
		"no such field":    {"purpose.colour", "", false},
		"empty path":       {"", "", false},
		"date":             {"overview.requested_start", "2027-04-01", true},
		"a group of items": {"people[1]", "Accesses data: yes\nID: pe2\nName: Tomás O'Neill\nOrganisation ID: o1\nRole: Statistician", true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, ok := forms.FieldValue(a, tc.path)
			assert.Equal(t, tc.ok, ok)
			if tc.ok {
				assert.Equal(t, tc.want, got)
			}
		})
	}
	assert.Equal(t, "Organisations 2 › Security › DSPT status", forms.PathLabel("organisations[1].security.dspt_status"))
	assert.Equal(t, "The whole section", forms.PathLabel(""))
}
