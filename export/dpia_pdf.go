package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"github.com/darsworkbench/dars-workbench/forms"
)

// DPIAFileName is the DPIA's file name in the pack.
const DPIAFileName = "dpia.pdf"

// WriteDPIAPDF writes the application's DPIA (dpia.pdf in the pack) laid out
// like the ICO's template, so an IG lead recognises it: the seven steps as
// headings, the risk register and measures as tables, the risk matrix before
// and after measures, and the sign-off table (R-T6). The description of the
// processing and the necessity facts are drawn from the live application,
// beside the user's own words. at is the fixed creation date (reproducible
// output).
func WriteDPIAPDF(w io.Writer, a *forms.Application, at time.Time) error {
	if err := guardDraft("The DPIA PDF", a); err != nil {
		return err
	}
	return writeDPIAPDF(w, a, at)
}

func writeDPIAPDF(w io.Writer, a *forms.Application, at time.Time) error {
	title := orUntitled(a.Overview.Title)
	info := DocInfo{Title: "DPIA: " + title, Subject: "Data protection impact assessment", Author: a.Overview.LeadApplicant, Created: at, Footer: "DPIA · " + footerText(a)}
	return RenderDoc(w, info, func(d *Doc) error {
		r := dpiaRenderer{d: d, a: a}
		r.cover(title, at)
		r.screening()
		r.step1()
		r.step2()
		r.step3()
		r.step4()
		r.step5()
		r.step6()
		r.step7()
		return d.Err()
	})
}

type dpiaRenderer struct {
	d *Doc
	a *forms.Application
}

func (r dpiaRenderer) cover(title string, created time.Time) {
	d, a := r.d, r.a
	d.Heading(1, "Data protection impact assessment")
	d.Answer("Project", title)
	d.Answer("DARS reference", a.Overview.DARSReference)
	var controllers []string
	for _, o := range a.Organisations {
		if o.Role.Controller() {
			controllers = append(controllers, o.Name)
		}
	}
	d.Answer("Data controller", strings.Join(controllers, "; "))
	d.Answer("Lead applicant", a.Overview.LeadApplicant)
	d.Answer("Produced", forms.DateOf(created).Human())
	d.Note("This DPIA follows the seven steps of the ICO's DPIA template. Text marked “from the application” is produced from the DARS application as it stands, so it matches what NHS England is asked for; the applicant's own words follow it.")
}

func (r dpiaRenderer) screening() {
	d := r.d
	s := forms.ScreenDPIA(r.a)
	d.Heading(2, "Screening: is a DPIA required?")
	rows := make([][]string, 0, len(s.Answers))
	for _, q := range s.Answers {
		rows = append(rows, []string{q.Question, YesNo(q.Yes), q.FromApplication})
	}
	d.Table([]Column{{"Screening question", 5}, {"Answer", 1}, {"Settled by the application", 4}}, rows)
	d.StyledParagraph(Style{Bold: true, Size: bodySize, Color: colText}, lineH, s.Reason)
	d.Space(paraGap)
}

func (r dpiaRenderer) step1() {
	r.d.Heading(1, "Step 1: Identify the need for a DPIA")
	r.d.Answer("What the project aims to do and why a DPIA is needed", r.a.DPIA.Need)
}

func (r dpiaRenderer) step2() {
	d := r.d
	d.Heading(1, "Step 2: Describe the processing")
	derived := forms.DescribeProcessing(r.a)
	own := r.a.DPIA.Description
	for _, part := range []struct{ title, derived, own string }{
		{"Nature of the processing", derived.Nature, own.Nature},
		{"Scope of the processing", derived.Scope, own.Scope},
		{"Context of the processing", derived.Context, own.Context},
		{"Purposes of the processing", derived.Purposes, own.Purposes},
	} {
		d.Heading(2, part.title)
		d.Note("From the application")
		d.Paragraph(part.derived)
		if strings.TrimSpace(part.own) != "" {
			d.Note("In the applicant's words")
			d.Paragraph(part.own)
		}
	}
}

