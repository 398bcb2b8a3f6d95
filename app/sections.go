package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

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

func buildSection(e *Editor, s forms.Section) fyne.CanvasObject {
	if build, ok := sectionViews[s.ID]; ok {
		return build(e)
	}
	return sectionOutline(e, s)
}

// sectionOutline stands for a section whose screen is not in this build: it
// says what the section holds and lists the findings about it, so the
// readiness panel's links still lead somewhere useful.
func sectionOutline(e *Editor, s forms.Section) fyne.CanvasObject {
	holds := widget.NewLabel(s.Holds)
	holds.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(holds, widget.NewSeparator())
	fs := forms.Count(e.findings, s.ID)
	if fs == (forms.Tally{}) {
		box.Add(Hint("Nothing in this section stands in the way of submission."))
	}
	for _, f := range e.findings {
		if f.Section == s.ID {
			box.Add(findingRow(e, f))
		}
	}
	return container.NewPadded(box)
}
