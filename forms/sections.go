package forms

// SectionID names a section of the application; findings and comments point at one.
type SectionID string

const (
	SectionOverview      SectionID = "overview"
	SectionPurpose       SectionID = "purpose"
	SectionData          SectionID = "data"
	SectionCohort        SectionID = "cohort"
	SectionLegal         SectionID = "legal"
	SectionOrganisations SectionID = "organisations"
	SectionTerritory     SectionID = "territory"
	SectionEvidence      SectionID = "evidence"
	SectionLifecycle     SectionID = "lifecycle"
	SectionDataFlow      SectionID = "data-flow"
	SectionDPIA          SectionID = "dpia"
)

// Section describes one section of the application in the order DARS asks.
type Section struct {
	ID    SectionID
	Title string
	// Group is the requirement group of the catalogue the section serves.
	Group string
	// Holds says in a sentence what the section records.
	Holds string
}

// Sections lists every section in the order DARS asks for them.
var Sections = []Section{
	{SectionOverview, "Overview", "R-P", "Title, summary, DARS reference, stage and its dates, requested access period, lead applicant and readiness."},
	{SectionPurpose, "Purpose and benefits", "R-U", "Objective, processing activities, outputs, outcomes and measurable benefits; commercial involvement; research approvals and funding."},
	{SectionData, "Data requested", "R-D", "Each data product with its years, fields, identifiability, minimisation reasons, who accesses it and its legal basis."},
	{SectionCohort, "Cohort and linkage", "R-C", "Whether a cohort is supplied, the validation fields and the service they imply, and the period covered."},
	{SectionLegal, "Legal basis", "R-L", "UK GDPR Article 6 and 9 bases, the common-law confidentiality route (consent or s251) and transparency."},
	{SectionOrganisations, "Organisations and people", "R-O", "Every organisation with its role, DSFC and security assurance; the people who access the data; DSA signatories."},
	{SectionTerritory, "Territory and locations", "R-T", "Territory of use, processing and storage locations, transfer risk, sub-licensing and the access route."},
	{SectionEvidence, "Evidence", "R-E", "The documents the answers call for, with versions, dates and attached files."},
	{SectionLifecycle, "After approval", "R-A", "DSA dates, renewal, cohort file, destruction and charges."},
	{SectionDataFlow, "Data flow map", "R-T6", "Every party and flow from NHS England to the outputs, with identifiability and transfer method."},
	{SectionDPIA, "DPIA", "R-T6", "The data protection impact assessment in seven steps, with its risk register."},
}

// SectionByID finds a section; ok is false for an unknown ID.
func SectionByID(id SectionID) (Section, bool) {
	for _, s := range Sections {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// fieldSections maps the top-level JSON name of a field path to the section
// that shows it.
var fieldSections = map[string]SectionID{
	"overview":               SectionOverview,
	"preliminary_assessment": SectionOverview,
	"comments":               SectionOverview,
	"purpose":                SectionPurpose,
	"data":                   SectionData,
	"cohort":                 SectionCohort,
	"legal_basis":            SectionLegal,
	"organisations":          SectionOrganisations,
	"people":                 SectionOrganisations,
	"territory":              SectionTerritory,
	"locations":              SectionTerritory,
	"sub_licensing":          SectionTerritory,
	"access_route":           SectionTerritory,
	"evidence":               SectionEvidence,
	"lifecycle":              SectionLifecycle,
	"data_flow":              SectionDataFlow,
	"dpia":                   SectionDPIA,
}

// SectionOfField returns the section showing a field path such as
// "organisations[2].security" (the overview for an unknown path).
func SectionOfField(path string) SectionID {
	end := len(path)
	for i := 0; i < len(path); i++ {
		if path[i] == '.' || path[i] == '[' {
			end = i
			break
		}
	}
	if s, ok := fieldSections[path[:end]]; ok {
		return s
	}
	return SectionOverview
}
