package assets_test

import (
	"bytes"
	"slices"
	"sort"
	"testing"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// remaining lists, per template, the checks a new draft from it may still
// fail: each asks for something only the applicant can supply (their title,
// study, organisation, people, approvals and references, and the data flow
// map, which is proposed from those once they are in). Any other finding
// is a fault in the template.
var remaining = map[string][]string{
	"blank": {
		"data-products", "dataflow-map-present", "org-listed", "overview-access-period", "overview-lead", "overview-readiness",
		"overview-summary", "overview-title", "purpose-category", "purpose-published-data", "purpose-statements",
		"territory-access-route", "territory-declared", "territory-locations",
		"evidence-dpia-flow-missing",
	},
	"consented-cohort": {
		"data-product-flow", "dataflow-map-present", "dpia-signed", "dpia-started", "legal-cohort-contact", "legal-consent-materials", "legal-transparency",
		"org-dsa-signatory", "org-dsfc", "org-listed", "org-security", "overview-access-period", "overview-lead",
		"overview-readiness", "overview-summary", "overview-title", "people-details", "purpose-funding",
		"purpose-published-data", "purpose-rec", "purpose-statements", "territory-locations",
		"evidence-consent-missing", "evidence-dpia-flow-missing", "evidence-privacy-notice-missing", "evidence-research-missing",
	},
	"s251-linkage": {
		"data-product-flow", "dataflow-map-present", "dpia-signed", "dpia-started", "legal-cag-reference", "legal-opt-out", "legal-s251-support", "legal-transparency",
		"org-dsa-signatory", "org-dsfc", "org-listed", "org-security", "overview-access-period", "overview-lead",
		"overview-readiness", "overview-summary", "overview-title", "people-details", "purpose-funding",
		"purpose-published-data", "purpose-rec", "purpose-statements", "territory-locations",
		"evidence-dpia-flow-missing", "evidence-privacy-notice-missing", "evidence-research-missing", "evidence-s251-missing",
	},
	"aggregated-hes": {
		"data-product-details", "dataflow-map-present", "org-dsa-signatory", "org-dsfc", "org-listed", "overview-access-period",
		"overview-lead", "overview-readiness", "overview-summary", "overview-title", "purpose-published-data",
		"purpose-statements",
	},
}

func TestTemplatesListEveryFile(t *testing.T) {
	var ids []string
	for _, tp := range assets.Templates() {
		ids = append(ids, tp.ID)
		assert.NotEmpty(t, tp.Name)
		assert.NotEmpty(t, tp.Description)
	}
	files := assets.TemplateFiles()
	sort.Strings(ids)
	sort.Strings(files)
	assert.Equal(t, files, ids)
	assert.Equal(t, "blank", assets.Templates()[0].ID, "blank is offered first")
}

func TestTemplatesPassTheirOwnChecks(t *testing.T) {
	today := forms.NewDate(2026, 11, 23)
	products, err := forms.ParseProducts(bytes.NewReader(assets.ProductsTSV))
	require.NoError(t, err)
	for _, tp := range assets.Templates() {
		t.Run(tp.ID, func(t *testing.T) {
			a, err := forms.FromTemplate(tp.JSON, today)
			require.NoError(t, err)
			assert.NotEmpty(t, a.ID)
			assert.Equal(t, forms.StageEnquiry, a.Overview.Stage)
			got := map[string]bool{}
			for _, f := range forms.Evaluate(a, today.Time()) {
				got[f.CheckID] = true
				assert.Contains(t, remaining[tp.ID], f.CheckID, "%s: %s (%s)", f.Field, f.Message, f.Severity)
			}
			for _, id := range remaining[tp.ID] {
				assert.True(t, got[id], "%s is listed as remaining but passes: take it off the list", id)
			}
			for _, p := range a.Data.Products {
				_, ok := forms.FindProduct(products, p.Name)
				assert.True(t, ok, "%q is not in the product catalogue", p.Name)
			}
		})
	}
}

func TestTemplatesGiveFreshDrafts(t *testing.T) {
	tp := assets.Templates()[1]
	a, err := forms.FromTemplate(tp.JSON, forms.NewDate(2026, 11, 23))
	require.NoError(t, err)
	b, err := forms.FromTemplate(tp.JSON, forms.NewDate(2026, 11, 24))
	require.NoError(t, err)
	assert.NotEqual(t, a.ID, b.ID)
	d, ok := b.StageReached(forms.StageEnquiry)
	require.True(t, ok)
	assert.Equal(t, "2026-11-24", d.String())
	assert.True(t, slices.ContainsFunc(a.Data.Products, func(p forms.ProductRequest) bool { return p.Name != "" }))
}
