package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/darsworkbench/dars-workbench/forms"
)

var rulesCmd = &Command{Name: "rules", Args: "[--json]", Summary: "list the readiness checks and the requirements they enforce", Run: runRules}

// listedRule is the JSON form of one check, for scripts.
type listedRule struct {
	ID           string         `json:"id"`
	Severity     forms.Severity `json:"severity"`
	Section      string         `json:"section"`
	Requirements []string       `json:"requirements"`
	Title        string         `json:"title"`
}

func runRules(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) > 0 {
		fs.Usage()
		return ExitUsage
	}
	checks := forms.AllChecks()
	if *asJSON {
		rows := make([]listedRule, len(checks))
		for i, c := range checks {
			sec := string(c.Section)
			if sec == "" {
				sec = "any" // files findings under the field's own section
			}
			rows[i] = listedRule{ID: c.ID, Severity: c.Severity, Section: sec, Requirements: c.Requirements, Title: c.Title}
		}
		if err := printJSON(env, rows); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tREQUIREMENTS\tTITLE")
	for _, c := range checks {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Severity, strings.Join(c.Requirements, ","), c.Title)
	}
	tw.Flush()
	return ExitOK
}
