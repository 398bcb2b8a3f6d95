package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

var handoffCmd = &Command{Name: "handoff", Args: "DRAFT-ID [--json]", Summary: "list every answer and document to enter in DARS Online, and which are entered", Run: runHandoff}

// handoffReport is the JSON form of the hand-off, for scripts. Texts carry
// any NHS number masked, as a copy from the window does (R-C8).
type handoffReport struct {
	Draft      string            `json:"draft"`
	Title      string            `json:"title"`
	Revision   int64             `json:"revision"`
	Progress   handoffProgress   `json:"progress"`
	Answers    []handoffAnswer   `json:"answers"`
	Documents  []handoffDocument `json:"documents"`
	Removed    []handoffRemoved  `json:"removed_since_entered"`
	CopiedFrom string            `json:"ticks_copied_from,omitempty"`
	NotListed  string            `json:"not_listed"`
}

type handoffProgress struct {
	Summary          string `json:"summary"`
	Answers          int    `json:"answers"`
	AnswersEntered   int    `json:"answers_entered"`
	Documents        int    `json:"documents"`
	DocumentsEntered int    `json:"documents_entered"`
	NoFile           int    `json:"documents_without_file"`
	Changed          int    `json:"changed_since_entered"`
	Done             bool   `json:"all_entered"`
}

type handoffAnswer struct {
	Section   string `json:"section"`
	Group     string `json:"group,omitempty"`
	Entry     string `json:"entry,omitempty"`
	Label     string `json:"label"`
	FieldPath string `json:"field_path"`
	Text      string `json:"text"`
	Length    int    `json:"length"`
	Entered   bool   `json:"entered"`
	Changed   bool   `json:"changed_since_entered"`
	Masked    int    `json:"nhs_numbers_masked,omitempty"`
}

type handoffDocument struct {
	Title      string `json:"title"`
	Version    string `json:"version,omitempty"`
	Type       string `json:"type"`
	FieldPath  string `json:"field_path"`
	UploadName string `json:"upload_name"`
	Size       int64  `json:"size,omitempty"`
	SHA256     string `json:"sha256,omitempty"`
	Generated  bool   `json:"generated,omitempty"`
	ToDo       string `json:"to_do,omitempty"`
	Entered    bool   `json:"entered"`
	Changed    bool   `json:"changed_since_entered"`
}

type handoffRemoved struct {
	Where string `json:"where"`
	At    string `json:"entered_at"`
}

func runHandoff(c *Command, env *Env, args []string) int {
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
	l, a, err := loadHandOff(env, pos[0])
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	rep := newHandoffReport(a, l)
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		return ExitOK
	}
	printHandoff(env.Stdout, rep)
	return ExitOK
}

// loadHandOff reads the draft, as its window shows it, and its ticks, from
// a database opened read-only.
func loadHandOff(env *Env, id string) (*forms.HandOffList, *forms.Application, error) {
	st, err := env.OpenStore(Reads)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	a, err := st.LoadWithLibrary(id)
	if errors.Is(err, forms.ErrNotFound) {
		return nil, nil, fmt.Errorf("no draft with ID %q in %s (see \"dars-workbench list\")", id, st.Path())
	}
	if err != nil {
		return nil, nil, err
	}
	return handOffOf(st, a)
}

func handOffOf(st *storage.Store, a *forms.Application) (*forms.HandOffList, *forms.Application, error) {
	ticks, err := st.HandOffTicks(a.ID)
	if err != nil {
		return nil, nil, err
	}
	docs, err := export.HandOffDocuments(a)
	if err != nil {
		return nil, nil, err
	}
	return forms.NewHandOffList(forms.HandOffAnswers(a), docs, ticks), a, nil
}

func newHandoffReport(a *forms.Application, l *forms.HandOffList) handoffReport {
	p := l.Progress()
	rep := handoffReport{
		Draft: a.ID, Title: forms.MaskNHSNumbers(a.Overview.Title), Revision: a.Revision,
		Progress: handoffProgress{Summary: p.Summary(), Answers: p.Answers, AnswersEntered: p.AnswersEntered,
			Documents: p.Documents, DocumentsEntered: p.DocumentsEntered, NoFile: p.NoFile, Changed: p.Changed, Done: p.Done()},
		Answers: []handoffAnswer{}, Documents: []handoffDocument{}, Removed: []handoffRemoved{},
		CopiedFrom: l.CopiedFrom, NotListed: forms.HandOffLeftOut,
	}
	for _, r := range l.Answers {
		sec, _ := forms.SectionByID(r.Section)
		text := r.Text
		if r.Identifiers > 0 {
			text = forms.MaskNHSNumbers(text)
		}
		rep.Answers = append(rep.Answers, handoffAnswer{
			Section: sec.Title, Group: forms.MaskNHSNumbers(r.Group), Entry: r.Entry, Label: forms.MaskNHSNumbers(r.Label), FieldPath: r.Path,
			Text: text, Length: forms.HandOffItem{Text: text}.Length(),
			Entered: r.State == forms.Entered, Changed: r.State == forms.ChangedSinceEntered, Masked: r.Identifiers,
		})
	}
	for _, r := range l.Documents {
		f := r.File
		rep.Documents = append(rep.Documents, handoffDocument{
			Title: forms.MaskNHSNumbers(f.Title), Version: forms.MaskNHSNumbers(f.Version), Type: f.Type, FieldPath: r.Path,
			UploadName: forms.MaskNHSNumbers(f.UploadName), Size: f.Size, SHA256: f.SHA256, Generated: f.Generated, ToDo: f.ToDo,
			Entered: r.State == forms.Entered, Changed: r.State == forms.ChangedSinceEntered,
		})
	}
	for _, t := range l.Removed {
		rep.Removed = append(rep.Removed, handoffRemoved{Where: forms.MaskNHSNumbers(t.Where), At: t.At.UTC().Format("2006-01-02 15:04")})
	}
	return rep
}

