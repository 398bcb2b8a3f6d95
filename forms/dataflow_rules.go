package forms

import (
	"fmt"
	"strings"
)

// Readiness checks of the data flow map (R-T6): the map must agree with the
// answers about organisations, territory, identifiability and legal basis.

func dataFlowChecks() []Check {
	return []Check{
		{
			ID: "dataflow-map-present", Requirements: []string{"R-T6"}, Severity: Warning, Section: SectionDataFlow,
			Title: "A data flow map shows how the data travels",
			Eval: func(c *Context) []Hit {
				if len(c.App.DataFlow.Flows) == 0 {
					return hit("data_flow", "Draw the data flow map: open the Data flow map and choose Refresh from answers, then check each flow.")
				}
				return nil
			},
		},
		{
			ID: "dataflow-territory", Requirements: []string{"R-T2"}, Severity: Blocker, Section: SectionDataFlow,
			Title: "Every place in the map lies inside the declared territory",
			Eval:  evalFlowTerritory,
		},
		{
			ID: "dataflow-security", Requirements: []string{"R-O3"}, Severity: Blocker, Section: SectionDataFlow,
			Title: "Personal data flows only to organisations with security assurance",
			Eval:  evalFlowSecurity,
		},
		{
			ID: "dataflow-role", Requirements: []string{"R-O1"}, Severity: Blocker, Section: SectionDataFlow,
			Title: "Personal data flows only to organisations with a data role",
			Eval:  evalFlowRole,
		},
		{
			ID: "dataflow-organisation-unused", Requirements: []string{"R-O1", "R-T6"}, Severity: Warning, Section: SectionDataFlow,
			Title: "Every organisation that handles data appears in a flow",
			Eval:  evalFlowOrgUnused,
		},
		{
			ID: "dataflow-organisation-unlisted", Requirements: []string{"R-O1"}, Severity: Blocker, Section: SectionDataFlow,
			Title: "Data flows only to organisations listed in the answers",
			Eval:  evalFlowOrgUnlisted,
		},
		{
			ID: "dataflow-tra", Requirements: []string{"R-T3"}, Severity: Blocker, Section: SectionDataFlow,
			Title: "Places outside the UK without an adequacy decision have a Transfer Risk Assessment",
			Eval:  func(c *Context) []Hit { return evalFlowTRA(c, false) },
		},
		{
			ID: "dataflow-non-uk-assurance", Requirements: []string{"R-T3"}, Severity: Advice, Section: SectionDataFlow,
			Title: "Places outside the UK record their extra assurance",
			Eval:  func(c *Context) []Hit { return evalFlowTRA(c, true) },
		},
		{
			ID: "dataflow-identifiability", Requirements: []string{"R-D1", "R-D3"}, Severity: Blocker, Section: SectionDataFlow,
			Title: "No flow is more identifiable than the Data section says",
			Eval:  evalFlowIdentifiability,
		},
		{
			ID: "dataflow-legal-gateway", Requirements: []string{"R-L1", "R-L3", "R-D2"}, Severity: Blocker, Section: SectionDataFlow,
			Title: "Every flow of personal data names its legal gateway",
			Eval:  evalFlowGateway,
		},
	}
}

// dfFlowName names flow i as the diagram's key does: by number and ends.
func dfFlowName(m *DataFlowMap, i int) string {
	f := m.Flows[i]
	end := func(id string) string {
		if n, ok := m.Node(id); ok && strings.TrimSpace(n.Label) != "" {
			return strings.TrimSpace(n.Label)
		}
		return "an unknown node"
	}
	return fmt.Sprintf("Flow %d (%s → %s)", i+1, end(f.From), end(f.To))
}

func dfOrgIndex(a *Application, id string) int {
	if id == "" {
		return -1
	}
	for i, o := range a.Organisations {
		if o.ID == id {
			return i
		}
	}
	return -1
}

func dfLocationOf(a *Application, id string) (Location, bool) {
	for _, l := range a.Locations {
		if id != "" && l.ID == id {
			return l, true
		}
	}
	return Location{}, false
}

// dfNodeCountry is where a node is: its linked location's country, else its own.
func dfNodeCountry(a *Application, n FlowNode) string {
	if l, ok := dfLocationOf(a, n.LocationID); ok && strings.TrimSpace(l.Country) != "" {
		return strings.TrimSpace(l.Country)
	}
	return strings.TrimSpace(n.Country)
}

// dfOrgAssured reports whether an organisation shows how it meets the
// security requirements (R-O3).
func dfOrgAssured(o Organisation) bool {
	s := o.Security
	return s.DSPTStatus.Assured() || s.ISO27001 || s.CyberEssentialsPlus
}

