package forms

// DPIA is the data protection impact assessment, in the ICO's seven steps (R-T6).
type DPIA struct {
	Screening    DPIAScreening `json:"screening"`
	Need         string        `json:"need"`
	Description  string        `json:"description_own_words"`
	Consultation string        `json:"consultation"`
	Necessity    string        `json:"necessity_own_words"`
	Risks        []DPIARisk    `json:"risks"`
	SignOff      DPIASignOff   `json:"sign_off"`
}

// DPIAScreening holds the answers that decide whether a DPIA is required.
type DPIAScreening struct {
	SpecialCategory bool `json:"special_category"`
	LargeScale      bool `json:"large_scale"`
	Matching        bool `json:"data_matching"`
	NewTechnology   bool `json:"new_technology"`
	Vulnerable      bool `json:"vulnerable_people"`
}

// DPIARisk is one entry of the risk register with its measures (steps 5 and 6).
type DPIARisk struct {
	ID         string   `json:"id"`
	Source     string   `json:"source"`
	Harm       string   `json:"harm"`
	Likelihood string   `json:"likelihood"`
	Severity   string   `json:"severity"`
	Measures   string   `json:"measures"`
	Effect     string   `json:"effect"`
	Residual   string   `json:"residual_risk"`
	Approved   bool     `json:"approved"`
	Owner      string   `json:"owner"`
	Due        Date     `json:"due"`
	FlowRefs   []string `json:"flow_refs"`
}

// DPIASignOff is step 7.
type DPIASignOff struct {
	MeasuresApprovedBy     string `json:"measures_approved_by"`
	ResidualApprovedBy     string `json:"residual_risks_approved_by"`
	DPOAdvice              string `json:"dpo_advice"`
	DPOAdviceAccepted      bool   `json:"dpo_advice_accepted"`
	OverruleReasons        string `json:"overrule_reasons"`
	ConsultationReviewedBy string `json:"consultation_reviewed_by"`
	KeptUnderReviewBy      string `json:"kept_under_review_by"`
}
