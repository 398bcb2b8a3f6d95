package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

var registerPreviewCmd = &Command{Name: "register-preview", Args: "DRAFT-ID|FILE [--json]",
	Summary: "show a draft as NHS England's Data Uses Register would publish it, with plain-language checks", Run: runRegisterPreview}

// previewReport is the JSON form of a preview, for scripts.
type previewReport struct {
	Draft    string             `json:"draft"`
	Revision int64              `json:"revision"`
	Entry    *forms.PublicEntry `json:"entry"`
	// Figures gives each text's reading figures, in the order of entry.texts.
	Figures  []textFigures   `json:"figures"`
	Findings []forms.Finding `json:"findings"`
}

type textFigures struct {
	Field       string   `json:"field"`
	ReadingEase *float64 `json:"flesch_reading_ease"`
	Band        string   `json:"reading_ease_band,omitempty"`
	Grade       *float64 `json:"flesch_kincaid_grade"`
	ReadingAge  string   `json:"reading_age,omitempty"`
}

// runRegisterPreview prints the public entry. It reads the database
// read-only, like list and check, and never changes the draft. NHS numbers
// are printed masked (a draft must not hold them; check lists them). It
// exits 0: the plain-language findings are advice and warnings.
func runRegisterPreview(c *Command, env *Env, args []string) int {
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
	a, _, err := loadForCheck(env, pos[0])
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	if !*asJSON {
		flagIdentifiers(env, a, "This draft")
	}
	masked := forms.MaskedCopy(*a)
	a = &masked
	entry := forms.BuildPublicEntry(a)
	findings := []forms.Finding{}
	for _, f := range forms.Evaluate(a, env.Now()) {
		if strings.HasPrefix(f.CheckID, "public-") {
			findings = append(findings, f)
		}
	}
	if *asJSON {
		rep := previewReport{Draft: a.ID, Revision: a.Revision, Entry: entry, Findings: findings}
		for _, t := range entry.Texts {
			tf := textFigures{Field: t.Field}
			if e, ok := t.Review.ReadingEase(); ok {
				g, _ := t.Review.Grade()
				tf.ReadingEase, tf.Grade = &e, &g
				tf.Band, tf.ReadingAge = forms.ReadingEaseBand(e), forms.ReadingAge(g)
			}
			rep.Figures = append(rep.Figures, tf)
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		return ExitOK
	}
	printEntry(env.Stdout, a, entry, findings)
	return ExitOK
}

func printEntry(w io.Writer, a *forms.Application, e *forms.PublicEntry, findings []forms.Finding) {
	title := e.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(w, "%s\n", title)
	if a.ID != "" {
		fmt.Fprintf(w, "Draft %s, revision %d, as NHS England's Data Uses Register would publish it.\n", a.ID, a.Revision)
	}
	fact := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			value = "(not given)"
		}
		fmt.Fprintf(w, "  %-24s %s\n", label, value)
	}
	fmt.Fprintln(w)
	fact("DARS reference", e.Reference)
	fact("Organisation name", e.Organisation)
	fact("Organisation type", e.OrganisationType)
	fact("Data controller basis", controllerLine(e))
	fact("Data processors", strings.Join(e.Processors, "; "))
	fact("Sensitive", e.Sensitive)
	fact("Commercial purpose", e.CommercialPurpose)
	fact("Sublicensing allowed", e.Sublicensing)
	fact("Start date", e.Start.String())
	fact("End date", e.End.String())

	fmt.Fprintf(w, "\nDatasets\n")
	if len(e.Datasets) == 0 {
		fmt.Fprintln(w, "  (none requested yet)")
	}
	for i, d := range e.Datasets {
		name := d.Name
		if name == "" {
			name = "(no name)"
		}
		fmt.Fprintf(w, "  %d. %s\n", i+1, name)
		fmt.Fprintf(w, "     Type of data: %s · Sensitivity: %s · Frequency: %s\n", orNotGiven(d.TypeOfData), orNotGiven(d.Sensitivity), orNotGiven(d.Frequency))
		fmt.Fprintf(w, "     Confidentiality: %s\n", orNotGiven(d.Confidentiality))
		fmt.Fprintf(w, "     Legal basis: %s\n", orNotGiven(d.LegalBasis))
	}

	byField := map[string][]forms.Finding{}
	for _, f := range findings {
		byField[f.Field] = append(byField[f.Field], f)
	}
	for _, t := range e.Texts {
		fmt.Fprintf(w, "\n%s  [%s, from %s]\n", t.Label, t.Requirement, forms.PathLabel(t.Field))
		if strings.TrimSpace(t.Text) == "" {
			fmt.Fprintln(w, "  (not written yet)")
			continue
		}
		for _, para := range strings.Split(strings.TrimSpace(t.Text), "\n") {
			for _, line := range wrapWords(para, 96) {
				fmt.Fprintf(w, "  %s\n", line)
			}
		}
		notes := []string{figuresLine(t.Review)}
		for _, f := range byField[t.Field] {
			notes = append(notes, strings.ToUpper(string(f.Severity))+": "+f.Message)
		}
		for _, n := range notes {
			for i, line := range wrapWords(n, 92) {
				if i == 0 {
					fmt.Fprintf(w, "  -- %s\n", line)
				} else {
					fmt.Fprintf(w, "     %s\n", line)
				}
			}
		}
	}
	fmt.Fprintf(w, "\n%d plain-language %s. NHS England adds the yielded benefits later, from what you report.\n",
		len(findings), plural(len(findings), "finding", "findings"))
}

func controllerLine(e *forms.PublicEntry) string {
	if e.ControllerBasis == "" {
		return ""
	}
	return e.ControllerBasis + ": " + strings.Join(e.Controllers, "; ")
}

func orNotGiven(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(not given)"
	}
	return s
}

// figuresLine is a text's reading figures in one line.
func figuresLine(r forms.TextReview) string {
	counts := fmt.Sprintf("%d %s, %d %s", r.Words, plural(r.Words, "word", "words"), r.Sentences, plural(r.Sentences, "sentence", "sentences"))
	e, ok := r.ReadingEase()
	if !ok {
		return counts
	}
	g, _ := r.Grade()
	return fmt.Sprintf("Flesch reading ease %.0f (%s) · Flesch–Kincaid grade %.1f (%s) · %s, longest %d words",
		e, forms.ReadingEaseBand(e), g, forms.ReadingAge(g), counts, r.LongestSentence)
}

// wrapWords breaks text into lines of at most width characters, at spaces.
func wrapWords(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		wl := len([]rune(word))
		if n > 0 && n+1+wl > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wl
	}
	if n > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
