package app

import (
	"strings"

	"github.com/darsworkbench/dars-workbench/assets"
)

// productNames lists the catalogue's product names in file order (most
// commonly agreed first) for the product picker. Lines starting with "#" and
// the header are skipped; a malformed line gives at worst a stray name.
//
// The domain's own catalogue parser (forms.ParseProducts, issue 3) should
// replace this once it is on main.
func productNames() []string {
	var out []string
	for i, line := range strings.Split(assets.ProductCatalogueTSV(), "\n") {
		name, _, _ := strings.Cut(line, "\t")
		name = strings.TrimSpace(name)
		if name == "" || strings.HasPrefix(name, "#") || (i < 5 && name == "name") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// legalBasisSuggestions are the confidentiality routes seen on agreements,
// offered for a product's legal basis (R-D2).
var legalBasisSuggestions = []string{
	"Consent (reasonable expectation)",
	"Section 251 NHS Act 2006",
	"Does not include the flow of confidential data",
}

// isMRIS reports whether a product is one of the MRIS demographics and
// tracing products recommended for cohort research (R-D5).
func isMRIS(name string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.TrimSpace(name)), "MRIS")
}
