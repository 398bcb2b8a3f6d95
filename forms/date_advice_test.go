package forms_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestDateAdvice(t *testing.T) {
	cases := map[string]string{
		"":             "",
		"2027-04-01":   "",
		" 2027-04-01 ": "",
		"2027-0":       "",
		"2":            "",
		"31/03/2027":   "Use YYYY-MM-DD: 31/03/2027 would be 2027-03-31.",
		"1/4/2027":     "Use YYYY-MM-DD: 1/4/2027 would be 2027-04-01.",
		"1 April 2027": "Use YYYY-MM-DD: 1 April 2027 would be 2027-04-01.",
		"2027-13-01":   "Use YYYY-MM-DD (e.g. 2027-04-01).",
		"2027-02-30":   "Use YYYY-MM-DD (e.g. 2027-04-01).",
		"next Tuesday": "Use YYYY-MM-DD (e.g. 2027-04-01).",
		"2027-04-012":  "Use YYYY-MM-DD (e.g. 2027-04-01).",
	}
	for in, want := range cases {
		assert.Equal(t, want, forms.DateAdvice(in), "%q", in)
	}
}
