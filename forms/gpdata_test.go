package forms_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestMentionsGPData(t *testing.T) {
	for name, want := range map[string]bool{
		"GP data for pandemic planning and research (GDPPR)": true,
		"General Practice Extraction Service (GPES) Data":    true,
		"Primary Care Records":                               true,
		"Linked GP":                                          true,
		"Cancer Registrations (via GP)":                      true,
		"GPDPR":                                              true,
		"Hospital Episode Statistics Admitted Patient Care":  false,
		"Grouping (GPS-based)":                               false,
		"":                                                   false,
		"Données GP de l'été":                                true, // past ASCII
		"ÉTUDE GENERAL PRACTICE":                             true,
		strings.Repeat("long name ", 40) + "GP data":         true, // longer than the stack buffer
	} {
		assert.Equal(t, want, forms.MentionsGPData(name), name)
	}
}
