package forms

func purposeChecks() []Check {
	return []Check{
		{
			ID: "purpose-category", Requirements: []string{"R-U1"}, Severity: Blocker, Section: SectionPurpose,
			Title: "The purpose is health care, adult social care or promotion of health",
			Eval: func(c *Context) []Hit {
				cat := c.App.Purpose.Category
				if cat == "" {
					return hit("purpose.category", "Choose the purpose: health care, adult social care or promotion of health. DARS shares data for no other purpose.")
				}
				if LabelOf(PurposeChoices, string(cat)) == string(cat) {
					return hit("purpose.category", "\""+string(cat)+"\" is not a purpose DARS can share data for: choose health care, adult social care or promotion of health.")
				}
				return nil
			},
		},
		{
			ID: "purpose-statements", Requirements: []string{"R-U2"}, Severity: Blocker, Section: SectionPurpose,
			Title: "Objective, processing, outputs, outcomes and benefits are all described",
			Eval: func(c *Context) []Hit {
				p := &c.App.Purpose
				var hs []Hit
				for _, f := range []struct{ v, path, what string }{
					{p.Objective, "purpose.objective", "the objective: what question the data answers"},
					{p.ProcessingActivities, "purpose.processing_activities", "the processing activities: who does what with the data, step by step"},
					{p.ExpectedOutputs, "purpose.expected_outputs", "the expected outputs: papers, reports, dashboards, with small numbers suppressed"},
					{p.ExpectedOutcomes, "purpose.expected_outcomes", "the expected outcomes: what changes because of the outputs"},
					{p.ExpectedBenefits, "purpose.expected_benefits", "the measurable benefits to health or social care in England, and how you will measure them"},
				} {
					if blank(f.v) {
						hs = append(hs, Hit{Field: f.path, Message: "Describe " + f.what + "."})
					}
				}
				return hs
			},
		},
		{
			ID: "purpose-commercial", Requirements: []string{"R-U3"}, Severity: Blocker, Section: SectionPurpose,
			Title: "Commercial involvement is described with its purpose and public benefit",
			Eval: func(c *Context) []Hit {
				p := &c.App.Purpose
				if !p.Commercial {
					return nil
				}
				var hs []Hit
				if blank(p.CommercialPurpose) {
					hs = append(hs, Hit{"purpose.commercial_purpose", "Describe the commercial involvement: who the company is, what it does and what it gains. Data is never shared solely for commercial purposes."})
				}
				if blank(p.CommercialBenefit) {
					hs = append(hs, Hit{"purpose.commercial_public_benefit", "Explain the public benefit to health or social care that outweighs the commercial interest."})
				}
				return hs
			},
		},
		{
			ID: "purpose-rec", Requirements: []string{"R-U4"}, Severity: Blocker, Section: SectionPurpose,
			Title: "Research that needs REC approval gives its reference",
			Eval: func(c *Context) []Hit {
				p := &c.App.Purpose
				if p.IsResearch && p.RECNeeded && blank(p.RECReference) {
					return hit("purpose.rec_reference", "Give the Research Ethics Committee reference (for example 26/NW/0123) and add the favourable opinion to the evidence.")
				}
				return nil
			},
		},
		{
			ID: "purpose-rec-form", Requirements: []string{"R-U4"}, Severity: Advice, Section: SectionPurpose,
			Title: "The REC reference has a recognised shape",
			Eval: func(c *Context) []Hit {
				p := &c.App.Purpose
				if p.IsResearch && p.RECNeeded && ValidateRECReference(p.RECReference) != nil {
					return hit("purpose.rec_reference", "REC references usually look like 26/NW/0123 (year, committee, number), or 05/MRE04/87 for older approvals. Check it against the favourable opinion letter.")
				}
				return nil
			},
		},
		{
			ID: "purpose-funding", Requirements: []string{"R-U4"}, Severity: Warning, Section: SectionPurpose,
			Title: "Research funding is confirmed",
			Eval: func(c *Context) []Hit {
				p := &c.App.Purpose
				if !p.IsResearch {
					return nil
				}
				switch {
				case p.FundingStatus == "":
					return hit("purpose.funding_status", "Say whether the research is funded: awarded, applied for, or no external funding needed.")
				case p.FundingStatus != "not-needed" && blank(p.FundingSource):
					return hit("purpose.funding_source", "Name the funder and the grant, so DARS can see the work is resourced.")
				case p.FundingStatus == "applied":
					return hit("purpose.funding_status", "Funding is only applied for: DARS will ask for confirmation before approval. Update this when the award is made.")
				}
				return nil
			},
		},
		{
			ID: "purpose-published-data", Requirements: []string{"R-D7"}, Severity: Advice, Section: SectionPurpose,
			Title: "Published statistics were checked first",
			Eval: func(c *Context) []Hit {
				if !c.App.Purpose.PublishedDataChecked {
					return hit("purpose.published_data_checked", "Check whether published statistics or open data already answer the question, and say why they do not; it is the quickest route to data.")
				}
				return nil
			},
		},
	}
}
