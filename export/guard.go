package export

import (
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

// Every writer in this package refuses, before writing a byte, a value
// that holds an NHS number (R-C8): the guard lives here rather than in the
// callers so that none can forget it. A caller that means to write anyway
// passes a masked copy (forms.MaskedCopy), in which the guard finds none.

func guardDraft(what string, a *forms.Application) error {
	return forms.GuardNHSNumbers(what, forms.Part{Value: a})
}

func guardDiagram(what string, d flowmap.Diagram) error {
	return forms.GuardNHSNumbers(what, forms.Part{Name: "Data flow map", Value: d})
}

func guardDeadlines(ds []forms.Deadline) error {
	return forms.GuardNHSNumbers("The calendar", forms.CalendarParts(ds)...)
}

func guardLibrary(what string, entries []forms.LibraryEntry) error {
	return forms.GuardLibrary(what, entries)
}

func guardReview(what string, f *ReviewFile) error {
	return forms.GuardNHSNumbers(what, ReviewParts(f)...)
}

// ReviewParts names a review file for the identifier guard.
func ReviewParts(f *ReviewFile) []forms.Part {
	return []forms.Part{{Name: "Review", Value: f}}
}

func guardChanges(c forms.Comparison, ci ChangesInfo) error {
	return forms.GuardNHSNumbers("The summary of changes", ChangesParts(c, ci)...)
}

// ChangesParts names what a summary of changes carries for the identifier
// guard: each change by its section and field.
func ChangesParts(c forms.Comparison, ci ChangesInfo) []forms.Part {
	parts := []forms.Part{{Name: "Summary of changes", Value: ci}}
	for _, s := range c.Sections {
		for _, ch := range s.Changes {
			parts = append(parts, forms.Part{Name: "Summary of changes → " + s.Title + " → " + forms.MaskNHSNumbers(ch.Label), Value: ch})
		}
	}
	for _, e := range c.Evidence {
		parts = append(parts, forms.Part{Name: "Summary of changes → Evidence", Value: e})
	}
	return parts
}
