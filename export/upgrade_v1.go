package export

import (
	"fmt"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// upgradeV1 turns a version-1 file into version 2. Version 2 added fields
// (each product's confidentiality route, sensitivity and dissemination
// gateway; the cohort's own sender, route and keys; further Article 6 and
// 9 grounds; each organisation's type; unmatched answers) and values
// (anonymised to the ICO code, hashed NHS number, the statutory, mixture
// and reasonable-expectation routes, every Article 6 and 9 ground); no
// field changed shape or meaning. So the step keeps every answer and
// infers the new fields from what version 1 could only say in words:
//
//   - "9(2)(h) and 9(2)(j)" in article9 becomes the condition and a further
//     one; an article written as a list is read the same way;
//   - "data controller" for several organisations becomes joint controller;
//   - a product's legal basis in the register's words gives its route and,
//     when it names a law, its dissemination gateway;
//   - the application's route, when not given, is the one every product's
//     route agrees on (s251 and non-confidential flows: the mixture);
//   - "other" explained as a statutory exemption becomes that route.
func upgradeV1(doc map[string]any, c *conversion) error {
	app, ok := doc["application"].(map[string]any)
	if !ok {
		return nil // DecodeSubmission says what is wrong with it
	}
	if lb, ok := app["legal_basis"].(map[string]any); ok {
		splitArticles(lb, c)
	}
	jointControllers(app, c)
	conformDoc(doc, c)
	inferRoutes(app, c)
	inferOrganisationTypes(app, c)
	return nil
}

// inferOrganisationTypes reads each organisation's type, which version 1
// did not ask, from its name where the name says it.
func inferOrganisationTypes(app map[string]any, c *conversion) {
	orgs, _ := app["organisations"].([]any)
	for i, o := range orgs {
		m, ok := o.(map[string]any)
		if !ok {
			continue
		}
		name, _ := m["name"].(string)
		if t, _ := m["type"].(string); t != "" {
			continue
		}
		if t, ok := forms.GuessOrganisationType(name); ok {
			m["type"] = string(t)
			c.note("application.organisations[%d].type: %s, from its name %q", i, forms.LabelOf(forms.OrganisationTypeChoices, string(t)), name)
		}
	}
}

// splitArticles reads every Article 6 basis and Article 9 condition written
// in either article field, as text or a list, into the main one and the
// further ones.
func splitArticles(lb map[string]any, c *conversion) {
	var text []string
	for _, k := range []string{"article6", "article9"} {
		switch x := lb[k].(type) {
		case string:
			text = append(text, x)
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok {
					text = append(text, s)
				}
			}
		}
	}
	all := strings.Join(text, "; ")
	a6, a9 := forms.ParseArticle6(all), forms.ParseArticle9(all)
	set := func(key, extra string, found []string, written any) {
		if len(found) == 0 {
			if _, isList := written.([]any); isList {
				lb[key] = joinText(written.([]any))
			}
			return
		}
		lb[key] = found[0]
		if len(found) > 1 {
			rest := make([]any, 0, len(found)-1)
			for _, f := range found[1:] {
				rest = append(rest, f)
			}
			lb[extra] = rest
		}
		if w := textOfJSON(written); w != found[0] {
			c.note("application.legal_basis.%s: %q read as %s", key, w, strings.Join(found, " and "))
		}
	}
	w6, w9 := lb["article6"], lb["article9"]
	var s6, s9 []string
	for _, a := range a6 {
		s6 = append(s6, string(a))
	}
	for _, a := range a9 {
		s9 = append(s9, string(a))
	}
	set("article6", "article6_additional", s6, w6)
	set("article9", "article9_additional", s9, w9)
}

// jointControllers makes a plain "data controller" joint when the file
// names more than one controller: a sole controller decides alone.
func jointControllers(app map[string]any, c *conversion) {
	orgs, _ := app["organisations"].([]any)
	var plain []map[string]any
	controllers := 0
	for _, o := range orgs {
		m, ok := o.(map[string]any)
		if !ok {
			continue
		}
		r, _ := m["role"].(string)
		v, _ := forms.MatchChoice(forms.RoleChoices, forms.RoleSpellings, r)
		switch {
		case v == string(forms.RoleSoleController) && !strings.Contains(forms.SpellingKey(r), "sole") && r != v:
			plain = append(plain, m)
			controllers++
		case forms.OrganisationRole(v).Controller():
			controllers++
		}
	}
	if controllers < 2 {
		return
	}
	for _, m := range plain {
		c.note("organisations: %v is one of %d data controllers, so %q is read as joint controller", m["name"], controllers, m["role"])
		m["role"] = string(forms.RoleJointController)
	}
}

// inferRoutes gives each product the route its legal basis names in the
// register's words, and the application the route they agree on.
func inferRoutes(app map[string]any, c *conversion) {
	data, _ := app["data"].(map[string]any)
	products, _ := data["products"].([]any)
	routes := map[forms.CLDCRoute]bool{}
	for i, p := range products {
		m, ok := p.(map[string]any)
		if !ok {
			continue
		}
		basis, _ := m["legal_basis"].(string)
		path := fmt.Sprintf("application.data.products[%d]", i)
		if own, _ := m["confidentiality"].(string); own == "" && strings.TrimSpace(basis) != "" {
			if r, ok := forms.RouteInText(basis); ok {
				m["confidentiality"] = string(r)
				c.note("%s.confidentiality: %s, from its legal basis %q", path, forms.LabelOf(forms.CLDCChoices, string(r)), basis)
			}
		}
		if g, _ := m["dissemination_gateway"].(string); g == "" && namesGateway(basis) {
			m["dissemination_gateway"] = basis
			c.note("%s.dissemination_gateway: %q, from its legal basis", path, basis)
		}
		if r, _ := m["confidentiality"].(string); r != "" {
			routes[forms.CLDCRoute(r)] = true
		}
	}
	lb, ok := app["legal_basis"].(map[string]any)
	if !ok {
		return
	}
	route, _ := lb["cldc_route"].(string)
	explanation, _ := lb["cldc_explanation"].(string)
	if route == string(forms.CLDCOther) {
		if r, ok := forms.RouteInText(explanation); ok && r == forms.CLDCStatutory {
			lb["cldc_route"] = string(r)
			c.note("application.legal_basis.cldc_route: \"other\" explained as %q read as %s", explanation, forms.LabelOf(forms.CLDCChoices, string(r)))
		}
		return
	}
	if route != "" || len(routes) == 0 {
		return
	}
	var agreed forms.CLDCRoute
	switch {
	case len(routes) == 1:
		for r := range routes {
			agreed = r
		}
	case len(routes) == 2 && routes[forms.CLDCS251] && routes[forms.CLDCNone]:
		agreed = forms.CLDCMixture
	default:
		return
	}
	lb["cldc_route"] = string(agreed)
	c.note("application.legal_basis.cldc_route: %s, the route the products agree on", forms.LabelOf(forms.CLDCChoices, string(agreed)))
}

// namesGateway reports whether a product's legal basis names the law NHS
// England releases it under (the register's gateway column), rather than
// only a confidentiality route such as "Section 251 NHS Act 2006".
func namesGateway(basis string) bool {
	k := forms.SpellingKey(basis)
	if _, isRoute := forms.MatchChoice(forms.CLDCChoices, forms.CLDCSpellings, basis); isRoute {
		return false
	}
	for _, w := range []string{"s261", "section261", "healthandsocialcareact", "nationalhealthserviceact2006s251", "regulations2002", "statisticsandregistrationserviceact"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}
