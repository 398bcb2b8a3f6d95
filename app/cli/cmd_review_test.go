package cli_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// reviewOf writes a review.json of the given draft as stored.
func reviewOf(t *testing.T, a *forms.Application) string {
	t.Helper()
	r := forms.NewReview(a, "Gwen Ashby", "IG lead")
	_, err := r.Comment(a, forms.SectionOverview, "overview.title", forms.CommentMustChange, "Make the title say which cancers.")
	require.NoError(t, err)
	r.SetNoConcerns(forms.SectionPurpose, true)
	o := &export.Opened{Path: "pack.zip", SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
		Submission: export.NewSubmission(a, "test", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))}
	b, err := export.EncodeReview(export.NewReviewFile(o, r, "test", time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)))
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "review.json")
	require.NoError(t, os.WriteFile(p, b, 0o600))
	return p
}

func TestReviewImport(t *testing.T) {
	db := seeded(t, "Kidney outcomes", "Other draft")
	st, err := storage.Open(db)
	require.NoError(t, err)
	drafts, err := st.List()
	require.NoError(t, err)
	var id, other string
	for _, d := range drafts {
		if d.Title == "Kidney outcomes" {
			id = d.ID
		} else {
			other = d.ID
		}
	}
	a, err := st.Load(id)
	require.NoError(t, err)
	require.NoError(t, st.Close())
	review := reviewOf(t, a)

	code, out, errOut := run(t, db, "review", "import", review, id)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Attached 1 new comment, 1 section reviewed with no concerns from Gwen Ashby")
	assert.Contains(t, out, "1 comment waits for an answer and 0 answers wait for the reviewer")

	code, out, _ = run(t, db, "review", "import", review, id)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Attached nothing new from Gwen Ashby")
	assert.Contains(t, out, "2 comments or marks were attached before")

	code, _, errOut = run(t, db, "review", "import", review, other)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--any-draft")

	code, _, _ = run(t, db, "review", "import", filepath.Join(t.TempDir(), "none.json"), id)
	assert.Equal(t, 2, code)
	code, _, _ = run(t, db, "review", "import", review)
	assert.Equal(t, 2, code)

	st, err = storage.Open(db)
	require.NoError(t, err)
	defer st.Close()
	got, err := st.Load(id)
	require.NoError(t, err)
	require.Len(t, got.Comments, 2)
	assert.Equal(t, forms.CommentMustChange, got.Comments[0].Kind)
}
