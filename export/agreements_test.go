package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// testdata/agreements holds agreements modelled on NHS England's Data Uses
// Register (universities, trusts, an ICB with its CSU, a local authority, a
// charity, a company, a government agency; consent, s251 under ECC, PIAG
// and CAG references, statutory exemptions, the mixture, anonymised-only,
// a cohort sent with hashed NHS numbers). v1/ holds them typed in the
// version-1 format in the register's own words; each later vN/ holds what
// the release of version N wrote for them. Each was approved, so none may be refused and none
// may get a blocker: every fact an approved agreement must have had
// (contracts, security, people, places, a signed DPIA) is entered.

var agreementsToday = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func agreementFiles(t *testing.T, v int) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "agreements", fmt.Sprintf("v%d", v), "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

func readAgreement(t *testing.T, path string) *export.Submission {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	s, err := export.DecodeSubmission(b)
	require.NoError(t, err, "an approved agreement is never refused")
	return s
}

func blockers(a *forms.Application) []string {
	var out []string
	for _, f := range forms.Evaluate(a, agreementsToday) {
		if f.Severity == forms.Blocker {
			out = append(out, f.CheckID+" "+f.Field+": "+f.Message)
		}
	}
	return out
}

func TestApprovedAgreementsImportWithoutBlockers(t *testing.T) {
	for v := 1; v <= export.SchemaVersion; v++ {
		// Every version's files are kept: what an earlier release wrote
		// for these agreements must still import without a blocker.
		for _, f := range agreementFiles(t, v) {
			t.Run(fmt.Sprintf("v%d/%s", v, filepath.Base(f)), func(t *testing.T) {
				s := readAgreement(t, f)
				assert.Equal(t, v, s.ReadFrom)
				assert.Empty(t, s.Application.Unmatched, "every answer typed from the register is understood")
				if v == 1 {
					assert.NotEmpty(t, s.Converted, "the conversion says what it read in the register's words")
				}
				assert.Empty(t, blockers(s.Application))
				// Complete as they are, they pass before approval too,
				// where every submission check blocks.
				s.Application.Overview.Stage = forms.StageSubmission
				assert.Empty(t, blockers(s.Application), "at submission")
			})
		}
	}
}

// The current version's files are what the app writes for the v1 ones, so
// every version of an agreement is the same draft.
func TestApprovedAgreementsInTheCurrentVersion(t *testing.T) {
	for _, f := range agreementFiles(t, 1) {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			s := readAgreement(t, f)
			want, err := export.EncodeSubmission(s)
			require.NoError(t, err)
			path := filepath.Join("testdata", "agreements", fmt.Sprintf("v%d", export.SchemaVersion), name)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, want, 0o644))
			}
			got, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./export -run TestApprovedAgreements -update")
			if string(want) != string(got) {
				added, removed := lineDiff(string(got), string(want))
				t.Errorf("%s is out of date (run -update if the change is meant):\nnow:\n  %s\nwas:\n  %s", path, strings.Join(added, "\n  "), strings.Join(removed, "\n  "))
			}
		})
	}
}

// registerFacts are the checks that judge what the register itself records
// for an agreement: its routes, articles, references, roles, products'
// levels, territory and access. Typed with nothing but those facts, an
// approved agreement gets none of their blockers; the others (a DSFC date,
// a DSPT, people, places, a DPIA) only ask for what the register does not
// show.
var registerFacts = map[string]bool{
	"legal-cldc": true, "legal-article6": true, "legal-article9": true, "legal-cag-reference": true,
	"cohort-kind": true, "cohort-validation-fields": true, "purpose-category": true, "purpose-rec": true,
	"org-listed": true, "territory-declared": true, "territory-access-route": true,
	"overview-access-period": true, "patient-identifiers": true, "data-products": true,
}

