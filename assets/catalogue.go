package assets

import _ "embed"

// productsTSV lists data products seen on approved DARS agreements (name,
// agreements listing it, data types, frequencies, confidentiality routes).
//
//go:embed products.tsv
var productsTSV string

// ProductCatalogueTSV is the product catalogue as tab-separated text, for the
// product picker.
func ProductCatalogueTSV() string { return productsTSV }