func evalFlowTerritory(c *Context) []Hit {
	a := c.App
	if a.Territory == "" {
		return nil
	}
	var hits []Hit
	for i, n := range a.DataFlow.Nodes {
		country := dfNodeCountry(a, n)
		if country == "" || dfRegionOf(country).within(a.Territory) {
			continue
		}
		hits = append(hits, Hit{
			Field: fmt.Sprintf("data_flow.nodes[%d].country", i),
			Message: fmt.Sprintf("%q is in %s, outside the declared territory (%s). Widen the territory of use or move the processing.",
				n.Label, country, LabelOf(TerritoryChoices, string(a.Territory))),
		})
	}
	return hits
}

// dfPersonalFlowsToOrgs calls fn for each flow of personal data whose target
// belongs to an organisation in the answers.
func dfPersonalFlowsToOrgs(a *Application, fn func(i int, f Flow, oi int)) {
	m := &a.DataFlow
	for i, f := range m.Flows {
		if !f.Identifiability.Personal() {
			continue
		}
		n, ok := m.Node(f.To)
		if !ok {
			continue
		}
		if oi := dfOrgIndex(a, n.OrganisationID); oi >= 0 {
			fn(i, f, oi)
		}
	}
}

func evalFlowSecurity(c *Context) []Hit {
	a := c.App
	var hits []Hit
	seen := map[int]bool{}
	dfPersonalFlowsToOrgs(a, func(i int, f Flow, oi int) {
		o := a.Organisations[oi]
		if dfOrgAssured(o) || seen[oi] {
			return
		}
		seen[oi] = true
		hits = append(hits, Hit{
			Field: fmt.Sprintf("organisations[%d].security", oi),
			Message: fmt.Sprintf("%s sends %s data to %s, which shows no security assurance. Record its DSPT status (Standards Met), ISO 27001 or Cyber Essentials Plus.",
				dfFlowName(&a.DataFlow, i), strings.ToLower(LabelOf(IdentifiabilityChoices, string(f.Identifiability))), dfOrgName(o)),
		})
	})
	return hits
}

func evalFlowRole(c *Context) []Hit {
	a := c.App
	var hits []Hit
	seen := map[int]bool{}
	dfPersonalFlowsToOrgs(a, func(i int, f Flow, oi int) {
		o := a.Organisations[oi]
		if seen[oi] || (o.Role != "" && o.Role != RoleNoAccess) {
			return
		}
		seen[oi] = true
		msg := fmt.Sprintf("%s sends personal data to %s, which has no role. Say whether it is a data controller or a data processor.", dfFlowName(&a.DataFlow, i), dfOrgName(o))
		if o.Role == RoleNoAccess {
			msg = fmt.Sprintf("%s sends personal data to %s, recorded as having no access to the data. Give it a controller or processor role, or change the flow.", dfFlowName(&a.DataFlow, i), dfOrgName(o))
		}
		hits = append(hits, Hit{Field: fmt.Sprintf("organisations[%d].role", oi), Message: msg})
	})
	return hits
}

func dfOrgName(o Organisation) string {
	if s := strings.TrimSpace(o.Name); s != "" {
		return s
	}
	return "an unnamed organisation"
}

func evalFlowOrgUnused(c *Context) []Hit {
	a := c.App
	m := &a.DataFlow
	if len(m.Flows) == 0 {
		return nil // dataflow-map-present says what to do first
	}
	inFlow := map[string]bool{}
	for _, f := range m.Flows {
		for _, id := range []string{f.From, f.To} {
			if n, ok := m.Node(id); ok {
				inFlow[n.OrganisationID] = true
			}
		}
	}
	var hits []Hit
	for i, o := range a.Organisations {
		if o.Role == RoleNoAccess || inFlow[o.ID] {
			continue
		}
		hits = append(hits, Hit{
			Field:   fmt.Sprintf("organisations[%d]", i),
			Message: fmt.Sprintf("%s is in the answers but in no flow of the map. Add the flows it takes part in, or mark it as involved with no data access.", dfOrgName(o)),
		})
	}
	return hits
}

func evalFlowOrgUnlisted(c *Context) []Hit {
	a := c.App
	m := &a.DataFlow
	var hits []Hit
	for i, f := range m.Flows {
		n, ok := m.Node(f.To)
		if !ok || n.Kind == NodeNHSEngland || n.OrganisationID == NHSEnglandOrg {
			continue
		}
		switch {
		case n.OrganisationID != "" && dfOrgIndex(a, n.OrganisationID) < 0:
			hits = append(hits, Hit{
				Field:   fmt.Sprintf("data_flow.flows[%d].to", i),
				Message: fmt.Sprintf("%s goes to an organisation that is no longer in the answers. Add the organisation in Organisations and people, or link the node to one that is listed.", dfFlowName(m, i)),
			})
		case n.OrganisationID == "" && n.Kind == NodeOrganisation:
			hits = append(hits, Hit{
				Field:   fmt.Sprintf("data_flow.flows[%d].to", i),
				Message: fmt.Sprintf("%s goes to %q, which the answers do not list. Add it in Organisations and people with its role, then link the node to it.", dfFlowName(m, i), n.Label),
			})
		}
	}
	return hits
}