func (r dpiaRenderer) step3() {
	d, dp := r.d, &r.a.DPIA
	d.Heading(1, "Step 3: Consultation process")
	if len(dp.Consultation) > 0 {
		rows := make([][]string, 0, len(dp.Consultation))
		for _, c := range dp.Consultation {
			rows = append(rows, []string{c.Who, c.How, c.When, c.Outcome})
		}
		d.Table([]Column{{"Who was consulted", 3}, {"How", 3}, {"When", 1.5}, {"What they said", 4}}, rows)
	} else if strings.TrimSpace(dp.ConsultationNote) == "" {
		d.Answer("Consultation", "")
	}
	if n := strings.TrimSpace(dp.ConsultationNote); n != "" {
		d.Answer("Notes on consultation", n)
	}
}

func (r dpiaRenderer) step4() {
	d, a := r.d, r.a
	f := forms.AssessNecessity(a)
	own := a.DPIA.Necessity
	d.Heading(1, "Step 4: Assess necessity and proportionality")
	d.Heading(2, "Lawful basis")
	d.Answer("UK GDPR basis (from the application)", f.LawfulBasis)
	if lb := a.DPIA.LawfulBasis; lb.Article6 != "" || lb.Article9 != "" {
		var s []string
		if lb.Article6 != "" {
			s = append(s, "Article "+forms.LabelOf(forms.Article6Choices, string(lb.Article6)))
		}
		if lb.Article9 != "" {
			s = append(s, "Article "+forms.LabelOf(forms.Article9Choices, string(lb.Article9)))
		}
		d.Answer("Basis stated in this DPIA", strings.Join(s, "; "))
	}
	d.Answer("Common-law duty of confidentiality", f.Confidentiality)
	d.Heading(2, "Necessity")
	d.Answer("Does the processing achieve the purpose, and is there a less intrusive way?", own.Justification)
	d.Heading(2, "Data minimisation and quality")
	d.Answer("Fields requested (from the application)", dpiaBullets(f.Minimisation, "No products listed yet."))
	d.Answer("Data quality", own.DataQuality)
	d.Heading(2, "Information and rights")
	d.Answer("Transparency (from the application)", f.Transparency)
	d.Answer("How people's rights are supported", own.Rights)
	d.Heading(2, "Processors and international transfers")
	d.Answer("Processors (from the application)", dpiaBullets(f.Processors, "None: no organisation acts as a processor."))
	if strings.TrimSpace(own.Processors) != "" || len(f.Processors) > 0 {
		d.Answer("How processors comply", own.Processors)
	}
	d.Answer("Transfers outside the UK (from the application)", dpiaBullets(f.Transfers, "None: every location is in the UK."))
	if strings.TrimSpace(own.Transfers) != "" || len(f.Transfers) > 0 {
		d.Answer("Safeguards for transfers", own.Transfers)
	}
}

func dpiaBullets(xs []string, none string) string {
	if len(xs) == 0 {
		return none
	}
	return "• " + strings.Join(xs, "\n• ")
}

func (r dpiaRenderer) step5() {
	d, dp := r.d, &r.a.DPIA
	d.Ensure(keepWithTable)
	d.Heading(1, "Step 5: Identify and assess risks")
	if len(dp.Risks) == 0 {
		d.Answer("Risks", "")
		return
	}
	rows := make([][]string, 0, len(dp.Risks))
	for i := range dp.Risks {
		rk := &dp.Risks[i]
		text := strings.TrimSpace(rk.Title)
		if s := strings.TrimSpace(rk.Source); s != "" {
			text += "\nSource: " + s
		}
		if h := strings.TrimSpace(rk.Harm); h != "" {
			text += "\nHarm: " + h
		}
		if refs := r.flowRefLabels(rk); refs != "" {
			text += "\nData flow map: " + refs
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), text, dpiaDash(rk.Likelihood.Label()), dpiaDash(rk.Severity.Label()), dpiaDash(rk.Overall().Label())})
	}
	d.Table([]Column{{"No.", 0.5}, {"Source of risk and possible harm to individuals", 6}, {"Likelihood of harm", 1.5}, {"Severity of harm", 1.5}, {"Overall risk", 1.3}}, rows)
	r.matrices()
}

