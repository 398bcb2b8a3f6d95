package forms

import (
	"fmt"
	"strings"
	"unicode"
)

// DescribeProcessing writes step 2 of the DPIA — nature, scope, context and
// purposes — from the application as it stands. It is computed, never
// stored, so the DPIA keeps in step with the application; the user's own
// words sit beside it in DPIA.Description.
func DescribeProcessing(a *Application) DPIADescription {
	return DPIADescription{
		Nature:   dpiaDescribeNature(a),
		Scope:    dpiaDescribeScope(a),
		Context:  dpiaDescribeContext(a),
		Purposes: dpiaDescribePurposes(a),
	}
}

func dpiaDescribeNature(a *Application) string {
	var s []string
	if names := dpiaProductNames(a); len(names) > 0 {
		route := "by the access route still to be chosen"
		switch a.AccessRoute {
		case "":
		case "sde":
			route = "for use in the Secure Data Environment"
		default:
			route = "by " + dpiaLowerFirst(LabelOf(AccessRouteChoices, string(a.AccessRoute)))
		}
		s = append(s, fmt.Sprintf("NHS England supplies %s to %s %s.", dpiaJoinAnd(names), dpiaJoinAnd(dpiaControllerNames(a)), route))
	} else {
		s = append(s, "No data products are listed yet.")
	}
	for _, p := range a.Data.Products {
		if p.Identifiability != "" {
			s = append(s, fmt.Sprintf("%s is supplied %s.", dpiaOr(p.Name, "An unnamed product"), dpiaLowerFirst(LabelOf(IdentifiabilityChoices, string(p.Identifiability)))))
		}
	}
	if a.Cohort.Needed {
		var vf []string
		for _, f := range a.Cohort.ValidationFields {
			vf = append(vf, dpiaLowerFirst(LabelOf(ValidationFieldChoices, string(f))))
		}
		line := "The applicant sends NHS England a cohort file to link to these data sets"
		if len(vf) > 0 {
			line += ", matched on " + dpiaJoinAnd(vf)
		}
		s = append(s, line+".")
	}
	if locs := dpiaLocationLines(a); len(locs) > 0 {
		s = append(s, "Data is processed and stored at "+dpiaJoinAnd(locs)+".")
	}
	if p := dpiaProcessorNames(a); len(p) > 0 {
		s = append(s, "Processors acting for the controllers: "+dpiaJoinAnd(p)+".")
	}
	if n, f := len(a.DataFlow.Nodes), len(a.DataFlow.Flows); n > 0 {
		s = append(s, fmt.Sprintf("The data flow map shows %d parties and places and %d flows between them.", n, f))
	}
	if a.SubLicensing.Needed {
		s = append(s, "Data is shared onward under sub-licence: "+dpiaOr(a.SubLicensing.Reason, "reason not yet given")+".")
	} else {
		s = append(s, "Data is not shared onward.")
	}
	end := "the end of the data sharing agreement"
	if !a.Overview.RequestedTo.IsZero() {
		end += " (requested end " + a.Overview.RequestedTo.Human() + ")"
	}
	s = append(s, "Data is destroyed securely at "+end+", unless the agreement is renewed, and destruction is confirmed within 14 days (R-A2).")
	return strings.Join(s, " ")
}

func dpiaDescribeScope(a *Application) string {
	var s []string
	for _, p := range a.Data.Products {
		line := dpiaOr(p.Name, "Unnamed product")
		var when []string
		if p.HistoricFrom != "" || p.HistoricTo != "" {
			when = append(when, dpiaOr(p.HistoricFrom, "?")+"–"+dpiaOr(p.HistoricTo, "?"))
		}
		if p.LatestAvailable {
			when = append(when, "the latest available")
		}
		if p.FutureDrops {
			when = append(when, "future drops")
		}
		if len(when) > 0 {
			line += ", " + dpiaJoinAnd(when)
		}
		line += fmt.Sprintf(", %s", dpiaPlural(len(p.Fields), "field"))
		if p.Frequency != "" {
			line += ", " + dpiaLowerFirst(LabelOf(FrequencyChoices, string(p.Frequency)))
		}
		s = append(s, line+".")
	}
	if a.Cohort.Needed && strings.TrimSpace(a.Cohort.Size) != "" {
		s = append(s, "About "+strings.TrimSpace(a.Cohort.Size)+" people in the cohort.")
	}
	if o := a.Overview; !o.RequestedFrom.IsZero() && !o.RequestedTo.IsZero() {
		s = append(s, fmt.Sprintf("Access is requested from %s to %s.", o.RequestedFrom.Human(), o.RequestedTo.Human()))
	}
	if a.Territory != "" {
		s = append(s, "Territory of use: "+LabelOf(TerritoryChoices, string(a.Territory))+".")
	}
	switch n := len(dpiaAccessPeople(a)); n {
	case 0:
	case 1:
		s = append(s, "1 named person will access the data.")
	default:
		s = append(s, fmt.Sprintf("%d named people will access the data.", n))
	}
	if len(s) == 0 {
		return "Nothing in the application yet sets the scope: add the data products, cohort size and access period."
	}
	return strings.Join(s, " ")
}

