package export_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

// application.pdf carries the public entry: what a reader of the register
// would see, with each text's reading figures and plain-language findings.
func TestApplicationPDFHasThePublicSummary(t *testing.T) {
	a := forms.Example()
	a.Purpose.ExpectedBenefits = "Dr Jane Smith expects fewer admissions."
	a.Purpose.ExpectedOutputs = ""
	a.Organisations[0].Type = "academic"
	a.Data.Products[1].Identifiability = forms.AnonymisedICO
	// Lines run together: the test reads the words, not where they wrap.
	text := strings.Join(strings.Fields(pdfRawText(t, appPDF(t, a))), " ")
	i := strings.Index(text, "Public summary How NHS England's Data Uses Register would publish")
	if !assert.GreaterOrEqual(t, i, 0, "the chapter is there") {
		return
	}
	chapter := text[i:]
	if end := strings.Index(chapter, " Readiness findings On "); end > 0 {
		chapter = chapter[:end]
	}
	for _, want := range []string{
		"Organisation type Academic",
		"Data controller basis Sole: University of Exampleton",
		"Anonymised - ICO Code Compliant",
		"Objectives To measure how often chronic kidney disease",
		"Flesch reading ease 46 (difficult)",
		"From Purpose › Objective (R-U2).",
		"Outputs Not answered",
		"Warning: Names a person: “Dr Jane Smith”",
	} {
		assert.Contains(t, chapter, want)
	}
}
