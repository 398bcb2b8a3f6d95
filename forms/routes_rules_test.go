package forms_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// hashedCohort is the pattern approved agreements show: the cohort sent
// with hashed NHS numbers and a study ID, every product returned
// anonymised to the ICO code with no confidential data flowing.
func hashedCohort(a *forms.Application) {
	a.Cohort.ValidationFields = []forms.ValidationField{forms.VFHashedNHSNumber, forms.VFStudyID}
	for i := range a.Data.Products {
		a.Data.Products[i].Identifiability = forms.AnonymisedICO
		a.Data.Products[i].Confidentiality = forms.CLDCNone
	}
	a.Legal.CLDC = forms.CLDCNone
	a.Legal.ConsentMaterials, a.Legal.CohortContact = nil, ""
}

// The cases of the per-direction routes, the register's routes and
// references, and the product rules (issue 16).
func init() {
	ruleCases = append(ruleCases, []ruleCase{
		// The route is judged per direction.
		{"hashed cohort, non-confidential products: no route needed", "legal-cldc", nil, func(a *forms.Application) {
			hashedCohort(a)
			a.Legal.CLDC = ""
		}, false, ""},
		{"hashed cohort declared not confidential", "legal-cldc", nil, hashedCohort, false, ""},
		{"hashed cohort needs no privacy notice", "legal-transparency", nil, func(a *forms.Application) {
			hashedCohort(a)
			a.Legal.PrivacyNoticeURL = ""
		}, false, ""},
		{"hashed cohort needs no explanation", "legal-cldc-not-confidential", nil, hashedCohort, false, ""},
		{"consented cohort, products not confidential", "legal-cldc", nil, func(a *forms.Application) {
			for i := range a.Data.Products {
				a.Data.Products[i].Identifiability = forms.AnonymisedICO
				a.Data.Products[i].Confidentiality = forms.CLDCNone
			}
			a.Legal.CLDC = ""
			a.Cohort.Confidentiality = forms.CLDCConsent
		}, false, ""},
		{"identifiable product with its own route unanswered", "legal-cldc", nil, func(a *forms.Application) {
			a.Legal.CLDC = ""
			a.Cohort.Confidentiality = forms.CLDCConsent
			a.Data.Products[0].Confidentiality = forms.CLDCNone
		}, true, "legal_basis.cldc_route"},
		{"cohort with NHS numbers, route unanswered", "legal-cldc", nil, func(a *forms.Application) {
			a.Legal.CLDC = ""
			for i := range a.Data.Products {
				a.Data.Products[i].Identifiability = forms.AnonymisedICO
			}
		}, true, "legal_basis.cldc_route"},
		{"identifiable data declared not confidential is a warning", "legal-cldc", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCNone }, false, ""},
		{"identifiable data declared not confidential, unexplained", "legal-cldc-not-confidential", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCNone }, true, "legal_basis.cldc_explanation"},
		{"data declared not confidential needs no privacy notice to pass", "legal-transparency", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Legal.PrivacyNoticeURL = forms.CLDCNone, ""
		}, false, ""},
		{"a cohort sent under consent still needs its privacy notice", "legal-transparency", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Cohort.Confidentiality, a.Legal.PrivacyNoticeURL = forms.CLDCNone, forms.CLDCConsent, ""
		}, true, "legal_basis.privacy_notice_url"},
		{"identifiable data declared not confidential, explained", "legal-cldc-not-confidential", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Legal.CLDCExplanation = forms.CLDCNone, "The cohort's NHS numbers are hashed with a salt agreed with NHS England before they are sent."
		}, false, ""},

		// The register's routes.
		{"statutory exemption unexplained", "legal-statutory-basis", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCStatutory }, true, "legal_basis.cldc_explanation"},
		{"statutory exemption named", "legal-statutory-basis", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Legal.CLDCExplanation = forms.CLDCStatutory, "Regulation 3 of the Health Service (Control of Patient Information) Regulations 2002."
		}, false, ""},
		{"statutory exemption is a route", "legal-cldc", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCStatutory }, false, ""},
		{"statutory exemption needs no consent materials", "legal-consent-materials", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Legal.ConsentMaterials = forms.CLDCStatutory, nil
		}, false, ""},
		{"statutory exemption needs no CAG reference", "legal-cag-reference", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCStatutory }, false, ""},
		{"mixture needs its CAG reference", "legal-cag-reference", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCMixture }, true, "legal_basis.cag_reference"},
		{"mixture applies the opt-out", "legal-opt-out", nil, func(a *forms.Application) { a.Legal.CLDC = forms.CLDCMixture }, true, "legal_basis.opt_out_acknowledged"},
		{"an s251 product under consent needs a CAG reference", "legal-cag-reference", nil, func(a *forms.Application) {
			a.Data.Products[2].Confidentiality = forms.CLDCS251
		}, true, "legal_basis.cag_reference"},
		{"reasonable expectation needs no consent materials", "legal-consent-materials", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Legal.ConsentMaterials = forms.CLDCReasonableExpectation, nil
		}, false, ""},
		{"reasonable expectation research asks for materials", "legal-consent-expectation", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Legal.ConsentMaterials = forms.CLDCReasonableExpectation, nil
		}, true, "legal_basis.consent_materials"},
		{"reasonable expectation outside research", "legal-consent-expectation", nil, func(a *forms.Application) {
			a.Legal.CLDC, a.Legal.ConsentMaterials, a.Purpose.IsResearch = forms.CLDCReasonableExpectation, nil, false
		}, false, ""},
		{"informed consent on a product's own route", "legal-consent-materials", s251Example, func(a *forms.Application) {
			a.Data.Products[2].Confidentiality = forms.CLDCConsent
		}, true, "legal_basis.consent_materials"},

		// A product's route against the application's.
		{"s251 product under a consent application", "legal-product-route", nil, func(a *forms.Application) {
			a.Data.Products[2].Confidentiality = forms.CLDCS251
		}, true, "data.products[2].confidentiality"},
		{"consent product under an s251 application", "legal-product-route", s251Example, func(a *forms.Application) {
			a.Data.Products[2].Confidentiality = forms.CLDCConsent
		}, true, "data.products[2].confidentiality"},
		{"register consent under informed consent", "legal-product-route", nil, func(a *forms.Application) {
			a.Data.Products[2].Confidentiality = forms.CLDCReasonableExpectation
		}, false, ""},
		{"mixture of s251 and non-confidential products", "legal-product-route", s251Example, func(a *forms.Application) {
			a.Legal.CLDC = forms.CLDCMixture
			a.Data.Products[0].Confidentiality = forms.CLDCNone
			a.Data.Products[2].Confidentiality = forms.CLDCS251
		}, false, ""},
		{"cohort under s251 in a consent application", "legal-product-route", nil, func(a *forms.Application) {
			a.Cohort.Confidentiality = forms.CLDCS251
		}, true, "cohort.confidentiality"},

		// References as the register writes them.
		{"ECC reference recognised", "legal-cag-reference-form", s251Example, func(a *forms.Application) { a.Legal.CAGReference = "ECC 5-05 (a)/2012" }, false, ""},
		{"PIAG reference recognised", "legal-cag-reference-form", s251Example, func(a *forms.Application) { a.Legal.CAGReference = "PIAG 4-08(b)/2003" }, false, ""},
		{"PIAG carried on by CAG", "legal-cag-reference-form", s251Example, func(a *forms.Application) {
			a.Legal.CAGReference = "PIAG 1-05(d)/2007, amended under 17/CAG/0021"
		}, false, ""},
		{"older REC reference recognised", "purpose-rec-form", nil, func(a *forms.Application) { a.Purpose.RECReference = "05/MRE04/87" }, false, ""},
		{"LREC reference recognised", "purpose-rec-form", nil, func(a *forms.Application) { a.Purpose.RECReference = "04/Q0108/125" }, false, ""},

		// UK GDPR articles.
		{"record-level ICO data without articles", "legal-articles-record-level", nil, func(a *forms.Application) {
			a.Cohort.Needed = false
			for i := range a.Data.Products {
				a.Data.Products[i].Identifiability = forms.AnonymisedICO
			}
			a.Legal.Article6, a.Legal.Article9 = "", ""
		}, true, "legal_basis.article6"},
		{"record-level ICO data does not block on article 6", "legal-article6", nil, func(a *forms.Application) {
			a.Cohort.Needed = false
			for i := range a.Data.Products {
				a.Data.Products[i].Identifiability = forms.AnonymisedICO
			}
			a.Legal.Article6 = ""
		}, false, ""},
		{"two article 9 conditions", "legal-article-duplicates", nil, func(a *forms.Application) {
			a.Legal.Article9Additional = []forms.Article9{"9-2-h"}
		}, false, ""},
		{"article 9 condition repeated", "legal-article-duplicates", nil, func(a *forms.Application) {
			a.Legal.Article9Additional = []forms.Article9{"9-2-h", "9-2-j"}
		}, true, "legal_basis.article9_additional[1]"},
		{"article 6 basis repeated", "legal-article-duplicates", nil, func(a *forms.Application) {
			a.Legal.Article6Additional = []forms.Article6{"6-1-e"}
		}, true, "legal_basis.article6_additional[0]"},

		// The cohort's own flow.
		{"hashed NHS number links", "cohort-validation-fields", nil, func(a *forms.Application) {
			a.Cohort.ValidationFields = []forms.ValidationField{forms.VFHashedNHSNumber}
		}, false, ""},
		{"other keys unnamed", "cohort-other-keys", nil, func(a *forms.Application) {
			a.Cohort.ValidationFields = []forms.ValidationField{forms.VFOtherKey}
		}, true, "cohort.other_linkage_keys"},
		{"other keys named", "cohort-other-keys", nil, func(a *forms.Application) {
			a.Cohort.ValidationFields, a.Cohort.OtherKeys = []forms.ValidationField{forms.VFOtherKey}, "Trial participant key agreed with NHS England"
		}, false, ""},
		{"another sender unnamed", "cohort-sender", nil, func(a *forms.Application) { a.Cohort.Sender = forms.SenderOther }, true, "cohort.sender_name"},
		{"another sender not listed", "cohort-sender", nil, func(a *forms.Application) {
			a.Cohort.Sender, a.Cohort.SenderName = forms.SenderOther, "Leeds Clinical Trials Research Unit"
		}, true, "cohort.sender_name"},
		{"another sender listed", "cohort-sender", nil, func(a *forms.Application) {
			a.Cohort.Sender, a.Cohort.SenderName = forms.SenderOther, "university of exampleton"
		}, false, ""},

		// Products against the catalogue.
		{"product not in the catalogue", "data-product-catalogue", nil, func(a *forms.Application) {
			a.Data.Products[0].Name = "Hospital Episode Statistics Admitted Patient Care"
		}, true, "data.products[0].name"},
		{"catalogue name in other case", "data-product-catalogue", nil, func(a *forms.Application) {
			a.Data.Products[0].Name = "hospital episode statistics admitted patient care (HES APC)"
		}, false, ""},
		{"identifiable-only product declared anonymised", "data-product-level-seen", nil, func(a *forms.Application) {
			a.Data.Products[2].Name, a.Data.Products[2].Identifiability = "MRIS - List Cleaning Report", forms.Anonymised
		}, true, "data.products[2].identifiability"},
		{"product seen anonymised declared so", "data-product-level-seen", nil, func(a *forms.Application) {
			a.Data.Products[0].Identifiability = forms.AnonymisedICO
		}, false, ""},
		{"product listed twice", "data-product-duplicate", nil, func(a *forms.Application) {
			a.Data.Products = append(a.Data.Products, a.Data.Products[0])
			a.Data.Products[3].ID = "p4"
		}, true, "data.products[3].name"},
		{"SDE-only product by file transfer", "data-product-sde-only", nil, func(a *forms.Application) {
			a.Data.Products[0].Name = "General Practice Extraction Service (GPES) Data for Pandemic Planning and Research (GDPPR)"
		}, true, "data.products[0].name"},
		{"SDE-only product in the SDE", "data-product-sde-only", nil, func(a *forms.Application) {
			a.Data.Products[0].Name = "General Practice Extraction Service (GPES) Data for Pandemic Planning and Research (GDPPR)"
			a.AccessRoute = "sde"
		}, false, ""},
		{"gateway names no law", "data-product-gateway", nil, func(a *forms.Application) {
			a.Data.Products[0].DisseminationGateway = "approved"
		}, true, "data.products[0].dissemination_gateway"},
		{"register gateway recognised", "data-product-gateway", nil, func(a *forms.Application) {
			a.Data.Products[0].DisseminationGateway = "Health and Social Care Act 2012 – s261(2)(b)(ii)"
		}, false, ""},
	}...)
}

