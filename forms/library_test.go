package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func exampleEntry() forms.LibraryEntry {
	return forms.LibraryEntry{
		ID: "lib-uoe", LegalName: "The University of Exampleton", ODSCode: "EE133",
		DSFCSigned: forms.NewDate(2024, 5, 2),
		Security: forms.Security{DSPTCode: "EE133887-SCS", DSPTStatus: forms.DSPTStandardsMet,
			DSPTPublished: forms.NewDate(2025, 6, 28), DSPTValidUntil: forms.NewDate(2026, 6, 30)},
		ISO27001Certificate: "IS 123456", ISO27001Scope: "Trusted research environment",
		ICORegistration: "Z1234567",
		SecurityDocuments: []forms.EvidenceItem{{ID: "d1", Type: "dspt-evidence", Title: "DSPT 2025-26 publication", Status: "final",
			File: &forms.Attachment{Name: "dspt.pdf", Size: 1000, SHA256: "aa", IsPDF: true}}},
	}
}

func TestOverlayLibrary(t *testing.T) {
	a := forms.Example()
	a.Organisations[0].LibraryID = "lib-uoe"
	a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", LibraryID: "gone", Name: "Kept as typed"})
	dangling := forms.OverlayLibrary(a, []forms.LibraryEntry{exampleEntry()})

	assert.Equal(t, []string{"gone"}, dangling)
	o := a.Organisations[0]
	assert.Equal(t, "The University of Exampleton", o.Name)
	assert.Equal(t, forms.NewDate(2026, 6, 30), o.Security.DSPTValidUntil, "library DSPT replaces the draft's")
	assert.True(t, o.Security.ISO27001, "a certificate number means ISO 27001 is held")
	assert.True(t, o.DSFCSigned)
	assert.Equal(t, forms.RoleSoleController, o.Role, "the role stays the draft's own")
	assert.Equal(t, "Director of Research Services", o.DSASignatory)
	assert.Equal(t, "Kept as typed", a.Organisations[1].Name)
}

func TestLibraryFileRoundTrip(t *testing.T) {
	in := []forms.LibraryEntry{exampleEntry(), {ID: "lib-2", LegalName: "Example NHS Foundation Trust", ODSCode: "RXX"}}
	b, err := forms.EncodeLibrary(in)
	require.NoError(t, err)
	out, err := forms.DecodeLibrary(b)
	require.NoError(t, err)
	assert.Equal(t, in, out)
	assert.Contains(t, string(b), `"format": "dars-workbench-organisation-library"`)
}

func TestDecodeLibraryRefuses(t *testing.T) {
	for name, text := range map[string]string{
		"not JSON":       `hello`,
		"a draft":        `{"id":"x","revision":1}`,
		"wrong format":   `{"format":"something-else","version":1,"organisations":[]}`,
		"newer version":  `{"format":"dars-workbench-organisation-library","version":9,"organisations":[]}`,
		"unknown field":  `{"format":"dars-workbench-organisation-library","version":1,"organisations":[{"id":"a","legal_nme":"x"}]}`,
		"missing id":     `{"format":"dars-workbench-organisation-library","version":1,"organisations":[{"legal_name":"x"}]}`,
		"duplicate id":   `{"format":"dars-workbench-organisation-library","version":1,"organisations":[{"id":"a"},{"id":"a"}]}`,
		"trailing data":  `{"format":"dars-workbench-organisation-library","version":1,"organisations":[]} {}`,
		"bad date":       `{"format":"dars-workbench-organisation-library","version":1,"organisations":[{"id":"a","dsfc_signed":"2 May"}]}`,
		"empty document": ``,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := forms.DecodeLibrary([]byte(text))
			assert.ErrorIs(t, err, forms.ErrBadLibrary)
		})
	}
}

func TestLibraryValidators(t *testing.T) {
	for s, ok := range map[string]bool{"": true, "RGT": true, "8HV48": true, "rgt": false, "R": false, "RG-T": false} {
		assert.Equal(t, ok, forms.ValidateODSCode(s) == nil, "ODS %q", s)
	}
	for s, ok := range map[string]bool{"": true, "Z1234567": true, "ZA123456": true, "A1234567": false, "Z123456": false} {
		assert.Equal(t, ok, forms.ValidateICORegistration(s) == nil, "ICO %q", s)
	}
}

func FuzzDecodeLibrary(f *testing.F) {
	b, _ := forms.EncodeLibrary([]forms.LibraryEntry{exampleEntry()})
	f.Add(b)
	f.Add([]byte(`{"format":"dars-workbench-organisation-library","version":1,"organisations":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, err := forms.DecodeLibrary(b)
		if err != nil {
			return
		}
		again, err := forms.EncodeLibrary(entries)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		if _, err := forms.DecodeLibrary(again); err != nil {
			t.Fatalf("our own encoding does not read back: %v", err)
		}
	})
}

func TestDecodeLibraryExplainsBadInput(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"empty file":    {"", "the file is empty"},
		"truncated":     {`{"format":`, "ends too early"},
		"second line":   {"{\n \"format\": x}", "line 2 column"},
		"invalid utf-8": {"{\"format\":\"\xff\"}", "not valid UTF-8"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := forms.DecodeLibrary([]byte(tc.in))
			require.ErrorIs(t, err, forms.ErrBadLibrary)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
