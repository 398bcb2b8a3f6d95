package forms

// Choice is one value of an enumeration with the words a person sees for it.
// Stored values are readable lower-case words so the JSON reads well too.
type Choice struct {
	Value string
	Label string
}

// LabelOf returns the label of value in choices, or value itself when it is
// not one of them (free entry is kept, never discarded).
func LabelOf(choices []Choice, value string) string {
	for _, c := range choices {
		if c.Value == value {
			return c.Label
		}
	}
	return value
}

// ValueOf is the inverse of LabelOf.
func ValueOf(choices []Choice, label string) string {
	for _, c := range choices {
		if c.Label == label {
			return c.Value
		}
	}
	return label
}

// Labels lists the labels of choices in order, for pickers.
func Labels(choices []Choice) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = c.Label
	}
	return out
}

// Values lists the stored values of choices in order, for schemas.
func Values(choices []Choice) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = c.Value
	}
	return out
}

// Stage is where an application stands in the DARS process (R-P1).
type Stage string

const (
	StageEnquiry     Stage = "enquiry"
	StagePreliminary Stage = "preliminary-assessment"
	StageSubmission  Stage = "application-submission"
	StageAcceptance  Stage = "acceptance-review"
	StageAssurance   Stage = "assurance"
	StageApproval    Stage = "approval"
	StageDSASigned   Stage = "dsa-signature"
	StageDataAccess  Stage = "data-access"
	StageAudit       Stage = "audit"
	StageDeletion    Stage = "deletion"
	StageRenewal     Stage = "renewal"
)

// StageChoices lists the stages in process order (R-P1).
var StageChoices = []Choice{
	{string(StageEnquiry), "Enquiry"},
	{string(StagePreliminary), "Preliminary assessment"},
	{string(StageSubmission), "Application submission"},
	{string(StageAcceptance), "Acceptance review"},
	{string(StageAssurance), "Assurance"},
	{string(StageApproval), "Approval"},
	{string(StageDSASigned), "DSA signature"},
	{string(StageDataAccess), "Data access"},
	{string(StageAudit), "Audit"},
	{string(StageDeletion), "Deletion"},
	{string(StageRenewal), "Renewal"},
}

// Label is the stage as a person reads it.
func (s Stage) Label() string { return LabelOf(StageChoices, string(s)) }

// ReadinessSuggestions are typical answers to "how ready are you?" (R-P2).
var ReadinessSuggestions = []string{
	"Writing a funding bid",
	"Funded, protocol drafted",
	"Funded, approvals being sought",
	"Approvals in place",
}

// PurposeCategory is the permitted purpose (R-U1).
type PurposeCategory string

const (
	PurposeHealthCare      PurposeCategory = "health-care"
	PurposeAdultSocialCare PurposeCategory = "adult-social-care"
	PurposeHealthPromotion PurposeCategory = "promotion-of-health"
)

var PurposeChoices = []Choice{
	{string(PurposeHealthCare), "Health care"},
	{string(PurposeAdultSocialCare), "Adult social care"},
	{string(PurposeHealthPromotion), "Promotion of health"},
}

// FundingStatus says whether the work is funded (R-U4).
type FundingStatus string

var FundingChoices = []Choice{
	{"applied", "Applied for"},
	{"awarded", "Awarded"},
	{"not-needed", "No external funding needed"},
}

// Frequency is how often a product is supplied.
type Frequency string

var FrequencyChoices = []Choice{
	{"one-off", "One-off"},
	{"ongoing", "Ongoing"},
	{"frequent-adhoc", "Frequent ad hoc flow"},
	{"system-access", "System access"},
}

// Identifiability is the level of identifiability of data (R-D1).
type Identifiability string

const (
	Identifiable  Identifiability = "identifiable"
	Pseudonymised Identifiability = "pseudonymised"
	// AnonymisedICO is the register's "Anonymised - ICO Code Compliant":
	// record-level data de-identified to the ICO's anonymisation code, the
	// level most approved extracts of HES and its kin are released at.
	AnonymisedICO  Identifiability = "anonymised-ico"
	Anonymised     Identifiability = "anonymised"
	AggregateLevel Identifiability = "aggregate"
)

