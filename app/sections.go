package app

import (
	"fyne.io/fyne/v2"

	"github.com/darsworkbench/dars-workbench/forms"
)

// sectionViews maps each section to the constructor of its screen. Each
// section's screen lives in a file of its own and adds itself here.
var sectionViews = map[forms.SectionID]func(e *Editor) fyne.CanvasObject{
	forms.SectionOverview:      newOverviewView,
	forms.SectionPurpose:       newPurposeView,
	forms.SectionData:          newDataView,
	forms.SectionCohort:        newCohortView,
	forms.SectionLegal:         newLegalView,
	forms.SectionOrganisations: newOrganisationsView,
	forms.SectionTerritory:     newTerritoryView,
	forms.SectionEvidence:      newEvidenceView,
	forms.SectionLifecycle:     newLifecycleView,
	forms.SectionDataFlow:      newDataFlowView,
	forms.SectionDPIA:          newDPIAView,
}

// buildSection builds a section's screen; every section has one (tested).
func buildSection(e *Editor, s forms.Section) fyne.CanvasObject {
	return sectionViews[s.ID](e)
}