// flowRefLabels names the parts of the data flow map a risk points at.
func (r dpiaRenderer) flowRefLabels(rk *forms.DPIARisk) string {
	nodes := map[string]string{}
	for _, n := range r.a.DataFlow.Nodes {
		nodes[n.ID] = n.Label
	}
	var out []string
	for _, id := range rk.NodeRefs {
		if l, ok := nodes[id]; ok {
			out = append(out, l)
		}
	}
	for _, f := range r.a.DataFlow.Flows {
		for _, id := range rk.FlowRefs {
			if id == f.ID {
				out = append(out, nodes[f.From]+" to "+nodes[f.To])
			}
		}
	}
	return strings.Join(out, "; ")
}

func dpiaDash(s string) string {
	if s == "" || s == "Not assessed" || s == "Not decided" {
		return "—"
	}
	return s
}

func (r dpiaRenderer) step6() {
	d, dp := r.d, &r.a.DPIA
	d.Ensure(keepWithTable)
	d.Heading(1, "Step 6: Identify measures to reduce risk")
	if len(dp.Risks) == 0 {
		d.Answer("Measures", "")
		return
	}
	rows := make([][]string, 0, len(dp.Risks))
	for i := range dp.Risks {
		rk := &dp.Risks[i]
		var ms []string
		approved, total := 0, 0
		for _, m := range rk.Measures {
			if t := strings.TrimSpace(m.Text); t != "" {
				ms = append(ms, "• "+t)
				total++
				if m.Approved {
					approved++
				}
			}
		}
		measures := strings.Join(ms, "\n")
		if measures == "" {
			measures = NotAnswered
		}
		appr := "No"
		switch {
		case total > 0 && approved == total:
			appr = "Yes"
		case approved > 0:
			appr = fmt.Sprintf("%d of %d", approved, total)
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), strings.TrimSpace(rk.Title) + "\n" + measures, dpiaDash(rk.Effect.Label()), dpiaDash(rk.Residual().Label()), appr})
	}
	d.Table([]Column{{"No.", 0.5}, {"Risk and options to reduce or eliminate it", 6}, {"Effect on risk", 1.4}, {"Residual risk", 1.4}, {"Measure approved", 1.4}}, rows)

	d.Ensure(keepWithTable - 20)
	d.Heading(2, "Action plan")
	var plan [][]string
	for i := range dp.Risks {
		for _, m := range dp.Risks[i].Measures {
			if strings.TrimSpace(m.Text) == "" {
				continue
			}
			plan = append(plan, []string{fmt.Sprint(i + 1), m.Text, dpiaDash(m.Owner), dpiaDash(m.Due.Human()), YesNo(m.Approved)})
		}
	}
	if len(plan) == 0 {
		d.Answer("Actions", "")
		return
	}
	d.Table([]Column{{"Risk", 0.6}, {"Action", 5.6}, {"Owner", 2}, {"Due", 1.4}, {"Approved", 1.4}}, plan)
}