var IdentifiabilityChoices = []Choice{
	{string(Identifiable), "Identifiable"},
	{string(Pseudonymised), "Pseudonymised"},
	{string(AnonymisedICO), "Anonymised – ICO code compliant"},
	{string(Anonymised), "Anonymised"},
	{string(AggregateLevel), "Aggregate"},
}

// Personal reports whether data at this level is personal data under UK GDPR.
func (i Identifiability) Personal() bool { return i == Identifiable || i == Pseudonymised }

// RecordLevel reports whether data at this level holds one row per person,
// even when no one can be identified from it (the ICO-code level): the
// level at which NHS England still expects a UK GDPR basis to be stated.
func (i Identifiability) RecordLevel() bool { return i.Personal() || i == AnonymisedICO }

// Sensitivity is the register's sensitivity of a product: whether it holds
// special-category (sensitive) data.
type Sensitivity string

var SensitivityChoices = []Choice{
	{"sensitive", "Sensitive"},
	{"non-sensitive", "Non-sensitive"},
}

// CohortKind says whether the cohort is new or already held (R-C2).
type CohortKind string

var CohortKindChoices = []Choice{
	{"new", "New cohort"},
	{"existing", "Supplied under an existing agreement"},
}

// ValidationField is a linkage field (R-C3).
type ValidationField string

const (
	VFStudyID   ValidationField = "study-id"
	VFNHSNumber ValidationField = "nhs-number"
	VFDateBirth ValidationField = "date-of-birth"
	VFSurname   ValidationField = "surname"
	VFForename  ValidationField = "forename"
	VFGender    ValidationField = "gender"
	VFPostcode  ValidationField = "postcode"
)

// Linkage keys that are not direct identifiers: a hashed NHS number (keyed
// with a salt agreed with NHS England) or another pseudonymous key.
const (
	VFHashedNHSNumber ValidationField = "hashed-nhs-number"
	VFOtherKey        ValidationField = "other-key"
)

var ValidationFieldChoices = []Choice{
	{string(VFStudyID), "Study ID"},
	{string(VFNHSNumber), "NHS number"},
	{string(VFHashedNHSNumber), "Hashed NHS number"},
	{string(VFDateBirth), "Date of birth"},
	{string(VFSurname), "Surname"},
	{string(VFForename), "Forename"},
	{string(VFGender), "Gender"},
	{string(VFPostcode), "Postcode"},
	{string(VFOtherKey), "Other linkage key"},
}

// Direct reports whether the field identifies a person on its own or nearly
// so; a cohort linked only on other keys carries no confidential information.
func (f ValidationField) Direct() bool {
	switch f {
	case VFNHSNumber, VFDateBirth, VFSurname, VFForename, VFPostcode:
		return true
	}
	return false
}

// CohortSender says who sends the cohort file to NHS England (R-C1, R-C7).
type CohortSender string

const (
	SenderApplicant CohortSender = "applicant"
	SenderOther     CohortSender = "other-organisation"
)

var CohortSenderChoices = []Choice{
	{string(SenderApplicant), "The applicant"},
	{string(SenderOther), "Another organisation"},
}

// CohortPeriod says whether data is backdated or from recruitment (R-C6).
type CohortPeriod string

var CohortPeriodChoices = []Choice{
	{"backdated", "Backdated"},
	{"from-recruitment", "From each participant's recruitment date"},
}

// Article6 is a UK GDPR Article 6 lawful basis (R-L1).
type Article6 string

var Article6Choices = []Choice{
	{"6-1-a", "6(1)(a) consent"},
	{"6-1-b", "6(1)(b) contract"},
	{"6-1-c", "6(1)(c) legal obligation"},
	{"6-1-d", "6(1)(d) vital interests"},
	{"6-1-e", "6(1)(e) public task"},
	{"6-1-f", "6(1)(f) legitimate interests"},
}

// Article9 is a UK GDPR Article 9 condition (R-L2).
type Article9 string