// Once approved, what got the application through submission no longer
// blocks; what happens after approval, and patient identifiers, still do.
func TestApprovedDraftsBlockOnlyOnWhatFollowsApproval(t *testing.T) {
	severity := func(stage forms.Stage, check string) forms.Severity {
		a := forms.Example()
		a.Overview.Stage = stage
		a.Organisations[0].DSFCSigned = false
		a.Lifecycle.DSAEnd = forms.NewDate(2026, time.October, 1)
		a.Purpose.Objective = "Patient 943 476 5919 was admitted."
		for _, f := range forms.Evaluate(a, today) {
			if f.CheckID == check {
				return f.Severity
			}
		}
		t.Fatalf("%s did not fire at stage %s", check, stage)
		return ""
	}
	for _, stage := range []forms.Stage{forms.StageApproval, forms.StageDSASigned, forms.StageDataAccess, forms.StageAudit, forms.StageDeletion} {
		assert.Equal(t, forms.Warning, severity(stage, "org-dsfc"), stage)
		assert.Equal(t, forms.Blocker, severity(stage, "lifecycle-destruction"), stage)
		assert.Equal(t, forms.Blocker, severity(stage, "patient-identifiers"), stage)
	}
	for _, stage := range []forms.Stage{forms.StageEnquiry, forms.StageSubmission, forms.StageAssurance, forms.StageRenewal} {
		assert.Equal(t, forms.Blocker, severity(stage, "org-dsfc"), stage)
	}
}

