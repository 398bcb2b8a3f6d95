package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// An Evaluator gives exactly what Evaluate gives, edit after edit, and
// remembers only the texts the draft still holds.
func TestEvaluatorMatchesEvaluate(t *testing.T) {
	ev := forms.NewEvaluator()
	a := formstest.Large()
	edits := []func(){
		func() { a.Purpose.Objective += " Patient 943 476 5919 was seen." },
		func() { a.Purpose.Objective = a.Purpose.Objective[:len(a.Purpose.Objective)-30] },
		func() { a.People[3].Name = "Born 01/02/1950, lives at LS2 9JT" },
		func() { a.People = a.People[:50] },
		func() { a.Data.Products[2].Fields[1].Reason = "943 476\n5919" },
		func() { a.Overview.Title = "" },
		// Texts that move: every later text is read at a new place.
		func() { a.People[0], a.People[1] = a.People[1], a.People[0] },
		func() { a.People = append([]forms.Person{{ID: "p-new", Name: "Ref 943 476 5919"}}, a.People...) },
		func() { a.People = a.People[1:] },
		func() { a.Data.Products = a.Data.Products[:len(a.Data.Products)-1] },
	}
	assert.Equal(t, forms.Evaluate(a, today), ev.Evaluate(a, today))
	for i, edit := range edits {
		edit()
		assert.Equal(t, forms.Evaluate(a, today), ev.Evaluate(a, today), "after edit %d", i)
		assert.Equal(t, forms.Evaluate(a, today), ev.Evaluate(a, today), "again after edit %d", i)
	}
	// Typing a thousand keystrokes keeps one version of the text in memory.
	before := ev.Remembered()
	for i := 0; i < 1000; i++ {
		a.Purpose.Objective += "x"
		ev.Evaluate(a, today)
	}
	assert.LessOrEqual(t, ev.Remembered(), before+1)
}

func FuzzEvaluatorMatchesEvaluate(f *testing.F) {
	f.Add("Patient 943 476 5919", "plain words")
	f.Add("born 1950-02-01", "LS2 9JT")
	f.Add("", "943-476-5919")
	f.Fuzz(func(t *testing.T, x, y string) {
		ev := forms.NewEvaluator()
		a := forms.Example()
		ev.Evaluate(a, today)
		a.Purpose.Objective = x
		a.Overview.Summary = y
		if len(a.People) > 0 {
			a.People[0].Role = x + y
		}
		require.Equal(t, forms.Evaluate(a, today), ev.Evaluate(a, today))
		a.Purpose.Objective = y
		require.Equal(t, forms.Evaluate(a, today), ev.Evaluate(a, today))
	})
}

// BenchmarkEvaluateLargeAfterEdit is readiness as the window runs it: the
// large draft evaluated again after a keystroke in its objective.
func BenchmarkEvaluateLargeAfterEdit(b *testing.B) {
	a := formstest.Large()
	ev := forms.NewEvaluator()
	ev.Evaluate(a, today)
	base := a.Purpose.Objective
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			a.Purpose.Objective = base + "a"
		} else {
			a.Purpose.Objective = base
		}
		i++
		ev.Evaluate(a, today)
	}
}
