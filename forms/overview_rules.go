package forms

import (
	"strings"
)

func overviewChecks() []Check {
	return []Check{
		{
			ID: "overview-title", Requirements: []string{"R-P2"}, Severity: Blocker, Section: SectionOverview,
			Title: "The application has a title",
			Eval: func(c *Context) []Hit {
				if strings.TrimSpace(c.App.Overview.Title) == "" {
					return hit("overview.title", "Give the application a short title that names the study or service.")
				}
				return nil
			},
		},
		{
			ID: "overview-summary", Requirements: []string{"R-P2"}, Severity: Blocker, Section: SectionOverview,
			Title: "The enquiry summarises why the data is wanted",
			Eval: func(c *Context) []Hit {
				if strings.TrimSpace(c.App.Overview.Summary) == "" {
					return hit("overview.summary", "Write a short summary of why the data is needed: the question and who benefits.")
				}
				return nil
			},
		},
		{
			ID: "overview-readiness", Requirements: []string{"R-P2"}, Severity: Warning, Section: SectionOverview,
			Title: "The enquiry says how ready the applicant is",
			Eval: func(c *Context) []Hit {
				if strings.TrimSpace(c.App.Overview.Readiness) == "" {
					return hit("overview.readiness", "Say how ready you are, for example \"Writing a funding bid\" or \"Approvals in place\".")
				}
				return nil
			},
		},
		{
			ID: "overview-lead", Requirements: []string{"R-P2", "R-O1"}, Severity: Warning, Section: SectionOverview,
			Title: "A lead applicant and organisation are named",
			Eval: func(c *Context) []Hit {
				o := c.App.Overview
				if strings.TrimSpace(o.LeadApplicant) == "" || strings.TrimSpace(o.LeadOrg) == "" {
					return hit("overview.lead_applicant", "Name the lead applicant and their organisation.")
				}
				return nil
			},
		},
		{
			ID: "overview-dars-reference", Requirements: []string{"R-P6"}, Severity: Warning, Section: SectionOverview,
			Title: "The DARS reference is well formed",
			Eval: func(c *Context) []Hit {
				if err := ValidateDARSReference(c.App.Overview.DARSReference); err != nil {
					return hit("overview.dars_reference", "The DARS reference does not look right: "+err.Error()+". Check it against your DARS Online record.")
				}
				return nil
			},
		},
		{
			ID: "overview-access-period", Requirements: []string{"R-P7"}, Severity: Blocker, Section: SectionOverview,
			Title: "The requested access period is given and ends after it starts",
			Eval: func(c *Context) []Hit {
				o := c.App.Overview
				switch {
				case o.RequestedFrom.IsZero() || o.RequestedTo.IsZero():
					return hit("overview.requested_start", "Give the requested start and end dates of data access.")
				case !o.RequestedTo.After(o.RequestedFrom):
					return hit("overview.requested_end", "The requested end date must be after the start date.")
				}
				return nil
			},
		},
		{
			ID: "overview-stage-dates", Requirements: []string{"R-P1"}, Severity: Advice, Section: SectionOverview,
			Title: "Each stage reached has a date, in process order",
			Eval: func(c *Context) []Hit {
				var prev Date
				for _, e := range c.App.Overview.StageHistory {
					if e.Reached.IsZero() {
						return hit("overview.stage_history", "Record the date the "+e.Stage.Label()+" stage was reached.")
					}
					if !prev.IsZero() && e.Reached.Before(prev) {
						return hit("overview.stage_history", "The date for "+e.Stage.Label()+" is earlier than the stage before it.")
					}
					prev = e.Reached
				}
				return nil
			},
		},
	}
}
