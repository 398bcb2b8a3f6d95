// Command benchtable ends `make bench` with one table of the figures that
// have goals: it reads the output of the benchmarks and of the end-to-end
// measurements (lines "figure <name> <value>") on standard input, and
// prints each figure with its goal, what was measured, and their ratio
// (under 1 meets the goal). Figures are what one run measured, side by side
// with the yardsticks measured in the same run.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// goal is one figure the product promises.
type goal struct {
	figure string  // as shown
	source string  // benchmark name (without -N) and metric, or an e2e figure
	limit  float64 // in unit; 0 for a figure shown for reference, with no goal of its own
	unit   string
}

// The sections, in the order the window lists them.
var sections = []string{"overview", "purpose", "data", "cohort", "legal", "organisations", "territory", "evidence", "lifecycle", "data-flow", "dpia"}

func goals() []goal {
	var gs []goal
	for _, s := range sections {
		gs = append(gs, goal{"Show section " + s, "BenchmarkShowLargeSection/" + s + " ms/op", 100, "ms"})
	}
	gs = append(gs,
		goal{"Switch back to a section", "BenchmarkSwitchBackLargeSection ms/op", 100, "ms"},
		goal{"Evidence with 500 items", "BenchmarkEvidenceView500Items ms/op", 100, "ms"},
		goal{"Keystroke, 2,000-character answer", "BenchmarkTypeInLongAnswer/2000 ms/op", 16, "ms"},
		goal{"Keystroke, 20,000-character answer", "BenchmarkTypeInLongAnswer/20000 ms/op", 16, "ms"},
		goal{"Keystroke, 60,000-character answer", "BenchmarkTypeInLongAnswer/60000 ms/op", 16, "ms"},
		// The goal is a full evaluation under 1 ms, or an incremental one
		// after each edit, which is how the window evaluates.
		goal{"Readiness after an edit", "BenchmarkEvaluateLargeAfterEdit ms/op", 1, "ms"},
		goal{"Readiness, full evaluation (reference)", "BenchmarkEvaluateLarge ms/op", 0, "ms"},
		goal{"Autosave, edit to commit (p99)", "BenchmarkAutosave p99-ms", 20, "ms"},
		goal{"Idle memory, large draft open", "figure idle-rss-mb", 150, "MB"},
		goal{"Cold start, app / bare Fyne window", "figure cold-start-ratio", 1.1, "×"},
	)
	return gs
}

// benchLine is "BenchmarkName-2   10   123 ns/op   4.5 p99-ms ...".
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// read collects every measured value by source name.
func read(r io.Reader) map[string]float64 {
	got := map[string]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := benchLine.FindStringSubmatch(line); m != nil {
			f := strings.Fields(m[2])
			for i := 0; i+1 < len(f); i += 2 {
				v, err := strconv.ParseFloat(f[i], 64)
				if err != nil {
					continue
				}
				unit := f[i+1]
				if unit == "ns/op" {
					got[m[1]+" ms/op"] = v / 1e6
				}
				got[m[1]+" "+unit] = v
			}
			continue
		}
		if f := strings.Fields(line); len(f) == 3 && f[0] == "figure" {
			if v, err := strconv.ParseFloat(f[2], 64); err == nil {
				got["figure "+f[1]] = v
			}
		}
	}
	return got
}

func table(gs []goal, got map[string]float64, w io.Writer) (missed int) {
	fmt.Fprintf(w, "\n%-38s %10s %12s %7s\n", "figure", "goal", "measured", "ratio")
	fmt.Fprintln(w, strings.Repeat("-", 70))
	for _, g := range gs {
		v, ok := got[g.source]
		target := "< " + num(g.limit) + " " + g.unit
		if g.limit == 0 {
			target = "none"
		}
		switch {
		case !ok:
			fmt.Fprintf(w, "%-38s %10s %12s %7s\n", g.figure, target, "not run", "")
			continue
		case g.limit == 0:
			fmt.Fprintf(w, "%-38s %10s %12s %7s\n", g.figure, target, num(v)+" "+g.unit, "")
			continue
		}
		ratio := v / g.limit
		mark := ""
		if ratio > 1 {
			mark = "  over"
			missed++
		}
		fmt.Fprintf(w, "%-38s %10s %12s %7.2f%s\n", g.figure, target, num(v)+" "+g.unit, ratio, mark)
	}
	return missed
}

func num(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func main() {
	got := read(os.Stdin)
	if table(goals(), got, os.Stdout) > 0 {
		fmt.Println("\nA ratio over 1 misses its goal; on a busy machine, run make bench again when it is quiet.")
	}
}
