package forms

import (
	"fmt"
	"strconv"
	"strings"
)

// HandOffAnswers lists every answer of the application as it is typed into
// DARS Online, in the order of the application's sections and with the
// questions and answers worded as application.pdf prints them (a test
// compares the two). Repeating groups come entry by entry, each printed
// cell an answer of its own; a requested field is one answer, its reason,
// under the field's name.
//
// Left out, because nobody types them into the portal: the DARS reference
// and the stages reached (the portal gives the one and the workbench keeps
// the others), answers kept from an older file (findings ask for them to be
// chosen again), the After approval section (recorded after the DSA), and
// the data flow map and the DPIA (uploaded as documents, see
// HandOffGenerated).
func HandOffAnswers(a *Application) []HandOffItem {
	w := &handOffWalk{a: a}
	w.overview()
	w.purpose()
	w.data()
	w.cohort()
	w.legal()
	w.organisations()
	w.territory()
	return w.out
}

// HandOffLeftOut says, for the window and the CLI, which printed answers the
// hand-off leaves out and why.
const HandOffLeftOut = "Not listed: the DARS reference and the stages reached (the portal gives the one, the workbench keeps the others), " +
	"answers kept from an older file, the After approval section, and the data flow map and DPIA, which are uploaded as documents."

type handOffWalk struct {
	a       *Application
	out     []HandOffItem
	section SectionID
	group   string
	entry   string
	// path and key prefix the current repeating group's entry: key names
	// the entry by its ID, so a tick follows the entry when the list is
	// reordered.
	path, key string
}

// add appends one answer; field is the JSON name under the current prefix.
func (w *handOffWalk) add(label, field, text string) {
	p := field
	k := field
	if w.path != "" {
		p = w.path + "." + field
		k = w.key + "." + field
	}
	w.out = append(w.out, HandOffItem{
		Section: w.section, Group: w.group, Entry: w.entry, Label: label,
		Path: p, Key: k, Text: strings.TrimSpace(text),
	})
}

func (w *handOffWalk) at(section SectionID, group string) {
	w.section, w.group, w.entry, w.path, w.key = section, group, "", "", ""
}

// enter starts an entry of a repeating group: path is its indexed JSON
// path, key the same with the entry's ID where it has a unique one.
func (w *handOffWalk) enter(entry, list string, i int, id string, ids map[string]int) {
	w.entry = entry
	w.path = list + "[" + strconv.Itoa(i) + "]"
	if id != "" && ids[id] == 1 {
		w.key = list + "[#" + id + "]"
	} else {
		w.key = w.path
	}
}

func (w *handOffWalk) leave() { w.entry, w.path, w.key = "", "", "" }

func countIDs[T any](list []T, id func(T) string) map[string]int {
	m := make(map[string]int, len(list))
	for _, v := range list {
		m[id(v)]++
	}
	return m
}

func choiceLabel(choices []Choice, v string) string {
	if v == "" {
		return ""
	}
	return LabelOf(choices, v)
}

func (w *handOffWalk) overview() {
	o := w.a.Overview
	w.at(SectionOverview, "")
	w.add("Title", "overview.title", o.Title)
	w.add("Summary", "overview.summary", o.Summary)
	w.add("Requested access from", "overview.requested_start", o.RequestedFrom.Human())
	w.add("Requested access to", "overview.requested_end", o.RequestedTo.Human())
	w.add("Lead applicant", "overview.lead_applicant", o.LeadApplicant)
	w.add("Lead organisation", "overview.lead_organisation", o.LeadOrg)
	w.add("How ready the applicant is", "overview.readiness", o.Readiness)
	w.add("Novel or potentially contentious use", "overview.novel_or_contentious", yesNo(o.NovelUse))
	pa := w.a.Preliminary
	w.at(SectionOverview, "Preliminary assessment")
	w.add("Agreements needed", "preliminary_assessment.agreements_needed", pa.AgreementsNeeded)
	w.add("Cohort preparations", "preliminary_assessment.cohort_preparations", pa.CohortPreparations)
	w.add("Cloud security", "preliminary_assessment.cloud_security", pa.CloudSecurity)
	w.add("Expected time to access", "preliminary_assessment.time_to_access", pa.TimeToAccess)
	w.add("Cost estimate", "preliminary_assessment.cost_estimate", pa.CostEstimate)
	w.add("Cost paid by", "preliminary_assessment.cost_paid_by", pa.CostPaidBy)
}

