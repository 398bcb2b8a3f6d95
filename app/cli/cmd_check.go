package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

var checkCmd = &Command{Name: "check", Args: "DRAFT-ID|FILE [--json]", Summary: "print a draft's readiness findings; exit 1 if any blocks submission", Run: runCheck}

// checkReport is the JSON form of a check, for scripts.
type checkReport struct {
	Draft    string          `json:"draft"`
	Title    string          `json:"title"`
	Revision int64           `json:"revision"`
	Blockers int             `json:"blockers"`
	Warnings int             `json:"warnings"`
	Advice   int             `json:"advice"`
	Findings []forms.Finding `json:"findings"`
	// Converted says what reading a file of an older schema version
	// inferred; absent for drafts and current files.
	Converted []string `json:"converted,omitempty"`
}

func runCheck(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		fs.Usage()
		return ExitUsage
	}
	a, converted, err := loadForCheck(env, pos[0])
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	findings := forms.Evaluate(a, env.Now())
	if findings == nil {
		findings = []forms.Finding{}
	}
	tally := forms.Count(findings, "")
	if *asJSON {
		rep := checkReport{Draft: a.ID, Title: a.Overview.Title, Revision: a.Revision, Blockers: tally.Blockers, Warnings: tally.Warnings, Advice: tally.Advice, Findings: findings, Converted: converted}
		if err := printJSON(env, rep); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
	} else {
		printConverted(env, converted)
		printFindings(env, a, findings, tally)
	}
	if tally.Blockers > 0 {
		return ExitFailed
	}
	return ExitOK
}

// loadForCheck reads a draft from a file when arg names one (it ends in
// .json or .zip or holds a path separator), else from the database by draft ID.
func loadForCheck(env *Env, arg string) (*forms.Application, []string, error) {
	lower := strings.ToLower(arg)
	if strings.HasSuffix(lower, ".json") || strings.HasSuffix(lower, ".zip") || strings.ContainsRune(arg, filepath.Separator) || strings.ContainsRune(arg, '/') {
		return loadFileForCheck(arg)
	}
	st, err := env.OpenStore(Reads)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	a, err := st.LoadWithLibrary(arg)
	if errors.Is(err, forms.ErrNotFound) {
		return nil, nil, fmt.Errorf("no draft with ID %q in %s (see \"dars-workbench list\"; to check a file, give its path ending in .json)", arg, st.Path())
	}
	return a, nil, err
}

// printConverted says what reading an older file inferred, so a person
// can check each inference against what they meant.
func printConverted(env *Env, notes []string) {
	if len(notes) == 0 {
		return
	}
	fmt.Fprintf(env.Stdout, "Converted from an older submission format; read as follows:\n")
	for _, n := range notes {
		fmt.Fprintf(env.Stdout, "  - %s\n", forms.MaskNHSNumbers(n))
	}
	fmt.Fprintln(env.Stdout)
}

func printFindings(env *Env, a *forms.Application, fs []forms.Finding, t forms.Tally) {
	w := env.Stdout
	title := a.Overview.Title
	if title == "" {
		title = "(untitled)"
	}
	if a.ID == "" {
		fmt.Fprintln(w, title)
	} else {
		fmt.Fprintf(w, "%s (draft %s, revision %d)\n", title, a.ID, a.Revision)
	}
	for _, s := range forms.Sections {
		var in []forms.Finding
		for _, f := range fs {
			if f.Section == s.ID {
				in = append(in, f)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", s.Title)
		for _, f := range in {
			fmt.Fprintf(w, "  %-8s %s  [%s]  %s\n", strings.ToUpper(string(f.Severity)), f.CheckID, strings.Join(f.Requirements, ","), f.Field)
			fmt.Fprintf(w, "           %s\n", f.Message)
		}
	}
	fmt.Fprintf(w, "\n%d %s, %d %s, %d advice.\n", t.Blockers, plural(t.Blockers, "blocker", "blockers"), t.Warnings, plural(t.Warnings, "warning", "warnings"), t.Advice)
	if t.Blockers > 0 {
		fmt.Fprintln(w, "Not ready: resolve the blockers before submitting.")
	} else {
		fmt.Fprintln(w, "Nothing blocks submission.")
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// loadFileForCheck reads a pack (verified first), a submission.json, or a
// draft's bare JSON.
func loadFileForCheck(arg string) (*forms.Application, []string, error) {
	f, err := os.Open(arg)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", arg, err)
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if bytes.Equal(head[:n], []byte("PK\x03\x04")) {
		s, err := export.ReadSubmission(arg)
		if err != nil {
			return nil, nil, err
		}
		return s.Application, s.Converted, nil
	}
	b, err := readBounded(arg, int64(forms.DraftJSONLimits.MaxBytes))
	if err != nil {
		return nil, nil, err
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(b, &top) == nil && top["schema_version"] != nil {
		s, err := export.DecodeSubmission(b)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", arg, err)
		}
		return s.Application, s.Converted, nil
	}
	a, err := forms.Decode(b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", arg, err)
	}
	return a, nil, nil
}

// readBounded reads a whole file that must stay under limit bytes, saying
// so before reading when it is larger.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, fmt.Errorf("%s is %s; a draft or submission file is at most %s", path, forms.HumanBytes(st.Size()), forms.HumanBytes(limit))
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %s; a draft or submission file is at most that", path, forms.HumanBytes(limit))
	}
	return b, nil
}
