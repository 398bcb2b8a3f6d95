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

func lifecycleChecks() []Check {
	return []Check{
		{
			ID: "lifecycle-dsa-dates", Requirements: []string{"R-A1"}, Severity: Warning, Section: SectionLifecycle,
			Title: "The DSA ends after it was signed",
			Eval: func(c *Context) []Hit {
				l := c.App.Lifecycle
				if !l.DSASigned.IsZero() && !l.DSAEnd.IsZero() && !l.DSAEnd.After(l.DSASigned) {
					return hit("lifecycle.dsa_end", "The DSA end date must be after the date it was signed: check both dates against the agreement.")
				}
				return nil
			},
		},
		{
			ID: "lifecycle-renewal-due", Requirements: []string{"R-A2"}, Severity: Warning, Section: SectionLifecycle,
			Title: "Renewal is requested at least a month before the DSA ends",
			Eval: func(c *Context) []Hit {
				l := c.App.Lifecycle
				if l.DSAEnd.IsZero() || l.RenewalRequested || !c.Today.Before(l.DSAEnd) {
					return nil
				}
				by := l.DSAEnd.AddMonths(-RenewalNoticeMonths)
				if !c.Today.Before(by.AddDays(-DueSoonDays)) {
					return hit("lifecycle.renewal_requested", fmt.Sprintf("The DSA ends on %s: request renewal, extension or amendment by %s, or plan to destroy the data.", l.DSAEnd.Human(), by.Human()))
				}
				return nil
			},
		},
		{
			ID: "lifecycle-destruction", Requirements: []string{"R-A2"}, Severity: Blocker, Section: SectionLifecycle,
			Title: "Data is destroyed and confirmed after a DSA ends without renewal",
			Eval: func(c *Context) []Hit {
				l := c.App.Lifecycle
				if !l.DSAEnded(c.Today) {
					return nil
				}
				due := l.DSAEnd.AddDays(DestructionConfirmDays)
				switch {
				case l.Destruction == nil || l.Destruction.DestroyedOn.IsZero():
					return hit("lifecycle.destruction", fmt.Sprintf("The DSA ended on %s and was not renewed: destroy the data, record it here and send the certificate by %s.", l.DSAEnd.Human(), due.Human()))
				case l.Destruction.ConfirmedOn.IsZero():
					return hit("lifecycle.destruction.confirmation_sent", fmt.Sprintf("Export the certificate of destruction, send it to NHS England by %s and record the date sent.", due.Human()))
				}
				return nil
			},
		},
		{
			ID: "lifecycle-cohort-file", Requirements: []string{"R-C7"}, Severity: Warning, Section: SectionLifecycle,
			Title: "The cohort file is sent promptly after DSA signature",
			Eval: func(c *Context) []Hit {
				l := c.App.Lifecycle
				if !c.App.Cohort.Needed || l.DSASigned.IsZero() || !l.CohortFileSent.IsZero() {
					return nil
				}
				due := l.DSASigned.AddDays(CohortFileDays)
				if c.Today.After(due) {
					return hit("lifecycle.cohort_file_sent", fmt.Sprintf("The DSA was signed on %s: send the cohort file now (it was due by %s) and record the date sent.", l.DSASigned.Human(), due.Human()))
				}
				return nil
			},
		},
	}
}
