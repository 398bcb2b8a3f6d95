package app

import (
	"github.com/darsworkbench/dars-workbench/forms"
)

// productNames lists the catalogue's products, most often agreed first, for
// the product picker (R-D1).
func productNames() []string {
	ps := forms.ProductCatalogue()
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

// legalBasisSuggestions are the confidentiality routes seen on agreements,
// offered for a product's legal basis (R-D2), in the order first seen.
func legalBasisSuggestions() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range forms.ProductCatalogue() {
		for _, c := range p.Confidentiality {
			if c != "" && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}