func (r dpiaRenderer) step7() {
	d, s := r.d, r.a.DPIA.SignOff
	d.Ensure(keepWithTable)
	d.Heading(1, "Step 7: Sign off and record outcomes")
	sig := func(g forms.Signature) string {
		var p []string
		for _, v := range []string{g.Name, g.Role, g.On.Human()} {
			if v = strings.TrimSpace(v); v != "" {
				p = append(p, v)
			}
		}
		if len(p) == 0 {
			return NotAnswered
		}
		return strings.Join(p, ", ")
	}
	outcome := forms.LabelOf(forms.DPOOutcomeChoices, string(s.DPOOutcome))
	if s.DPOOutcome == forms.DPOOverruled {
		outcome += ". Reasons: " + dpiaNotAnswered(s.OverruleReasons)
	}
	review := "Review the DPIA whenever the processing changes."
	if !s.NextReview.IsZero() {
		review = "Next review due " + s.NextReview.Human() + "."
	}
	residualNote := "No high risk remains after measures."
	if r.a.DPIA.HighestResidual() == forms.RiskHigh {
		residualNote = "A high risk remains after measures: the ICO must be consulted before processing starts (UK GDPR Article 36)."
	}
	d.Table([]Column{{"Item", 2.2}, {"Name, position and date", 3}, {"Notes", 4}}, [][]string{
		{"Measures approved by", sig(s.MeasuresApproved), "Fold the measures into the project plan, with owners and dates."},
		{"Residual risks approved by", sig(s.ResidualApproved), residualNote},
		{"DPO advice provided by", sig(s.DPOAdvice), "The DPO advises on compliance, on step 6 and on whether processing can go ahead."},
		{"Summary of DPO advice", "", dpiaNotAnswered(s.DPOAdviceSummary)},
		{"DPO advice accepted or overruled by", sig(s.DPOOutcomeBy), outcome},
		{"Consultation responses reviewed by", sig(s.ConsultationReviewed), dpiaOrDefault(s.ConsultationDeparture, "No departure from the views of those consulted is recorded.")},
		{"This DPIA will be kept under review by", sig(s.KeptUnderReview), review},
	})
}

func dpiaNotAnswered(s string) string { return dpiaOrDefault(s, NotAnswered) }

func dpiaOrDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return strings.TrimSpace(s)
}

// keepWithTable is the room a step heading needs to stay with its table's
// header and a first row of up to six lines (Table keeps the header with
// one line only, and rows of up to six lines are never split).
const keepWithTable = 40 + 2*tableLineH + 6*tableLineH + 4*cellPad

// Risk matrix drawing, in points.
const (
	mxCell   = 52.0
	mxLabelW = 62.0
	mxGap    = 40.0
	mxTitleH = 18.0
	mxAxisH  = 30.0
	mxDot    = 14.0
)

var (
	mxLevelFill = map[forms.RiskLevel]RGB{
		forms.RiskLow:    {0xd4, 0xed, 0xd4},
		forms.RiskMedium: {0xfc, 0xe4, 0xb0},
		forms.RiskHigh:   {0xf6, 0xc4, 0xc4},
	}
	mxDotFill = RGB{0x1a, 0x1a, 0x1a}
	mxWhite   = RGB{0xff, 0xff, 0xff}
)

// matrices draws the 3×3 risk matrix before and after measures side by
// side, each risk shown by its number in its cell.
func (r dpiaRenderer) matrices() {
	d := r.d
	h := mxTitleH + smallLineH + 3*mxCell + mxAxisH + smallLineH
	d.Ensure(h + 30)
	d.Heading(2, "Risk matrix before and after measures")
	top := d.Y()
	dp := &r.a.DPIA
	before, unB := dp.RiskMatrix(false)
	after, unA := dp.RiskMatrix(true)
	w := mxLabelW + 3*mxCell
	x0 := d.Left() + (d.Width()-2*w-mxGap)/2
	r.matrix(x0, top, "Before measures", before, unB, "not assessed")
	r.matrix(x0+w+mxGap, top, "After measures", after, unA, "eliminated or not assessed")
	d.SetY(top + h)
	d.Note("Likelihood of harm runs left to right and severity of harm bottom to top; each number is a risk in the register. Green cells are low risk, amber medium and red high, following the ICO's matrix.")
}

