package cli

import (
	"fmt"

	"github.com/darsworkbench/dars-workbench/export"
)

var verifyCmd = &Command{Name: "verify", Args: "PACK.zip", Summary: "check a pack's hashes, manifests and schema (exit 0 intact, 1 not, 2 unreadable)", Run: runVerify}

func runVerify(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		fs.Usage()
		return ExitUsage
	}
	rep, err := export.Verify(pos[0])
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	// A reviewer sees this before anything else.
	if rep.Submission != nil && rep.Submission.Application != nil {
		flagIdentifiers(env, rep.Submission.Application, "the application in this pack")
	}
	if rep.OK() {
		fmt.Fprintf(env.Stdout, "%s: intact (%d files, %d bytes checked)\n", pos[0], rep.Files, rep.Bytes)
		return ExitOK
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(env.Stdout, p.String())
	}
	n := len(rep.Problems) + rep.More
	if rep.More > 0 {
		fmt.Fprintf(env.Stdout, "… and %d more\n", rep.More)
	}
	noun := "problems"
	if n == 1 {
		noun = "problem"
	}
	fmt.Fprintf(env.Stdout, "%s: NOT intact: %d %s\n", pos[0], n, noun)
	return ExitFailed
}
