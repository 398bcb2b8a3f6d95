package forms

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Patient identifiers never leave the app (R-C8). Every file the app writes
// passes through GuardNHSNumbers first: while any string it would carry
// holds an NHS number, nothing is written, and the error names each place
// in human terms. The way through is an explicit choice to write a masked
// copy (MaskedCopy), in which the guard then finds nothing.
//
// Only NHS numbers block: dates of birth and postcodes are found by words
// nearby, often describe a cohort ("patients born after 1 January 1950")
// and stay warnings in the readiness panel.

// ErrNHSNumbers is what every refused export wraps (errors.Is).
var ErrNHSNumbers = errors.New("an NHS number would leave the app")

// Part is one value a writer puts in a file, for the guard to scan. Name
// says where it is for a person ("Library", "Review"); leave it empty for
// the draft itself, whose fields are named by their place in the form.
type Part struct {
	Name  string
	Value any
}

// FoundIdentifier is one NHS number the guard found.
type FoundIdentifier struct {
	// Where names the place for a person: "Purpose → Objective".
	Where string
	// Field is the draft's field path ("purpose.objective") when the
	// number is in the draft itself, so a window can open the field.
	Field string
	// Shown is the number masked: "943 *** ****".
	Shown string
}

func (f FoundIdentifier) String() string { return f.Where + ": " + f.Shown }

// IdentifierError says what was not written and why.
type IdentifierError struct {
	What  string // "the pack", "dpia.pdf"
	Found []FoundIdentifier
}

func (e *IdentifierError) Is(target error) bool { return target == ErrNHSNumbers }

// maxListed bounds the places an error message lists.
const maxListed = 12

func (e *IdentifierError) Error() string {
	return e.Listing() + "\nA draft must never hold patient identifiers: delete them, or export with NHS numbers masked (written as 943 *** ****)."
}

// Listing is the message without the advice, for a front end that words
// the way through in its own terms (a flag, a checkbox).
func (e *IdentifierError) Listing() string {
	var b strings.Builder
	n := len(e.Found)
	fmt.Fprintf(&b, "%s was not written: it would carry %s:", e.What, plural(n, "an NHS number", strconv.Itoa(n)+" NHS numbers"))
	for i, f := range e.Found {
		if i == maxListed {
			fmt.Fprintf(&b, "\n  … and %d more", n-maxListed)
			break
		}
		b.WriteString("\n  " + f.String())
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// FindNHSNumbers lists the NHS numbers in every string of the parts.
func FindNHSNumbers(parts ...Part) []FoundIdentifier {
	var out []FoundIdentifier
	for _, p := range parts {
		var hits []FieldIdentifierHit
		if a, ok := p.Value.(*Application); ok {
			hits = ScanApplication(a)
		} else {
			hits = scanValue(p.Value)
		}
		for _, h := range hits {
			if h.Hit.Kind != IdentNHSNumber {
				continue
			}
			f := FoundIdentifier{Where: HumanPath(h.Field), Shown: h.Hit.Shown}
			if p.Name == "" {
				f.Field = h.Field
			} else if h.Field == "" {
				f.Where = p.Name
			} else {
				f.Where = p.Name + " → " + f.Where
			}
			out = append(out, f)
		}
	}
	return out
}

// GuardNHSNumbers refuses (with an *IdentifierError) when any part holds an
// NHS number; what names the file for the message ("the pack").
func GuardNHSNumbers(what string, parts ...Part) error {
	if found := FindNHSNumbers(parts...); len(found) > 0 {
		return &IdentifierError{What: what, Found: found}
	}
	return nil
}

// HumanPath names a field path for a person, each step in words and each
// entry of a list by its number: "data.products[1].fields[0].reason" reads
// "Data → Product 2 → Field 1 → Reason".
func HumanPath(path string) string {
	if path == "" {
		return "The text"
	}
	parts := strings.Split(path, ".")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		name, rest, indexed := strings.Cut(p, "[")
		label := FieldLabel(name)
		for indexed {
			var idx string
			idx, rest, _ = strings.Cut(rest, "]")
			if i, err := strconv.Atoi(idx); err == nil {
				label = singular(label) + " " + strconv.Itoa(i+1)
			} else {
				label += " " + idx
			}
			_, rest, indexed = strings.Cut(rest, "[")
		}
		out = append(out, label)
	}
	return strings.Join(out, " → ")
}

// singular names one entry of a list: "Organisations" → "Organisation".
func singular(label string) string {
	low := strings.ToLower(label)
	switch {
	case low == "people":
		return label[:len(label)-6] + "Person"
	case strings.HasSuffix(low, "ies"):
		return label[:len(label)-3] + "y"
	case strings.HasSuffix(low, "xes"), strings.HasSuffix(low, "sses"):
		return label[:len(label)-2]
	case strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss"):
		return label[:len(label)-1]
	}
	return label
}