func (r dpiaRenderer) matrix(x, y float64, title string, cells [3][3]forms.MatrixCell, unplaced []int, unplacedWhy string) {
	d, pdf := r.d, r.d.PDF()
	bold := Style{Bold: true, Size: bodySize, Color: colText}
	small := Style{Size: smallSize, Color: colMuted}
	gx := x + mxLabelW
	d.TextAt(gx+(3*mxCell-d.MeasureText(title, bold))/2, y, bold, title)
	gy := y + mxTitleH + smallLineH
	for si := range 3 {
		row := 2 - si // severe on top
		cy := gy + float64(row)*mxCell
		lbl := forms.HarmSeverities[si].Label()
		d.TextAt(gx-6-d.MeasureText(lbl, small), cy+mxCell/2-smallSize/2, small, lbl)
		for li := range 3 {
			c := cells[si][li]
			cx := gx + float64(li)*mxCell
			d.setFill(mxLevelFill[c.Level])
			d.setStroke(mxWhite, 1.5)
			pdf.RectFromUpperLeftWithStyle(cx, cy, mxCell, mxCell, "FD")
			r.dots(cx, cy, c.Numbers)
		}
	}
	for li, l := range forms.Likelihoods {
		lbl := l.Label()
		d.TextAt(gx+float64(li)*mxCell+(mxCell-d.MeasureText(lbl, small))/2, gy+3*mxCell+3, small, lbl)
	}
	axis := "Likelihood of harm"
	d.TextAt(gx+(3*mxCell-d.MeasureText(axis, small))/2, gy+3*mxCell+3+smallLineH, small, axis)
	axis = "Severity of harm"
	d.TextAt(gx-6-d.MeasureText(axis, small), gy-smallLineH-2, small, axis)
	if len(unplaced) > 0 {
		var ns []string
		for _, n := range unplaced {
			ns = append(ns, fmt.Sprint(n))
		}
		d.TextAt(gx, gy+3*mxCell+3+2*smallLineH, small, "Not shown ("+unplacedWhy+"): "+strings.Join(ns, ", "))
	}
}

// dots draws the risks of a cell as numbered discs, up to nine; a crowded
// cell lists its numbers as text instead, so no risk is hidden.
func (r dpiaRenderer) dots(cx, cy float64, nums []int) {
	d, pdf := r.d, r.d.PDF()
	const per = 3
	if len(nums) > per*per {
		ns := make([]string, len(nums))
		for i, n := range nums {
			ns[i] = fmt.Sprint(n)
		}
		st := Style{Bold: true, Size: 7, Color: colText}
		lines := d.Wrap(strings.Join(ns, ", "), mxCell-6, st.Size, true)
		lh := st.Size + 1.5
		y := cy + (mxCell-float64(len(lines))*lh)/2
		for _, l := range lines {
			d.TextAt(cx+(mxCell-d.MeasureText(l, st))/2, y, st, l)
			y += lh
		}
		return
	}
	pad := (mxCell - per*mxDot) / (per + 1)
	num := Style{Bold: true, Size: 7.5, Color: mxWhite}
	// Centre the discs in the cell, row by row.
	rows := (len(nums) + per - 1) / per
	top := cy + (mxCell-float64(rows)*mxDot-float64(rows-1)*pad)/2
	for i, n := range nums {
		col, row := i%per, i/per
		inRow := min(per, len(nums)-row*per)
		left := cx + (mxCell-float64(inRow)*mxDot-float64(inRow-1)*pad)/2
		x := left + float64(col)*(mxDot+pad)
		y := top + float64(row)*(mxDot+pad)
		d.setFill(mxDotFill)
		d.setStroke(mxDotFill, 0.5)
		pdf.Polygon(dpiaCircle(x+mxDot/2, y+mxDot/2, mxDot/2), "F")
		s := fmt.Sprint(n)
		d.TextAt(x+(mxDot-d.MeasureText(s, num))/2, y+(mxDot-7.5)/2-1, num, s)
	}
}

// circle approximates a circle with a polygon, which gopdf can fill.
func dpiaCircle(cx, cy, rad float64) []gopdf.Point {
	const n = 20
	pts := make([]gopdf.Point, n)
	for i := range n {
		t := 2 * math.Pi * float64(i) / n
		pts[i] = gopdf.Point{X: cx + rad*math.Cos(t), Y: cy + rad*math.Sin(t)}
	}
	return pts
}
