package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// questions builds a screen's form rows. Each row names its field path once:
// the widget is bound to the model at that path (see fields.go), registered
// there so a finding can open it, and given the field's guidance, if the
// screen has a guide. A new question on a section screen is one line here:
//
//	q.long("Objective", "purpose.objective", &p.Objective, "What you want to find out")
//
// Go methods cannot take type parameters, so the enumerated rows are the
// functions choiceRow and radioRow.
type questions struct {
	e *Editor
	g *guide // nil: the screen shows no guidance beside its fields
}

// row puts a widget already bound to path in a labelled row.
func (q questions) row(label, path string, w fyne.CanvasObject) *widget.FormItem {
	if q.g == nil {
		return widget.NewFormItem(label, w)
	}
	return q.g.item(label, path, w)
}

// text is a one-line answer. decorate, if given, wraps the entry before it
// is placed (a repeating group's titled, for instance).
func (q questions) text(label, path string, p *string, placeholder string, decorate ...func(*widget.Entry) *widget.Entry) *widget.FormItem {
	w := q.e.TextEntry(path, p, placeholder, nil)
	for _, d := range decorate {
		w = d(w)
	}
	return q.row(label, path, w)
}

// validated is a one-line answer with a format rule from forms; a failing
// rule marks the field but never stops the value being kept.
func (q questions) validated(label, path string, p *string, placeholder string, rule func(string) error) *widget.FormItem {
	return q.row(label, path, q.e.TextEntry(path, p, placeholder, rule))
}

// long is a free-text answer that wraps and counts its characters.
func (q questions) long(label, path string, p *string, placeholder string) *widget.FormItem {
	return q.row(label, path, q.e.LongText(path, p, placeholder))
}

// date is an optional date typed as 2026-03-31.
func (q questions) date(label, path string, p *forms.Date) *widget.FormItem {
	return q.row(label, path, q.e.DateEntry(path, p))
}

// check is a yes/no answer; its text stands beside the box, so the row has
// no label. then runs after the model changes (to show follow-up questions).
func (q questions) check(path, text string, p *bool, then func(bool)) *widget.FormItem {
	return q.row("", path, q.e.Check(path, text, p, then))
}

// suggest is free text offering common answers.
func (q questions) suggest(label, path string, p *string, options []string) *widget.FormItem {
	return q.row(label, path, q.e.Suggest(path, p, options))
}

// choiceRow is an enumerated answer chosen from a drop-down.
func choiceRow[T ~string](q questions, label, path string, choices []forms.Choice, p *T, then func(T)) *widget.FormItem {
	return q.row(label, path, Choose(q.e, path, choices, p, then))
}

// radioRow is an enumerated answer whose choices all stay in view.
func radioRow[T ~string](q questions, label, path string, choices []forms.Choice, p *T, then func(T)) *widget.FormItem {
	return q.row(label, path, radio(q.e, path, choices, p, then))
}
