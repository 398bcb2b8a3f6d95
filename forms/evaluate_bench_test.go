package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
	"github.com/stretchr/testify/assert"
)

func TestLargeDraftIsValid(t *testing.T) {
	a := formstest.Large()
	assert.Len(t, a.Data.Products, formstest.LargeProducts)
	assert.Empty(t, forms.Evaluate(a, today), "the benchmark must time a full evaluation, not early exits on findings")
}

// BenchmarkEvaluateLarge is the figure behind "typing never lags": a full
// evaluation of a draft larger than any real one must stay under 1 ms.
func BenchmarkEvaluateLarge(b *testing.B) {
	a := formstest.Large()
	b.ReportAllocs()
	for b.Loop() {
		forms.Evaluate(a, today)
	}
}
