package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestRegisterPreviewOfADraft(t *testing.T) {
	db, id := withExample(t, nil)
	code, out, errText := run(t, db, "register-preview", id)
	require.Equal(t, 0, code, errText)
	for _, want := range []string{
		"Long-term kidney outcomes after childhood cancer (worked example)",
		"as NHS England's Data Uses Register would publish it",
		"Organisation name        University of Exampleton",
		"Data controller basis    Sole: University of Exampleton",
		"Sublicensing allowed     No",
		"1. Hospital Episode Statistics Admitted Patient Care (HES APC)",
		"Type of data: Pseudonymised",
		"Frequency: One-Off",
		"Confidentiality: Consent (Reasonable Expectation)",
		"\nObjectives  [R-U2, from Purpose › Objective]\n  To measure how often chronic kidney disease",
		"-- Flesch reading ease 46 (difficult) · Flesch–Kincaid grade 12.3 (reading age about 17) · 22\n     words, 1 sentence",
		"\nExpected Benefits  [R-U2",
		"0 plain-language findings.",
	} {
		assert.Contains(t, out, want)
	}
}

func TestRegisterPreviewFindingsAndJSON(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = "Dr Jane Smith will analyse the HES data in the TRE. Her NHS number is 943 476 5919."
	a.Purpose.ExpectedOutputs = ""
	path := draftFile(t, a)
	db := filepath.Join(t.TempDir(), "unused.db")

	code, out, errText := run(t, db, "register-preview", path)
	require.Equal(t, 0, code, errText)
	assert.Contains(t, out, "WARNING: This draft holds 1 NHS number")
	assert.Contains(t, out, "-- WARNING: Names a person: “Dr Jane Smith”")
	assert.Contains(t, out, "-- ADVICE: Spell out at first use: TRE (trusted research environment).")
	assert.Contains(t, out, "\nOutputs  [R-U2, from Purpose › Expected outputs]\n  (not written yet)\n")
	assert.Contains(t, out, "943 *** ****")
	assert.NotContains(t, out, "476 5919", "NHS numbers are printed masked")
	assert.Contains(t, out, "2 plain-language findings.")

	code, out, errText = run(t, db, "register-preview", "--json", path)
	require.Equal(t, 0, code, errText)
	assert.NotContains(t, out, "476 5919")
	var rep struct {
		Entry struct {
			Organisation string `json:"organisation_name"`
			Datasets     []struct {
				TypeOfData string `json:"type_of_data"`
			} `json:"datasets"`
			Texts []struct {
				Field  string `json:"field"`
				Review struct {
					Words int `json:"words"`
					Names []struct {
						Name string `json:"name"`
					} `json:"names_of_people"`
				} `json:"plain_language"`
			} `json:"texts"`
		} `json:"entry"`
		Figures []struct {
			Field string   `json:"field"`
			Ease  *float64 `json:"flesch_reading_ease"`
		} `json:"figures"`
		Findings []forms.Finding `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "University of Exampleton", rep.Entry.Organisation)
	assert.Equal(t, "Pseudonymised", rep.Entry.Datasets[0].TypeOfData)
	require.Len(t, rep.Entry.Texts, 4)
	assert.Equal(t, "Dr Jane Smith", rep.Entry.Texts[0].Review.Names[0].Name)
	require.Len(t, rep.Figures, 4)
	assert.NotNil(t, rep.Figures[0].Ease)
	assert.Nil(t, rep.Figures[2].Ease, "no figure for an empty text")
	var checks []string
	for _, f := range rep.Findings {
		checks = append(checks, f.CheckID)
		assert.True(t, strings.HasPrefix(f.CheckID, "public-"))
	}
	assert.ElementsMatch(t, []string{"public-acronyms", "public-staff-names"}, checks)
}

func TestRegisterPreviewUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, _, errText := run(t, db, "register-preview")
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "Usage: dars-workbench register-preview DRAFT-ID|FILE [--json]")
	code, _, errText = run(t, db, "register-preview", filepath.Join(t.TempDir(), "missing.json"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "cannot read")
}
