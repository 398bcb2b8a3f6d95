package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

var deadlinesCmd = &Command{Name: "deadlines", Args: "[--json] [--ics FILE [--mask-identifiers]] [--fail-overdue]",
	Summary: "list dated actions across drafts and the library; write an iCalendar file", Run: runDeadlines}

type listedDeadline struct {
	Due          string   `json:"due"`
	Kind         string   `json:"kind"`
	Urgency      string   `json:"urgency"`
	Days         int      `json:"days"`
	Action       string   `json:"action"`
	Requirement  string   `json:"requirement"`
	DraftID      string   `json:"draft_id,omitempty"`
	Draft        string   `json:"draft,omitempty"`
	Organisation string   `json:"organisation,omitempty"`
	Affects      []string `json:"affects,omitempty"`
}

func runDeadlines(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	ics := fs.String("ics", "", "also write the deadlines as an iCalendar (RFC 5545) file")
	failOverdue := fs.Bool("fail-overdue", false, "exit 1 when any deadline is overdue")
	mask := maskFlag(fs)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) > 0 {
		fs.Usage()
		return ExitUsage
	}
	if *ics != "" {
		if err := checkOutPath(*ics, "deadlines.ics"); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		if err := checkOutName(*ics); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
	}
	st, err := env.OpenStore(Reads)
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	defer st.Close()
	ds, err := allDeadlines(st, forms.DateOf(env.Now()))
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	if *ics != "" {
		w := ds
		if *mask {
			w = forms.MaskedCopy(ds)
		}
		err := writeICS(*ics, w, env)
		if code, ok := refused(env, err); ok {
			return code
		}
		if err != nil {
			return fail(env, ExitUsage, "%v", writeHint(*ics, err))
		}
	}
	// Printed output goes to logs and files too: NHS numbers are masked.
	ds = forms.MaskedCopy(ds)
	overdue := 0
	rows := make([]listedDeadline, len(ds))
	for i, d := range ds {
		if d.Urgency == forms.Overdue {
			overdue++
		}
		rows[i] = listedDeadline{Due: d.Due.String(), Kind: string(d.Kind), Urgency: string(d.Urgency), Days: d.Days,
			Action: d.Action, Requirement: d.Requirement, DraftID: d.DraftID, Draft: d.DraftTitle, Organisation: d.Organisation, Affects: d.Affects}
	}
	switch {
	case *asJSON:
		if err := printJSON(env, rows); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
	case len(rows) == 0:
		fmt.Fprintln(env.Stdout, "No deadlines.")
	default:
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DUE\tSTATE\tFOR\tACTION")
		for i, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Due, r.Urgency, clip(ds[i].Subject(), 36), clip(r.Action, 80))
		}
		tw.Flush()
	}
	if *failOverdue && overdue > 0 {
		fmt.Fprintf(env.Stderr, "dars-workbench: %d overdue\n", overdue)
		return ExitFailed
	}
	return ExitOK
}

// allDeadlines loads every draft not in the bin with the library overlaid,
// as the window shows them.
func allDeadlines(st *storage.Store, today forms.Date) ([]forms.Deadline, error) {
	lib, err := st.Library()
	if err != nil {
		return nil, err
	}
	infos, err := st.List()
	if err != nil {
		return nil, err
	}
	var drafts []*forms.Application
	for _, in := range infos {
		a, err := st.LoadWithLibrary(in.ID)
		if err != nil {
			return nil, err
		}
		forms.OverlayLibrary(a, lib)
		drafts = append(drafts, a)
	}
	return forms.Deadlines(drafts, lib, today), nil
}

func writeICS(path string, ds []forms.Deadline, env *Env) error {
	// Refused before the file is created or emptied.
	if err := export.WriteICalendar(io.Discard, ds, env.Now()); errors.Is(err, forms.ErrNHSNumbers) {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := export.WriteICalendar(f, ds, env.Now()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
