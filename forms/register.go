package forms

import "strings"

// After approval NHS England publishes each agreement in its Data Uses
// Register, in the applicant's own words, for anyone to read. PublicEntry
// is the draft as that entry would show it: the register's facts in the
// register's own labels and spellings, then the texts, each with its
// plain-language review (R-U2, R-U3, R-T4).

// PublicEntry is the draft as the Data Uses Register would show it.
type PublicEntry struct {
	Title            string `json:"title"`
	Reference        string `json:"dars_reference"`
	Organisation     string `json:"organisation_name"`
	OrganisationType string `json:"organisation_type"`
	// ControllerBasis is "Sole" or "Joint" ("" with no controller named).
	ControllerBasis   string            `json:"data_controller_basis"`
	Controllers       []string          `json:"data_controllers"`
	Processors        []string          `json:"data_processors"`
	Sensitive         string            `json:"sensitive"`
	CommercialPurpose string            `json:"commercial_purpose"`
	Sublicensing      string            `json:"sublicensing_allowed"`
	Start             Date              `json:"start_date"`
	End               Date              `json:"end_date"`
	Datasets          []RegisterDataset `json:"datasets"`
	Texts             []PublicText      `json:"texts"`
}

// RegisterDataset is one data set of the entry, as the register writes it.
type RegisterDataset struct {
	Name            string `json:"name"`
	TypeOfData      string `json:"type_of_data"`
	Sensitivity     string `json:"sensitivity"`
	Frequency       string `json:"frequency"`
	Confidentiality string `json:"confidentiality"`
	LegalBasis      string `json:"legal_basis"`
}

// PublicText is one text the register publishes, with the field it comes
// from and the requirement that text serves.
type PublicText struct {
	Label       string     `json:"label"`
	Field       string     `json:"field"`
	Requirement string     `json:"requirement"`
	Text        string     `json:"text"`
	Review      TextReview `json:"plain_language"`
}

// The register's spellings of our choices, where they differ from our
// labels (from the agreements in assets/products.tsv and the register's
// published entries).
var (
	registerTypeOfData = map[Identifiability]string{
		Identifiable: "Identifiable", AnonymisedICO: "Anonymised - ICO Code Compliant",
		Pseudonymised: "Pseudonymised", Anonymised: "Anonymised", AggregateLevel: "Aggregated",
	}
	registerFrequency = map[Frequency]string{
		"one-off": "One-Off", "ongoing": "Ongoing", "frequent-adhoc": "Frequent Adhoc Flow", "system-access": "System Access",
	}
	registerSensitivity = map[Sensitivity]string{"sensitive": "Sensitive", "non-sensitive": "Non-Sensitive"}
	registerOrgType     = map[OrganisationType]string{
		"academic": "Academic", "charity": "Charity", "icb": "ICB - Integrated Care Board", "government": "Agency/Public Body",
	}
)