var Article9Choices = []Choice{
	{"9-2-a", "9(2)(a) explicit consent"},
	{"9-2-b", "9(2)(b) employment and social protection law"},
	{"9-2-c", "9(2)(c) vital interests"},
	{"9-2-d", "9(2)(d) not-for-profit body's members"},
	{"9-2-e", "9(2)(e) made public by the person"},
	{"9-2-f", "9(2)(f) legal claims"},
	{"9-2-g", "9(2)(g) substantial public interest"},
	{"9-2-h", "9(2)(h) health or social care"},
	{"9-2-i", "9(2)(i) public health"},
	{"9-2-j", "9(2)(j) research or statistics"},
}

// CLDCRoute is the basis that sets aside the common-law duty of confidentiality (R-L3).
type CLDCRoute string

// The routes are those NHS England's register records for each data set,
// kept apart where the rules differ: informed consent needs its consent
// materials listed (R-L5), while the register's "Consent (Reasonable
// Expectation)" also covers care where people reasonably expect the use; a
// statutory exemption (regulation 3 of the Control of Patient Information
// Regulations 2002, a direction) needs no consent or CAG support; a mixture
// has s251 support for its confidential flows and none for the rest.
const (
	CLDCNone                  CLDCRoute = "not-applicable"
	CLDCConsent               CLDCRoute = "consent"
	CLDCReasonableExpectation CLDCRoute = "consent-reasonable-expectation"
	CLDCS251                  CLDCRoute = "s251"
	CLDCStatutory             CLDCRoute = "statutory"
	CLDCMixture               CLDCRoute = "mixture"
	CLDCOther                 CLDCRoute = "other"
)

var CLDCChoices = []Choice{
	{string(CLDCNone), "No confidential patient information flows"},
	{string(CLDCConsent), "Informed consent"},
	{string(CLDCReasonableExpectation), "Consent (Reasonable Expectation)"},
	{string(CLDCS251), "Section 251 support (CAG)"},
	{string(CLDCStatutory), "Statutory exemption to flow confidential data without consent"},
	{string(CLDCMixture), "Mixture of s251-supported and non-confidential flows"},
	{string(CLDCOther), "Other (court order, other law)"},
}

// RegisterWording is the route as NHS England's Data Uses Register writes it,
// for the PDF and the product picker.
func (r CLDCRoute) RegisterWording() string {
	switch r {
	case CLDCNone:
		return "Does not include the flow of confidential data"
	case CLDCConsent, CLDCReasonableExpectation:
		return "Consent (Reasonable Expectation)"
	case CLDCS251:
		return "Section 251 NHS Act 2006"
	case CLDCStatutory:
		return "Statutory exemption to flow confidential data without consent"
	case CLDCMixture:
		return "Mixture of confidential data flow(s) with support under section 251 NHS Act 2006 and non-confidential data flow(s)"
	}
	return LabelOf(CLDCChoices, string(r))
}

// Consent reports whether the route rests on the person's consent.
func (r CLDCRoute) Consent() bool { return r == CLDCConsent || r == CLDCReasonableExpectation }

// S251 reports whether some flow on the route rests on s251 support, so
// the CAG reference, its scope and the opt-out apply (R-L6, R-L8).
func (r CLDCRoute) S251() bool { return r == CLDCS251 || r == CLDCMixture }

// Sets reports whether the route answers the duty of confidentiality for a
// flow of confidential information: any route but "none" and "not answered".
func (r CLDCRoute) Sets() bool { return r != "" && r != CLDCNone }

// ConsentMaterialKind is a kind of consent document (R-L5).
type ConsentMaterialKind string

var ConsentMaterialChoices = []Choice{
	{"information-sheet", "Participant information sheet"},
	{"consent-form", "Consent form"},
}

// OrganisationRole is an organisation's role (R-O1).
type OrganisationRole string

const (
	RoleSoleController  OrganisationRole = "sole-controller"
	RoleJointController OrganisationRole = "joint-controller"
	RoleProcessor       OrganisationRole = "processor"
	RoleNoAccess        OrganisationRole = "no-data-access"
)