// Drafts the version-1 app stored (before the register's fields) open as
// they are: the fields since added start empty, no migration needed.
func TestDraftsStoredByVersionOneOpen(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "export", "testdata", "submission", "v1", "written-by-v1-example.json"))
	require.NoError(t, err)
	var sub struct {
		Application json.RawMessage `json:"application"`
	}
	require.NoError(t, json.Unmarshal(b, &sub))
	a, err := forms.Decode(sub.Application)
	require.NoError(t, err)
	assert.Equal(t, forms.CLDCConsent, a.Legal.CLDC)
	assert.Empty(t, a.Data.Products[0].Confidentiality)
	assert.Empty(t, a.Unmatched)
}

// Whatever people write, reading it never panics and yields only values
// the model knows.
func FuzzReadingWrittenAnswers(f *testing.F) {
	for _, s := range []string{"9(2)(h) and (j)", "Article 6(1)(e); 6.1.c", "ECC 5-05 (a)/2012", "05/MRE04/87", "Anonymised - ICO Code Compliant", "Mixture of confidential data flow(s)", "HES A&E", "ｈｅｓ", "9(2)(z)"} {
		f.Add(s)
	}
	valid := func(choices []forms.Choice, v string) bool { return forms.LabelOf(choices, v) != v }
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range forms.ParseArticle6(s) {
			require.True(t, valid(forms.Article6Choices, string(a)), "%q gave %q", s, a)
		}
		for _, a := range forms.ParseArticle9(s) {
			require.True(t, valid(forms.Article9Choices, string(a)), "%q gave %q", s, a)
		}
		if r, ok := forms.RouteInText(s); ok {
			require.True(t, valid(forms.CLDCChoices, string(r)))
		}
		if v, ok := forms.MatchChoice(forms.IdentifiabilityChoices, forms.IdentifiabilitySpellings, s); ok {
			require.True(t, valid(forms.IdentifiabilityChoices, v))
		}
		_ = forms.CAGReferences(s)
		_ = forms.RECReferences(s)
		_ = forms.ValidateGateway(s)
		ps := forms.ProductCatalogue()
		require.LessOrEqual(t, len(forms.NearestProducts(ps, s, 3)), 3)
		for _, p := range forms.SearchProducts(ps, s) {
			require.NotEmpty(t, p.Name)
		}
	})
}

func TestGuessOrganisationType(t *testing.T) {
	for name, want := range map[string]forms.OrganisationType{
		"University of Leeds":                                            "academic",
		"London School of Hygiene and Tropical Medicine":                 "academic",
		"Leeds Teaching Hospitals NHS Trust":                             "nhs-trust",
		"University Hospitals Birmingham NHS Foundation Trust":           "nhs-trust",
		"NHS West Yorkshire Integrated Care Board":                       "icb",
		"NHS Arden and Greater East Midlands Commissioning Support Unit": "csu",
		"Leeds City Council":                                             "local-authority",
		"UK Health Security Agency":                                      "government",
		"Cancer Research UK Charity":                                     "charity",
		"IQVIA Ltd":                                                      "commercial",
	} {
		got, ok := forms.GuessOrganisationType(name)
		assert.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	_, ok := forms.GuessOrganisationType("Exampleton")
	assert.False(t, ok, "a name that says nothing guesses nothing")
}