func evalFlowTRA(c *Context, adequate bool) []Hit {
	a := c.App
	var hits []Hit
	for i, n := range a.DataFlow.Nodes {
		country := dfNodeCountry(a, n)
		r := dfRegionOf(country)
		if r == dfRegionUnknown || r.inUK() {
			continue
		}
		if adequate != (r == dfRegionEEA || r == dfRegionAdequate) {
			continue
		}
		l, linked := dfLocationOf(a, n.LocationID)
		if linked && strings.TrimSpace(l.TRAReference) != "" {
			continue
		}
		var msg string
		switch {
		case adequate:
			msg = fmt.Sprintf("%q is in %s. The UK recognises its data protection, but access from outside the UK still needs extra assurance: record it, or a TRA reference, against the location.", n.Label, country)
		case linked:
			msg = fmt.Sprintf("%q is in %s, which has no UK adequacy decision. Record the Transfer Risk Assessment reference for this location.", n.Label, country)
		default:
			msg = fmt.Sprintf("%q is in %s, which has no UK adequacy decision. Add it as a location in Territory and locations with its Transfer Risk Assessment, and link the node to it.", n.Label, country)
		}
		field := fmt.Sprintf("data_flow.nodes[%d]", i)
		if linked {
			for li := range a.Locations {
				if a.Locations[li].ID == l.ID {
					field = fmt.Sprintf("locations[%d].tra_reference", li)
				}
			}
		}
		hits = append(hits, Hit{Field: field, Message: msg})
	}
	return hits
}

func evalFlowIdentifiability(c *Context) []Hit {
	a := c.App
	m := &a.DataFlow
	products := map[string]ProductRequest{}
	for _, p := range a.Data.Products {
		products[p.ID] = p
	}
	var hits []Hit
	for i, f := range m.Flows {
		// A flow is as identifiable as its most identifiable product.
		var most ProductRequest
		for _, pid := range f.Products {
			if p, ok := products[pid]; ok && dfIdentRank(p.Identifiability) > dfIdentRank(most.Identifiability) {
				most = p
			}
		}
		if most.Identifiability != "" && dfIdentRank(f.Identifiability) > dfIdentRank(most.Identifiability) {
			hits = append(hits, Hit{
				Field: fmt.Sprintf("data_flow.flows[%d].identifiability", i),
				Message: fmt.Sprintf("%s carries %s as %s data, but the Data section asks for it %s. Correct the flow, or change the request and its legal basis.",
					dfFlowName(m, i), most.Name, strings.ToLower(LabelOf(IdentifiabilityChoices, string(f.Identifiability))),
					strings.ToLower(LabelOf(IdentifiabilityChoices, string(most.Identifiability)))),
			})
		}
		if a.Data.AggregatedHESOnly && f.Identifiability.Personal() {
			if n, ok := m.Node(f.From); ok && n.Kind == NodeNHSEngland {
				hits = append(hits, Hit{
					Field:   fmt.Sprintf("data_flow.flows[%d].identifiability", i),
					Message: fmt.Sprintf("%s sends %s data, but the answers choose aggregated HES figures only (R-D4). Make the flow aggregate or change the request.", dfFlowName(m, i), strings.ToLower(string(f.Identifiability))),
				})
			}
		}
	}
	return hits
}

// evalFlowGateway asks for a gateway on every flow that may carry personal
// data. Anonymised flows (to the ICO's code or fully) and aggregate ones
// need none, but a flow whose level is not given might be personal, so it
// is asked for too.
func evalFlowGateway(c *Context) []Hit {
	m := &c.App.DataFlow
	var hits []Hit
	for i, f := range m.Flows {
		if (f.Identifiability != "" && !f.Identifiability.Personal()) || strings.TrimSpace(f.LegalGateway) != "" {
			continue
		}
		hits = append(hits, Hit{
			Field:   fmt.Sprintf("data_flow.flows[%d].legal_gateway", i),
			Message: fmt.Sprintf("%s has no legal gateway. Name the UK GDPR basis and the confidentiality route (consent or s251) it relies on.", dfFlowName(m, i)),
		})
	}
	return hits
}
