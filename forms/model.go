// Package forms is the domain of DARS Workbench: the application model, the
// DARS rules and readiness checks, and the DPIA and data-flow models. It
// imports no UI, SQL or PDF library so that every front end (window, CLI,
// export) shares one set of rules.
package forms

// Application is one draft DARS application. Its JSON form (field names in
// snake_case, enumerations as readable words) is the stable interchange format
// used by storage, the submission file and the CLI.
type Application struct {
	ID       string `json:"id"`
	Revision int64  `json:"revision"`

	Overview    Overview              `json:"overview"`
	Preliminary PreliminaryAssessment `json:"preliminary_assessment"`
	Purpose     Purpose               `json:"purpose"`
	Data        DataRequest           `json:"data"`
	Cohort      Cohort                `json:"cohort"`
	Legal       LegalBasis            `json:"legal_basis"`

	Organisations []Organisation `json:"organisations"`
	People        []Person       `json:"people"`
	Locations     []Location     `json:"locations"`
	Territory     Territory      `json:"territory"`
	SubLicensing  SubLicensing   `json:"sub_licensing"`
	AccessRoute   AccessRoute    `json:"access_route"`

	Evidence  []EvidenceItem `json:"evidence"`
	Lifecycle Lifecycle      `json:"lifecycle"`

	DataFlow DataFlowMap `json:"data_flow"`
	DPIA     DPIA        `json:"dpia"`

	Comments []ReviewComment `json:"comments"`

	// Unmatched keeps answers from an older file that fit none of a field's
	// choices, word for word, so converting the file loses nothing; the
	// field itself is left unanswered for the applicant to choose.
	Unmatched []UnmatchedAnswer `json:"unmatched_answers"`
}

// UnmatchedAnswer is an older file's answer that fits no choice of its field.
type UnmatchedAnswer struct {
	Field   string `json:"field"`
	Written string `json:"written"`
}

// Overview holds the enquiry-level facts (R-P1, R-P2, R-P6, R-P7).
type Overview struct {
	Title         string       `json:"title"`
	Summary       string       `json:"summary"`
	DARSReference string       `json:"dars_reference"`
	Stage         Stage        `json:"stage"`
	StageHistory  []StageEvent `json:"stage_history"`
	RequestedFrom Date         `json:"requested_start"`
	RequestedTo   Date         `json:"requested_end"`
	LeadApplicant string       `json:"lead_applicant"`
	LeadOrg       string       `json:"lead_organisation"`
	Readiness     string       `json:"readiness"`
	// NovelUse flags a novel or potentially contentious use that may merit
	// early assurance advice (R-P4).
	NovelUse bool `json:"novel_or_contentious"`
}

// StageEvent records when a stage was reached (R-P1).
type StageEvent struct {
	Stage   Stage `json:"stage"`
	Reached Date  `json:"reached"`
}

// PreliminaryAssessment records what the preliminary assessment settled (R-P3, R-A4).
type PreliminaryAssessment struct {
	AgreementsNeeded   string `json:"agreements_needed"`
	CohortPreparations string `json:"cohort_preparations"`
	CloudSecurity      string `json:"cloud_security"`
	TimeToAccess       string `json:"time_to_access"`
	CostEstimate       string `json:"cost_estimate"`
	CostPaidBy         string `json:"cost_paid_by"`
}

// Purpose covers purpose, outputs and benefits (R-U1…R-U4, R-D7).
type Purpose struct {
	Category             PurposeCategory `json:"category"`
	Objective            string          `json:"objective"`
	ProcessingActivities string          `json:"processing_activities"`
	ExpectedOutputs      string          `json:"expected_outputs"`
	ExpectedOutcomes     string          `json:"expected_outcomes"`
	ExpectedBenefits     string          `json:"expected_benefits"`
	Commercial           bool            `json:"commercial_involvement"`
	CommercialPurpose    string          `json:"commercial_purpose"`
	CommercialBenefit    string          `json:"commercial_public_benefit"`
	IsResearch           bool            `json:"is_research"`
	RECNeeded            bool            `json:"rec_approval_needed"`
	RECReference         string          `json:"rec_reference"`
	IRASReference        string          `json:"iras_reference"`
	FundingSource        string          `json:"funding_source"`
	FundingStatus        FundingStatus   `json:"funding_status"`
	PublishedDataChecked bool            `json:"published_data_checked"`
	PublishedDataNote    string          `json:"published_data_note"`
}

// DataRequest lists the products wanted (R-D1…R-D7).
type DataRequest struct {
	Products []ProductRequest `json:"products"`
	// AggregatedHESOnly selects the lighter route for unpublished aggregate
	// HES figures analysed on NHS England's servers (R-D4).
	AggregatedHESOnly bool `json:"aggregated_hes_only"`
}

