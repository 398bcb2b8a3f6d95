package app

import (
	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
)

// startingPoint is something a new draft can start from.
type startingPoint struct {
	Name        string
	Description string // what it is for and what it fills in, shown when chosen
	Build       func(today forms.Date) (*forms.Application, error)
}

const (
	workedExampleName        = "The worked example (a consented cohort study)"
	workedExampleDescription = "A complete application to learn from, every section answered: a consented cohort of childhood cancer survivors linked to hospital and death records. Read it, change it, export it; start your own from a template."
)

// startingPoints are offered in the New draft dialog, first is the default:
// the embedded templates (blank first), with the worked example after blank.
var startingPoints = func() []startingPoint {
	var ps []startingPoint
	for i, t := range assets.Templates() {
		ps = append(ps, startingPoint{t.Name, t.Description, func(today forms.Date) (*forms.Application, error) { return forms.FromTemplate(t.JSON, today) }})
		if i == 0 {
			ps = append(ps, startingPoint{workedExampleName, workedExampleDescription, func(forms.Date) (*forms.Application, error) { return forms.Example(), nil }})
		}
	}
	return ps
}()
