package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

// BenchmarkTypeInLongAnswer is the cost of one keystroke in the objective of
// the large draft, through the editor's own key handling: the edit, its
// layout, the identifier flag, and the window's hook (readiness, marks,
// autosave). Keystrokes alternate typing a letter and deleting it, so the
// text keeps its length. The answer is one paragraph, the hardest case for
// an editor that lays out a paragraph at a time.
func BenchmarkTypeInLongAnswer(b *testing.B) {
	for _, n := range []int{2000, 20000, 60000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a := formstest.Large()
			a.Purpose.Objective = proseOf(n)
			e := openSection(b, a, forms.SectionPurpose)
			w := e.fields["purpose.objective"].(*longText)
			e.win.Canvas().Focus(w)
			w.caret = textPos{0, len(w.doc.paras[0]) / 2}
			w.anchor = w.caret
			i := 0
			defer reportCPU(b)()
			for b.Loop() {
				if i%2 == 0 {
					w.TypedRune('a')
				} else {
					w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
				}
				i++
			}
			b.StopTimer()
			e.save.flush()
		})
	}
}

// proseOf is n bytes of prose in one paragraph.
func proseOf(n int) string {
	s := strings.Repeat("The study links the consented cohort to hospital episodes and death registrations, and analysts fit survival models in the secure environment. ", n/140+1)
	return s[:n]
}

// reportCPU adds cpu-ms/op to a benchmark: the CPU the process spent per
// operation, which a busy machine inflates far less than the time.
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		if used := processCPU() - start; used > 0 && b.N > 0 {
			b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		}
	}
}
