package assets

import (
	"embed"
	"strings"
)

//go:embed templates/*.json
var templateFS embed.FS

// ProductsTSV is the data-product catalogue (names seen on approved DARS
// agreements), parsed by forms.ParseProducts for the product picker.
//
//go:embed products.tsv
var ProductsTSV []byte

// Template is a starting point for a new draft: a draft's stable JSON with
// the answers common to one kind of application already given.
type Template struct {
	ID          string // file name without ".json"
	Name        string
	Description string
	JSON        []byte
}

// templateInfo names each embedded template, in the order they are offered.
var templateInfo = []struct{ id, name, description string }{
	{"blank", "Blank", "An empty application: every answer is yours to give."},
	{"consented-cohort", "Consented cohort study with linkage", "Research on participants who consented: a new cohort linked to HES admissions, deaths and MRIS notifications, with UK GDPR 6(1)(e) and 9(2)(j) and consent as the common-law basis."},
	{"s251-linkage", "Section 251 record-linkage study", "Research using people's records without their consent, supported under section 251 on CAG advice: a cohort identified from existing records (no one is recruited or contacted) linked to HES admissions and outpatients, deaths and MRIS, with the CAG reference, the scope of support and the National Data Opt-out left to answer."},
	{"aggregated-hes", "Aggregated HES request", "Unpublished aggregate HES figures produced on NHS England's servers: the lighter route with no DSPT, cohort or record-level data."},
}

// Templates returns the embedded templates in the order they are offered.
func Templates() []Template {
	out := make([]Template, 0, len(templateInfo))
	for _, t := range templateInfo {
		b, err := templateFS.ReadFile("templates/" + t.id + ".json")
		if err != nil {
			panic("assets: template " + t.id + " is listed but not embedded")
		}
		out = append(out, Template{ID: t.id, Name: t.name, Description: t.description, JSON: b})
	}
	return out
}

// TemplateFiles lists the embedded template files, so a test can check that
// each is listed in Templates.
func TemplateFiles() []string {
	entries, _ := templateFS.ReadDir("templates")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".json"))
	}
	return out
}
