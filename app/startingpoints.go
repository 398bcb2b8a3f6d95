package app

import (
	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
)

// startingPoint is something a new draft can start from.
type startingPoint struct {
	Name  string
	Build func(today forms.Date) (*forms.Application, error)
}

const workedExampleName = "The worked example (a consented cohort study)"

// startingPoints are offered in the New draft dialog, first is the default:
// the embedded templates (blank first), with the worked example after blank.
var startingPoints = func() []startingPoint {
	var ps []startingPoint
	for i, t := range assets.Templates() {
		ps = append(ps, startingPoint{t.Name, func(today forms.Date) (*forms.Application, error) { return forms.FromTemplate(t.JSON, today) }})
		if i == 0 {
			ps = append(ps, startingPoint{workedExampleName, func(forms.Date) (*forms.Application, error) { return forms.Example(), nil }})
		}
	}
	return ps
}()
