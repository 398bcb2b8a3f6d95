package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

var importCmd = &Command{Name: "import", Args: "FILE", Summary: "make a new draft from a submission.json or a pack", Run: runImport}

func runImport(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		fs.Usage()
		return ExitUsage
	}
	store, err := env.OpenStore(Adds)
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	defer store.Close()
	got, err := export.Import(pos[0], store)
	switch {
	case errors.Is(err, export.ErrPackDamaged):
		return fail(env, ExitFailed, "%v\nNothing was imported.", err)
	case err != nil:
		return fail(env, ExitUsage, "%v\nNothing was imported.", err)
	}
	drafts, err := store.List()
	if err != nil {
		return fail(env, ExitFailed, "%v", err)
	}
	got.App.Overview.Title = forms.DistinctTitle(got.App.Overview.Title, titles(drafts), forms.DateOf(env.Now()))
	if err := store.Create(got.App); err != nil {
		return fail(env, ExitFailed, "%v", err)
	}
	fmt.Fprintf(env.Stdout, "Imported %q as a new draft: %s\n", forms.MaskNHSNumbers(got.App.Overview.Title), got.App.ID)
	if s := got.Submission; s.ReadFrom != 0 && s.ReadFrom < export.SchemaVersion {
		fmt.Fprintf(env.Stdout, "The file was in submission format version %d; it was converted to version %d.\n", s.ReadFrom, export.SchemaVersion)
		printConverted(env, s.Converted)
	}
	if n := len(got.App.Unmatched); n > 0 {
		fmt.Fprintf(env.Stdout, "%d %s fit no choice and are kept as written: choose an answer for each field.\n", n, plural(n, "answer", "answers"))
	}
	if found := forms.FindNHSNumbers(forms.Part{Value: got.App}); len(found) > 0 {
		flagIdentifiers(env, got.App, "the imported draft")
		fmt.Fprintln(env.Stdout, "It was imported so that you can delete them: until you do, every export of it is refused (dars-workbench check lists them).")
	}
	if got.EvidenceStored > 0 {
		fmt.Fprintf(env.Stdout, "%d evidence files stored.\n", got.EvidenceStored)
	}
	if len(got.MissingEvidence) > 0 {
		fmt.Fprintf(env.Stdout, "Not included, attach again: %s\n", strings.Join(got.MissingEvidence, ", "))
	}
	return ExitOK
}

func titles(drafts []storage.DraftInfo) []string {
	out := make([]string, len(drafts))
	for i, d := range drafts {
		out[i] = d.Title
	}
	return out
}