func TestRegisterFactsAloneRaiseNoContradictingBlocker(t *testing.T) {
	for _, f := range agreementFiles(t, 1) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			a := readAgreement(t, f).Application
			a.Overview.Stage = forms.StageSubmission // every submission check blocks
			// Keep only what the register shows.
			a.People, a.Locations, a.DPIA, a.Evidence = nil, nil, forms.DPIA{}, nil
			for i := range a.Organisations {
				o := &a.Organisations[i]
				o.DSFCSigned, o.LegalEntity, o.DSASignatory, o.Security = false, false, "", forms.Security{}
			}
			for i := range a.Data.Products {
				p := &a.Data.Products[i]
				p.Fields, p.AccessedBy, p.YearsReason, p.TransparencyNotice = nil, nil, "", ""
			}
			a.Legal.ConsentMaterials, a.Legal.PrivacyNoticeURL, a.Legal.S251Scope = nil, "", ""
			for _, f := range forms.Evaluate(a, agreementsToday) {
				contradicted := registerFacts[f.CheckID] || (f.CheckID == "data-product-details" && strings.HasSuffix(f.Field, ".identifiability"))
				assert.False(t, f.Severity == forms.Blocker && contradicted, "%s %s: %s", f.CheckID, f.Field, f.Message)
			}
		})
	}
}

// What the register's words become, agreement by agreement.
func TestApprovedAgreementsReadAsTheRegisterMeans(t *testing.T) {
	read := func(name string) *forms.Application {
		return readAgreement(t, filepath.Join("testdata", "agreements", "v1", name+".json")).Application
	}
	a := read("university-hashed-cohort")
	assert.Equal(t, forms.CLDCNone, a.Legal.CLDC)
	assert.False(t, a.ConfidentialData(), "hashed identifiers out, nothing confidential back")
	assert.Equal(t, forms.AnonymisedICO, a.Data.Products[0].Identifiability)
	assert.Equal(t, []forms.ValidationField{forms.VFHashedNHSNumber, forms.VFStudyID}, a.Cohort.ValidationFields)

	a = read("university-s251-ecc")
	assert.Equal(t, forms.Article9("9-2-h"), a.Legal.Article9)
	assert.Equal(t, []forms.Article9{"9-2-j"}, a.Legal.Article9Additional)
	assert.Equal(t, []string{"ECC 5-05 (a)/2012"}, forms.CAGReferences(a.Legal.CAGReference))

	a = read("icb-mixture-sus")
	assert.Equal(t, forms.CLDCMixture, a.Legal.CLDC)
	assert.Equal(t, forms.CLDCMixture, a.Data.Products[0].Confidentiality)
	assert.Equal(t, forms.CLDCNone, a.Data.Products[1].Confidentiality)
	assert.Equal(t, []forms.Article6{"6-1-c"}, a.Legal.Article6Additional)
	assert.Equal(t, forms.Frequency("frequent-adhoc"), a.Data.Products[0].Frequency)
	assert.Equal(t, forms.RoleProcessor, a.Organisations[1].Role)

	a = read("university-consented-cohort")
	assert.Equal(t, forms.CLDCReasonableExpectation, a.Legal.CLDC, "the register's consent is kept as such")
	assert.Equal(t, forms.PurposeHealthCare, a.Purpose.Category)

	a = read("trust-statutory-mhsds")
	assert.Equal(t, forms.CLDCStatutory, a.Legal.CLDC)

	a = read("joint-controllers-informed-consent")
	assert.Equal(t, forms.RoleJointController, a.Organisations[0].Role)
	assert.Equal(t, forms.RoleJointController, a.Organisations[1].Role)
	assert.Equal(t, forms.Article6("6-1-e"), a.Legal.Article6)
	assert.Equal(t, []forms.Article6{"6-1-a"}, a.Legal.Article6Additional)
	assert.Equal(t, "2021-02-01", a.Legal.ConsentMaterials[0].From.String())
	assert.Equal(t, "Health and Social Care Act 2012 – s261(2)(c); Informed Patient consent to permit the receipt, processing and release of data by NHS Digital", a.Data.Products[1].DisseminationGateway)

	a = read("government-statutory-mortality")
	assert.Equal(t, "Health and Social Care Act 2012 – s261(2)(a)", a.Data.Products[0].DisseminationGateway)
}