func (w *handOffWalk) purpose() {
	u := w.a.Purpose
	w.at(SectionPurpose, "")
	w.add("Purpose category", "purpose.category", choiceLabel(PurposeChoices, string(u.Category)))
	w.add("Objective", "purpose.objective", u.Objective)
	w.add("Processing activities", "purpose.processing_activities", u.ProcessingActivities)
	w.add("Expected outputs", "purpose.expected_outputs", u.ExpectedOutputs)
	w.add("Expected outcomes", "purpose.expected_outcomes", u.ExpectedOutcomes)
	w.add("Expected benefits", "purpose.expected_benefits", u.ExpectedBenefits)
	w.add("Commercial involvement", "purpose.commercial_involvement", yesNo(u.Commercial))
	if u.Commercial {
		w.add("Commercial purpose", "purpose.commercial_purpose", u.CommercialPurpose)
		w.add("Public benefit of the commercial involvement", "purpose.commercial_public_benefit", u.CommercialBenefit)
	}
	w.add("Is this research", "purpose.is_research", yesNo(u.IsResearch))
	w.add("REC approval needed", "purpose.rec_approval_needed", yesNo(u.RECNeeded))
	if u.RECNeeded {
		w.add("REC reference", "purpose.rec_reference", u.RECReference)
	}
	if u.IsResearch {
		w.add("IRAS reference", "purpose.iras_reference", u.IRASReference)
	}
	w.add("Funding source", "purpose.funding_source", u.FundingSource)
	w.add("Funding status", "purpose.funding_status", choiceLabel(FundingChoices, string(u.FundingStatus)))
	w.add("Published data checked first", "purpose.published_data_checked", yesNo(u.PublishedDataChecked))
	w.add("Why published data is not enough", "purpose.published_data_note", u.PublishedDataNote)
}

// ProductHeading is how a product is headed in application.pdf and the
// hand-off: its name, or its place when it has none.
func ProductHeading(i int, p ProductRequest) string {
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Sprintf("Product %d (no name)", i+1)
	}
	return p.Name
}

// OrganisationHeading is how an organisation is headed, likewise.
func OrganisationHeading(i int, o Organisation) string {
	if strings.TrimSpace(o.Name) == "" {
		return fmt.Sprintf("Organisation %d (no name)", i+1)
	}
	return o.Name
}

