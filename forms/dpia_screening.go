package forms

import (
	"fmt"
	"strings"
)

// DPIAScreening holds the answers that decide whether a DPIA is required.
// Where the application already answers a question (health data that is
// personal, a cohort to link, s251 instead of consent), ScreenDPIA says so
// whatever is stored here.
type DPIAScreening struct {
	SpecialCategory    bool `json:"special_category"`
	LargeScale         bool `json:"large_scale"`
	Matching           bool `json:"data_matching"`
	NewTechnology      bool `json:"new_technology"`
	Vulnerable         bool `json:"vulnerable_people"`
	Invisible          bool `json:"invisible_processing"`
	AutomatedDecisions bool `json:"automated_decisions"`
	GeneticOrBiometric bool `json:"genetic_or_biometric"`
}

// ScreeningQuestion is one screening question, in the order asked.
type ScreeningQuestion struct {
	Key      string
	Question string
	// OnICOList marks criteria on the ICO's list of processing that always
	// needs a DPIA; the others need one when combined.
	OnICOList bool
	field     func(s *DPIAScreening) *bool
}

// ScreeningQuestions lists the screening questions.
var ScreeningQuestions = []ScreeningQuestion{
	{"special_category", "Does it process special category data, such as health data?", false, func(s *DPIAScreening) *bool { return &s.SpecialCategory }},
	{"large_scale", "Is it on a large scale (many people, many records or a wide area)?", false, func(s *DPIAScreening) *bool { return &s.LargeScale }},
	{"data_matching", "Does it match, link or combine data sets from different sources?", true, func(s *DPIAScreening) *bool { return &s.Matching }},
	{"new_technology", "Does it use new or innovative technology?", true, func(s *DPIAScreening) *bool { return &s.NewTechnology }},
	{"vulnerable_people", "Does it concern children or other vulnerable people?", true, func(s *DPIAScreening) *bool { return &s.Vulnerable }},
	{"invisible_processing", "Is data processed without telling people directly (invisible processing)?", true, func(s *DPIAScreening) *bool { return &s.Invisible }},
	{"automated_decisions", "Are decisions about people made automatically, or do results affect their access to services?", true, func(s *DPIAScreening) *bool { return &s.AutomatedDecisions }},
	{"genetic_or_biometric", "Does it process genetic or biometric data?", true, func(s *DPIAScreening) *bool { return &s.GeneticOrBiometric }},
}

// Get reads the answer to the question with key k.
func (s *DPIAScreening) Get(k string) bool {
	for _, q := range ScreeningQuestions {
		if q.Key == k {
			return *q.field(s)
		}
	}
	return false
}

// Set records the answer to the question with key k.
func (s *DPIAScreening) Set(k string, v bool) {
	for _, q := range ScreeningQuestions {
		if q.Key == k {
			*q.field(s) = v
		}
	}
}

// ScreeningAnswer is a question with the answer in force: the user's, or
// yes because the application says so (FromApplication gives why).
type ScreeningAnswer struct {
	ScreeningQuestion
	Yes             bool
	FromApplication string
}

// ScreeningResult is the outcome of screening.
type ScreeningResult struct {
	Answers  []ScreeningAnswer
	Required bool
	// Reason says in a sentence or two why a DPIA is, or is not, required.
	Reason string
}

// ScreenDPIA decides whether the application needs a DPIA. Personal health data
// (identifiable or pseudonymised) always does: it is special category data
// and DARS expects a DPIA with it (R-T6). Otherwise a DPIA is required for
// large-scale special category data (UK GDPR Art 35(3)(b)), for any
// criterion on the ICO's list, or for two or more criteria together.
func ScreenDPIA(a *Application) ScreeningResult {
	s := a.DPIA.Screening
	implied := dpiaImpliedScreening(a)
	var res ScreeningResult
	var yes []string
	onList := false
	for _, q := range ScreeningQuestions {
		ans := ScreeningAnswer{ScreeningQuestion: q, Yes: *q.field(&s), FromApplication: implied[q.Key]}
		if ans.FromApplication != "" {
			ans.Yes = true
		}
		if ans.Yes {
			yes = append(yes, q.Key)
			onList = onList || q.OnICOList
		}
		res.Answers = append(res.Answers, ans)
	}
	has := func(k string) bool {
		for _, y := range yes {
			if y == k {
				return true
			}
		}
		return false
	}
	personal := dpiaPersonalProducts(a)
	switch {
	case len(personal) > 0:
		res.Required = true
		res.Reason = fmt.Sprintf("Required: the application asks for %s health data (%s). Health data about people who can be identified, directly or through a pseudonym, is special category personal data, and DARS expects a DPIA for it (R-T6).",
			dpiaPersonalLevel(a), strings.Join(personal, "; "))
	case has("special_category") && has("large_scale"):
		res.Required = true
		res.Reason = "Required: special category data on a large scale (UK GDPR Article 35(3)(b))."
	case onList:
		res.Required = true
		res.Reason = "Required: the processing is of a kind on the ICO's list of processing likely to result in high risk."
	case len(yes) >= 2:
		res.Required = true
		res.Reason = "Required: two or more screening criteria apply together."
	case len(yes) == 1:
		res.Reason = "Not strictly required, but advised: one screening criterion applies. Record why you decided, and keep it under review."
	default:
		res.Reason = "Not required on these answers: the application asks for no personal data. Record this decision and revisit it if the request changes."
	}
	return res
}

// dpiaImpliedScreening gives the screening answers the application already
// settles, with the reason for each.
func dpiaImpliedScreening(a *Application) map[string]string {
	m := map[string]string{}
	if p := dpiaPersonalProducts(a); len(p) > 0 {
		m["special_category"] = "The products requested are " + dpiaPersonalLevel(a) + " health data."
	}
	if a.Cohort.Needed {
		m["data_matching"] = "A cohort is linked to national data sets."
	}
	if a.UsesS251() {
		m["invisible_processing"] = "Confidential patient information flows under s251, without consent."
	}
	return m
}

// dpiaPersonalProducts names the products that are personal data.
func dpiaPersonalProducts(a *Application) []string {
	var out []string
	for _, p := range a.Data.Products {
		if p.Identifiability.Personal() {
			out = append(out, dpiaOr(p.Name, "unnamed product"))
		}
	}
	return out
}

// dpiaPersonalLevel names the levels of personal data requested:
// "identifiable", "pseudonymised" or both.
func dpiaPersonalLevel(a *Application) string {
	var id, ps bool
	for _, p := range a.Data.Products {
		id = id || p.Identifiability == Identifiable
		ps = ps || p.Identifiability == Pseudonymised
	}
	switch {
	case id && ps:
		return "identifiable and pseudonymised"
	case id:
		return "identifiable"
	}
	return "pseudonymised"
}

func dpiaOr(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return strings.TrimSpace(s)
}
