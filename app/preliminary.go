package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// preliminaryGroup records what the preliminary assessment settled (R-P3,
// R-A4): agreements, cohort preparations, security, time and cost. It sits
// on the Overview because it belongs to the enquiry, before the application.
func preliminaryGroup(e *Editor, g *guide) fyne.CanvasObject {
	p := &e.App().Preliminary
	return container.NewVBox(
		heading("Preliminary assessment (R-P3, R-A4)"),
		newForm(
			g.item("Agreements needed", "preliminary_assessment.agreements_needed", e.LongText("preliminary_assessment.agreements_needed", &p.AgreementsNeeded, "Which agreements (DSFC, DSA) and who signs them")),
			g.item("Cohort preparations", "preliminary_assessment.cohort_preparations", e.LongText("preliminary_assessment.cohort_preparations", &p.CohortPreparations, "What the cohort file must hold")),
			g.item("Security and cloud", "preliminary_assessment.cloud_security", e.LongText("preliminary_assessment.cloud_security", &p.CloudSecurity, "What was agreed about storage, including cloud services")),
			g.item("Time to access", "preliminary_assessment.time_to_access", e.TextEntry("preliminary_assessment.time_to_access", &p.TimeToAccess, "e.g. About six months after submission", nil)),
			g.item("Estimated cost", "preliminary_assessment.cost_estimate", e.TextEntry("preliminary_assessment.cost_estimate", &p.CostEstimate, "e.g. £9,800", nil)),
			g.item("Paid by", "preliminary_assessment.cost_paid_by", e.TextEntry("preliminary_assessment.cost_paid_by", &p.CostPaidBy, "Grant, department or contract", nil)),
		),
	)
}
