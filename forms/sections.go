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
}

// Sections lists every section in the order DARS asks for them.
var Sections = []Section{
	{SectionOverview, "Overview", "R-P"},
	{SectionPurpose, "Purpose and benefits", "R-U"},
	{SectionData, "Data requested", "R-D"},
	{SectionCohort, "Cohort and linkage", "R-C"},
	{SectionLegal, "Legal basis", "R-L"},
	{SectionOrganisations, "Organisations and people", "R-O"},
	{SectionTerritory, "Territory and locations", "R-T"},
	{SectionEvidence, "Evidence", "R-E"},
	{SectionLifecycle, "After approval", "R-A"},
	{SectionDataFlow, "Data flow map", "R-T6"},
	{SectionDPIA, "DPIA", "R-T6"},
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