func spelled[K ~string](m map[K]string, choices []Choice, v K) string {
	if s, ok := m[v]; ok {
		return s
	}
	if v == "" {
		return ""
	}
	return LabelOf(choices, string(v))
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// BuildPublicEntry shows the draft as the register would.
func BuildPublicEntry(a *Application) *PublicEntry {
	e := &PublicEntry{
		Title: strings.TrimSpace(a.Overview.Title), Reference: a.Overview.DARSReference,
		CommercialPurpose: yesNo(a.Purpose.Commercial), Sublicensing: yesNo(a.SubLicensing.Needed),
		Start: a.Overview.RequestedFrom, End: a.Overview.RequestedTo,
		Controllers: []string{}, Processors: []string{}, Datasets: []RegisterDataset{},
	}
	lead := -1
	joint := false
	for i, o := range a.Organisations {
		name := strings.TrimSpace(o.Name)
		switch {
		case o.Role.Controller():
			e.Controllers = append(e.Controllers, name)
			joint = joint || o.Role == RoleJointController
		case o.Role == RoleProcessor:
			e.Processors = append(e.Processors, name)
		}
		if o.OverallResponsibility && lead < 0 {
			lead = i
		}
	}
	switch {
	case joint || len(e.Controllers) > 1:
		e.ControllerBasis = "Joint"
	case len(e.Controllers) == 1:
		e.ControllerBasis = "Sole"
	}
	if lead < 0 {
		for i, o := range a.Organisations {
			if o.Role.Controller() || strings.EqualFold(strings.TrimSpace(o.Name), strings.TrimSpace(a.Overview.LeadOrg)) {
				lead = i
				break
			}
		}
	}
	e.Organisation = strings.TrimSpace(a.Overview.LeadOrg)
	if lead >= 0 {
		o := a.Organisations[lead]
		if n := strings.TrimSpace(o.Name); n != "" {
			e.Organisation = n
		}
		e.OrganisationType = spelled(registerOrgType, OrganisationTypeChoices, o.Type)
	}
	var sens []string
	for i := range a.Data.Products {
		p := &a.Data.Products[i]
		d := RegisterDataset{
			Name:        strings.TrimSpace(p.Name),
			TypeOfData:  spelled(registerTypeOfData, IdentifiabilityChoices, p.Identifiability),
			Sensitivity: spelled(registerSensitivity, SensitivityChoices, p.Sensitivity),
			Frequency:   spelled(registerFrequency, FrequencyChoices, p.Frequency),
			LegalBasis:  strings.TrimSpace(p.DisseminationGateway),
		}
		if r := a.productRoute(p); r != "" {
			d.Confidentiality = r.RegisterWording()
		}
		if d.Sensitivity != "" && !containsString(sens, d.Sensitivity) {
			sens = append(sens, d.Sensitivity)
		}
		e.Datasets = append(e.Datasets, d)
	}
	e.Sensitive = strings.Join(sens, ", and ")
	e.Texts = PublicTexts(a)
	return e
}

// publicTextFields lists the texts the register publishes, in its order,
// without their review.
func publicTextFields(a *Application) []PublicText {
	p := &a.Purpose
	ts := []PublicText{
		{Label: "Objectives", Field: "purpose.objective", Requirement: "R-U2", Text: p.Objective},
		{Label: "Processing", Field: "purpose.processing_activities", Requirement: "R-U2", Text: p.ProcessingActivities},
		{Label: "Outputs", Field: "purpose.expected_outputs", Requirement: "R-U2", Text: p.ExpectedOutputs},
		{Label: "Expected Benefits", Field: "purpose.expected_benefits", Requirement: "R-U2", Text: p.ExpectedBenefits},
	}
	if p.Commercial {
		ts = append(ts,
			PublicText{Label: "Commercial purpose", Field: "purpose.commercial_purpose", Requirement: "R-U3", Text: p.CommercialPurpose},
			PublicText{Label: "Public benefit of the commercial involvement", Field: "purpose.commercial_public_benefit", Requirement: "R-U3", Text: p.CommercialBenefit})
	}
	if s := &a.SubLicensing; s.Needed {
		ts = append(ts,
			PublicText{Label: "Sub-licensing: why the data is shared on", Field: "sub_licensing.reason", Requirement: "R-T4", Text: s.Reason},
			PublicText{Label: "Sub-licensing: why NHS England cannot supply the third party", Field: "sub_licensing.why_not_direct", Requirement: "R-T4", Text: s.WhyNotDirect},
			PublicText{Label: "Sub-licensing: the value added", Field: "sub_licensing.value_added", Requirement: "R-T4", Text: s.ValueAdded})
	}
	return ts
}

// PublicTexts lists the texts the register publishes, in its order, each
// with its plain-language review. The reviews are cached: the same draft
// reviews in the time it takes to hash its texts.
func PublicTexts(a *Application) []PublicText {
	ts := publicTextFields(a)
	reviews := reviewTexts(reviewInputs{a, ts})
	for i := range ts {
		ts[i].Review = reviews[i]
	}
	return ts
}
