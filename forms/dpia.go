package forms

import "strings"

// DPIA is the data protection impact assessment, in the ICO's seven steps
// (R-T6). Only what a person writes is stored: the description of the
// processing and the necessity facts that follow from the application are
// computed from the live draft (DescribeProcessing, AssessNecessity) so they
// never fall out of step with it.
type DPIA struct {
	Screening DPIAScreening `json:"screening"`
	// Need is step 1: why a DPIA is needed and what the project aims at.
	Need string `json:"need"`
	// Description is step 2 in the user's own words, shown beside the
	// description derived from the application.
	Description  DPIADescription    `json:"description_own_words"`
	Consultation []DPIAConsultation `json:"consultation"`
	// ConsultationNote says why no one was consulted, or anything else about step 3.
	ConsultationNote string `json:"consultation_note"`
	// LawfulBasis is what the DPIA document states, when it was written
	// apart from the application; empty means "as in the application".
	LawfulBasis DPIALawfulBasis `json:"lawful_basis_stated"`
	Necessity   DPIANecessity   `json:"necessity_own_words"`
	Risks       []DPIARisk      `json:"risks"`
	SignOff     DPIASignOff     `json:"sign_off"`
}

// DPIADescription is step 2 of the ICO template: the nature, scope, context
// and purposes of the processing. The same shape holds the derived text and
// the user's own words.
type DPIADescription struct {
	Nature   string `json:"nature"`
	Scope    string `json:"scope"`
	Context  string `json:"context"`
	Purposes string `json:"purposes"`
}

// DPIAConsultation is one consultation in step 3: who, how and when.
type DPIAConsultation struct {
	ID      string `json:"id"`
	Who     string `json:"who"`
	How     string `json:"how"`
	When    string `json:"when"`
	Outcome string `json:"outcome"`
}

// DPIALawfulBasis is the lawful basis as the DPIA states it (R-L1, R-L2).
type DPIALawfulBasis struct {
	Article6 Article6 `json:"article6"`
	Article9 Article9 `json:"article9"`
}

// DPIANecessity is step 4 in the user's own words; the facts that follow
// from the application come from AssessNecessity.
type DPIANecessity struct {
	// Justification: does the processing achieve the purpose, and is there
	// another, less intrusive way to do it?
	Justification string `json:"justification"`
	DataQuality   string `json:"data_quality"`
	Rights        string `json:"rights"`
	Processors    string `json:"processors"`
	Transfers     string `json:"international_transfers"`
}

// DPIARisk is one entry of the risk register (step 5) with its measures and
// what they leave behind (step 6). Its number in the register is its
// position plus one.
type DPIARisk struct {
	ID string `json:"id"`
	// LibraryID names the library entry it was copied from, if any.
	LibraryID  string       `json:"library_id"`
	Title      string       `json:"title"`
	Source     string       `json:"source"`
	Harm       string       `json:"harm"`
	Likelihood Likelihood   `json:"likelihood"`
	Severity   HarmSeverity `json:"severity"`

	Measures           []DPIAMeasure `json:"measures"`
	Effect             RiskEffect    `json:"effect"`
	ResidualLikelihood Likelihood    `json:"residual_likelihood"`
	ResidualSeverity   HarmSeverity  `json:"residual_severity"`

	// NodeRefs and FlowRefs point at the data flow map by ID.
	NodeRefs []string `json:"node_refs"`
	FlowRefs []string `json:"flow_refs"`
}

// DPIAMeasure is one measure against a risk, and its line in the action plan.
type DPIAMeasure struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Approved bool   `json:"approved"`
	Owner    string `json:"owner"`
	Due      Date   `json:"due"`
}

// Signature is a name, position and date in the sign-off table.
type Signature struct {
	Name string `json:"name"`
	Role string `json:"position"`
	On   Date   `json:"date"`
}

// Signed reports whether someone is named with a date.
func (s Signature) Signed() bool { return strings.TrimSpace(s.Name) != "" && !s.On.IsZero() }

// DPIASignOff is step 7: who approved what, the DPO's advice and the review.
type DPIASignOff struct {
	MeasuresApproved Signature  `json:"measures_approved_by"`
	ResidualApproved Signature  `json:"residual_risks_approved_by"`
	DPOAdvice        Signature  `json:"dpo_advice_provided_by"`
	DPOAdviceSummary string     `json:"dpo_advice_summary"`
	DPOOutcome       DPOOutcome `json:"dpo_advice_outcome"`
	DPOOutcomeBy     Signature  `json:"dpo_advice_outcome_by"`
	OverruleReasons  string     `json:"overrule_reasons"`
	// ConsultationReviewed and ConsultationDeparture record who read the
	// consultation responses and why the decision departs from them, if it does.
	ConsultationReviewed  Signature `json:"consultation_reviewed_by"`
	ConsultationDeparture string    `json:"consultation_departure_reasons"`
	KeptUnderReview       Signature `json:"kept_under_review_by"`
	NextReview            Date      `json:"next_review"`
}

// DPOOutcome is what became of the DPO's advice.
type DPOOutcome string

const (
	DPOAccepted  DPOOutcome = "accepted"
	DPOOverruled DPOOutcome = "overruled"
)

var DPOOutcomeChoices = []Choice{
	{"", "Not yet decided"},
	{string(DPOAccepted), "Accepted"},
	{string(DPOOverruled), "Overruled"},
}

// Number is the 1-based number of the risk with the given ID in the register,
// or 0 when there is none.
func (d *DPIA) Number(riskID string) int {
	for i, r := range d.Risks {
		if r.ID == riskID {
			return i + 1
		}
	}
	return 0
}

// AddRisk appends r to the register, giving it (and its measures) IDs when
// they have none, and returns its index.
func (d *DPIA) AddRisk(r DPIARisk) int {
	if r.ID == "" {
		r.ID = NewID()
	}
	for i := range r.Measures {
		if r.Measures[i].ID == "" {
			r.Measures[i].ID = NewID()
		}
	}
	d.Risks = append(d.Risks, r)
	return len(d.Risks) - 1
}

// RemoveRisk deletes the risk with the given ID; it reports whether one was found.
func (d *DPIA) RemoveRisk(id string) bool {
	for i, r := range d.Risks {
		if r.ID == id {
			d.Risks = append(d.Risks[:i:i], d.Risks[i+1:]...)
			return true
		}
	}
	return false
}

// Empty reports whether nothing has been written in the DPIA beyond screening.
func (d *DPIA) Empty() bool {
	return strings.TrimSpace(d.Need) == "" && d.Description == (DPIADescription{}) &&
		len(d.Consultation) == 0 && d.Necessity == (DPIANecessity{}) && len(d.Risks) == 0
}
