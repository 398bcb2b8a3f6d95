package app

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
)

// Every finding about the sections built here points at a field whose
// widget the screen registered, so "open this field" lands on it.
func TestFindingsOpenTheirField(t *testing.T) {
	drafts := map[string]*forms.Application{
		"blank":   forms.NewApplication("", forms.NewDate(2026, 11, 23)),
		"example": forms.Example(),
		"groups":  draftWithGroups(),
	}
	for _, tp := range assets.Templates() {
		a, err := forms.FromTemplate(tp.JSON, forms.NewDate(2026, 11, 23))
		require.NoError(t, err)
		drafts["template "+tp.ID] = a
	}
	odd := draftWithGroups()
	odd.Purpose.Commercial = true
	odd.Purpose.IsResearch, odd.Purpose.RECNeeded = true, true
	odd.Cohort.Needed, odd.Cohort.Kind = true, "existing"
	odd.Cohort.ValidationFields = []forms.ValidationField{forms.VFSurname}
	odd.Legal.CLDC = forms.CLDCS251
	odd.Data.Products[0] = forms.ProductRequest{ID: "p1", Name: "GP data", Identifiability: forms.Identifiable, FutureDrops: true,
		HistoricFrom: "twenty", Fields: []forms.ProductField{{Name: "NHS number"}}, AccessedBy: []string{"nobody"}}
	odd.Organisations[0].Role = forms.RoleJointController
	odd.Locations[0] = forms.Location{ID: "l1", Country: "India", OrganisationID: "o1"}
	odd.Territory = forms.TerritoryEnglandWales
	odd.SubLicensing.Needed = true
	odd.Purpose.Objective = "Patient NHS number 943 476 5919, DOB 01/02/1960"
	drafts["odd answers"] = odd

	mine := map[forms.SectionID]bool{forms.SectionPurpose: true, forms.SectionData: true, forms.SectionCohort: true,
		forms.SectionLegal: true, forms.SectionOrganisations: true, forms.SectionTerritory: true}
	for name, a := range drafts {
		t.Run(name, func(t *testing.T) {
			bySection := map[forms.SectionID][]forms.Finding{}
			for _, f := range forms.Evaluate(a, time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)) {
				if mine[f.Section] {
					bySection[f.Section] = append(bySection[f.Section], f)
				}
			}
			if name == "odd answers" {
				n := 0
				for _, fs := range bySection {
					n += len(fs)
				}
				require.Greater(t, n, 15, "the odd draft should raise findings in every section")
				require.Len(t, bySection, len(mine))
			}
			e := openSection(t, a, forms.SectionOverview)
			for id, fs := range bySection {
				e.showSection(id)
				for _, f := range fs {
					e.Open(id, f.Field) // unfolds a folded entry
					_, ok := e.fields[f.Field]
					assert.True(t, ok, "%s: finding %s points at %q, which no widget edits", id, f.CheckID, f.Field)
				}
			}
		})
	}
}
