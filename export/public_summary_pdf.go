package export

import (
	"fmt"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// publicSummary is application.pdf's "Public summary" chapter: the draft as
// NHS England's Data Uses Register would publish it once approved, facts in
// the register's words and the applicant's texts as written, each with its
// reading figures and plain-language findings (R-U2, R-U3, R-T4). A reviewer
// of the PDF reads what the public will.
func (p *appPDF) publicSummary() {
	d := p.d
	e := forms.BuildPublicEntry(p.a)
	d.Heading(1, "Public summary")
	d.Note("How NHS England's Data Uses Register would publish this agreement once it is approved: the facts in the register's own words, " +
		"then the applicant's texts as written. Under each text are its reading figures (Flesch reading ease: 60 or more is plain English; " +
		"published register texts mostly score between 2 and 39) and any plain-language findings. NHS England adds the yielded benefits later.")
	d.Answer("Title", e.Title)
	d.Answer("DARS reference", e.Reference)
	d.Answer("Organisation name", e.Organisation)
	d.Answer("Organisation type", e.OrganisationType)
	controllers := ""
	if e.ControllerBasis != "" {
		controllers = e.ControllerBasis + ": " + strings.Join(e.Controllers, "; ")
	}
	d.Answer("Data controller basis", controllers)
	d.Answer("Data processors", orNone(strings.Join(e.Processors, "; ")))
	d.Answer("Sensitive", e.Sensitive)
	d.Answer("Commercial purpose", e.CommercialPurpose)
	d.Answer("Sublicensing allowed", e.Sublicensing)
	d.Answer("Start date", e.Start.String())
	d.Answer("End date", e.End.String())

	d.Heading(2, "Datasets")
	if len(e.Datasets) == 0 {
		d.Answer("Datasets", "")
	} else {
		var rows [][]string
		for _, ds := range e.Datasets {
			rows = append(rows, []string{orNotGiven(ds.Name), orNotGiven(ds.TypeOfData), orNotGiven(ds.Sensitivity), orNotGiven(ds.Frequency), orNotGiven(ds.Confidentiality), orNotGiven(ds.LegalBasis)})
		}
		d.Table([]Column{{"Data set", 1.9}, {"Type of data", 1.6}, {"Sensitivity", 1.1}, {"Frequency", 1.2}, {"Confidentiality", 1.7}, {"Legal basis", 1.8}}, rows)
	}

	byField := map[string][]forms.Finding{}
	for _, f := range p.findings {
		if strings.HasPrefix(f.CheckID, "public-") {
			byField[f.Field] = append(byField[f.Field], f)
		}
	}
	for _, t := range e.Texts {
		d.Heading(2, t.Label)
		if strings.TrimSpace(t.Text) == "" {
			d.StyledParagraph(missingStyle, lineH, NotAnswered)
			d.Space(paraGap)
			continue
		}
		d.Paragraph(strings.TrimSpace(t.Text))
		d.Note(publicFigures(t))
		for _, f := range byField[t.Field] {
			d.Note(severityLabel(f.Severity) + ": " + f.Message)
		}
	}
}

// publicFigures is the line of reading figures under a published text.
func publicFigures(t forms.PublicText) string {
	r := t.Review
	counts := fmt.Sprintf("%d %s in %d %s", r.Words, plural(r.Words, "word", "words"), r.Sentences, plural(r.Sentences, "sentence", "sentences"))
	from := "From " + forms.PathLabel(t.Field) + " (" + t.Requirement + ")."
	e, ok := r.ReadingEase()
	if !ok {
		return counts + ". " + from
	}
	g, _ := r.Grade()
	return fmt.Sprintf("Flesch reading ease %.0f (%s) · Flesch–Kincaid grade %.1f (%s) · %s, the longest %d words. %s",
		e, forms.ReadingEaseBand(e), g, forms.ReadingAge(g), counts, r.LongestSentence, from)
}

func orNone(s string) string {
	if s == "" {
		return "None"
	}
	return s
}
