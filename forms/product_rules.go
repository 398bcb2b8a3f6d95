package forms

import "strings"

// Rules that hold each requested product against what approved agreements
// show for it (the product catalogue). None blocks: the catalogue is a
// sample of the register, and a product or level it has not seen may still
// be approved.
func productChecks() []Check {
	return []Check{
		{
			ID: "data-product-catalogue", Requirements: []string{"R-D1"}, Severity: Advice, Section: SectionData,
			Title: "Each product is named as approved agreements name it",
			Eval: func(c *Context) []Hit {
				ps := ProductCatalogue()
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					if blank(p.Name) {
						continue
					}
					if _, ok := LookupProduct(p.Name); ok {
						continue
					}
					msg := "\"" + strings.TrimSpace(p.Name) + "\" is not a product name seen on approved agreements."
					if near := NearestProducts(ps, p.Name, 3); len(near) > 0 {
						msg += " The nearest are: " + strings.Join(near, "; ") + ". Use the catalogue's name if it is one of these, so NHS England knows which data set you mean."
					} else {
						msg += " Check the name against NHS England's list of data products."
					}
					hs = append(hs, Hit{productPath(i, ".name"), msg})
				}
				return hs
			},
		},
		{
			ID: "data-product-level-seen", Requirements: []string{"R-D1", "R-D3"}, Severity: Warning, Section: SectionData,
			Title: "A product declared anonymised has been released anonymised before",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					if p.Identifiability == "" || p.Identifiability.Personal() {
						continue
					}
					cp, ok := LookupProduct(p.Name)
					levels := cp.Levels()
					if !ok || len(levels) == 0 {
						continue
					}
					anon := false
					for _, l := range levels {
						anon = anon || !l.Personal()
					}
					if anon {
						continue
					}
					seen := make([]string, len(levels))
					for j, l := range levels {
						seen[j] = strings.ToLower(LabelOf(IdentifiabilityChoices, string(l)))
					}
					hs = append(hs, Hit{productPath(i, ".identifiability"), productLabel(p, i) + " is declared " + strings.ToLower(LabelOf(IdentifiabilityChoices, string(p.Identifiability))) + ", but approved agreements only ever received it " + strings.Join(seen, " or ") + ". Check the level with NHS England: it may not be offered that way."})
				}
				return hs
			},
		},
		{
			ID: "data-product-duplicate", Requirements: []string{"R-D1"}, Severity: Warning, Section: SectionData,
			Title: "No product is listed twice",
			Eval: func(c *Context) []Hit {
				first := map[string]int{}
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					k := SpellingKey(p.Name)
					if k == "" {
						continue
					}
					j, dup := first[k]
					if !dup {
						first[k] = i
						continue
					}
					msg := productLabel(p, i) + " is listed twice (products " + itoa(j+1) + " and " + itoa(i+1) + "): merge them into one, with every field and year you need."
					if q := &c.App.Data.Products[j]; q.Identifiability != p.Identifiability {
						msg = productLabel(p, i) + " is listed twice (products " + itoa(j+1) + " and " + itoa(i+1) + ") at different levels: keep both only if two flows really need it, and say why in the reasons; otherwise merge them."
					}
					hs = append(hs, Hit{productPath(i, ".name"), msg})
				}
				return hs
			},
		},
		{
			ID: "data-product-sde-only", Requirements: []string{"R-T5"}, Severity: Warning, Section: SectionData,
			Title: "Products offered only in the SDE are not asked for by file transfer",
			Eval: func(c *Context) []Hit {
				if c.App.AccessRoute != "secure-transfer" {
					return nil
				}
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					if cp, ok := LookupProduct(p.Name); ok && cp.SDEOnly {
						hs = append(hs, Hit{productPath(i, ".name"), productLabel(p, i) + " is offered only in NHS England's Secure Data Environment, but the access route is secure file transfer. Choose the SDE as the access route, or drop the product."})
					}
				}
				return hs
			},
		},
		{
			ID: "data-product-gateway", Requirements: []string{"R-D2"}, Severity: Advice, Section: SectionData,
			Title: "Each dissemination gateway names a law",
			Eval: func(c *Context) []Hit {
				var hs []Hit
				for i := range c.App.Data.Products {
					p := &c.App.Data.Products[i]
					if err := ValidateGateway(p.DisseminationGateway); err != nil {
						hs = append(hs, Hit{productPath(i, ".dissemination_gateway"), "The dissemination gateway of " + productLabel(p, i) + " names no law this app knows: " + err.Error() + "."})
					}
				}
				return hs
			},
		},
	}
}