func (w *handOffWalk) data() {
	r := w.a.Data
	w.at(SectionData, "")
	w.add("Aggregated HES only (analysed on NHS England servers)", "data.aggregated_hes_only", yesNo(r.AggregatedHESOnly))
	if len(r.Products) == 0 {
		w.add("Data products", "data.products", "")
		return
	}
	ids := countIDs(r.Products, func(p ProductRequest) string { return p.ID })
	for i, pr := range r.Products {
		w.at(SectionData, ProductHeading(i, pr))
		w.enter("", "data.products", i, pr.ID, ids)
		w.add("Data product", "name", pr.Name)
		years := ""
		if pr.HistoricFrom != "" && pr.HistoricTo != "" {
			years = strings.Trim(pr.HistoricFrom+" – "+pr.HistoricTo, " –")
		}
		w.add("Historic years", "historic_from", years)
		w.add("Latest available data", "latest_available", yesNo(pr.LatestAvailable))
		w.add("Future data drops", "future_drops", yesNo(pr.FutureDrops))
		w.add("Frequency", "frequency", choiceLabel(FrequencyChoices, string(pr.Frequency)))
		w.add("Why these years", "years_reason", pr.YearsReason)
		w.add("Identifiability", "identifiability", choiceLabel(IdentifiabilityChoices, string(pr.Identifiability)))
		w.add("Sensitivity", "sensitivity", choiceLabel(SensitivityChoices, string(pr.Sensitivity)))
		w.add("Confidentiality", "confidentiality", w.route(pr.Confidentiality))
		w.add("Dissemination legal gateway", "dissemination_gateway", pr.DisseminationGateway)
		w.add("Holds GP (primary care) data", "gp_data", yesNo(pr.GPData))
		var who []string
		for _, id := range pr.AccessedBy {
			who = append(who, w.personName(id))
		}
		w.add("Accessed by", "accessed_by", strings.Join(who, ", "))
		w.add("Legal basis for this product", "legal_basis", pr.LegalBasis)
		w.add("Transparency notice", "transparency_notice", pr.TransparencyNotice)
		if len(pr.Fields) == 0 {
			w.add("Fields requested", "fields", "")
			continue
		}
		// A field is chosen in the portal by its name and justified in
		// words: one answer, the reason, under the name.
		names := countIDs(pr.Fields, func(f ProductField) string { return f.Name })
		prodPath, prodKey := w.path, w.key
		for j, f := range pr.Fields {
			w.entry = "Fields requested"
			w.path = prodPath + ".fields[" + strconv.Itoa(j) + "]"
			w.key = w.path
			if f.Name != "" && names[f.Name] == 1 {
				w.key = prodKey + ".fields[~" + f.Name + "]"
			} else {
				w.key = prodKey + ".fields[" + strconv.Itoa(j) + "]"
			}
			label := f.Name
			if strings.TrimSpace(label) == "" {
				label = fmt.Sprintf("Field %d (no name)", j+1)
			}
			w.add(label, "reason", f.Reason)
		}
		w.path, w.key = prodPath, prodKey
	}
	w.leave()
}

// route names a flow's own confidentiality route in the register's words,
// or says it follows the application's.
func (w *handOffWalk) route(r CLDCRoute) string {
	if r == "" {
		if w.a.Legal.CLDC == "" {
			return ""
		}
		return "As the application: " + w.a.Legal.CLDC.RegisterWording()
	}
	return r.RegisterWording()
}

func (w *handOffWalk) personName(id string) string {
	for _, pe := range w.a.People {
		if pe.ID == id {
			return pe.Name
		}
	}
	return id
}

func (w *handOffWalk) orgName(id string) string {
	for _, o := range w.a.Organisations {
		if o.ID == id {
			return o.Name
		}
	}
	return id
}

func (w *handOffWalk) cohort() {
	c := w.a.Cohort
	w.at(SectionCohort, "")
	w.add("Cohort supplied for linkage", "cohort.needed", yesNo(c.Needed))
	if !c.Needed {
		return
	}
	w.add("Kind of cohort", "cohort.kind", choiceLabel(CohortKindChoices, string(c.Kind)))
	if c.Kind == "existing" {
		w.add("Existing agreement reference", "cohort.existing_reference", c.ExistingReference)
	}
	var vf []string
	for _, v := range c.ValidationFields {
		vf = append(vf, choiceLabel(ValidationFieldChoices, string(v)))
	}
	w.add("Validation fields", "cohort.validation_fields", strings.Join(vf, ", "))
	if c.OtherKeys != "" {
		w.add("Other linkage keys", "cohort.other_linkage_keys", c.OtherKeys)
	}
	w.add("Period covered", "cohort.period", choiceLabel(CohortPeriodChoices, string(c.Period)))
	w.add("Approximate size", "cohort.approximate_size", c.Size)
	sender := choiceLabel(CohortSenderChoices, string(c.Sender))
	if c.Sender == SenderOther && strings.TrimSpace(c.SenderName) != "" {
		sender = c.SenderName
	}
	w.add("Who sends the cohort to NHS England", "cohort.sender", sender)
	w.add("Confidentiality of the cohort's flow", "cohort.confidentiality", w.route(c.Confidentiality))
}

