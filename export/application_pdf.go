package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// WriteApplicationPDF writes application.pdf: a cover page, contents and
// bookmarks, every section's answers in the order DARS asks (unanswered
// questions marked), the readiness findings and the evidence index. at is
// the export time: it dates the cover, judges the findings and is the PDF's
// creation date, so the same draft revision and time give the same bytes.
func WriteApplicationPDF(w io.Writer, app *forms.Application, at time.Time) error {
	if err := guardDraft("application.pdf", app); err != nil {
		return err
	}
	return writeApplicationPDF(w, app, at)
}

func writeApplicationPDF(w io.Writer, app *forms.Application, at time.Time) error {
	findings := forms.Evaluate(app, at)
	info := DocInfo{
		Title:   orUntitled(app.Overview.Title),
		Subject: "DARS application",
		Author:  app.Overview.LeadApplicant,
		Created: at,
		Footer:  footerText(app),
	}
	return RenderDoc(w, info, func(d *Doc) error {
		p := &appPDF{d: d, a: app, findings: findings, at: at}
		p.cover()
		d.TOC()
		for _, s := range forms.Sections {
			d.Heading(1, s.Title)
			if r, ok := sectionRenderers[s.ID]; ok {
				r(p)
			} else {
				d.Note("This section is not yet printed by this version of DARS Workbench.")
			}
			p.sectionFindings(s.ID)
			d.NewPage()
		}
		p.publicSummary()
		d.NewPage()
		p.findingsChapter()
		d.NewPage()
		p.evidenceIndex()
		return d.Err()
	})
}

func orUntitled(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Untitled application"
	}
	return s
}

// footerText names the application on every page: by its DARS reference
// once it has one, else by its title.
func footerText(a *forms.Application) string {
	name := a.Overview.DARSReference
	if name == "" {
		name = orUntitled(a.Overview.Title)
		// Shortened here so that the revision always shows.
		if r := []rune(name); len(r) > 60 {
			name = strings.TrimSpace(string(r[:59])) + "…"
		}
	}
	return fmt.Sprintf("%s · revision %d", name, a.Revision)
}

// appPDF carries what the section renderers share.
type appPDF struct {
	d        *Doc
	a        *forms.Application
	findings []forms.Finding
	at       time.Time
}

var sectionRenderers = map[forms.SectionID]func(p *appPDF){
	forms.SectionOverview:      (*appPDF).overview,
	forms.SectionPurpose:       (*appPDF).purpose,
	forms.SectionData:          (*appPDF).data,
	forms.SectionCohort:        (*appPDF).cohort,
	forms.SectionLegal:         (*appPDF).legal,
	forms.SectionOrganisations: (*appPDF).organisations,
	forms.SectionTerritory:     (*appPDF).territory,
	forms.SectionEvidence:      (*appPDF).evidence,
	forms.SectionLifecycle:     (*appPDF).lifecycle,
	forms.SectionDataFlow:      (*appPDF).dataFlow,
	forms.SectionDPIA:          (*appPDF).dpia,
}

