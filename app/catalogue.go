package app

import (
	"github.com/darsworkbench/dars-workbench/forms"
)

// products is the embedded data-product catalogue, as forms reads it for
// its rules. If it cannot be read, productsErr says why: the Data screen
// shows it, the picker is empty, and typing a product's name still works.
var products, productsErr = forms.ProductCatalogue(), forms.ProductCatalogueError()

// legalBasisSuggestions are the confidentiality routes seen on agreements,
// offered for a product's legal basis (R-D2), in the order first seen.
func legalBasisSuggestions() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range products {
		for _, c := range p.Confidentiality {
			if c != "" && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}
