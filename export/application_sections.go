package export

import (
	"fmt"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

// The section renderers print the questions in the order the DARS form
// asks them. A follow-up question is printed only when the answer it
// follows makes it apply (no "Not answered" for the CAG reference of a
// consented study).

func label(choices []forms.Choice, v string) string {
	if v == "" {
		return ""
	}
	return forms.LabelOf(choices, v)
}

func (p *appPDF) personName(id string) string {
	for _, pe := range p.a.People {
		if pe.ID == id {
			return pe.Name
		}
	}
	return id
}

func (p *appPDF) orgName(id string) string {
	for _, o := range p.a.Organisations {
		if o.ID == id {
			return o.Name
		}
	}
	return id
}

func (p *appPDF) overview() {
	d, o := p.d, p.a.Overview
	d.Answer("Title", o.Title)
	d.Answer("Summary", o.Summary)
	d.Answer("DARS reference", o.DARSReference)
	d.Answer("Current stage", label(forms.StageChoices, string(o.Stage)))
	d.Answer("Requested access from", o.RequestedFrom.Human())
	d.Answer("Requested access to", o.RequestedTo.Human())
	d.Answer("Lead applicant", o.LeadApplicant)
	d.Answer("Lead organisation", o.LeadOrg)
	d.Answer("How ready the applicant is", o.Readiness)
	d.Answer("Novel or potentially contentious use", YesNo(o.NovelUse))
	d.Heading(2, "Stages reached")
	if len(o.StageHistory) == 0 {
		d.Answer("Stages reached", "")
	} else {
		var rows [][]string
		for _, e := range o.StageHistory {
			rows = append(rows, []string{e.Stage.Label(), orNotGiven(e.Reached.Human())})
		}
		d.Table([]Column{{"Stage", 2}, {"Reached on", 1}}, rows)
	}
	pa := p.a.Preliminary
	d.Heading(2, "Preliminary assessment")
	d.Answer("Agreements needed", pa.AgreementsNeeded)
	d.Answer("Cohort preparations", pa.CohortPreparations)
	d.Answer("Cloud security", pa.CloudSecurity)
	d.Answer("Expected time to access", pa.TimeToAccess)
	d.Answer("Cost estimate", pa.CostEstimate)
	d.Answer("Cost paid by", pa.CostPaidBy)
	if len(p.a.Unmatched) > 0 {
		d.Heading(2, "Answers kept from an older file")
		d.Note("These answers fit none of their field's choices when the file was converted. They are kept as written; choose an answer for each field.")
		var rows [][]string
		for _, u := range p.a.Unmatched {
			rows = append(rows, []string{forms.PathLabel(strings.TrimPrefix(u.Field, "application.")), u.Written})
		}
		d.Table([]Column{{"Field", 1}, {"As written", 2}}, rows)
	}
}

func orNotGiven(s string) string {
	if s == "" {
		return "Not given"
	}
	return s
}

func (p *appPDF) purpose() {
	d, u := p.d, p.a.Purpose
	d.Answer("Purpose category", label(forms.PurposeChoices, string(u.Category)))
	d.Answer("Objective", u.Objective)
	d.Answer("Processing activities", u.ProcessingActivities)
	d.Answer("Expected outputs", u.ExpectedOutputs)
	d.Answer("Expected outcomes", u.ExpectedOutcomes)
	d.Answer("Expected benefits", u.ExpectedBenefits)
	d.Answer("Commercial involvement", YesNo(u.Commercial))
	if u.Commercial {
		d.Answer("Commercial purpose", u.CommercialPurpose)
		d.Answer("Public benefit of the commercial involvement", u.CommercialBenefit)
	}
	d.Answer("Is this research", YesNo(u.IsResearch))
	d.Answer("REC approval needed", YesNo(u.RECNeeded))
	if u.RECNeeded {
		d.Answer("REC reference", u.RECReference)
	}
	if u.IsResearch {
		d.Answer("IRAS reference", u.IRASReference)
	}
	d.Answer("Funding source", u.FundingSource)
	d.Answer("Funding status", label(forms.FundingChoices, string(u.FundingStatus)))
	d.Answer("Published data checked first", YesNo(u.PublishedDataChecked))
	d.Answer("Why published data is not enough", u.PublishedDataNote)
}

func (p *appPDF) data() {
	d, r := p.d, p.a.Data
	d.Answer("Aggregated HES only (analysed on NHS England servers)", YesNo(r.AggregatedHESOnly))
	if len(r.Products) == 0 {
		d.Answer("Data products", "")
		return
	}
	for i, pr := range r.Products {
		d.Heading(2, forms.ProductHeading(i, pr))
		d.Answer("Data product", pr.Name)
		years := strings.Trim(pr.HistoricFrom+" – "+pr.HistoricTo, " –")
		if pr.HistoricFrom == "" || pr.HistoricTo == "" {
			years = ""
		}
		d.Answer("Historic years", years)
		d.Answer("Latest available data", YesNo(pr.LatestAvailable))
		d.Answer("Future data drops", YesNo(pr.FutureDrops))
		d.Answer("Frequency", label(forms.FrequencyChoices, string(pr.Frequency)))
		d.Answer("Why these years", pr.YearsReason)
		d.Answer("Identifiability", label(forms.IdentifiabilityChoices, string(pr.Identifiability)))
		d.Answer("Sensitivity", label(forms.SensitivityChoices, string(pr.Sensitivity)))
		d.Answer("Confidentiality", p.route(pr.Confidentiality))
		d.Answer("Dissemination legal gateway", pr.DisseminationGateway)
		d.Answer("Holds GP (primary care) data", YesNo(pr.GPData))
		var who []string
		for _, id := range pr.AccessedBy {
			who = append(who, p.personName(id))
		}
		d.Answer("Accessed by", strings.Join(who, ", "))
		d.Answer("Legal basis for this product", pr.LegalBasis)
		d.Answer("Transparency notice", pr.TransparencyNotice)
		if len(pr.Fields) == 0 {
			d.Answer("Fields requested", "")
			continue
		}
		var rows [][]string
		for _, f := range pr.Fields {
			rows = append(rows, []string{f.Name, orNotGiven(f.Reason)})
		}
		d.Table([]Column{{"Field requested", 1}, {"Why it is needed (data minimisation)", 2}}, rows)
	}
}

func (p *appPDF) cohort() {
	d, c := p.d, p.a.Cohort
	d.Answer("Cohort supplied for linkage", YesNo(c.Needed))
	if !c.Needed {
		return
	}
	d.Answer("Kind of cohort", label(forms.CohortKindChoices, string(c.Kind)))
	if c.Kind == "existing" {
		d.Answer("Existing agreement reference", c.ExistingReference)
	}
	var vf []string
	for _, v := range c.ValidationFields {
		vf = append(vf, label(forms.ValidationFieldChoices, string(v)))
	}
	d.Answer("Validation fields", strings.Join(vf, ", "))
	if c.OtherKeys != "" {
		d.Answer("Other linkage keys", c.OtherKeys)
	}
	d.Answer("Period covered", label(forms.CohortPeriodChoices, string(c.Period)))
	d.Answer("Approximate size", c.Size)
	sender := label(forms.CohortSenderChoices, string(c.Sender))
	if c.Sender == forms.SenderOther && strings.TrimSpace(c.SenderName) != "" {
		sender = c.SenderName
	}
	d.Answer("Who sends the cohort to NHS England", sender)
	d.Answer("Confidentiality of the cohort's flow", p.route(c.Confidentiality))
}

// route names a flow's own confidentiality route in the register's words,
// or says it follows the application's.
func (p *appPDF) route(r forms.CLDCRoute) string {
	if r == "" {
		if p.a.Legal.CLDC == "" {
			return ""
		}
		return "As the application: " + p.a.Legal.CLDC.RegisterWording()
	}
	return r.RegisterWording()
}

func (p *appPDF) legal() {
	d, l := p.d, p.a.Legal
	var a6, a9 []string
	for _, v := range append([]forms.Article6{l.Article6}, l.Article6Additional...) {
		if v != "" {
			a6 = append(a6, label(forms.Article6Choices, string(v)))
		}
	}
	for _, v := range append([]forms.Article9{l.Article9}, l.Article9Additional...) {
		if v != "" {
			a9 = append(a9, label(forms.Article9Choices, string(v)))
		}
	}
	d.Answer("UK GDPR Article 6 basis", strings.Join(a6, "; "))
	d.Answer("UK GDPR Article 9 condition", strings.Join(a9, "; "))
	d.Answer("Common-law duty of confidentiality", label(forms.CLDCChoices, string(l.CLDC)))
	if l.CLDC != "" && l.CLDC != forms.CLDCConsent && l.CLDC != forms.CLDCS251 {
		d.Answer("As the register writes it", l.CLDC.RegisterWording())
	}
	if strings.TrimSpace(l.CLDCExplanation) != "" || l.CLDC == forms.CLDCOther || l.CLDC == forms.CLDCStatutory {
		d.Answer("Explanation of the route", l.CLDCExplanation)
	}
	if p.a.UsesS251() {
		d.Answer("CAG reference", l.CAGReference)
		d.Answer("Scope of the s251 support", l.S251Scope)
		d.Answer("s251 support is current", YesNo(l.S251SupportCurrent))
		d.Answer("National data opt-out acknowledged", YesNo(l.OptOutAcknowledged))
	}
	if p.a.UsesInformedConsent() || len(l.ConsentMaterials) > 0 {
		if len(l.ConsentMaterials) == 0 {
			d.Answer("Consent materials", "")
		} else {
			var rows [][]string
			for _, m := range l.ConsentMaterials {
				to := m.To.Human()
				if to == "" {
					to = "In use"
				}
				rows = append(rows, []string{label(forms.ConsentMaterialChoices, string(m.Kind)), m.Version, orNotGiven(m.From.Human()), to})
			}
			d.Heading(3, "Consent materials")
			d.Table([]Column{{"Material", 2}, {"Version", 1}, {"Used from", 1}, {"Used to", 1}}, rows)
		}
	}
	if p.a.Cohort.Needed || p.a.UsesRoute(forms.CLDCRoute.Consent) {
		d.Answer("How the cohort is kept informed", l.CohortContact)
	}
	d.Answer("Privacy notice", l.PrivacyNoticeURL)
	d.Answer("Why identifiable data is needed", l.IdentifiableReasons)
}

func (p *appPDF) organisations() {
	d := p.d
	if len(p.a.Organisations) == 0 {
		d.Answer("Organisations", "")
	}
	for i, o := range p.a.Organisations {
		d.Heading(2, forms.OrganisationHeading(i, o))
		d.Answer("Type of organisation", label(forms.OrganisationTypeChoices, string(o.Type)))
		d.Answer("Role", label(forms.RoleChoices, string(o.Role)))
		d.Answer("Overall responsibility", YesNo(o.OverallResponsibility))
		d.Answer("Legal entity", YesNo(o.LegalEntity))
		d.Answer("Data Sharing Framework Contract signed", YesNo(o.DSFCSigned))
		if o.DSFCSigned {
			d.Answer("DSFC signed on", o.DSFCDate.Human())
		}
		s := o.Security
		d.Answer("DSPT organisation code", s.DSPTCode)
		d.Answer("DSPT status", forms.LabelOf(forms.DSPTChoices, string(s.DSPTStatus)))
		d.Answer("DSPT published", s.DSPTPublished.Human())
		d.Answer("DSPT valid until", s.DSPTValidUntil.Human())
		d.Answer("ISO/IEC 27001", YesNo(s.ISO27001))
		if s.ISO27001 {
			d.Answer("ISO/IEC 27001 expires", s.ISO27001Expiry.Human())
		}
		d.Answer("Cyber Essentials Plus", YesNo(s.CyberEssentialsPlus))
		if s.CyberEssentialsPlus {
			d.Answer("Cyber Essentials Plus expires", s.CEPlusExpiry.Human())
		}
		d.Answer("Honorary contracts in place", YesNo(o.HonoraryContracts))
		d.Answer("DSA signatory", o.DSASignatory)
	}
	d.Heading(2, "People")
	if len(p.a.People) == 0 {
		d.Answer("People", "")
		return
	}
	var rows [][]string
	for _, pe := range p.a.People {
		rows = append(rows, []string{orNotGiven(pe.Name), pe.Role, p.orgName(pe.OrganisationID), YesNo(pe.AccessesData)})
	}
	d.Table([]Column{{"Name", 1.5}, {"Role", 1.5}, {"Organisation", 2}, {"Accesses the data", 1}}, rows)
}

func (p *appPDF) territory() {
	d := p.d
	d.Answer("Territory of use", label(forms.TerritoryChoices, string(p.a.Territory)))
	d.Answer("Access route", label(forms.AccessRouteChoices, string(p.a.AccessRoute)))
	d.Heading(2, "Processing and storage locations")
	if len(p.a.Locations) == 0 {
		d.Answer("Locations", "")
	} else {
		var rows [][]string
		for _, l := range p.a.Locations {
			rows = append(rows, []string{l.Site, p.orgName(l.OrganisationID), l.Country, l.CloudProvider,
				label(forms.LocationUseChoices, string(l.Use)), l.TRAReference})
		}
		d.Table([]Column{{"Site", 2}, {"Organisation", 1.5}, {"Country", 1}, {"Cloud provider", 1}, {"Use", 1}, {"Transfer risk assessment", 1}}, rows)
	}
	s := p.a.SubLicensing
	d.Heading(2, "Sub-licensing")
	d.Answer("Onward sharing (sub-licensing) needed", YesNo(s.Needed))
	if s.Needed {
		d.Answer("Why", s.Reason)
		d.Answer("Why recipients cannot apply directly", s.WhyNotDirect)
		d.Answer("Value added before sharing", s.ValueAdded)
	}
}

func (p *appPDF) evidence() {
	d := p.d
	if len(p.a.Evidence) == 0 {
		d.Answer("Evidence", "")
		return
	}
	notes := false
	for _, e := range p.a.Evidence {
		notes = notes || strings.TrimSpace(e.Notes) != ""
	}
	cols := []Column{{"Type", 1.2}, {"Title", 1.6}, {"Version", 0.8}, {"Date", 0.9}, {"Valid until", 0.9}, {"Status", 0.7}, {"File", 1.5}}
	if notes {
		cols = append(cols, Column{"Notes", 1.4})
	}
	var rows [][]string
	for _, e := range p.a.Evidence {
		file := "No file attached"
		if e.File != nil {
			file = e.File.Name
		}
		rows = append(rows, []string{label(forms.EvidenceTypeChoices, string(e.Type)), e.Title, e.Version,
			e.DocumentDate.Human(), e.ValidUntil.Human(), label(forms.EvidenceStatusChoices, string(e.Status)), file, e.Notes})
	}
	d.Table(cols, rows)
	d.Note("The evidence index at the end of this document gives each file's size and SHA-256 hash.")
}

func (p *appPDF) lifecycle() {
	d, l := p.d, p.a.Lifecycle
	d.Answer("DSA signed", l.DSASigned.Human())
	d.Answer("DSA ends", l.DSAEnd.Human())
	d.Answer("Renewal requested", YesNo(l.RenewalRequested))
	if l.RenewalRequested {
		d.Answer("Renewal requested on", l.RenewalRequestedOn.Human())
	}
	if p.a.Cohort.Needed {
		d.Answer("Cohort file sent", l.CohortFileSent.Human())
	}
	if r := l.Destruction; r != nil {
		d.Heading(2, "Data destruction")
		d.Answer("What was destroyed", r.WhatDestroyed)
		d.Answer("Destroyed by", r.DestroyedBy)
		d.Answer("Method", r.Method)
		d.Answer("Destroyed on", r.DestroyedOn.Human())
		d.Answer("Confirmation sent to NHS England", r.ConfirmedOn.Human())
	}
}

func (p *appPDF) dataFlow() { drawDataFlow(p.d, p.a) }

// drawDataFlow prints the data flow map (R-T6): the diagram as vectors,
// laid out exactly as on screen, then a table of the parties and a table of
// the flows for readers who cannot see the drawing.
func drawDataFlow(d *Doc, a *forms.Application) {
	m := a.DataFlow
	if len(m.Nodes) == 0 {
		d.Answer("Data flow map", "")
		return
	}
	drawFlowDiagram(d, flowmap.Layout(m, a))
	names := map[string]string{}
	var nodes [][]string
	for _, n := range m.Nodes {
		names[n.ID] = n.Label
		nodes = append(nodes, []string{n.Label, label(forms.NodeKindChoices, string(n.Kind)), n.Country})
	}
	d.Heading(2, "Parties")
	d.Table([]Column{{"Party", 3}, {"Kind", 1.5}, {"Country", 1.5}}, nodes)
	d.Heading(2, "Flows")
	if len(m.Flows) == 0 {
		d.Answer("Flows", "")
		return
	}
	var flows [][]string
	for _, f := range m.Flows {
		enc := "Not encrypted"
		if f.Encrypted {
			enc = "Encrypted"
		}
		flows = append(flows, []string{orNotGiven(names[f.From]), orNotGiven(names[f.To]), f.Items,
			label(forms.IdentifiabilityChoices, string(f.Identifiability)), strings.TrimSpace(label(forms.TransferMethodChoices, string(f.Method)) + "\n" + enc), f.LegalGateway})
	}
	d.Table([]Column{{"From", 1.3}, {"To", 1.3}, {"Data", 2}, {"Identifiability", 1.25}, {"Transfer", 1.3}, {"Legal gateway", 1.1}}, flows)
}

// drawFlowDiagram places the diagram at the cursor, as wide as the text
// column and never taller than a page; it starts a new page when the rest
// of this one is too short.
func drawFlowDiagram(d *Doc, dia flowmap.Diagram) {
	if dia.Width <= 0 || dia.Height <= 0 {
		return
	}
	w := d.Width()
	h := dia.Height * w / dia.Width
	if full := d.Bottom() - marginTop; h > full {
		w, h = w*full/h, full
	}
	d.Ensure(h)
	if err := DrawDiagram(d.PDF(), dia, d.Left(), d.Y(), w, h); err != nil {
		d.Fail(fmt.Errorf("data flow map: %w", err))
		return
	}
	d.SetY(d.Y() + h)
	d.Space(8)
}

func (p *appPDF) dpia() {
	d, x := p.d, p.a.DPIA
	d.Paragraph("The full data protection impact assessment is issued as dpia.pdf in the same pack.")
	// Screening as the DPIA itself shows it: answers the application settles
	// (health data that is personal, a linked cohort) count whatever was ticked.
	sc := forms.ScreenDPIA(p.a)
	for _, q := range sc.Answers {
		d.Answer(q.Question, YesNo(q.Yes))
	}
	d.Answer("Is a DPIA required?", sc.Reason)
	d.Answer("Why a DPIA is needed", x.Need)
	d.Answer("Risks in the register", fmt.Sprint(len(x.Risks)))
	if top := x.HighestResidual(); top != "" {
		d.Answer("Highest risk after measures", top.Label())
	}
}
