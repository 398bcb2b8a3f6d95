package forms_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEmbeddedCatalogue(t *testing.T) {
	ps, err := forms.ParseProducts(bytes.NewReader(assets.ProductsTSV))
	require.NoError(t, err)
	assert.Equal(t, 74, len(ps))
	apc, ok := forms.FindProduct(ps, " hospital episode statistics admitted patient care (hes apc) ")
	require.True(t, ok)
	assert.Equal(t, 46, apc.Seen)
	assert.Equal(t, []string{"Anonymised - ICO Code Compliant", "Identifiable"}, apc.TypesOfData)
	assert.Equal(t, []forms.Frequency{"one-off", "ongoing", "system-access"}, apc.FrequencyValues())
	assert.Equal(t, forms.AnonymisedICO, apc.Identifiability(), "the least identifying level seen")
	assert.Equal(t, []forms.Identifiability{forms.AnonymisedICO, forms.Identifiable}, apc.Levels())
	assert.Contains(t, apc.Confidentiality, "Section 251 NHS Act 2006")
	assert.Contains(t, apc.Routes(), forms.CLDCStatutory)
	assert.Contains(t, apc.Gateways, "Health and Social Care Act 2012 – s261(2)(b)(ii)")

	mris, ok := forms.FindProduct(ps, "MRIS - List Cleaning Report")
	require.True(t, ok)
	assert.Equal(t, forms.Identifiable, mris.Identifiability())
	assert.True(t, forms.IsTracingProduct(mris.Name))

	apms, ok := forms.FindProduct(ps, "Adult Psychiatric Morbidity Survey (APMS)")
	require.True(t, ok, "products with empty columns are kept")
	assert.Empty(t, apms.Frequencies, "(empty) is a blank, not a value")

	gdppr, ok := forms.FindProduct(ps, "General Practice Extraction Service (GPES) Data for Pandemic Planning and Research (GDPPR)")
	require.True(t, ok)
	assert.True(t, gdppr.SDEOnly)
}

func TestParseProductsRefusesBadInput(t *testing.T) {
	header := "name\tseen\ttype_of_data\tfrequency\tconfidentiality\n"
	for name, in := range map[string]string{
		"empty":          "",
		"comments only":  "# nothing\n",
		"wrong header":   "product\tseen\n",
		"too few tabs":   header + "HES APC\t3\tIdentifiable\n",
		"too many tabs":  header + "HES APC\t3\ta\tb\tc\td\n",
		"seen not count": header + "HES APC\tmany\ta\tb\tc\n",
		"no name":        header + " \t3\ta\tb\tc\n",
		"huge line":      header + strings.Repeat("x", 100_000) + "\t1\ta\tb\tc\n",
		"unknown column": "name\tseen\ttype_of_data\tfrequency\tconfidentiality\tcolour\n",
		"bad access":     "name\tseen\ttype_of_data\tfrequency\tconfidentiality\tlegal_gateway\taccess\nX\t1\ta\tb\tc\td\tsometimes\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := forms.ParseProducts(strings.NewReader(in))
			assert.ErrorIs(t, err, forms.ErrBadCatalogue)
		})
	}
}

func TestParseProductsAcceptsCRLF(t *testing.T) {
	ps, err := forms.ParseProducts(strings.NewReader("# c\r\nname\tseen\ttype_of_data\tfrequency\tconfidentiality\r\nX\t1\tIdentifiable\tOngoing\tConsent|(empty)\r\n"))
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, []string{"Consent"}, ps[0].Confidentiality)
}

