package cli

import (
	"errors"
	"fmt"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

var reviewCmd = &Command{Name: "review", Args: "import REVIEW.json DRAFT-ID", Summary: "attach a reviewer's comments (review.json) to a draft", Run: runReview}

func runReview(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	anyDraft := fs.Bool("any-draft", false, "attach even if the review was made on another draft's pack")
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 3 || pos[0] != "import" {
		fs.Usage()
		return ExitUsage
	}
	f, err := export.ReadReview(pos[1])
	if err != nil {
		return fail(env, ExitUsage, "%v\nNothing was imported.", err)
	}
	if err := env.notWhileWindowOpen("the review's comments", "Import the review in the draft's window (Review → Import review…)"); err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	store, err := env.OpenStore(Changes)
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	defer store.Close()
	app, err := store.Load(pos[2])
	if errors.Is(err, forms.ErrNotFound) {
		return fail(env, ExitUsage, "no draft %q: see dars-workbench list", pos[2])
	}
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	if f.DraftID != app.ID && !*anyDraft {
		return fail(env, ExitUsage, "this review is of draft %s (%q), not %s; add --any-draft to attach it anyway (for a draft imported from that pack)", f.DraftID, f.Title, app.ID)
	}
	res, err := forms.AttachReview(app, &f.Review)
	if err != nil {
		return fail(env, ExitUsage, "%v\nNothing was imported.", err)
	}
	if res.Changes() {
		if err := store.Save(app); err != nil {
			return fail(env, ExitFailed, "%v", err)
		}
	}
	fmt.Fprintf(env.Stdout, "Attached %s from %s (review of revision %d) to %q.\n", res.Summary(), f.Reviewer, f.Revision, forms.MaskNHSNumbers(app.Overview.Title))
	flagIdentifiers(env, app, "the draft")
	if res.AlreadyThere > 0 {
		fmt.Fprintf(env.Stdout, "%s attached before and left as they are.\n", countOf(res.AlreadyThere, "comment or mark was", "comments or marks were"))
	}
	if res.Changed > 0 {
		fmt.Fprintf(env.Stdout, "%s about answers changed since the review.\n", countOf(res.Changed, "comment is", "comments are"))
	}
	if res.Stale > 0 {
		fmt.Fprintf(env.Stdout, "%s left alone: you answered again after the reviewer read it.\n", countOf(res.Stale, "verdict was", "verdicts were"))
	}
	if res.Missing > 0 {
		fmt.Fprintf(env.Stdout, "%s about comments this draft does not hold.\n", countOf(res.Missing, "verdict is", "verdicts are"))
	}
	n := forms.CountComments(app)
	fmt.Fprintf(env.Stdout, "%s for an answer and %s for the reviewer (dars-workbench check lists them).\n",
		countOf(n.Open, "comment waits", "comments wait"), countOf(n.Awaiting, "answer waits", "answers wait"))
	return ExitOK
}

// countOf is "1 comment waits" or "3 comments wait".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