// ProductRequest is one requested data product (R-D1, R-D2, R-D3).
type ProductRequest struct {
	ID                 string          `json:"id"`
	Name               string          `json:"name"`
	HistoricFrom       string          `json:"historic_from"`
	HistoricTo         string          `json:"historic_to"`
	LatestAvailable    bool            `json:"latest_available"`
	FutureDrops        bool            `json:"future_drops"`
	Frequency          Frequency       `json:"frequency"`
	YearsReason        string          `json:"years_reason"`
	Fields             []ProductField  `json:"fields"`
	Identifiability    Identifiability `json:"identifiability"`
	AccessedBy         []string        `json:"accessed_by"`
	LegalBasis         string          `json:"legal_basis"`
	TransparencyNotice string          `json:"transparency_notice"`
	// GPData marks a product holding GP (primary care) records, which may
	// need Professional Advisory Group review (R-D6, R-P5).
	GPData bool `json:"gp_data"`
	// Confidentiality is the common-law route of this product's flow, as the
	// register records it for each data set (R-L3); "" follows the
	// application's route.
	Confidentiality CLDCRoute   `json:"confidentiality"`
	Sensitivity     Sensitivity `json:"sensitivity"`
	// DisseminationGateway is NHS England's legal basis for releasing the
	// product, as the register writes it, e.g. "Health and Social Care Act
	// 2012 – s261(2)(b)(ii)" (R-L1, R-D2).
	DisseminationGateway string `json:"dissemination_gateway"`
}

// ProductField is one requested field with its minimisation reason (R-D3).
type ProductField struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Cohort covers the participant cohort and its linkage (R-C1…R-C7).
type Cohort struct {
	Needed            bool              `json:"needed"`
	Kind              CohortKind        `json:"kind"`
	ExistingReference string            `json:"existing_reference"`
	ValidationFields  []ValidationField `json:"validation_fields"`
	Period            CohortPeriod      `json:"period"`
	Size              string            `json:"approximate_size"`
	// The cohort's own flow to NHS England has its own sender and legal
	// basis, apart from the route of the data that comes back (R-L3).
	Sender     CohortSender `json:"sender"`
	SenderName string       `json:"sender_name"`
	// Confidentiality is the route of the cohort's flow; "" follows the
	// application's route.
	Confidentiality CLDCRoute `json:"confidentiality"`
	// OtherKeys names linkage keys beyond the listed fields (a trial ID, a
	// pseudonymous key agreed with NHS England).
	OtherKeys string `json:"other_linkage_keys"`
}

// LegalBasis covers UK GDPR and the common-law duty of confidentiality (R-L1…R-L8).
type LegalBasis struct {
	Article6 Article6 `json:"article6"`
	Article9 Article9 `json:"article9"`
	// Further bases and conditions, where an application states more than one.
	Article6Additional  []Article6        `json:"article6_additional"`
	Article9Additional  []Article9        `json:"article9_additional"`
	CLDC                CLDCRoute         `json:"cldc_route"`
	CLDCExplanation     string            `json:"cldc_explanation"`
	CAGReference        string            `json:"cag_reference"`
	S251Scope           string            `json:"s251_scope"`
	S251SupportCurrent  bool              `json:"s251_support_current"`
	OptOutAcknowledged  bool              `json:"opt_out_acknowledged"`
	ConsentMaterials    []ConsentMaterial `json:"consent_materials"`
	CohortContact       string            `json:"cohort_contact"`
	PrivacyNoticeURL    string            `json:"privacy_notice_url"`
	IdentifiableReasons string            `json:"identifiable_reasons"`
}

// ConsentMaterial is one version of an information sheet or consent form and
// the period it covered (R-L5).
type ConsentMaterial struct {
	ID      string              `json:"id"`
	Kind    ConsentMaterialKind `json:"kind"`
	Version string              `json:"version"`
	From    Date                `json:"used_from"`
	To      Date                `json:"used_to"`
}

// Organisation is one organisation involved, with its role and assurance (R-O1…R-O5, R-O7).
type Organisation struct {
	ID                    string           `json:"id"`
	LibraryID             string           `json:"library_id"`
	Name                  string           `json:"name"`
	Type                  OrganisationType `json:"type"`
	Role                  OrganisationRole `json:"role"`
	OverallResponsibility bool             `json:"overall_responsibility"`
	LegalEntity           bool             `json:"legal_entity"`
	DSFCSigned            bool             `json:"dsfc_signed"`
	DSFCDate              Date             `json:"dsfc_date"`
	Security              Security         `json:"security"`
	HonoraryContracts     bool             `json:"honorary_contracts"`
	DSASignatory          string           `json:"dsa_signatory"`
}

// Security is an organisation's security assurance (R-O3).
type Security struct {
	DSPTCode            string     `json:"dspt_code"`
	DSPTStatus          DSPTStatus `json:"dspt_status"`
	DSPTPublished       Date       `json:"dspt_published"`
	DSPTValidUntil      Date       `json:"dspt_valid_until"`
	ISO27001            bool       `json:"iso27001"`
	ISO27001Expiry      Date       `json:"iso27001_expiry"`
	CyberEssentialsPlus bool       `json:"cyber_essentials_plus"`
	CEPlusExpiry        Date       `json:"cyber_essentials_plus_expiry"`
}