func dpiaDescribeContext(a *Application) string {
	var s []string
	switch a.Legal.CLDC {
	case CLDCConsent:
		line := "People in the cohort consented to take part and to the use of their records."
		if c := strings.TrimSpace(a.Legal.CohortContact); c != "" {
			line += " Contact with them is kept through: " + strings.TrimSuffix(c, ".") + "."
		}
		s = append(s, line)
	case CLDCReasonableExpectation:
		s = append(s, "Confidential patient information flows with consent, as the register records it: people's consent or their reasonable expectation of the use.")
	case CLDCS251:
		s = append(s, "People have not consented: confidential patient information flows under s251 support, and the National Data Opt-out is applied, so people who opted out are left out (R-L8).")
	case CLDCMixture:
		s = append(s, "Some flows carry confidential patient information under s251 support, with the National Data Opt-out applied (R-L8); the others carry no confidential data.")
	case CLDCStatutory:
		s = append(s, "Confidential patient information flows under a statutory exemption: "+dpiaOr(a.Legal.CLDCExplanation, "not yet named")+".")
	case CLDCOther:
		s = append(s, "Confidentiality is set aside by another legal route: "+dpiaOr(a.Legal.CLDCExplanation, "not yet explained")+".")
	case CLDCNone:
		s = append(s, "No confidential patient information flows.")
	}
	if u := strings.TrimSpace(a.Legal.PrivacyNoticeURL); u != "" {
		s = append(s, "A privacy notice is published at "+u+".")
	}
	if a.Purpose.Commercial {
		s = append(s, "There is commercial involvement: "+dpiaOr(a.Purpose.CommercialPurpose, "not yet described")+".")
	}
	if a.Overview.NovelUse {
		s = append(s, "The use is flagged as novel or potentially contentious.")
	}
	if a.DPIA.Screening.Vulnerable {
		s = append(s, "The data concerns children or other vulnerable people.")
	}
	if len(s) == 0 {
		return "Give the legal basis and consent route in the application to describe the context."
	}
	return strings.Join(s, " ")
}

func dpiaDescribePurposes(a *Application) string {
	p := a.Purpose
	var s []string
	if o := strings.TrimSpace(p.Objective); o != "" {
		s = append(s, o)
	}
	if o := strings.TrimSpace(p.ExpectedOutcomes); o != "" {
		s = append(s, "Expected outcomes: "+o)
	}
	if o := strings.TrimSpace(p.ExpectedBenefits); o != "" {
		s = append(s, "Benefits: "+o)
	}
	if p.Category != "" {
		s = append(s, "Purpose category: "+dpiaLowerFirst(LabelOf(PurposeChoices, string(p.Category)))+".")
	}
	if len(s) == 0 {
		return "State the objective and benefits in the purpose section."
	}
	return strings.Join(s, " ")
}

// NecessityFacts is what the application already says for step 4.
type NecessityFacts struct {
	Article6        Article6
	Article9        Article9
	LawfulBasis     string
	Confidentiality string
	Minimisation    []string
	Transparency    string
	Processors      []string
	Transfers       []string
}

