// Package formstest builds drafts for tests and benchmarks in every package.
package formstest

import (
	"fmt"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Sizes of the large draft: beyond any real application, so that a figure
// measured on it bounds what a user will see.
const (
	LargeProducts      = 50
	LargeOrganisations = 30
	LargePeople        = 100
	LargeFieldsPer     = 12
)

// paragraph is a long answer of realistic prose, with the numbers, dates
// and references real answers hold, so the identifier scan does real work.
func paragraph(topic string, n int) string {
	s := "For " + topic + ", we will link the consented cohort (REC 26/NW/0123, IRAS 312345) to hospital records from 2000/01 to 2025/26. " +
		"Analysts in the trusted research environment run survival models on pseudonymised extracts; outputs are aggregate tables with counts under 10 suppressed, reviewed on 05/01/2027 by the steering group. " +
		"Contact the study office on 0161 496 0000 for questions about the protocol, version 4.0. "
	return strings.Repeat(s, n)
}

// publishedParagraph is paragraph as a text NHS England publishes would
// say it (R-U2): the same numbers and references, in sentences a member of
// the public can follow, with abbreviations spelt out, so the draft
// passes the plain-language checks while they do their full work.
func publishedParagraph(topic string, n int) string {
	s := "For " + topic + ", we will link the consented cohort to hospital records from 2000/01 to 2025/26. " +
		"The Research Ethics Committee (REC) gave a favourable opinion, reference 26/NW/0123, and the Integrated Research Application System (IRAS) number is 312345. " +
		"Analysts in the trusted research environment run survival models on pseudonymised extracts. " +
		"The data stays there, and no one outside the team can see it. " +
		"Outputs are tables of counts, with counts under 10 suppressed, and the steering group checks them on 05/01/2027 before they leave. " +
		"Questions about the protocol, version 4.0, go to the study office on 0161 496 0000."
	parts := make([]string, n)
	for i := range parts {
		parts[i] = s
	}
	return strings.Join(parts, "\n\n")
}

// Large returns a complete, valid draft with LargeProducts products,
// LargeOrganisations organisations, LargePeople people and long answers.
func Large() *forms.Application {
	a := forms.Example()
	long := func(topic string) string { return paragraph(topic, 6) }
	a.Overview.Summary = long("the summary")
	p := &a.Purpose
	published := func(topic string) string { return publishedParagraph(topic, 6) }
	p.Objective, p.ProcessingActivities, p.ExpectedOutputs = published("the objective"), published("processing"), published("outputs")
	p.ExpectedOutcomes, p.ExpectedBenefits, p.PublishedDataNote = long("outcomes"), published("benefits"), long("published data")

	a.Organisations = nil
	for i := 0; i < LargeOrganisations; i++ {
		role := forms.RoleJointController
		if i >= 10 {
			role = forms.RoleProcessor
		}
		a.Organisations = append(a.Organisations, forms.Organisation{
			ID: fmt.Sprintf("o%d", i), Name: fmt.Sprintf("Partner organisation %d", i), Role: role, OverallResponsibility: i == 0,
			LegalEntity: true, DSFCSigned: true, DSFCDate: forms.NewDate(2024, 5, 2), DSASignatory: "Director of Research Services",
			Security: forms.Security{DSPTCode: fmt.Sprintf("EE%06d-SCS", i), DSPTStatus: forms.DSPTStandardsMet, DSPTPublished: forms.NewDate(2026, 6, 28), DSPTValidUntil: forms.NewDate(2027, 6, 30)},
		})
	}
	// The DPIA names every processor, as a complete one would.
	var processors []string
	for _, o := range a.Organisations {
		if o.Role == forms.RoleProcessor {
			processors = append(processors, o.Name)
		}
	}
	a.DPIA.Necessity.Processors = "Each processor works only on the controllers' written instructions under an Article 28 contract: " + strings.Join(processors, ", ") + "."
	a.People = nil
	for i := 0; i < LargePeople; i++ {
		a.People = append(a.People, forms.Person{
			ID: fmt.Sprintf("pe%d", i), Name: fmt.Sprintf("Analyst %d", i), Role: "Statistician",
			OrganisationID: fmt.Sprintf("o%d", i%LargeOrganisations), AccessesData: true,
		})
	}
	a.Locations = nil
	for i := 0; i < LargeOrganisations; i++ {
		a.Locations = append(a.Locations, forms.Location{
			ID: fmt.Sprintf("l%d", i), OrganisationID: fmt.Sprintf("o%d", i), Site: fmt.Sprintf("Secure data centre %d, Leeds LS2 9JT", i),
			Country: "England", Use: "processing-and-storage",
		})
	}
	a.Data.Products = nil
	// Distinct catalogue products, as a real request lists each once; the
	// tracing product first, as cohort research adds it (R-D5).
	names := []string{"MRIS - Cohort Event Notification Report"}
	for _, p := range forms.ProductCatalogue() {
		if p.Name != names[0] {
			names = append(names, p.Name)
		}
	}
	for i := 0; i < LargeProducts; i++ {
		pr := forms.ProductRequest{
			ID: fmt.Sprintf("p%d", i), Name: names[i%len(names)],
			HistoricFrom: "2000", HistoricTo: "2026", LatestAvailable: true, Frequency: "one-off",
			YearsReason: paragraph("the years", 2), Identifiability: forms.Pseudonymised,
			LegalBasis: "Consent", TransparencyNotice: "https://example.ac.uk/kidney-study/privacy",
		}
		for j := 0; j < LargeFieldsPer; j++ {
			pr.Fields = append(pr.Fields, forms.ProductField{Name: fmt.Sprintf("Field %d", j), Reason: "Needed to identify admissions for chronic kidney disease and to time them from treatment, as set out in protocol section 4.2."})
		}
		for k := 0; k < 10; k++ {
			pr.AccessedBy = append(pr.AccessedBy, fmt.Sprintf("pe%d", (i+k*7)%LargePeople))
		}
		a.Data.Products = append(a.Data.Products, pr)
	}
	// The map follows the answers above, as the app proposes it.
	a.DataFlow = forms.DeriveDataFlow(a)
	// Every document attached, as a finished application would have them,
	// so no advice cuts the evaluation short.
	for i := range a.Evidence {
		e := &a.Evidence[i]
		e.File = &forms.Attachment{Name: e.Title + ".pdf", Size: 250_000, SHA256: fmt.Sprintf("%064x", i+1), IsPDF: true}
	}
	return a
}
