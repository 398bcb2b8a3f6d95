package forms

// Deadlines after approval (R-A2): renewal at least a month before the DSA
// ends; otherwise destruction and its certificate within 14 days of the end.
const (
	renewalNoticeMonths   = 1
	destructionGraceDays  = 14
	renewalReminderMonths = 3
)

// RenewalDeadline is the last day to ask for renewal, extension or amendment
// of a DSA ending on end (R-A2).
func RenewalDeadline(end Date) Date { return end.AddMonths(-renewalNoticeMonths) }

// DestructionDeadline is the last day to confirm destruction after a DSA
// ending on end (R-A2).
func DestructionDeadline(end Date) Date { return end.AddDays(destructionGraceDays) }

func lifecycleChecks() []Check {
	return []Check{
		{
			ID: "lifecycle-dsa-dates", Requirements: []string{"R-A1"}, Severity: Warning, Section: SectionLifecycle,
			Title: "A signed DSA records when it ends, after it was signed",
			Eval: func(c *Context) []Hit {
				l := &c.App.Lifecycle
				switch {
				case l.DSASigned.IsZero():
					return nil
				case l.DSAEnd.IsZero():
					return hit("lifecycle.dsa_end", "Record the date the DSA ends, from the agreement; the renewal and destruction deadlines follow from it.")
				case !l.DSAEnd.After(l.DSASigned):
					return hit("lifecycle.dsa_end", "The DSA ends on or before the day it was signed; check both dates against the agreement.")
				}
				return nil
			},
		},
		{
			ID: "lifecycle-renewal", Requirements: []string{"R-A2"}, Severity: Warning, Section: SectionLifecycle,
			Title: "Renewal is requested at least a month before the DSA ends",
			Eval: func(c *Context) []Hit {
				l := &c.App.Lifecycle
				if l.DSAEnd.IsZero() || l.Destruction != nil || !c.Today.Before(l.DSAEnd) {
					return nil
				}
				deadline := RenewalDeadline(l.DSAEnd)
				if l.RenewalRequested {
					if !l.RenewalRequestedOn.IsZero() && l.RenewalRequestedOn.After(deadline) {
						return hit("lifecycle.renewal_requested_on", "The renewal was asked for less than a month before the DSA ends ("+l.DSAEnd.Human()+"): chase NHS England, and plan for destruction if it is not in place in time.")
					}
					return nil
				}
				switch {
				case c.Today.After(deadline):
					return hit("lifecycle.renewal_requested", "The last day to ask for renewal ("+deadline.Human()+") has passed: ask at once, or prepare to destroy the data when the DSA ends on "+l.DSAEnd.Human()+".")
				case !c.Today.Before(l.DSAEnd.AddMonths(-renewalReminderMonths)):
					return hit("lifecycle.renewal_requested", "The DSA ends on "+l.DSAEnd.Human()+": ask for renewal, extension or amendment by "+deadline.Human()+", or plan to destroy the data.")
				}
				return nil
			},
		},
		{
			ID: "lifecycle-destruction", Requirements: []string{"R-A2"}, Severity: Blocker, Section: SectionLifecycle,
			Title: "Data is destroyed and confirmed within 14 days of an unrenewed DSA's end",
			Eval: func(c *Context) []Hit {
				l := &c.App.Lifecycle
				if l.DSAEnd.IsZero() || l.RenewalRequested || c.Today.Before(l.DSAEnd) {
					return nil
				}
				deadline := DestructionDeadline(l.DSAEnd)
				d := l.Destruction
				if d == nil {
					return hit("lifecycle.destruction", "The DSA ended on "+l.DSAEnd.Human()+" without renewal: destroy the data securely and send the certificate of destruction by "+deadline.Human()+".")
				}
				var hs []Hit
				for _, f := range []struct{ v, path, what string }{
					{d.WhatDestroyed, "lifecycle.destruction.what_destroyed", "what was destroyed"},
					{d.DestroyedBy, "lifecycle.destruction.destroyed_by", "who destroyed it"},
					{d.Method, "lifecycle.destruction.method", "how it was destroyed"},
				} {
					if blank(f.v) {
						hs = append(hs, Hit{f.path, "Record " + f.what + " for the certificate of destruction."})
					}
				}
				if d.DestroyedOn.IsZero() {
					hs = append(hs, Hit{"lifecycle.destruction.destroyed_on", "Record the date the data was destroyed."})
				}
				if d.ConfirmedOn.IsZero() {
					hs = append(hs, Hit{"lifecycle.destruction.confirmation_sent", "Send NHS England the certificate of destruction by " + deadline.Human() + " and record the date sent."})
				}
				return hs
			},
		},
		{
			ID: "lifecycle-destruction-late", Requirements: []string{"R-A2"}, Severity: Warning, Section: SectionLifecycle,
			Title: "Destruction was confirmed within 14 days of the DSA's end",
			Eval: func(c *Context) []Hit {
				l := &c.App.Lifecycle
				if l.DSAEnd.IsZero() || l.Destruction == nil || l.Destruction.ConfirmedOn.IsZero() {
					return nil
				}
				if l.Destruction.ConfirmedOn.After(DestructionDeadline(l.DSAEnd)) {
					return hit("lifecycle.destruction.confirmation_sent", "Destruction was confirmed after the 14 days allowed ("+DestructionDeadline(l.DSAEnd).Human()+"): note the reason in case NHS England asks.")
				}
				return nil
			},
		},
		{
			ID: "lifecycle-cohort-file", Requirements: []string{"R-C7"}, Severity: Warning, Section: SectionLifecycle,
			Title: "The cohort file is sent promptly once the DSA is signed",
			Eval: func(c *Context) []Hit {
				a := c.App
				if a.Cohort.Needed && !a.Lifecycle.DSASigned.IsZero() && a.Lifecycle.CohortFileSent.IsZero() {
					return hit("lifecycle.cohort_file_sent", "The DSA was signed on "+a.Lifecycle.DSASigned.Human()+": send the cohort file to NHS England within the time the agreement allows, and record the date sent.")
				}
				return nil
			},
		},
		{
			ID: "lifecycle-charges", Requirements: []string{"R-A4", "R-P3"}, Severity: Advice, Section: SectionLifecycle,
			Title: "The charge estimate and who pays it are recorded",
			Eval: func(c *Context) []Hit {
				a := c.App
				if _, done := a.StageReached(StagePreliminary); !done {
					return nil // the estimate comes from the preliminary assessment
				}
				p := &a.Preliminary
				var hs []Hit
				if blank(p.CostEstimate) {
					hs = append(hs, Hit{"preliminary_assessment.cost_estimate", "Record the charge estimate from the preliminary assessment (application, processing and access)."})
				}
				if blank(p.CostPaidBy) {
					hs = append(hs, Hit{"preliminary_assessment.cost_paid_by", "Record who pays the charges, such as the grant that covers them."})
				}
				return hs
			},
		},
		{
			ID: "preliminary-outcome", Requirements: []string{"R-P3"}, Severity: Advice, Section: SectionOverview,
			Title: "What the preliminary assessment settled is recorded",
			Eval: func(c *Context) []Hit {
				a := c.App
				if _, done := a.StageReached(StagePreliminary); !done {
					return nil
				}
				p := &a.Preliminary
				var hs []Hit
				for _, f := range []struct{ v, path, what string }{
					{p.AgreementsNeeded, "preliminary_assessment.agreements_needed", "which agreements are needed and who signs them"},
					{p.CohortPreparations, "preliminary_assessment.cohort_preparations", "what the cohort needs before data access (or that no cohort is sent)"},
					{p.CloudSecurity, "preliminary_assessment.cloud_security", "what was agreed about security, including any cloud storage"},
					{p.TimeToAccess, "preliminary_assessment.time_to_access", "the indicated time to data access"},
				} {
					if blank(f.v) {
						hs = append(hs, Hit{f.path, "Record " + f.what + ", as the preliminary assessment settled it."})
					}
				}
				return hs
			},
		},
	}
}