// AssessNecessity gathers the facts for step 4 from the live application:
// the lawful basis (R-L1, R-L2, R-L3), minimisation per product (R-D3),
// transparency (R-L7), processors (R-O1) and transfers outside the UK (R-T3).
func AssessNecessity(a *Application) NecessityFacts {
	f := NecessityFacts{Article6: a.Legal.Article6, Article9: a.Legal.Article9}
	f.LawfulBasis = dpiaLawfulBasisLabel(a.Legal.Article6, a.Legal.Article9)
	if a.Legal.CLDC != "" {
		f.Confidentiality = LabelOf(CLDCChoices, string(a.Legal.CLDC))
	} else {
		f.Confidentiality = "Not yet given in the legal basis section."
	}
	for _, p := range a.Data.Products {
		missing := 0
		for _, fl := range p.Fields {
			if strings.TrimSpace(fl.Reason) == "" {
				missing++
			}
		}
		line := fmt.Sprintf("%s: %s", dpiaOr(p.Name, "Unnamed product"), dpiaPlural(len(p.Fields), "field"))
		if missing > 0 {
			line += fmt.Sprintf(", %d without a reason", missing)
		} else if len(p.Fields) > 0 {
			line += ", each with a reason"
		}
		if p.Identifiability != "" {
			line += "; " + dpiaLowerFirst(LabelOf(IdentifiabilityChoices, string(p.Identifiability)))
		}
		f.Minimisation = append(f.Minimisation, line+".")
	}
	if a.Cohort.Needed && len(a.Cohort.ValidationFields) > 0 {
		var vf []string
		for _, v := range a.Cohort.ValidationFields {
			vf = append(vf, dpiaLowerFirst(LabelOf(ValidationFieldChoices, string(v))))
		}
		f.Minimisation = append(f.Minimisation, "Cohort linkage on "+dpiaJoinAnd(vf)+".")
	}
	if u := strings.TrimSpace(a.Legal.PrivacyNoticeURL); u != "" {
		f.Transparency = "Privacy notice: " + u
	} else {
		f.Transparency = "No privacy notice is given in the application."
	}
	f.Processors = dpiaProcessorNames(a)
	for _, l := range a.Locations {
		if !dpiaInUK(l.Country) {
			line := dpiaOr(l.Site, "Unnamed site") + ", " + dpiaOr(l.Country, "country not given")
			if t := strings.TrimSpace(l.TRAReference); t != "" {
				line += " (transfer risk assessment " + t + ")"
			} else {
				line += " (no transfer risk assessment recorded)"
			}
			f.Transfers = append(f.Transfers, line)
		}
	}
	return f
}

func dpiaLawfulBasisLabel(a6 Article6, a9 Article9) string {
	var parts []string
	if a6 != "" {
		parts = append(parts, "Article "+LabelOf(Article6Choices, string(a6)))
	}
	if a9 != "" {
		parts = append(parts, "Article "+LabelOf(Article9Choices, string(a9)))
	}
	if len(parts) == 0 {
		return "Not yet given in the legal basis section."
	}
	return strings.Join(parts, "; ")
}

func dpiaProductNames(a *Application) []string {
	var out []string
	for _, p := range a.Data.Products {
		out = append(out, dpiaOr(p.Name, "an unnamed product"))
	}
	return out
}

func dpiaControllerNames(a *Application) []string {
	var out []string
	for _, o := range a.Organisations {
		if o.Role.Controller() {
			out = append(out, dpiaOr(o.Name, "an unnamed controller"))
		}
	}
	if len(out) == 0 {
		return []string{"the applicant"}
	}
	return out
}

func dpiaProcessorNames(a *Application) []string {
	var out []string
	for _, o := range a.Organisations {
		if o.Role == RoleProcessor {
			out = append(out, dpiaOr(o.Name, "an unnamed processor"))
		}
	}
	return out
}

func dpiaAccessPeople(a *Application) []Person {
	var out []Person
	for _, p := range a.People {
		if p.AccessesData {
			out = append(out, p)
		}
	}
	return out
}

func dpiaLocationLines(a *Application) []string {
	var out []string
	for _, l := range a.Locations {
		line := dpiaOr(l.Site, "an unnamed site")
		if c := strings.TrimSpace(l.Country); c != "" {
			line += " (" + c + ")"
		}
		if c := strings.TrimSpace(l.CloudProvider); c != "" {
			line += " on " + c
		}
		out = append(out, line)
	}
	return out
}

// dpiaInUK reports whether a country as typed names the UK or one of its
// nations; an empty country is not judged here (other checks ask for it).
func dpiaInUK(country string) bool {
	switch strings.ToLower(strings.TrimSpace(country)) {
	case "", "uk", "u.k.", "united kingdom", "great britain", "gb", "england", "wales", "scotland", "northern ireland":
		return true
	}
	return false
}

func dpiaJoinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func dpiaPlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// dpiaLowerFirst lower-cases a label's first letter for use mid-sentence,
// leaving acronyms ("NHS number", "HES") alone.
func dpiaLowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 || (len(r) > 1 && unicode.IsUpper(r[1])) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
