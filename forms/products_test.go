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
	assert.Len(t, ps, 63)
	apc, ok := forms.FindProduct(ps, " hospital episode statistics admitted patient care (hes apc) ")
	require.True(t, ok)
	assert.Equal(t, 23, apc.Seen)
	assert.Equal(t, []string{"Anonymised - ICO Code Compliant", "Identifiable"}, apc.TypesOfData)
	assert.Equal(t, []forms.Frequency{"one-off", "ongoing", "system-access"}, apc.FrequencyValues())
	assert.Equal(t, forms.Pseudonymised, apc.Identifiability())
	assert.Contains(t, apc.Confidentiality, "Section 251 NHS Act 2006")

	mris, ok := forms.FindProduct(ps, "MRIS - Cohort Event Notification Report")
	require.True(t, ok)
	assert.Equal(t, forms.Identifiable, mris.Identifiability())
	assert.True(t, forms.IsTracingProduct(mris.Name))

	bespoke, ok := forms.FindProduct(ps, "MRIS - Bespoke")
	require.True(t, ok, "products with empty columns are kept")
	assert.Empty(t, bespoke.TypesOfData)
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
	} {
		t.Run(name, func(t *testing.T) {
			_, err := forms.ParseProducts(strings.NewReader(in))
			assert.ErrorIs(t, err, forms.ErrBadCatalogue)
		})
	}
}

func TestParseProductsAcceptsCRLF(t *testing.T) {
	ps, err := forms.ParseProducts(strings.NewReader("# c\r\nname\tseen\ttype_of_data\tfrequency\tconfidentiality\r\nX\t1\tIdentifiable\tOngoing\tConsent\r\n"))
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, []string{"Consent"}, ps[0].Confidentiality)
}

func FuzzParseProducts(f *testing.F) {
	f.Add(string(assets.ProductsTSV))
	f.Add("name\tseen\ttype_of_data\tfrequency\tconfidentiality\nA\t1\t;;\t\t\n")
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
