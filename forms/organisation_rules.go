package forms

func orgPath(i int, rest string) string { return indexed("organisations", i, rest) }

func orgLabel(o *Organisation, i int) string {
	if blank(o.Name) {
		return "Organisation " + itoa(i+1)
	}
	return o.Name
}

// Assurance is what an organisation's security evidence amounts to on a
// given day (R-O3).
type Assurance struct {
	OK bool
	// Why says what is missing or out of date, and what to do, when OK is false.
	Why string
}

// dsptLifetimeMonths is how long a DSPT publication counts when no valid-until
// date was recorded: one annual cycle and the three months' grace to the
// next submission deadline.
const dsptLifetimeMonths = 15

// SecurityAssurance judges an organisation's security evidence on day today:
// a DSPT at Standards Met or Exceeded that is in date, or an ISO 27001 or
// Cyber Essentials Plus certificate that has not expired (R-O3).
func SecurityAssurance(s Security, today Date) Assurance {
	dsptUntil := s.DSPTValidUntil
	if dsptUntil.IsZero() && !s.DSPTPublished.IsZero() {
		dsptUntil = s.DSPTPublished.AddMonths(dsptLifetimeMonths)
	}
	switch {
	case s.DSPTStatus.Assured() && !dsptUntil.IsZero() && !dsptUntil.Before(today):
		return Assurance{OK: true}
	case s.ISO27001 && (s.ISO27001Expiry.IsZero() || !s.ISO27001Expiry.Before(today)):
		return Assurance{OK: true}
	case s.CyberEssentialsPlus && (s.CEPlusExpiry.IsZero() || !s.CEPlusExpiry.Before(today)):
		return Assurance{OK: true}
	}
	switch {
	case s.DSPTStatus.Assured() && dsptUntil.IsZero():
		return Assurance{Why: "the DSPT status has no publication or valid-until date: record them from the DSPT website"}
	case s.DSPTStatus.Assured():
		return Assurance{Why: "the DSPT assessment ran out on " + dsptUntil.Human() + ": publish this year's assessment and record it"}
	case s.DSPTStatus != "":
		return Assurance{Why: "the DSPT status \"" + LabelOf(DSPTChoices, string(s.DSPTStatus)) + "\" is below Standards Met: reach Standards Met, or show a current ISO 27001 or Cyber Essentials Plus certificate"}
	case s.ISO27001 || s.CyberEssentialsPlus:
		return Assurance{Why: "the ISO 27001 or Cyber Essentials Plus certificate has expired: renew it, or publish a DSPT assessment at Standards Met"}
	}
	return Assurance{Why: "no security assurance is recorded: give the DSPT status (Standards Met or Exceeded) with its date, or a current ISO 27001 or Cyber Essentials Plus certificate"}
}