func (w *handOffWalk) legal() {
	l := w.a.Legal
	w.at(SectionLegal, "")
	var a6, a9 []string
	for _, v := range append([]Article6{l.Article6}, l.Article6Additional...) {
		if v != "" {
			a6 = append(a6, choiceLabel(Article6Choices, string(v)))
		}
	}
	for _, v := range append([]Article9{l.Article9}, l.Article9Additional...) {
		if v != "" {
			a9 = append(a9, choiceLabel(Article9Choices, string(v)))
		}
	}
	w.add("UK GDPR Article 6 basis", "legal_basis.article6", strings.Join(a6, "; "))
	w.add("UK GDPR Article 9 condition", "legal_basis.article9", strings.Join(a9, "; "))
	w.add("Common-law duty of confidentiality", "legal_basis.cldc_route", choiceLabel(CLDCChoices, string(l.CLDC)))
	if l.CLDC != "" && l.CLDC != CLDCConsent && l.CLDC != CLDCS251 {
		w.add("As the register writes it", "legal_basis.cldc_route", l.CLDC.RegisterWording())
		// Same field, second wording: keyed apart so each has its tick.
		w.out[len(w.out)-1].Key += "#register"
	}
	if strings.TrimSpace(l.CLDCExplanation) != "" || l.CLDC == CLDCOther || l.CLDC == CLDCStatutory {
		w.add("Explanation of the route", "legal_basis.cldc_explanation", l.CLDCExplanation)
	}
	if w.a.UsesS251() {
		w.add("CAG reference", "legal_basis.cag_reference", l.CAGReference)
		w.add("Scope of the s251 support", "legal_basis.s251_scope", l.S251Scope)
		w.add("s251 support is current", "legal_basis.s251_support_current", yesNo(l.S251SupportCurrent))
		w.add("National data opt-out acknowledged", "legal_basis.opt_out_acknowledged", yesNo(l.OptOutAcknowledged))
	}
	if w.a.UsesInformedConsent() || len(l.ConsentMaterials) > 0 {
		if len(l.ConsentMaterials) == 0 {
			w.add("Consent materials", "legal_basis.consent_materials", "")
		} else {
			w.at(SectionLegal, "Consent materials")
			ids := countIDs(l.ConsentMaterials, func(m ConsentMaterial) string { return m.ID })
			for i, m := range l.ConsentMaterials {
				w.enter(fmt.Sprintf("Consent material %d", i+1), "legal_basis.consent_materials", i, m.ID, ids)
				to := m.To.Human()
				if to == "" {
					to = "In use"
				}
				w.add("Material", "kind", choiceLabel(ConsentMaterialChoices, string(m.Kind)))
				w.add("Version", "version", m.Version)
				w.add("Used from", "used_from", m.From.Human())
				w.add("Used to", "used_to", to)
			}
			w.at(SectionLegal, "")
		}
	}
	if w.a.Cohort.Needed || w.a.UsesRoute(CLDCRoute.Consent) {
		w.add("How the cohort is kept informed", "legal_basis.cohort_contact", l.CohortContact)
	}
	w.add("Privacy notice", "legal_basis.privacy_notice_url", l.PrivacyNoticeURL)
	w.add("Why identifiable data is needed", "legal_basis.identifiable_reasons", l.IdentifiableReasons)
}

