package app

import "github.com/darsworkbench/dars-workbench/forms"

// startingPoint is something a new draft can start from.
type startingPoint struct {
	Name  string
	Build func(today forms.Date) (*forms.Application, error)
}

const workedExampleName = "The worked example (a consented cohort study)"

// startingPoints are offered in the New draft dialog, first is the default.
var startingPoints = []startingPoint{
	{"Blank", func(today forms.Date) (*forms.Application, error) { return forms.NewApplication("", today), nil }},
	{workedExampleName, func(forms.Date) (*forms.Application, error) { return forms.Example(), nil }},
}
