package cli

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

var exportCmd = &Command{Name: "export", Args: "DRAFT-ID --out PACK.zip [--mask-identifiers]", Summary: "write a draft's pack: submission.json, PDFs, evidence, BagIt manifests", Run: runExport}

func runExport(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	out := fs.String("out", "", "the pack file to write (a .zip)")
	mask := maskFlag(fs)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 || *out == "" {
		fs.Usage()
		return ExitUsage
	}
	if err := checkOutPath(*out, "pack.zip"); err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	if err := checkOutName(*out); err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	store, err := env.OpenStore(Changes)
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	defer store.Close()
	app, err := store.LoadWithLibrary(pos[0])
	if errors.Is(err, forms.ErrNotFound) {
		return fail(env, ExitUsage, "no draft %q: see dars-workbench list", pos[0])
	}
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	// Refused before anything is written.
	found := forms.FindNHSNumbers(forms.Part{Value: app})
	if *mask {
		app = forms.MaskedCopy(app)
	} else if err := forms.GuardNHSNumbers("The pack", forms.Part{Value: app}); err != nil {
		code, _ := refused(env, err)
		return code
	}
	at := env.Now()
	err = export.ExportPack(*out, app, store, export.PackOptions{AppVersion: env.Meta.Version, At: at})
	if code, ok := refused(env, err); ok {
		return code
	}
	if err != nil {
		return fail(env, ExitFailed, "%v\nNo pack was written and the database was not changed.", err)
	}
	// Only now, with the pack in place, does the history record exactly
	// what was sent: a failed export leaves the database as it was.
	if _, err := store.SnapshotOf(app, storage.ReasonExported(filepath.Base(*out))); err != nil {
		fmt.Fprintf(env.Stderr, "dars-workbench: the pack is complete, but its snapshot could not be kept in the draft's history: %v\n", err)
	}
	t := forms.Count(forms.Evaluate(app, at), "")
	fmt.Fprintf(env.Stdout, "Exported %q (revision %d) to %s\n", app.Overview.Title, app.Revision, *out)
	if *mask {
		maskedNote(env, found)
	}
	if t.Blockers > 0 {
		fmt.Fprintf(env.Stdout, "The pack is marked DRAFT: %d blockers still stand between it and submission (dars-workbench check).\n", t.Blockers)
	}
	return ExitOK
}
