package forms_test

import (
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
)

func TestValidateDARSReference(t *testing.T) {
	for ref, ok := range map[string]bool{
		"":                           true,
		"DARS-NIC-116377-L5J9M":      true,
		"DARS-NIC-116377-L5J9M-v2.1": true,
		" DARS-NIC-1-ABCDE ":         true,
		"DARS-NIC-116377-L5J9":       false,
		"DARS-NIC-ABC-L5J9M":         false,
		"dars-nic-116377-l5j9m":      false,
		"DARS-NIC-116377-L5J9M-v2":   true,
		"NIC-116377-L5J9M":           true,
		"NIC-116377-L5J9M-v0.4":      true,
		"DARS-116377-L5J9M":          false,
		"DARS-NIC-116377-L5J9M-2.1":  false,
	} {
		err := forms.ValidateDARSReference(ref)
		if ok {
			assert.NoError(t, err, ref)
		} else {
			assert.ErrorIs(t, err, forms.ErrDARSReference, ref)
		}
	}
}

func findingIDs(fs []forms.Finding, section forms.SectionID) []string {
	var ids []string
	for _, f := range fs {
		if f.Section == section {
			ids = append(ids, f.CheckID)
		}
	}
	return ids
}

func TestOverviewChecks(t *testing.T) {
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		edit func(a *forms.Application)
		want []string
	}{
		"complete example":    {func(a *forms.Application) {}, nil},
		"malformed reference": {func(a *forms.Application) { a.Overview.DARSReference = "NIC-1" }, []string{"overview-dars-reference"}},
		"end before start": {func(a *forms.Application) {
			a.Overview.RequestedTo = forms.NewDate(2020, 1, 1)
		}, []string{"overview-access-period"}},
		"no title": {func(a *forms.Application) { a.Overview.Title = "  " }, []string{"overview-title"}},
		"stage dates out of order": {func(a *forms.Application) {
			a.Overview.StageHistory[1].Reached = forms.NewDate(2020, 1, 1)
		}, []string{"overview-stage-dates"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			assert.Equal(t, tc.want, findingIDs(forms.Evaluate(a, today), forms.SectionOverview))
		})
	}
}
