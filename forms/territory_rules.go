package forms

func locPath(i int, rest string) string { return indexed("locations", i, rest) }

func locLabel(l *Location, i int) string {
	if blank(l.Site) {
		return "Location " + itoa(i+1)
	}
	return l.Site
}

func territoryChecks() []Check {
	return []Check{
		{
			ID: "territory-declared", Requirements: []string{"R-T1"}, Severity: Blocker, Section: SectionTerritory,
			Title: "The territory of use is one of the four DARS allows",
			Eval: func(c *Context) []Hit {
				t := c.App.Territory
				if LabelOf(TerritoryChoices, string(t)) == string(t) {
					return hit("territory", "Choose the territory of use: England and Wales, United Kingdom, UK and EEA, or worldwide. Pick the narrowest that covers every location.")
				}
				return nil
			},
		},
		{
			ID: "territory-locations", Requirements: []string{"R-O4"}, Severity: Blocker, Section: SectionTerritory,
			Title: "Every processing and storage location names its organisation and country",
			Eval: func(c *Context) []Hit {
				a := c.App
				if len(a.Locations) == 0 {
					if a.Data.AggregatedHESOnly {
						return nil // analysed on NHS England's servers (R-D4)
					}
					return hit("locations", "List where the data is processed and stored, including cloud services and the offices people access it from.")
				}
				orgs := c.orgs()
				var hs []Hit
				for i := range a.Locations {
					l := &a.Locations[i]
					o, ok := orgs[l.OrganisationID]
					switch {
					case !ok:
						hs = append(hs, Hit{locPath(i, ".organisation_id"), "Choose the organisation that processes or stores data at " + locLabel(l, i) + "."})
					case o.Role == RoleNoAccess:
						hs = append(hs, Hit{locPath(i, ".organisation_id"), o.Name + " is marked as having no data access, yet holds data at " + locLabel(l, i) + ": change its role, or the location's organisation."})
					}
					if blank(l.Site) {
						hs = append(hs, Hit{locPath(i, ".site"), "Name the site or data centre of location " + itoa(i+1) + "."})
					}
					if blank(l.Country) {
						hs = append(hs, Hit{locPath(i, ".country"), "Give the country of " + locLabel(l, i) + "."})
					}
				}
				return hs
			},
		},
		{
			ID: "territory-location-inside", Requirements: []string{"R-T2"}, Severity: Blocker, Section: SectionTerritory,
			Title: "Every location lies inside the declared territory",
			Eval: func(c *Context) []Hit {
				t := c.App.Territory
				if LabelOf(TerritoryChoices, string(t)) == string(t) {
					return nil // territory-declared asks for it first
				}
				var hs []Hit
				for i := range c.App.Locations {
					l := &c.App.Locations[i]
					if blank(l.Country) {
						continue
					}
					co, ok := LookupCountry(l.Country)
					if ok && !t.Contains(co) {
						hs = append(hs, Hit{locPath(i, ".country"), locLabel(l, i) + " is in " + co.Name + ", outside the declared territory (" + t.Label() + "). Widen the territory, or move the processing."})
					}
				}
				return hs
			},
		},
		{
			ID: "territory-country-known", Requirements: []string{"R-T2"}, Severity: Warning, Section: SectionTerritory,
			Title: "Every location's country is recognised",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Locations {
					l := &c.App.Locations[i]
					if blank(l.Country) {
						continue
					}
					co, ok := LookupCountry(l.Country)
					switch {
					case !ok:
						hs = append(hs, Hit{locPath(i, ".country"), "\"" + l.Country + "\" is not a country the territory check knows: write its usual English name (for example Germany, United States)."})
					case co.UK && !co.Nation && c.App.Territory == TerritoryEnglandWales:
						hs = append(hs, Hit{locPath(i, ".country"), "The territory is England and Wales: name the nation of " + locLabel(l, i) + " (England or Wales) rather than the United Kingdom."})
					}
				}
				return hs
			},
		},
		{
			ID: "territory-outside-uk", Requirements: []string{"R-T3"}, Severity: Warning, Section: SectionTerritory,
			Title: "Processing outside the UK comes with extra assurance",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Locations {
					l := &c.App.Locations[i]
					co, ok := LookupCountry(l.Country)
					if !ok || !co.OutsideUK() || co.NeedsTRA() {
						continue // unknown countries and non-adequate ones have their own findings
					}
					switch {
					case co.Adequacy == PartialAdequacy && blank(l.TRAReference):
						hs = append(hs, Hit{locPath(i, ".tra_reference"), "The UK adequacy decision for " + co.Name + " " + co.AdequacyNote + ". Confirm the organisation at " + locLabel(l, i) + " is covered, or give a Transfer Risk Assessment reference."})
					case co.Adequacy == FullAdequacy:
						hs = append(hs, Hit{locPath(i, ".country"), locLabel(l, i) + " is outside the UK: DARS will ask for extra assurance about access from " + co.Name + ". Describe the safeguards in the security answers."})
					}
				}
				return hs
			},
		},
		{
			ID: "territory-tra", Requirements: []string{"R-T3"}, Severity: Blocker, Section: SectionTerritory,
			Title: "A country without a UK adequacy decision has a Transfer Risk Assessment",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Locations {
					l := &c.App.Locations[i]
					if blank(l.Country) || !blank(l.TRAReference) {
						continue
					}
					// An unrecognised country is asked to be renamed first
					// (territory-country-known); then this check can judge it.
					if co, ok := LookupCountry(l.Country); ok && co.NeedsTRA() {
						hs = append(hs, Hit{locPath(i, ".tra_reference"), co.Name + " has no UK adequacy decision: carry out a Transfer Risk Assessment for " + locLabel(l, i) + " and give its reference."})
					}
				}
				return hs
			},
		},
		{
			ID: "territory-sublicensing", Requirements: []string{"R-T4"}, Severity: Blocker, Section: SectionTerritory,
			Title: "Sub-licensing gives its reason, why NHS England cannot supply directly, and the value added",
			Eval: func(c *Context) []Hit {
				s := &c.App.SubLicensing
				if !s.Needed {
					return nil
				}
				var hs []Hit
				if blank(s.Reason) {
					hs = append(hs, Hit{"sub_licensing.reason", "Say why the data must be shared onward, and with whom."})
				}
				if blank(s.WhyNotDirect) {
					hs = append(hs, Hit{"sub_licensing.why_not_direct", "Explain why the third party cannot apply to NHS England for the data directly."})
				}
				if blank(s.ValueAdded) {
					hs = append(hs, Hit{"sub_licensing.value_added", "Say what value your organisation adds before the data goes onward."})
				}
				return hs
			},
		},
		{
			ID: "territory-access-route", Requirements: []string{"R-T5"}, Severity: Blocker, Section: SectionTerritory,
			Title: "The access route is secure transfer or the SDE",
			Eval: func(c *Context) []Hit {
				r := c.App.AccessRoute
				if c.App.Data.AggregatedHESOnly && r == "" {
					return nil // the light route runs on NHS England's servers (R-D4)
				}
				if LabelOf(AccessRouteChoices, string(r)) == string(r) {
					return hit("access_route", "Choose how you will get the data: secure electronic file transfer, or access in the Secure Data Environment.")
				}
				return nil
			},
		},
	}
}
