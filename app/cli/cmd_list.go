package cli

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

var listCmd = &Command{Name: "list", Args: "[--json] [--deleted]", Summary: "list drafts (newest edit first)", Run: runList}

// listedDraft is the JSON form of one row, for scripts.
type listedDraft struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Stage    string    `json:"stage"`
	Revision int64     `json:"revision"`
	Updated  time.Time `json:"updated"`
}

func runList(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	deleted := fs.Bool("deleted", false, "list the drafts in the bin instead")
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) > 0 {
		fs.Usage()
		return ExitUsage
	}
	st, err := env.OpenStore(Reads)
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	defer st.Close()
	list := st.List
	if *deleted {
		list = st.ListDeleted
	}
	drafts, err := list()
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	rows := make([]listedDraft, len(drafts))
	for i, d := range drafts {
		rows[i] = listedDraft{ID: d.ID, Title: forms.MaskNHSNumbers(d.Title), Stage: string(d.Stage), Revision: d.Revision, Updated: d.Updated.UTC()}
	}
	if *asJSON {
		if err := printJSON(env, rows); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		return ExitOK
	}
	if len(rows) == 0 {
		fmt.Fprintln(env.Stdout, "No drafts.")
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tSTAGE\tREV\tEDITED")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", r.ID, clip(r.Title, 48), r.Stage, r.Revision, r.Updated.Local().Format("2006-01-02 15:04"))
	}
	tw.Flush()
	return ExitOK
}

// clip shortens long titles so the table stays readable.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
