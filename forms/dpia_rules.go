package forms

import (
	"fmt"
	"strings"
)

// dpiaActive reports whether the DPIA checks apply: a DPIA is required, or
// the user has started one anyway.
func (c *Context) dpiaActive() bool { return c.screening().Required || !c.App.DPIA.Empty() }

func dpiaRiskName(i int, r *DPIARisk) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return fmt.Sprintf("Risk %d (%s)", i+1, t)
	}
	return fmt.Sprintf("Risk %d", i+1)
}

func dpiaChecks() []Check {
	return []Check{
		{
			ID: "dpia-started", Requirements: []string{"R-T6"}, Severity: Blocker, Section: SectionDPIA,
			Title: "A required DPIA has been started",
			Eval: func(c *Context) []Hit {
				s := c.screening()
				if s.Required && c.App.DPIA.Empty() {
					return hit("dpia.need", s.Reason+" Work through the seven steps of the DPIA, starting with why it is needed.")
				}
				return nil
			},
		},
		{
			ID: "dpia-need", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDPIA,
			Title: "Step 1 says why the DPIA is needed",
			Eval: func(c *Context) []Hit {
				d := &c.App.DPIA
				if !d.Empty() && strings.TrimSpace(d.Need) == "" {
					return hit("dpia.need", "Say in step 1 what the project aims to do and why a DPIA is needed.")
				}
				return nil
			},
		},
		{
			ID: "dpia-risks", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDPIA,
			Title: "The risk register has risks",
			Eval: func(c *Context) []Hit {
				if c.dpiaActive() && !c.App.DPIA.Empty() && len(c.App.DPIA.Risks) == 0 {
					return hit("dpia.risks", fmt.Sprintf("Add the risks to individuals in step 5; the library suggests %d that fit this application.", len(SuggestedRisks(c.App))))
				}
				return nil
			},
		},
		{
			ID: "dpia-risk-assessed", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDPIA,
			Title: "Each risk has a likelihood and a severity",
			Eval: func(c *Context) []Hit {
				var out []Hit
				for i := range c.App.DPIA.Risks {
					r := &c.App.DPIA.Risks[i]
					if r.Overall() == "" {
						out = append(out, Hit{fmt.Sprintf("dpia.risks[%d].likelihood", i), dpiaRiskName(i, r) + " has no overall risk yet: choose how likely the harm is and how severe it would be."})
					}
				}
				return out
			},
		},
		{
			ID: "dpia-risk-measure", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDPIA,
			Title: "Each risk has a measure",
			Eval: func(c *Context) []Hit {
				var out []Hit
				for i := range c.App.DPIA.Risks {
					r := &c.App.DPIA.Risks[i]
					if !dpiaHasMeasure(r) {
						out = append(out, Hit{fmt.Sprintf("dpia.risks[%d].measures", i), dpiaRiskName(i, r) + " has no measure: add what you will do to reduce or eliminate it, or why you accept it."})
					}
				}
				return out
			},
		},
		{
			ID: "dpia-residual-assessed", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDPIA,
			Title: "Each risk with measures has a residual risk",
			Eval: func(c *Context) []Hit {
				var out []Hit
				for i := range c.App.DPIA.Risks {
					r := &c.App.DPIA.Risks[i]
					if dpiaHasMeasure(r) && (r.Effect == "" || r.Residual() == "") {
						out = append(out, Hit{fmt.Sprintf("dpia.risks[%d].effect", i), dpiaRiskName(i, r) + ": say what the measures do to it (eliminated, reduced or accepted) and how likely and severe the harm is afterwards."})
					}
				}
				return out
			},
		},
		{
			ID: "dpia-prior-consultation", Requirements: []string{"R-T6"}, Severity: Blocker, Section: SectionDPIA,
			Title: "No high risk remains after measures, or the ICO is consulted first",
			Eval: func(c *Context) []Hit {
				var out []Hit
				for i := range c.App.DPIA.Risks {
					r := &c.App.DPIA.Risks[i]
					if r.Residual() == RiskHigh {
						out = append(out, Hit{fmt.Sprintf("dpia.risks[%d].residual_likelihood", i), dpiaRiskName(i, r) + " is still high after measures: you must consult the ICO before processing starts (prior consultation, UK GDPR Article 36), or add measures that bring it down."})
					}
				}
				return out
			},
		},
		{
			ID: "dpia-action-plan", Requirements: []string{"R-T6"}, Severity: Advice, Section: SectionDPIA,
			Title: "Each measure has an owner, a due date and approval",
			Eval: func(c *Context) []Hit {
				var out []Hit
				for i := range c.App.DPIA.Risks {
					r := &c.App.DPIA.Risks[i]
					for j, m := range r.Measures {
						if strings.TrimSpace(m.Text) == "" {
							continue
						}
						var missing []string
						if strings.TrimSpace(m.Owner) == "" {
							missing = append(missing, "an owner")
						}
						if m.Due.IsZero() {
							missing = append(missing, "a due date")
						}
						if !m.Approved {
							missing = append(missing, "approval")
						}
						if len(missing) > 0 {
							out = append(out, Hit{fmt.Sprintf("dpia.risks[%d].measures[%d].owner", i, j), fmt.Sprintf("%s, measure %d: give it %s for the action plan.", dpiaRiskName(i, r), j+1, dpiaJoinAnd(missing))})
						}
					}
				}
				return out
			},
		},
		{
			ID: "dpia-signed", Requirements: []string{"R-T6"}, Severity: Blocker, Section: SectionDPIA,
			Title: "The DPIA is signed off",
			Eval: func(c *Context) []Hit {
				if !c.dpiaActive() {
					return nil
				}
				s := c.App.DPIA.SignOff
				var missing []string
				if !s.MeasuresApproved.Signed() {
					missing = append(missing, "who approved the measures")
				}
				if !s.ResidualApproved.Signed() {
					missing = append(missing, "who approved the residual risks")
				}
				if !s.DPOAdvice.Signed() {
					missing = append(missing, "the DPO's advice")
				}
				if len(missing) > 0 {
					return hit("dpia.sign_off.measures_approved_by", "The DPIA is not signed off: record "+dpiaJoinAnd(missing)+", each with a name and date.")
				}
				return nil
			},
		},
		{
			ID: "dpia-dpo-outcome", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDPIA,
			Title: "The DPO's advice was accepted, or overruled with reasons",
			Eval: func(c *Context) []Hit {
				s := c.App.DPIA.SignOff
				switch {
				case s.DPOAdvice.Signed() && s.DPOOutcome == "":
					return hit("dpia.sign_off.dpo_advice_outcome", "Record whether the DPO's advice was accepted or overruled, and by whom.")
				case s.DPOOutcome == DPOOverruled && strings.TrimSpace(s.OverruleReasons) == "":
					return hit("dpia.sign_off.overrule_reasons", "The DPO's advice was overruled: give the reasons.")
				}
				return nil
			},
		},
		{
			ID: "dpia-lawful-basis", Requirements: []string{"R-T6", "R-L1", "R-L2"}, Severity: Warning, Section: SectionDPIA,
			Title: "The DPIA states the same lawful basis as the application",
			Eval: func(c *Context) []Hit {
				d, l := c.App.DPIA.LawfulBasis, c.App.Legal
				var out []Hit
				if d.Article6 != "" && l.Article6 != "" && d.Article6 != l.Article6 {
					out = append(out, Hit{"dpia.lawful_basis_stated.article6", fmt.Sprintf("The DPIA gives Article %s but the application gives Article %s: make them agree.", LabelOf(Article6Choices, string(d.Article6)), LabelOf(Article6Choices, string(l.Article6)))})
				}
				if d.Article9 != "" && l.Article9 != "" && d.Article9 != l.Article9 {
					out = append(out, Hit{"dpia.lawful_basis_stated.article9", fmt.Sprintf("The DPIA gives Article %s but the application gives Article %s: make them agree.", LabelOf(Article9Choices, string(d.Article9)), LabelOf(Article9Choices, string(l.Article9)))})
				}
				return out
			},
		},
		{
			ID: "dpia-covers-processing", Requirements: []string{"R-T6", "R-O1", "R-T3"}, Severity: Warning, Section: SectionDPIA,
			Title: "The DPIA covers every processor and country the application names",
			Eval: func(c *Context) []Hit {
				a := c.App
				if a.DPIA.Empty() {
					return nil
				}
				return dpiaCoverageGaps(a)
			},
		},
		{
			ID: "dpia-flow-refs", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDPIA,
			Title: "Risks point only at parts of the data flow map that exist",
			Eval: func(c *Context) []Hit {
				a := c.App
				nodes, flows := map[string]bool{}, map[string]bool{}
				for _, n := range a.DataFlow.Nodes {
					nodes[n.ID] = true
				}
				for _, f := range a.DataFlow.Flows {
					flows[f.ID] = true
				}
				var out []Hit
				for i := range a.DPIA.Risks {
					r := &a.DPIA.Risks[i]
					gone := 0
					for _, id := range r.NodeRefs {
						if !nodes[id] {
							gone++
						}
					}
					for _, id := range r.FlowRefs {
						if !flows[id] {
							gone++
						}
					}
					if gone > 0 {
						out = append(out, Hit{fmt.Sprintf("dpia.risks[%d].flow_refs", i), fmt.Sprintf("%s points at %s of the data flow map that no longer exist: pick them again.", dpiaRiskName(i, r), dpiaPlural(gone, "part"))})
					}
				}
				return out
			},
		},
		{
			ID: "dpia-consultation", Requirements: []string{"R-T6"}, Severity: Advice, Section: SectionDPIA,
			Title: "Step 3 records who was consulted, or why no one was",
			Eval: func(c *Context) []Hit {
				d := &c.App.DPIA
				if c.dpiaActive() && !d.Empty() && len(d.Consultation) == 0 && strings.TrimSpace(d.ConsultationNote) == "" {
					return hit("dpia.consultation", "Record who you consulted (patients and public, the DPO, processors, security staff), how and when, or say why you did not.")
				}
				return nil
			},
		},
		{
			ID: "dpia-review", Requirements: []string{"R-T6"}, Severity: Advice, Section: SectionDPIA,
			Title: "Someone keeps the DPIA under review",
			Eval: func(c *Context) []Hit {
				if c.dpiaActive() && !c.App.DPIA.Empty() && strings.TrimSpace(c.App.DPIA.SignOff.KeptUnderReview.Name) == "" {
					return hit("dpia.sign_off.kept_under_review_by", "Name who will keep the DPIA under review, and when it is next due.")
				}
				return nil
			},
		},
	}
}