var RoleChoices = []Choice{
	{string(RoleSoleController), "Sole data controller"},
	{string(RoleJointController), "Joint data controller"},
	{string(RoleProcessor), "Data processor"},
	{string(RoleNoAccess), "Involved, no data access"},
}

// OrganisationType is the kind of body an organisation is, as the register
// records it (R-O1).
type OrganisationType string

var OrganisationTypeChoices = []Choice{
	{"academic", "Academic (university or research institute)"},
	{"nhs-trust", "NHS trust or foundation trust"},
	{"icb", "Integrated care board (ICB)"},
	{"csu", "Commissioning support unit (CSU)"},
	{"gp-practice", "GP practice or primary care network"},
	{"local-authority", "Local authority"},
	{"government", "Government department or agency"},
	{"charity", "Charity or not-for-profit"},
	{"commercial", "Commercial company"},
	{"independent-provider", "Independent sector healthcare provider"},
	{"other", "Other"},
}

// Controller reports whether the role is a data controller.
func (r OrganisationRole) Controller() bool {
	return r == RoleSoleController || r == RoleJointController
}

// DSPTStatus is an organisation's published DSPT status (R-O3).
type DSPTStatus string

const DSPTStandardsMet DSPTStatus = "standards-met"

var DSPTChoices = []Choice{
	{"", "Not known"},
	{string(DSPTStandardsMet), "Standards Met"},
	{"standards-exceeded", "Standards Exceeded"},
	{"approaching-standards", "Approaching Standards"},
	{"standards-not-met", "Standards Not Met"},
	{"not-published", "Not published"},
}

// Assured reports whether the status meets DARS's security bar.
func (s DSPTStatus) Assured() bool { return s == DSPTStandardsMet || s == "standards-exceeded" }

// LocationUse says what happens at a location (R-O4).
type LocationUse string

var LocationUseChoices = []Choice{
	{"processing-and-storage", "Processing and storage"},
	{"processing", "Processing only"},
	{"storage", "Storage only"},
}

// Territory is the declared territory of use (R-T1).
type Territory string

const (
	TerritoryEnglandWales Territory = "england-wales"
	TerritoryUK           Territory = "uk"
	TerritoryUKEEA        Territory = "uk-eea"
	TerritoryWorldwide    Territory = "worldwide"
)

var TerritoryChoices = []Choice{
	{string(TerritoryEnglandWales), "England and Wales"},
	{string(TerritoryUK), "United Kingdom"},
	{string(TerritoryUKEEA), "UK and EEA"},
	{string(TerritoryWorldwide), "Worldwide"},
}

// AccessRoute is how data reaches the applicant (R-T5).
type AccessRoute string

var AccessRouteChoices = []Choice{
	{"secure-transfer", "Secure electronic file transfer"},
	{"sde", "Access in the Secure Data Environment"},
}

// EvidenceType is a kind of evidence document (R-E1).
type EvidenceType string

var EvidenceTypeChoices = []Choice{
	{"protocol", "Protocol"},
	{"rec-review", "Ethics (REC) review"},
	{"consent-form", "Consent form"},
	{"information-sheet", "Participant information sheet"},
	{"patient-letter", "Patient or GP letter"},
	{"s251-support", "Section 251 support"},
	{"iras", "IRAS application reference"},
	{"ons", "ONS"},
	{"dpia", "DPIA"},
	{"data-flow-map", "Data flow map"},
	{"privacy-notice", "Privacy notice"},
	{"funding-letter", "Funding letter"},
	{"dspt-evidence", "DSPT evidence"},
	{"statutes", "Statutes"},
	{"other", "Other"},
}

// EvidenceStatus is how far an evidence item has got.
type EvidenceStatus string

var EvidenceStatusChoices = []Choice{
	{"missing", "Missing"},
	{"draft", "Draft"},
	{"final", "Final"},
}

// CommentKind is what a reviewer's comment asks for.
type CommentKind string

var CommentKindChoices = []Choice{
	{"must-change", "Must change"},
	{"question", "Question"},
	{"suggestion", "Suggestion"},
	{"approved", "Approved"},
}