func (w *handOffWalk) organisations() {
	w.at(SectionOrganisations, "")
	if len(w.a.Organisations) == 0 {
		w.add("Organisations", "organisations", "")
	}
	ids := countIDs(w.a.Organisations, func(o Organisation) string { return o.ID })
	for i, o := range w.a.Organisations {
		w.at(SectionOrganisations, OrganisationHeading(i, o))
		w.enter("", "organisations", i, o.ID, ids)
		w.add("Type of organisation", "type", choiceLabel(OrganisationTypeChoices, string(o.Type)))
		w.add("Role", "role", choiceLabel(RoleChoices, string(o.Role)))
		w.add("Overall responsibility", "overall_responsibility", yesNo(o.OverallResponsibility))
		w.add("Legal entity", "legal_entity", yesNo(o.LegalEntity))
		w.add("Data Sharing Framework Contract signed", "dsfc_signed", yesNo(o.DSFCSigned))
		if o.DSFCSigned {
			w.add("DSFC signed on", "dsfc_date", o.DSFCDate.Human())
		}
		s := o.Security
		w.add("DSPT organisation code", "security.dspt_code", s.DSPTCode)
		w.add("DSPT status", "security.dspt_status", LabelOf(DSPTChoices, string(s.DSPTStatus)))
		w.add("DSPT published", "security.dspt_published", s.DSPTPublished.Human())
		w.add("DSPT valid until", "security.dspt_valid_until", s.DSPTValidUntil.Human())
		w.add("ISO/IEC 27001", "security.iso27001", yesNo(s.ISO27001))
		if s.ISO27001 {
			w.add("ISO/IEC 27001 expires", "security.iso27001_expiry", s.ISO27001Expiry.Human())
		}
		w.add("Cyber Essentials Plus", "security.cyber_essentials_plus", yesNo(s.CyberEssentialsPlus))
		if s.CyberEssentialsPlus {
			w.add("Cyber Essentials Plus expires", "security.cyber_essentials_plus_expiry", s.CEPlusExpiry.Human())
		}
		w.add("Honorary contracts in place", "honorary_contracts", yesNo(o.HonoraryContracts))
		w.add("DSA signatory", "dsa_signatory", o.DSASignatory)
	}
	w.at(SectionOrganisations, "People")
	if len(w.a.People) == 0 {
		w.add("People", "people", "")
		return
	}
	pids := countIDs(w.a.People, func(p Person) string { return p.ID })
	for i, pe := range w.a.People {
		w.enter(fmt.Sprintf("Person %d", i+1), "people", i, pe.ID, pids)
		w.add("Name", "name", pe.Name)
		w.add("Role", "role", pe.Role)
		w.add("Organisation", "organisation_id", w.orgName(pe.OrganisationID))
		w.add("Accesses the data", "accesses_data", yesNo(pe.AccessesData))
	}
	w.leave()
}

func (w *handOffWalk) territory() {
	w.at(SectionTerritory, "")
	w.add("Territory of use", "territory", choiceLabel(TerritoryChoices, string(w.a.Territory)))
	w.add("Access route", "access_route", choiceLabel(AccessRouteChoices, string(w.a.AccessRoute)))
	w.at(SectionTerritory, "Processing and storage locations")
	if len(w.a.Locations) == 0 {
		w.add("Locations", "locations", "")
	}
	ids := countIDs(w.a.Locations, func(l Location) string { return l.ID })
	for i, l := range w.a.Locations {
		w.enter(fmt.Sprintf("Location %d", i+1), "locations", i, l.ID, ids)
		w.add("Site", "site", l.Site)
		w.add("Organisation", "organisation_id", w.orgName(l.OrganisationID))
		w.add("Country", "country", l.Country)
		w.add("Cloud provider", "cloud_provider", l.CloudProvider)
		w.add("Use", "use", choiceLabel(LocationUseChoices, string(l.Use)))
		w.add("Transfer risk assessment", "tra_reference", l.TRAReference)
	}
	s := w.a.SubLicensing
	w.at(SectionTerritory, "Sub-licensing")
	w.add("Onward sharing (sub-licensing) needed", "sub_licensing.needed", yesNo(s.Needed))
	if s.Needed {
		w.add("Why", "sub_licensing.reason", s.Reason)
		w.add("Why recipients cannot apply directly", "sub_licensing.why_not_direct", s.WhyNotDirect)
		w.add("Value added before sharing", "sub_licensing.value_added", s.ValueAdded)
	}
}