func (p *appPDF) cover() {
	d, o := p.d, p.a.Overview
	t := forms.Count(p.findings, "")
	d.TextAt(marginLeft, marginTop, Style{Size: 11, Bold: true, Color: colAccent}, "NHS England Data Access Request Service")
	d.TextAt(marginLeft, marginTop+16, Style{Size: 11, Color: colMuted}, "Application prepared with DARS Workbench")
	d.SetY(marginTop + 90)
	d.StyledParagraph(Style{Size: 24, Bold: true, Color: colText}, 31, orUntitled(o.Title))
	d.Space(18)
	if t.Blockers > 0 {
		// The mark is a framed box no reader can miss or mistake for a finished form.
		mark := fmt.Sprintf("DRAFT: %d %s", t.Blockers, plural(t.Blockers, "blocker", "blockers"))
		st := Style{Size: 20, Bold: true, Color: colAlert}
		w := d.MeasureText(mark, st) + 28
		d.setStroke(colAlert, 2)
		d.pdf.RectFromUpperLeftWithStyle(marginLeft, d.Y(), w, 40, "D")
		d.TextAt(marginLeft+14, d.Y()+9, st, mark)
		d.SetY(d.Y() + 48)
		d.StyledParagraph(Style{Size: 9, Color: colAlert}, 12,
			"Not ready to submit: the readiness findings at the end of this document say what still blocks submission.")
		d.Space(14)
	}
	stage := o.Stage.Label()
	if o.Stage == "" {
		stage = ""
	}
	var orgs []string
	for _, org := range p.a.Organisations {
		orgs = append(orgs, strings.TrimSpace(org.Name+" ("+forms.LabelOf(forms.RoleChoices, string(org.Role))+")"))
	}
	d.Answer("DARS reference", o.DARSReference)
	d.Answer("Stage", stage)
	d.Answer("Lead applicant", o.LeadApplicant)
	d.Answer("Lead organisation", o.LeadOrg)
	d.Answer("Organisations", strings.Join(orgs, "\n"))
	d.Answer("Date", p.at.Format("2 January 2006"))
	d.Answer("Draft revision", fmt.Sprint(p.a.Revision))
	d.Answer("Draft ID", p.a.ID)
	d.Answer("Readiness", fmt.Sprintf("%d %s, %d %s, %d advice",
		t.Blockers, plural(t.Blockers, "blocker", "blockers"), t.Warnings, plural(t.Warnings, "warning", "warnings"), t.Advice))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sectionFindings lists what the checks found in one section, right where a
// reviewer reads the answers.
func (p *appPDF) sectionFindings(id forms.SectionID) {
	var rows [][]string
	for _, f := range p.findings {
		if f.Section == id {
			rows = append(rows, []string{severityLabel(f.Severity), f.Message})
		}
	}
	if len(rows) == 0 {
		return
	}
	p.d.Heading(3, "Readiness findings in this section")
	p.d.Table([]Column{{"Severity", 1}, {"What to do", 5}}, rows)
}

func severityLabel(s forms.Severity) string {
	switch s {
	case forms.Blocker:
		return "Blocker"
	case forms.Warning:
		return "Warning"
	}
	return "Advice"
}

func (p *appPDF) findingsChapter() {
	d := p.d
	d.Heading(1, "Readiness findings")
	t := forms.Count(p.findings, "")
	if len(p.findings) == 0 {
		d.Paragraph(fmt.Sprintf("The readiness checks found nothing to fix on %s.", p.at.Format("2 January 2006")))
		return
	}
	d.Paragraph(fmt.Sprintf("On %s the readiness checks found %d %s, %d %s and %d advice. Blockers must be resolved before submission.",
		p.at.Format("2 January 2006"), t.Blockers, plural(t.Blockers, "blocker", "blockers"), t.Warnings, plural(t.Warnings, "warning", "warnings"), t.Advice))
	var rows [][]string
	for _, f := range p.findings {
		sec, _ := forms.SectionByID(f.Section)
		rows = append(rows, []string{severityLabel(f.Severity), sec.Title, f.Message, f.CheckID + "\n" + strings.Join(f.Requirements, ", ")})
	}
	d.Table([]Column{{"Severity", 1}, {"Section", 1.4}, {"What to do", 4}, {"Check and requirements", 1.6}}, rows)
}

func (p *appPDF) evidenceIndex() {
	d := p.d
	d.Heading(1, "Evidence index")
	d.Paragraph("Every evidence item with its attached file. The SHA-256 hash identifies the file exactly: the copy in the pack under data/evidence/ has the same hash.")
	if len(p.a.Evidence) == 0 {
		d.Answer("Evidence", "")
		return
	}
	var rows [][]string
	for _, e := range p.a.Evidence {
		name, size, sum := "No file attached", "", ""
		if e.File != nil {
			name, size, sum = e.File.Name, humanSize(e.File.Size), hashLines(e.File.SHA256)
		}
		rows = append(rows, []string{
			forms.LabelOf(forms.EvidenceTypeChoices, string(e.Type)), e.Title, e.Version,
			e.DocumentDate.Human(), name, size, sum,
		})
	}
	d.Table([]Column{{"Type", 1.1}, {"Title", 1.4}, {"Version", 0.8}, {"Date", 0.9}, {"File name", 1.4}, {"Size", 0.85}, {"SHA-256", 2.0}}, rows)
}

// hashLines sets a hex hash as lines of 16 digits, so it wraps evenly
// in a narrow column instead of leaving one digit on a line of its own.
func hashLines(h string) string {
	var lines []string
	for len(h) > 16 {
		lines, h = append(lines, h[:16]), h[16:]
	}
	return strings.Join(append(lines, h), "\n")
}

// humanSize gives a file size as a person reads it, with the exact count.
func humanSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}