// The picker finds a product by any word or abbreviation people use.
func TestSearchProducts(t *testing.T) {
	ps := forms.ProductCatalogue()
	for query, want := range map[string]string{
		"HES":             "Hospital Episode Statistics Admitted Patient Care (HES APC)",
		"hes apc":         "Hospital Episode Statistics Admitted Patient Care (HES APC)",
		"HES A&E":         "Hospital Episode Statistics Accident and Emergency (HES A and E)",
		"outpatients":     "Hospital Episode Statistics Outpatients (HES OP)",
		"ECDS":            "Emergency Care Data Set (ECDS)",
		"emergency care":  "Emergency Care Data Set (ECDS)",
		"MHSDS":           "Mental Health Services Data Set (MHSDS)",
		"CSDS":            "Community Services Data Set (CSDS)",
		"GDPPR":           "General Practice Extraction Service (GPES) Data for Pandemic Planning and Research (GDPPR)",
		"NDRS":            "NDRS Cancer Registrations",
		"SACT":            "NDRS Systemic Anti-Cancer Therapy Dataset (SACT)",
		"deaths":          "Civil Registrations of Death",
		"IAPT":            "Improving Access to Psychological Therapies (IAPT) v1.5",
		"diagnostic imag": "Diagnostic Imaging Data Set (DID)",
		"SHMI":            "Summary Hospital-level Mortality Indicator (SHMI)",
		"mris cause":      "MRIS - Cause of Death Report",
	} {
		t.Run(query, func(t *testing.T) {
			got := forms.SearchProducts(ps, query)
			require.NotEmpty(t, got)
			assert.Equal(t, want, got[0].Name)
		})
	}
	assert.Empty(t, forms.SearchProducts(ps, "zzzz"))
	assert.Len(t, forms.SearchProducts(ps, " "), len(ps), "no query lists everything")
}

func TestNearestProducts(t *testing.T) {
	ps := forms.ProductCatalogue()
	for name, want := range map[string]string{
		"Hospital Episode Statistics Admitted Patient Care": "Hospital Episode Statistics Admitted Patient Care (HES APC)",
		"Hospital Episod Statistics Admited Patient Care":   "Hospital Episode Statistics Admitted Patient Care (HES APC)",
		"Emergency Care Dataset":                            "Emergency Care Data Set (ECDS)",
		"Civil Registration of Deaths":                      "Civil Registrations of Death",
		"ECDS":                                              "Emergency Care Data Set (ECDS)",
	} {
		t.Run(name, func(t *testing.T) {
			got := forms.NearestProducts(ps, name, 3)
			require.NotEmpty(t, got)
			assert.Equal(t, want, got[0])
			assert.LessOrEqual(t, len(got), 3)
		})
	}
	assert.Empty(t, forms.NearestProducts(ps, "Zebra crossings", 3), "nothing alike, nothing offered")
}

// Picking a product prefills what approved agreements show for it, and
// keeps what the applicant already chose.
func TestProductPrefill(t *testing.T) {
	p, ok := forms.LookupProduct("Civil Registrations of Death - Secondary Care Cut")
	require.True(t, ok)
	var r forms.ProductRequest
	p.Prefill(&r)
	assert.Equal(t, p.Name, r.Name)
	assert.Equal(t, forms.AnonymisedICO, r.Identifiability)
	assert.Equal(t, forms.Frequency("one-off"), r.Frequency)

	sus, ok := forms.LookupProduct("SUS for Commissioners")
	require.True(t, ok)
	r = forms.ProductRequest{Identifiability: forms.Identifiable}
	sus.Prefill(&r)
	assert.Equal(t, forms.Identifiable, r.Identifiability, "a level already chosen is kept")
	assert.Equal(t, forms.Frequency("frequent-adhoc"), r.Frequency)

	one, ok := forms.LookupProduct("Acute-Local Provider Flows")
	require.True(t, ok)
	r = forms.ProductRequest{}
	one.Prefill(&r)
	assert.Empty(t, r.DisseminationGateway, "two gateways seen: offered, not chosen")
	ndrs, ok := forms.LookupProduct("NDRS Cancer Registrations")
	require.True(t, ok)
	r = forms.ProductRequest{}
	ndrs.Prefill(&r)
	assert.Equal(t, "Health and Social Care Act 2012 – s261(2)(c)", r.DisseminationGateway, "the one gateway seen is filled in")

	_, ok = forms.LookupProduct("GDPPR")
	assert.False(t, ok, "lookup is by name; the picker searches abbreviations")
	gp := forms.SearchProducts(forms.ProductCatalogue(), "GDPPR")[0]
	r = forms.ProductRequest{}
	gp.Prefill(&r)
	assert.True(t, r.GPData)
	assert.Equal(t, forms.Frequency("system-access"), r.Frequency)
}

func FuzzParseProducts(f *testing.F) {
	f.Add(string(assets.ProductsTSV))
	f.Add("name\tseen\ttype_of_data\tfrequency\tconfidentiality\nA\t1\t||\t\t(empty)\n")
	f.Fuzz(func(t *testing.T, in string) {
		ps, err := forms.ParseProducts(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, p := range ps {
			if strings.TrimSpace(p.Name) == "" || p.Seen < 0 {
				t.Fatalf("accepted a product without a name or with a negative count: %+v", p)
			}
		}
	})
}