func organisationChecks() []Check {
	return []Check{
		{
			ID: "org-listed", Requirements: []string{"R-O1"}, Severity: Blocker, Section: SectionOrganisations,
			Title: "Every organisation is named and has a role, and one is a data controller",
			Eval: func(c *Context) []Hit {
				orgs := c.App.Organisations
				if len(orgs) == 0 {
					return hit("organisations", "List every organisation involved, even those that never see the data, with its role.")
				}
				var hs []Hit
				controllers := 0
				for i := range orgs {
					o := &orgs[i]
					if blank(o.Name) {
						hs = append(hs, Hit{orgPath(i, ".name"), "Give the legal name of organisation " + itoa(i+1) + "."})
					}
					if LabelOf(RoleChoices, string(o.Role)) == string(o.Role) {
						hs = append(hs, Hit{orgPath(i, ".role"), "Choose the role of " + orgLabel(o, i) + ": sole or joint controller, processor, or involved without data access."})
					}
					if o.Role.Controller() {
						controllers++
					}
				}
				if controllers == 0 {
					hs = append(hs, Hit{"organisations", "Mark the organisation that decides why and how the data is used as the data controller."})
				}
				return hs
			},
		},
		{
			ID: "org-controller-roles", Requirements: []string{"R-O1"}, Severity: Warning, Section: SectionOrganisations,
			Title: "Controller roles are consistent and one organisation holds overall responsibility",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				sole, joint, overall := 0, 0, 0
				for i := range c.App.Organisations {
					switch c.App.Organisations[i].Role {
					case RoleSoleController:
						sole++
					case RoleJointController:
						joint++
					}
					if c.App.Organisations[i].OverallResponsibility {
						overall++
					}
				}
				switch {
				case sole > 1 || (sole == 1 && joint > 0):
					hs = append(hs, Hit{"organisations", "A sole controller decides alone: with more than one controller, mark them all as joint controllers."})
				case joint == 1:
					hs = append(hs, Hit{"organisations", "Only one joint controller is listed: add the other joint controller, or mark this one as the sole controller."})
				}
				if len(c.App.Organisations) > 0 && overall != 1 {
					hs = append(hs, Hit{"organisations", "Mark exactly one organisation as holding overall responsibility for the data."})
				}
				return hs
			},
		},
		{
			ID: "org-dsfc", Requirements: []string{"R-O2"}, Severity: Blocker, Section: SectionOrganisations,
			Title: "Every data controller is a legal entity with a signed DSFC",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Organisations {
					o := &c.App.Organisations[i]
					if !o.Role.Controller() {
						continue
					}
					if !o.LegalEntity {
						hs = append(hs, Hit{orgPath(i, ".legal_entity"), orgLabel(o, i) + " is a data controller, so it must be a legal entity; name the legal body (for example the university, not the department)."})
					}
					if !o.DSFCSigned {
						hs = append(hs, Hit{orgPath(i, ".dsfc_signed"), orgLabel(o, i) + " needs a signed Data Sharing Framework Contract before any DSA; ask NHS England for one."})
					}
				}
				return hs
			},
		},
		{
			ID: "org-security", Requirements: []string{"R-O3", "R-D4"}, Severity: Blocker, Section: SectionOrganisations,
			Title: "Every controller and processor shows current security assurance",
			Eval: func(c *Context) []Hit {
				// On the aggregated-HES route the analysis runs on NHS England's
				// servers, so no DSPT is asked for (R-D4).
				if c.App.Data.AggregatedHESOnly {
					return nil
				}
				var hs []Hit
				for i := range c.App.Organisations {
					o := &c.App.Organisations[i]
					if !o.Role.Controller() && o.Role != RoleProcessor {
						continue
					}
					if as := SecurityAssurance(o.Security, c.Today); !as.OK {
						hs = append(hs, Hit{orgPath(i, ".security"), orgLabel(o, i) + ": " + as.Why + "."})
					}
				}
				return hs
			},
		},
		{
			ID: "org-dspt-expiring", Requirements: []string{"R-O3"}, Severity: Warning, Section: SectionOrganisations,
			Title: "Security assurance does not lapse within 60 days",
			Eval: func(c *Context) []Hit {
				if c.App.Data.AggregatedHESOnly {
					return nil
				}
				soon := c.Today.AddDays(60)
				var hs []Hit
				for i := range c.App.Organisations {
					o := &c.App.Organisations[i]
					s := o.Security
					if (!o.Role.Controller() && o.Role != RoleProcessor) || !s.DSPTStatus.Assured() || s.DSPTValidUntil.IsZero() {
						continue
					}
					if !s.DSPTValidUntil.Before(c.Today) && s.DSPTValidUntil.Before(soon) {
						hs = append(hs, Hit{orgPath(i, ".security.dspt_valid_until"), orgLabel(o, i) + "'s DSPT assessment runs out on " + s.DSPTValidUntil.Human() + ": publish the new one in good time, or the application may stall."})
					}
				}
				return hs
			},
		},
		{
			ID: "org-dsa-signatory", Requirements: []string{"R-O7"}, Severity: Warning, Section: SectionOrganisations,
			Title: "Each data controller names who signs the DSA",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Organisations {
					o := &c.App.Organisations[i]
					if o.Role.Controller() && blank(o.DSASignatory) {
						hs = append(hs, Hit{orgPath(i, ".dsa_signatory"), "Name who signs the Data Sharing Agreement for " + orgLabel(o, i) + " (someone with delegated authority, often a research office director)."})
					}
				}
				return hs
			},
		},
		{
			ID: "people-organisation", Requirements: []string{"R-O6", "R-O1"}, Severity: Blocker, Section: SectionOrganisations,
			Title: "Everyone who accesses data belongs to a listed organisation that may access it",
			Eval: func(c *Context) []Hit {
				orgs := c.orgs()
				var hs []Hit
				for i := range c.App.People {
					p := &c.App.People[i]
					if !p.AccessesData {
						continue
					}
					o, ok := orgs[p.OrganisationID]
					switch {
					case !ok:
						hs = append(hs, Hit{indexed("people", i, ".organisation_id"), personLabel(p, i) + " accesses the data but belongs to no listed organisation: choose their organisation, adding it first if needed."})
					case o.Role == RoleNoAccess:
						hs = append(hs, Hit{indexed("people", i, ".organisation_id"), personLabel(p, i) + " accesses the data, but " + o.Name + " is marked as having no data access: change the organisation's role, or untick data access."})
					}
				}
				return hs
			},
		},
		{
			ID: "people-details", Requirements: []string{"R-O6"}, Severity: Warning, Section: SectionOrganisations,
			Title: "People who access data have a name and role, and someone does when personal data is asked for",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				someone := false
				for i := range c.App.People {
					p := &c.App.People[i]
					if !p.AccessesData {
						continue
					}
					someone = true
					if blank(p.Name) {
						hs = append(hs, Hit{indexed("people", i, ".name"), "Give the name of person " + itoa(i+1) + "."})
					}
					if blank(p.Role) {
						hs = append(hs, Hit{indexed("people", i, ".role"), "Give the role of " + personLabel(p, i) + " (for example analyst or chief investigator)."})
					}
				}
				if !someone && c.App.PersonalData() {
					hs = append(hs, Hit{"people", "Name the people who will access the data, with their role and organisation."})
				}
				return hs
			},
		},
	}
}

func personLabel(p *Person, i int) string {
	if blank(p.Name) {
		return "Person " + itoa(i+1)
	}
	return p.Name
}
