package forms

import (
	"fmt"
	"strings"
)

// DSAEnded reports whether the DSA has ended without renewal on today, when
// the data must be destroyed and a destruction record is offered (R-A2).
func (l Lifecycle) DSAEnded(today Date) bool {
	return !l.DSAEnd.IsZero() && !l.RenewalRequested && !today.Before(l.DSAEnd)
}

// ErrDestructionIncomplete lists what a certificate of destruction still lacks.
var ErrDestructionIncomplete = fmt.Errorf("the destruction record is incomplete")

// ValidateDestruction checks that a record says what was destroyed, by whom,
// how and when, before a certificate is issued (R-A2).
func ValidateDestruction(r *DestructionRecord) error {
	if r == nil {
		return fmt.Errorf("%w: record what was destroyed, by whom, how and when", ErrDestructionIncomplete)
	}
	var missing []string
	if strings.TrimSpace(r.WhatDestroyed) == "" {
		missing = append(missing, "what was destroyed")
	}
	if strings.TrimSpace(r.DestroyedBy) == "" {
		missing = append(missing, "who destroyed it")
	}
	if strings.TrimSpace(r.Method) == "" {
		missing = append(missing, "how it was destroyed")
	}
	if r.DestroyedOn.IsZero() {
		missing = append(missing, "the date of destruction")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: add %s", ErrDestructionIncomplete, strings.Join(missing, ", "))
	}
	return nil
}
