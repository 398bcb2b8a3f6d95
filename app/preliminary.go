package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// preliminaryGroup records what the preliminary assessment settled (R-P3,
// R-A4): agreements, cohort preparations, security, time and cost. It sits
// on the Overview because it belongs to the enquiry, before the application.
func preliminaryGroup(q questions) fyne.CanvasObject {
	p := &q.e.App().Preliminary
	return container.NewVBox(
		heading("Preliminary assessment"),
		newForm(
			q.long("Agreements needed", "preliminary_assessment.agreements_needed", &p.AgreementsNeeded, "Which agreements (DSFC, DSA) and who signs them"),
			q.long("Cohort preparations", "preliminary_assessment.cohort_preparations", &p.CohortPreparations, "What the cohort file must hold"),
			q.long("Security and cloud", "preliminary_assessment.cloud_security", &p.CloudSecurity, "What was agreed about storage, including cloud services"),
			q.text("Time to access", "preliminary_assessment.time_to_access", &p.TimeToAccess, "e.g. About six months after submission"),
			q.text("Estimated cost", "preliminary_assessment.cost_estimate", &p.CostEstimate, "e.g. £9,800"),
			q.text("Paid by", "preliminary_assessment.cost_paid_by", &p.CostPaidBy, "Grant, department or contract"),
		),
	)
}