// Person is a named person involved, and whether they access the data (R-O6).
type Person struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Role           string `json:"role"`
	OrganisationID string `json:"organisation_id"`
	AccessesData   bool   `json:"accesses_data"`
}

// Location is a processing or storage place (R-O4, R-T2, R-T3).
type Location struct {
	ID             string      `json:"id"`
	OrganisationID string      `json:"organisation_id"`
	Site           string      `json:"site"`
	Country        string      `json:"country"`
	CloudProvider  string      `json:"cloud_provider"`
	Use            LocationUse `json:"use"`
	TRAReference   string      `json:"tra_reference"`
}

// SubLicensing covers onward sharing (R-T4).
type SubLicensing struct {
	Needed       bool   `json:"needed"`
	Reason       string `json:"reason"`
	WhyNotDirect string `json:"why_not_direct"`
	ValueAdded   string `json:"value_added"`
}

// EvidenceItem is one piece of supporting evidence (R-E1…R-E3).
type EvidenceItem struct {
	ID           string         `json:"id"`
	Type         EvidenceType   `json:"type"`
	Title        string         `json:"title"`
	Version      string         `json:"version"`
	DocumentDate Date           `json:"document_date"`
	ValidUntil   Date           `json:"valid_until"`
	Status       EvidenceStatus `json:"status"`
	Notes        string         `json:"notes"`
	File         *Attachment    `json:"file"`
	// Satisfies is the key of the requirement this item meets (see
	// RequiredEvidence); empty for items added by hand.
	Satisfies string `json:"satisfies"`
}

// Attachment describes a stored file. The bytes live in the content-addressed
// store; the model keeps what the checks need to judge it (R-E2).
type Attachment struct {
	Name          string `json:"name"`
	Size          int64  `json:"size"`
	SHA256        string `json:"sha256"`
	IsPDF         bool   `json:"is_pdf"`
	Encrypted     bool   `json:"encrypted"`
	ActiveContent bool   `json:"active_content"`
	// ActiveFeatures names what makes ActiveContent true ("JavaScript",
	// "embedded files"), for the message that asks for a clean copy.
	ActiveFeatures []string `json:"active_features,omitempty"`
	// NotFullyInspected says why the file could not be fully inspected (a
	// filter not understood, a budget spent): it is then not known to be
	// free of scripts. Empty when it was inspected in full.
	NotFullyInspected string `json:"not_fully_inspected,omitempty"`
}

// Lifecycle holds the dates and records that follow approval (R-A1…R-A4, R-C7).
type Lifecycle struct {
	DSASigned        Date `json:"dsa_signed"`
	DSAEnd           Date `json:"dsa_end"`
	RenewalRequested bool `json:"renewal_requested"`
	// RenewalRequestedOn shows whether the renewal came at least a month
	// before the DSA ended (R-A2).
	RenewalRequestedOn Date               `json:"renewal_requested_on"`
	CohortFileSent     Date               `json:"cohort_file_sent"`
	Destruction        *DestructionRecord `json:"destruction"`
}

// DestructionRecord is what an applicant certifies after the DSA ends (R-A2).
type DestructionRecord struct {
	WhatDestroyed string `json:"what_destroyed"`
	DestroyedBy   string `json:"destroyed_by"`
	Method        string `json:"method"`
	DestroyedOn   Date   `json:"destroyed_on"`
	ConfirmedOn   Date   `json:"confirmation_sent"`
}

// ReviewComment is a reviewer's comment imported into a draft.
type ReviewComment struct {
	ID       string        `json:"id"`
	Section  SectionID     `json:"section"`
	Field    string        `json:"field"`
	Kind     CommentKind   `json:"kind"`
	Text     string        `json:"text"`
	Author   string        `json:"author"`
	Role     string        `json:"author_role"`
	Revision int64         `json:"revision"`
	FieldWas string        `json:"field_value_reviewed"`
	Replies  []CommentNote `json:"replies"`
	// Resolved: the reviewer confirmed the change or the answer, or (for a
	// suggestion or an approval, which wait for no one) the applicant
	// closed it.
	Resolved bool `json:"resolved"`
	// AwaitingReviewer: the applicant says a change asked for is made or a
	// question answered; the reviewer's next review confirms or reopens it.
	AwaitingReviewer bool `json:"awaiting_reviewer"`
	// AnswerRound counts the applicant's answers, so a verdict on an older
	// answer never undoes a newer one.
	AnswerRound int `json:"answer_round"`
}

// CommentNote is a reply in a comment thread.
type CommentNote struct {
	Author string `json:"author"`
	Text   string `json:"text"`
	On     Date   `json:"on"`
}
