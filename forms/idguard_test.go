package forms_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plantedDraft is the worked example with a valid NHS number, written a
// different way each time, in every free-text field.
func plantedDraft(t *testing.T) (*forms.Application, []string, map[string]string) {
	t.Helper()
	a := forms.Example()
	nums := plantedNumbers(400)
	numbers := map[string]string{}
	i := 0
	paths := formstest.PlantEverywhere(a, func(path string) string {
		n := nums[i%len(nums)]
		i++
		numbers[path] = n
		return fmt.Sprintf("Note %d: %s", i, renderings[i%len(renderings)](n))
	})
	require.Greater(t, len(paths), 150, "the planter must reach the whole model")
	return a, paths, numbers
}

// renderings are a few ways of writing a number, so the export tests see
// more than one.
var renderings = []func(string) string{
	func(n string) string { return n },
	func(n string) string { return n[:3] + " " + n[3:6] + " " + n[6:] },
	func(n string) string { return n[:3] + "-" + n[3:6] + "-" + n[6:] },
	func(n string) string { return n[:3] + "\u00A0" + n[3:6] + "\u00A0" + n[6:] },
	func(n string) string { return spaced(n, '０', " ", 3, 3, 4) },
	func(n string) string { return n[:4] + " " + n[4:7] + " " + n[7:] },
}

func TestGuardNamesEveryPlantedField(t *testing.T) {
	a, paths, _ := plantedDraft(t)
	found := forms.FindNHSNumbers(forms.Part{Value: a})
	byField := map[string]forms.FoundIdentifier{}
	for _, f := range found {
		byField[f.Field] = f
	}
	for _, p := range paths {
		f, ok := byField[p]
		if !assert.True(t, ok, "no finding for %s", p) {
			continue
		}
		assert.Equal(t, forms.HumanPath(p), f.Where)
		assert.Regexp(t, `^\S{3} \*\*\* \*\*\*\*$|^\S{3}\*{7}$|^\S{3}-\*\*\*-\*\*\*\*$|^\S{4} \*\*\* \*\*\*$`, f.Shown)
	}
	// The readiness check and the guard see the same numbers.
	var blockers int
	for _, f := range forms.Evaluate(a, today) {
		if f.CheckID == "patient-identifiers" {
			blockers++
		}
	}
	assert.Equal(t, len(found), blockers)

	err := forms.GuardNHSNumbers("The pack", forms.Part{Value: a})
	require.Error(t, err)
	assert.True(t, errors.Is(err, forms.ErrNHSNumbers))
	var ie *forms.IdentifierError
	require.ErrorAs(t, err, &ie)
	assert.Len(t, ie.Found, len(found))
	assert.Contains(t, err.Error(), "The pack was not written")
	assert.Contains(t, err.Error(), "masked")
	for _, n := range plantedNumbers(400) {
		assert.NotContains(t, err.Error(), n[3:], "the message repeats a number")
	}
}

func TestMaskedCopyLeavesNoNumberAndTheOriginalAlone(t *testing.T) {
	a, paths, _ := plantedDraft(t)
	before, err := forms.Encode(a)
	require.NoError(t, err)
	m := forms.MaskedCopy(a)
	assert.Empty(t, forms.FindNHSNumbers(forms.Part{Value: m}))
	after, err := forms.Encode(a)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "masking must not touch the draft")
	assert.Equal(t, a.ID, m.ID)
	assert.Equal(t, a.Revision, m.Revision)
	assert.True(t, strings.HasPrefix(m.Purpose.Objective, "Note "), "text around the number is kept")
	assert.Contains(t, m.Overview.Title, "***")
	assert.NotEmpty(t, paths)
}

func TestGuardWalksAnyModel(t *testing.T) {
	// Library entries, review comments and plain lists are walked the same
	// way, and a number broken across lines (a diagram box) is found.
	lib := []forms.LibraryEntry{{LegalName: "Leeds"}, {LegalName: "Trust", Notes: "ref 943 476 5919"}}
	err := forms.GuardLibrary("The library file", lib)
	var ie *forms.IdentifierError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "Library → organisation 2 → Notes: 943 *** ****", ie.Found[0].String())

	type box struct{ Lines []string }
	found := forms.FindNHSNumbers(forms.Part{Name: "Map", Value: []box{{Lines: []string{"Cohort 943 476", "5919 sent"}}}})
	require.Len(t, found, 1)
	assert.Equal(t, "943 *** ****", found[0].Shown)
	m := forms.MaskedCopy([]box{{Lines: []string{"Cohort 943 476", "5919 sent"}}})
	assert.Equal(t, []string{"Cohort 943 ***", "**** sent"}, m[0].Lines)

	assert.Empty(t, forms.FindNHSNumbers(forms.Part{Value: []forms.LibraryEntry{{ID: "bd8eb943-4765-9194-8c4b-73746e86ea22"}}}))
}

func TestHumanPath(t *testing.T) {
	cases := map[string]string{
		"purpose.objective":                   "Purpose → Objective",
		"data.products[1].fields[0].reason":   "Data → Product 2 → Field 1 → Reason",
		"people[0].name":                      "Person 1 → Name",
		"comments[2].replies[0].text":         "Comment 3 → Reply 1 → Text",
		"dpia.risks[0].measures[1].owner":     "DPIA → Risk 1 → Measure 2 → Owner",
		"evidence[3].file.name":               "Evidence 4 → File → Name",
		"organisations[0].security.dspt_code": "Organisation 1 → Security → DSPT code",
	}
	for in, want := range cases {
		assert.Equal(t, want, forms.HumanPath(in), in)
	}
}

// BenchmarkScanApplicationLarge is the identifier walk of every string of
// the large draft, the share of BenchmarkEvaluateLarge that the guard and
// the readiness check pay on each keystroke.
func BenchmarkScanApplicationLarge(b *testing.B) {
	a := formstest.Large()
	b.ReportAllocs()
	for b.Loop() {
		forms.ScanApplication(a)
	}
}

// IDs are not text, and a list of them is not lines of text: the digits at
// the end of one ID and the start of the next are no number.
func TestScanTellsIDsFromText(t *testing.T) {
	type refs struct{ Lines []string }
	for _, tc := range []struct {
		name  string
		lines []string
		hits  int
	}{
		{"a UUID holding the digits", []string{"bd8eb943-4765-9194-8c4b-73746e86ea22"}, 0},
		{"a hash holding the digits", []string{"ab9434765919cdef0123456789abcdef0123"}, 0},
		{"two UUIDs read across", []string{"00000000-0000-0000-0000-00000000f943", "4765919f-0000-0000-0000-000000000000"}, 0},
		{"a hash, then a line of text", []string{"0000000000000000000000000000000f943", "476 5919 sent"}, 0},
		{"lines of text read across", []string{"Cohort 943 476", "5919 sent"}, 1},
		{"text, then a UUID", []string{"Cohort 943", "47659190-0000-0000-0000-000000000000"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found := forms.FindNHSNumbers(forms.Part{Name: "Map", Value: refs{tc.lines}})
			assert.Len(t, found, tc.hits, "%v", found)
		})
	}
}
