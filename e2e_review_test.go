//go:build e2e

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// seedDraft imports a into a new database through the CLI and returns the
// database and the draft's ID.
func seedDraft(t *testing.T, bin string, a *forms.Application) (string, string) {
	t.Helper()
	dir := t.TempDir()
	b, err := export.EncodeSubmission(export.NewSubmission(a, "e2e", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)))
	require.NoError(t, err)
	sub := filepath.Join(dir, "submission.json")
	require.NoError(t, os.WriteFile(sub, b, 0o600))
	db := filepath.Join(dir, "e2e.db")
	out, err := exec.Command(bin, "--db", db, "import", sub).CombinedOutput()
	require.NoError(t, err, string(out))
	rows := listDrafts(t, bin, db)
	require.Len(t, rows, 1)
	return db, rows[0].ID
}

// findingsOf lists a draft's findings as "check-id field" through the CLI.
func findingsOf(t *testing.T, bin, db, id string) []string {
	t.Helper()
	out, _ := exec.Command(bin, "--db", db, "check", id, "--json").Output()
	var got struct {
		Findings []struct {
			CheckID string `json:"check"`
			Field   string `json:"field"`
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal(out, &got), string(out))
	var ids []string
	for _, f := range got.Findings {
		ids = append(ids, f.CheckID+" "+f.Field)
	}
	return ids
}

func has(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// openFirstDraft opens the only draft listed on the start screen.
func (d *display) openFirstDraft(title string) {
	d.t.Helper()
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window")
	time.Sleep(time.Second)
	d.must("mousemove", "300", "95", "click", "1")
	d.waitFor(func() bool { return d.windowVisible(title) }, "the draft window")
	time.Sleep(1500 * time.Millisecond)
}

// TestEndToEndFindingOpensAFoldedEntry: a finding about the seventh product,
// folded away in a long list, is chosen in the readiness panel; the product
// unfolds, the field scrolls into view with the cursor in it, and what is
// typed lands there.
func TestEndToEndFindingOpensAFoldedEntry(t *testing.T) {
	bin := binary(t)
	a := forms.Example()
	for i := range 4 {
		p := a.Data.Products[i%2]
		p.ID = forms.NewID()
		p.Name = []string{"Emergency Care Data Set (ECDS)", "Hospital Episode Statistics Outpatients (HES OP)", "Cancer Registration Data", "Mental Health Services Data Set (MHSDS)"}[i]
		a.Data.Products = append(a.Data.Products, p)
	}
	last := len(a.Data.Products) - 1
	a.Data.Products[last].Fields = append(append([]forms.ProductField(nil), a.Data.Products[last].Fields...), forms.ProductField{Name: "NHS number"})
	db, id := seedDraft(t, bin, a)
	field := "data.products[6].fields[2].reason"
	require.True(t, has(findingsOf(t, bin, db, id), "data-identifier-reason "+field), "%q", findingsOf(t, bin, db, id))

	d := startDisplay(t)
	d.startApp(bin, "--db", db)
	d.openFirstDraft("worked example")
	d.shot("20-folded-products-start.png")
	d.must("mousemove", "1100", "200", "click", "1") // the finding, first in the readiness panel
	time.Sleep(time.Second)
	d.shot("21-finding-opened.png")
	d.must("type", "--delay", "20", "To link the cohort")
	d.waitFor(func() bool { return !has(findingsOf(t, bin, db, id), "data-identifier-reason "+field) }, "the reason typed into the seventh product")
	time.Sleep(500 * time.Millisecond)
	d.shot("22-finding-resolved.png")
}

// TestEndToEndAnswerAndReopenAComment: an IG lead's "must change" imported
// into a draft blocks it; marking it answered makes it a warning awaiting
// the reviewer, and taking the answer back makes it block again.
func TestEndToEndAnswerAndReopenAComment(t *testing.T) {
	bin := binary(t)
	a := forms.Example()
	db, id := seedDraft(t, bin, a)
	r := forms.NewReview(a, "Gwen Ashby", "IG lead")
	_, err := r.Comment(a, forms.SectionOverview, "", forms.CommentMustChange, "Say in the summary who benefits, and how you will know.")
	require.NoError(t, err)
	o := &export.Opened{Path: "pack.zip", SHA256: strings.Repeat("ab", 32), Submission: export.NewSubmission(a, "e2e", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))}
	b, err := export.EncodeReview(export.NewReviewFile(o, r, "e2e", time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)))
	require.NoError(t, err)
	review := filepath.Join(t.TempDir(), "review.json")
	require.NoError(t, os.WriteFile(review, b, 0o600))
	out, err := exec.Command(bin, "--db", db, "review", "import", review, "--any-draft", id).CombinedOutput()
	require.NoError(t, err, string(out))
	require.True(t, has(findingsOf(t, bin, db, id), "review-must-change"))

	d := startDisplay(t)
	d.startApp(bin, "--db", db)
	d.openFirstDraft("worked example")
	d.shot("30-comment-open.png")
	d.must("mousemove", "425", "206", "click", "1") // "Mark answered" under the comment
	d.waitFor(func() bool {
		f := findingsOf(t, bin, db, id)
		return !has(f, "review-must-change") && has(f, "review-awaiting")
	}, "the change to await the reviewer")
	time.Sleep(500 * time.Millisecond)
	d.shot("31-comment-answered.png")
	d.must("mousemove", "425", "206", "click", "1") // "Withdraw answer", in the same place
	d.waitFor(func() bool { return has(findingsOf(t, bin, db, id), "review-must-change") }, "the change to block again")
	time.Sleep(500 * time.Millisecond)
	d.shot("32-comment-reopened.png")
}