// mark is an answer's state in the table: [x] entered, [!] changed since
// entered, [ ] not yet, [-] nothing to tick yet.
func mark(entered, changed, tickable bool) string {
	switch {
	case !tickable:
		return "[-]"
	case entered:
		return "[x]"
	case changed:
		return "[!]"
	}
	return "[ ]"
}

func printHandoff(w io.Writer, rep handoffReport) {
	title := rep.Title
	if strings.TrimSpace(title) == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(w, "Hand-off to DARS Online: %s (draft %s, revision %d)\n", title, rep.Draft, rep.Revision)
	fmt.Fprintf(w, "%s\n", rep.Progress.Summary)
	fmt.Fprintln(w, "[x] entered  [!] changed since entered  [ ] not yet entered  [-] no file yet")
	if rep.CopiedFrom != "" {
		fmt.Fprintf(w, "\nThese ticks were copied from draft %s when it was duplicated: clear them in the window if this copy is a new application.\n", rep.CopiedFrom)
	}
	// Rows are lined up within a section: labels padded to the section's
	// longest (at most 60 characters).
	type row struct{ head, label, rest string }
	var rows []row
	width := map[string]int{}
	section, group := "", ""
	for _, a := range rep.Answers {
		if a.Section != section {
			section, group = a.Section, ""
			rows = append(rows, row{head: "\n" + section})
		}
		indent := "  "
		if a.Group != group {
			group = a.Group
			rows = append(rows, row{head: "  " + group})
		}
		if group != "" {
			indent = "    "
		}
		label := a.Label
		if a.Entry != "" {
			label = a.Entry + " › " + label
		}
		label = indent + mark(a.Entered, a.Changed, true) + " " + clip(label, 56)
		width[section] = max(width[section], min(utf8.RuneCountInString(label), 60))
		note := ""
		if a.Changed {
			note = "  (changed since entered)"
		}
		if a.Masked > 0 {
			note += "  (NHS number masked)"
		}
		preview := oneLine(a.Text)
		if preview == "" {
			preview = "(not answered)"
		}
		rows = append(rows, row{label: label, rest: fmt.Sprintf("%6d  %s%s", a.Length, clip(preview, 44), note), head: section})
	}
	for _, r := range rows {
		if r.label == "" {
			fmt.Fprintln(w, r.head)
			continue
		}
		pad := max(0, width[r.head]-utf8.RuneCountInString(r.label))
		fmt.Fprintf(w, "%s%s%s\n", r.label, strings.Repeat(" ", pad), r.rest)
	}
	fmt.Fprintf(w, "\nDocuments to upload\n")
	if len(rep.Documents) == 0 {
		fmt.Fprintln(w, "  None.")
	}
	for _, d := range rep.Documents {
		name := d.Title
		if d.Version != "" {
			name += " version " + d.Version
		}
		fmt.Fprintf(w, "  %s %s\n", mark(d.Entered, d.Changed, d.UploadName != ""), name)
		if d.UploadName != "" {
			line := "      " + d.UploadName
			if d.SHA256 != "" {
				line += fmt.Sprintf(" · %s · SHA-256 %s", forms.HumanBytes(d.Size), d.SHA256)
			}
			if d.Changed {
				line += " (changed since uploaded)"
			}
			fmt.Fprintln(w, line)
		}
		if d.ToDo != "" {
			fmt.Fprintf(w, "      %s\n", d.ToDo)
		}
	}
	if len(rep.Removed) > 0 {
		fmt.Fprintf(w, "\nRemoved from the draft since they were entered (take them out of DARS Online too)\n")
		for _, r := range rep.Removed {
			fmt.Fprintf(w, "  %s (entered %s)\n", r.Where, r.At)
		}
	}
	fmt.Fprintf(w, "\n%s\n", rep.NotListed)
}

// oneLine folds a text onto one line for a preview.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