func dpiaHasMeasure(r *DPIARisk) bool {
	for _, m := range r.Measures {
		if strings.TrimSpace(m.Text) != "" {
			return true
		}
	}
	return false
}

// dpiaCoverageGaps finds processors and countries outside the UK that the
// application names but the DPIA's own words and risks never mention. The
// derived description does not count: the point is that someone thought
// about them.
func dpiaCoverageGaps(a *Application) []Hit {
	refOrgs, refCountries := dpiaReferencedParties(a)
	// The DPIA's text is read only for a party the risks do not point at:
	// lower-casing all of it on every keystroke would cost more than the
	// rest of this check.
	var text string
	read := false
	mentions := func(s string) bool {
		if !read {
			text, read = strings.ToLower(dpiaOwnText(&a.DPIA)), true
		}
		return strings.Contains(text, s)
	}
	var out []Hit
	for i, o := range a.Organisations {
		name := strings.TrimSpace(o.Name)
		if o.Role != RoleProcessor || name == "" || refOrgs[o.ID] || mentions(strings.ToLower(name)) {
			continue
		}
		out = append(out, Hit{"dpia.risks", fmt.Sprintf("The DPIA does not mention the processor %s (organisations[%d]): describe its part in step 2 or add a risk for it.", name, i)})
	}
	seen := map[string]bool{}
	for _, l := range a.Locations {
		country := strings.TrimSpace(l.Country)
		key := strings.ToLower(country)
		if dpiaInUK(country) || seen[key] || refCountries[key] || mentions(key) {
			continue
		}
		seen[key] = true
		out = append(out, Hit{"dpia.risks", fmt.Sprintf("The application processes data in %s but the DPIA does not mention it: add a risk for the transfer or describe its safeguards in step 4.", country)})
	}
	return out
}

