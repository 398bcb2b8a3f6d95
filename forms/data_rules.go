package forms

func productPath(i int, rest string) string { return indexed("data.products", i, rest) }

func productLabel(p *ProductRequest, i int) string {
	if blank(p.Name) {
		return "Product " + itoa(i+1)
	}
	return p.Name
}

func dataChecks() []Check {
	return []Check{
		{
			ID: "data-products", Requirements: []string{"R-D1"}, Severity: Blocker, Section: SectionData,
			Title: "At least one data product is requested",
			Eval: func(c *Context) []Hit {
				if len(c.App.Data.Products) == 0 {
					return hit("data.products", "Add the data products you need, picking them from the catalogue where you can.")
				}
				return nil
			},
		},
		{
			ID: "data-product-details", Requirements: []string{"R-D1"}, Severity: Blocker, Section: SectionData,
			Title: "Each product has a name, years, fields and a level of identifiability",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					l := productLabel(p, i)
					if blank(p.Name) {
						hs = append(hs, Hit{productPath(i, ".name"), "Name product " + itoa(i+1) + ", as the catalogue spells it."})
					}
					if blank(p.HistoricFrom) && !p.LatestAvailable && !p.FutureDrops {
						hs = append(hs, Hit{productPath(i, ".historic_from"), "Say which years of " + l + " you need: historic years, the latest available, and whether future drops follow."})
					}
					if len(p.Fields) == 0 && !c.App.Data.AggregatedHESOnly {
						hs = append(hs, Hit{productPath(i, ".fields"), "List the fields of " + l + " you need; DARS releases only the fields asked for and justified."})
					}
					if p.Identifiability == "" {
						hs = append(hs, Hit{productPath(i, ".identifiability"), "Choose the level of identifiability of " + l + ": identifiable, pseudonymised, anonymised or aggregate."})
					}
				}
				return hs
			},
		},
		{
			ID: "data-product-years", Requirements: []string{"R-D1", "R-D2"}, Severity: Warning, Section: SectionData,
			Title: "Historic years run forwards and are justified",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					l := productLabel(p, i)
					from, okf := parseYear(p.HistoricFrom)
					to, okt := parseYear(p.HistoricTo)
					switch {
					case !blank(p.HistoricFrom) && !okf:
						hs = append(hs, Hit{productPath(i, ".historic_from"), "Write the first year of " + l + " as a year, such as 2015 or 2015/16."})
					case !blank(p.HistoricTo) && !okt:
						hs = append(hs, Hit{productPath(i, ".historic_to"), "Write the last year of " + l + " as a year, such as 2024 or 2024/25."})
					case okf && okt && to < from:
						hs = append(hs, Hit{productPath(i, ".historic_to"), "The last year of " + l + " is before the first; swap them."})
					}
					if !blank(p.HistoricFrom) && blank(p.YearsReason) {
						hs = append(hs, Hit{productPath(i, ".years_reason"), "Say why you need each year of " + l + " (data minimisation applies to years as well as fields)."})
					}
					if p.FutureDrops && p.Frequency == "" {
						hs = append(hs, Hit{productPath(i, ".frequency"), "Say how often future drops of " + l + " should come."})
					}
				}
				return hs
			},
		},
		{
			ID: "data-identifier-reason", Requirements: []string{"R-D3", "R-C5"}, Severity: Blocker, Section: SectionData,
			Title: "Every direct identifier requested has a reason",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					for j, f := range p.Fields {
						if blank(f.Reason) && IsDirectIdentifier(f.Name) {
							hs = append(hs, Hit{productPath(i, indexed(".fields", j, ".reason")), "\"" + f.Name + "\" in " + productLabel(p, i) + " identifies people directly: say why you need it, or drop it and ask for a pseudonymised extract."})
						}
					}
				}
				return hs
			},
		},
		{
			ID: "data-field-reason", Requirements: []string{"R-D2", "R-D3"}, Severity: Warning, Section: SectionData,
			Title: "Every requested field has a minimisation reason",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					for j, f := range p.Fields {
						if blank(f.Reason) && !IsDirectIdentifier(f.Name) {
							name := f.Name
							if blank(name) {
								name = "field " + itoa(j+1)
							}
							hs = append(hs, Hit{productPath(i, indexed(".fields", j, ".reason")), "Say why you need \"" + name + "\" from " + productLabel(p, i) + "."})
						}
					}
				}
				return hs
			},
		},
		{
			ID: "data-product-flow", Requirements: []string{"R-D2", "R-O6"}, Severity: Warning, Section: SectionData,
			Title: "Each personal-data product says who accesses it, its legal basis and its transparency notice",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					if !p.Identifiability.Personal() {
						continue
					}
					l := productLabel(p, i)
					if len(p.AccessedBy) == 0 {
						hs = append(hs, Hit{productPath(i, ".accessed_by"), "Choose the people who will access " + l + "."})
					}
					if blank(p.LegalBasis) {
						hs = append(hs, Hit{productPath(i, ".legal_basis"), "State the legal basis for the flow of " + l + " (for example consent, or s251 support)."})
					}
					if blank(p.TransparencyNotice) {
						hs = append(hs, Hit{productPath(i, ".transparency_notice"), "Give the privacy or transparency notice that tells people about the use of " + l + " (a web link is best)."})
					}
				}
				return hs
			},
		},
		{
			ID: "data-accessed-by", Requirements: []string{"R-D2", "R-O6"}, Severity: Blocker, Section: SectionData,
			Title: "People named against a product are listed and marked as accessing data",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				people := c.people()
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					for _, id := range p.AccessedBy {
						pe, ok := people[id]
						switch {
						case !ok:
							hs = append(hs, Hit{productPath(i, ".accessed_by"), productLabel(p, i) + " names someone who is no longer in the list of people; choose again from the people listed."})
						case !pe.AccessesData:
							hs = append(hs, Hit{productPath(i, ".accessed_by"), pe.Name + " is named against " + productLabel(p, i) + " but is not marked as accessing data; mark them, or remove them from the product."})
						}
					}
				}
				return hs
			},
		},
		{
			ID: "data-aggregated-hes", Requirements: []string{"R-D4"}, Severity: Warning, Section: SectionData,
			Title: "The aggregated-HES route is used only for aggregate HES",
			Eval: func(c *Context) []Hit {
				if !c.App.Data.AggregatedHESOnly {
					return nil
				}
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					if !IsHESProduct(p.Name) || p.Identifiability.Personal() {
						hs = append(hs, Hit{productPath(i, ".name"), "The aggregated-HES route covers only unpublished aggregate HES figures; " + productLabel(p, i) + " does not fit it. Remove it, or leave the aggregated-HES route."})
					}
				}
				return hs
			},
		},
		{
			ID: "data-mris-suggestion", Requirements: []string{"R-D5"}, Severity: Advice, Section: SectionData,
			Title: "Cohort research considers the MRIS demographics and tracing product",
			Eval: func(c *Context) []Hit {
				a := c.App
				if !a.Cohort.Needed || !a.Purpose.IsResearch {
					return nil
				}
				for i := range a.Data.Products {
					if IsTracingProduct(a.Data.Products[i].Name) {
						return nil
					}
				}
				return hit("data.products", "Medical research on a cohort usually adds an MRIS (PDS-based) demographics and tracing product, such as \"MRIS - Cohort Event Notification Report\", to keep the cohort's status current. Add one, or ignore this if you do not need it.")
			},
		},
		{
			ID: "data-gp-pag", Requirements: []string{"R-D6", "R-P5"}, Severity: Advice, Section: SectionData,
			Title: "GP data is flagged for Professional Advisory Group review",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					switch {
					case p.GPData:
						hs = append(hs, Hit{productPath(i, ".gp_data"), productLabel(p, i) + " holds GP data, so the request may go to the Professional Advisory Group (PAG): allow extra time for review."})
					case MentionsGPData(p.Name):
						hs = append(hs, Hit{productPath(i, ".gp_data"), productLabel(p, i) + " looks like GP data: tick \"GP data\" so the PAG review is planned for."})
					}
				}
				return hs
			},
		},
	}
}