// dpiaOwnText is everything the user wrote in the DPIA.
func dpiaOwnText(d *DPIA) string {
	parts := []string{d.Need, d.Description.Nature, d.Description.Scope, d.Description.Context, d.Description.Purposes,
		d.ConsultationNote, d.Necessity.Justification, d.Necessity.DataQuality, d.Necessity.Rights, d.Necessity.Processors, d.Necessity.Transfers}
	for _, r := range d.Risks {
		parts = append(parts, r.Title, r.Source, r.Harm)
		for _, m := range r.Measures {
			parts = append(parts, m.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// dpiaReferencedParties gives the organisations (by ID) and countries (lower
// case) that the risks point at through the data flow map.
func dpiaReferencedParties(a *Application) (orgs, countries map[string]bool) {
	orgs, countries = map[string]bool{}, map[string]bool{}
	// Indexes, not copies: a node is a large struct, and this runs on every
	// evaluation.
	nodes := make(map[string]int, len(a.DataFlow.Nodes))
	for i, n := range a.DataFlow.Nodes {
		nodes[n.ID] = i
	}
	locCountry := make(map[string]string, len(a.Locations))
	for _, l := range a.Locations {
		locCountry[l.ID] = l.Country
	}
	mark := func(id string) {
		i, ok := nodes[id]
		if !ok {
			return
		}
		n := &a.DataFlow.Nodes[i]
		if n.OrganisationID != "" {
			orgs[n.OrganisationID] = true
		}
		for _, c := range []string{n.Country, locCountry[n.LocationID]} {
			if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
				countries[c] = true
			}
		}
	}
	flows := make(map[string]int, len(a.DataFlow.Flows))
	for i, f := range a.DataFlow.Flows {
		flows[f.ID] = i
	}
	for _, r := range a.DPIA.Risks {
		for _, id := range r.NodeRefs {
			mark(id)
		}
		for _, id := range r.FlowRefs {
			if i, ok := flows[id]; ok {
				mark(a.DataFlow.Flows[i].From)
				mark(a.DataFlow.Flows[i].To)
			}
		}
	}
	return orgs, countries
}
