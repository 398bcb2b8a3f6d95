package forms

import (
	"fmt"
	"sort"
	"strings"
)

// dfDerivedPrefix starts the ID of every derived node and flow; the rest is its
// derivation key, so a refresh finds the same node again.
const dfDerivedPrefix = "d:"

// DeriveDataFlow proposes a first data flow map from the answers (R-T6):
// NHS England, each controller's storage location, the processors it passes
// data to, the people who analyse it and the outputs. The result is
// deterministic: the same answers give the same map.
func DeriveDataFlow(a *Application) DataFlowMap {
	d := dfDeriver{a: a}
	d.build()
	return d.m
}

type dfDeriver struct {
	a         *Application
	m         DataFlowMap
	templates []Flow
}

func (d *dfDeriver) node(key string, n FlowNode) string {
	n.ID, n.Key, n.Derived = dfDerivedPrefix+key, key, true
	for _, old := range d.m.Nodes {
		if old.ID == n.ID {
			return n.ID
		}
	}
	d.m.Nodes = append(d.m.Nodes, n)
	return n.ID
}

func (d *dfDeriver) flow(f Flow) { d.flowVariant(f, "") }

// flowVariant adds a derived flow; variant tells apart flows between the
// same two nodes (one per identifiability level of the products).
func (d *dfDeriver) flowVariant(f Flow, variant string) {
	key := "flow:" + strings.TrimPrefix(f.From, dfDerivedPrefix) + ">" + strings.TrimPrefix(f.To, dfDerivedPrefix)
	if variant != "" {
		key += ":" + variant
	}
	f.ID, f.Key, f.Derived = dfDerivedPrefix+key, key, true
	for _, old := range d.m.Flows {
		if old.ID == f.ID {
			return
		}
	}
	d.m.Flows = append(d.m.Flows, f)
}

func (d *dfDeriver) build() {
	a := d.a
	nhse := d.node("nhse", FlowNode{Kind: NodeNHSEngland, Label: "NHS England", OrganisationID: NHSEnglandOrg, Country: "England"})
	d.templates = d.dataFlowTemplates()

	var controllers, processors []Organisation
	for _, o := range a.Organisations {
		switch {
		case o.Role.Controller():
			controllers = append(controllers, o)
		case o.Role == RoleProcessor:
			processors = append(processors, o)
		}
	}

	// analysts are the nodes outputs come from: a controller's people
	// group where named people access the data, else its store.
	var analysts []string
	var hub string
	hubResponsible := false
	if a.AccessRoute == "sde" {
		sde := d.node("nhse-sde", FlowNode{Kind: NodeSystem, Label: "NHS England Secure Data Environment", OrganisationID: NHSEnglandOrg, Country: "England"})
		d.dataFlows(nhse, sde, func(f *Flow) { f.Method = TransferInternal })
		for _, o := range append(append([]Organisation{}, controllers...), processors...) {
			p := d.peopleNode(o, true)
			d.dataFlows(sde, p, func(f *Flow) { f.Method, f.Frequency = TransferSDEAccess, "system-access" })
			if o.Role.Controller() {
				analysts = append(analysts, p)
			}
		}
		hub = dfFirstOr(analysts, nhse)
	} else {
		for _, o := range controllers {
			stores := d.storeNodes(o, true)
			for _, s := range stores {
				d.dataFlows(nhse, s, nil)
			}
			if hub == "" || (o.OverallResponsibility && !hubResponsible) {
				hub, hubResponsible = stores[0], o.OverallResponsibility
			}
			if d.accessCount(o) > 0 {
				p := d.peopleNode(o, false)
				for _, s := range stores {
					d.dataFlows(s, p, func(f *Flow) { f.Method, f.Encrypted, f.Frequency = TransferInternal, false, "system-access" })
				}
				analysts = append(analysts, p)
			} else {
				analysts = append(analysts, stores...)
			}
		}
		for _, o := range processors {
			if hub == "" {
				break
			}
			for _, s := range d.storeNodes(o, false) {
				d.dataFlows(hub, s, nil)
			}
		}
	}

	if a.Cohort.Needed && hub != "" && a.AccessRoute != "sde" {
		var fields []string
		for _, v := range a.Cohort.ValidationFields {
			fields = append(fields, LabelOf(ValidationFieldChoices, string(v)))
		}
		items := "Cohort file"
		if len(fields) > 0 {
			items += ": " + strings.Join(fields, ", ")
		}
		// The cohort's own flow: identifiable only when it carries direct
		// identifiers, on its own route when it has one (R-L3).
		level := Pseudonymised
		if a.Cohort.CarriesIdentifiers() {
			level = Identifiable
		}
		l := a.Legal
		if a.Cohort.Confidentiality != "" {
			l.CLDC = a.Cohort.Confidentiality
		}
		d.flow(Flow{
			From: hub, To: nhse, Items: items, Identifiability: level,
			Method: TransferSecureFile, Encrypted: true, Frequency: "one-off",
			LegalGateway: LegalGatewayOf(l),
		})
	}

	if len(analysts) > 0 {
		out := d.node("output", FlowNode{Kind: NodeOutput, Label: dfOutputLabel(a.Purpose.ExpectedOutputs)})
		for _, n := range analysts {
			d.flow(Flow{
				From: n, To: out, Items: "Aggregate outputs, small numbers suppressed",
				Identifiability: AggregateLevel, Method: TransferPublication,
				LegalGateway: "Not personal data: aggregate results only",
			})
		}
	}
}

// storeNodes returns the nodes where organisation o holds the data: its
// storage locations (any location for a processor), or the organisation
// itself when no location is recorded yet.
func (d *dfDeriver) storeNodes(o Organisation, storageOnly bool) []string {
	var out []string
	for _, l := range d.a.Locations {
		if l.OrganisationID != o.ID || (storageOnly && l.Use == "processing") {
			continue
		}
		label := strings.TrimSpace(l.Site)
		if label == "" {
			label = o.Name + " site"
		}
		out = append(out, d.node("loc:"+l.ID, FlowNode{
			Kind: NodeLocation, Label: label, OrganisationID: o.ID, LocationID: l.ID, Country: l.Country,
		}))
	}
	if len(out) == 0 {
		out = append(out, d.node("org:"+o.ID, FlowNode{Kind: NodeOrganisation, Label: o.Name, OrganisationID: o.ID}))
	}
	return out
}

func (d *dfDeriver) accessCount(o Organisation) int {
	n := 0
	for _, p := range d.a.People {
		if p.OrganisationID == o.ID && p.AccessesData {
			n++
		}
	}
	return n
}

func (d *dfDeriver) peopleNode(o Organisation, remote bool) string {
	label := "Analysts"
	if n := d.accessCount(o); n == 1 {
		label = "1 named analyst"
	} else if n > 1 {
		label = fmt.Sprintf("%d named analysts", n)
	}
	country := ""
	for _, l := range d.a.Locations {
		if l.OrganisationID == o.ID && l.Country != "" {
			country = l.Country
			break
		}
	}
	if remote {
		label += " (remote access)"
	}
	return d.node("people:"+o.ID, FlowNode{Kind: NodePeople, Label: label, OrganisationID: o.ID, Country: country})
}

// dataFlowTemplates are the flows of requested data out of NHS England,
// one for each identifiability level among the products, most identifying
// first: what travels, how often, on the stated legal gateway (R-D1,
// R-L1…R-L3, R-L8, R-T5). With no products there is one flow of
// "requested data products" at no stated level.
func (d *dfDeriver) dataFlowTemplates() []Flow {
	a := d.a
	base := Flow{Method: TransferSecureFile, Encrypted: true, Frequency: "one-off",
		LegalGateway: LegalGatewayOf(a.Legal), OptOutApplied: a.Legal.CLDC.S251()}
	if a.AccessRoute == "sde" {
		base.Method = TransferSDEAccess
	}
	byLevel := map[Identifiability]*Flow{}
	var order []Identifiability
	for _, p := range a.Data.Products {
		lv := p.Identifiability
		if a.Data.AggregatedHESOnly {
			lv = AggregateLevel
		}
		f, ok := byLevel[lv]
		if !ok {
			nf := base
			nf.Identifiability = lv
			f = &nf
			byLevel[lv] = f
			order = append(order, lv)
		}
		f.Products = append(f.Products, p.ID)
		if n := strings.TrimSpace(p.Name); n != "" {
			f.Items = strings.TrimPrefix(f.Items+"; "+n, "; ")
		}
		if p.Frequency != "" && p.Frequency != "one-off" {
			f.Frequency = p.Frequency
		}
	}
	if len(order) == 0 {
		base.Items = "Requested data products"
		return []Flow{base}
	}
	sort.SliceStable(order, func(i, j int) bool { return dfIdentRank(order[i]) > dfIdentRank(order[j]) })
	out := make([]Flow, len(order))
	for i, lv := range order {
		out[i] = *byLevel[lv]
		if out[i].Items == "" {
			out[i].Items = "Requested data products"
		}
	}
	return out
}

// dataFlows adds the flows of requested data from one node to another, one
// per level, each adjusted by edit.
func (d *dfDeriver) dataFlows(from, to string, edit func(f *Flow)) {
	for _, t := range d.templates {
		f := t
		f.Products = append([]string(nil), t.Products...)
		f.From, f.To = from, to
		if edit != nil {
			edit(&f)
		}
		d.flowVariant(f, string(t.Identifiability))
	}
}

// LegalGatewayOf summarises the legal basis of the application as the
// gateway of a flow: UK GDPR articles and the confidentiality route.
func LegalGatewayOf(l LegalBasis) string {
	var parts []string
	if l.Article6 != "" {
		parts = append(parts, "UK GDPR "+LabelOf(Article6Choices, string(l.Article6)))
	}
	for _, a := range l.Article6Additional {
		parts = append(parts, LabelOf(Article6Choices, string(a)))
	}
	if l.Article9 != "" {
		parts = append(parts, LabelOf(Article9Choices, string(l.Article9)))
	}
	for _, a := range l.Article9Additional {
		parts = append(parts, LabelOf(Article9Choices, string(a)))
	}
	if l.CLDC != "" && l.CLDC != CLDCNone {
		c := "duty of confidence: " + strings.ToLower(LabelOf(CLDCChoices, string(l.CLDC)))
		if l.CLDC.S251() && strings.TrimSpace(l.CAGReference) != "" {
			c += " " + strings.TrimSpace(l.CAGReference)
		}
		parts = append(parts, c)
	}
	return strings.Join(parts, "; ")
}

// dfIdentRank orders identifiability levels from least to most identifying.
func dfIdentRank(i Identifiability) int {
	switch i {
	case Identifiable:
		return 5
	case Pseudonymised:
		return 4
	case AnonymisedICO:
		return 3
	case Anonymised:
		return 2
	case AggregateLevel:
		return 1
	}
	return 0
}

func dfOutputLabel(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "Published outputs"
	}
	const max = 48
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max])
	if i := strings.LastIndexAny(cut, " ,;"); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;") + "…"
}

func dfFirstOr(xs []string, def string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return def
}

// Refresh brings the derived parts of the map up to date with the answers
// without discarding the user's work: nodes and flows the user added or
// edited are kept as they are, derived ones the user removed stay removed,
// and derived ones the answers no longer support are dropped unless a flow
// of the user's own still uses them.
func (m *DataFlowMap) Refresh(a *Application) {
	fresh := DeriveDataFlow(a)
	freshNode := map[string]FlowNode{}
	for _, n := range fresh.Nodes {
		freshNode[n.Key] = n
	}
	freshFlow := map[string]Flow{}
	for _, f := range fresh.Flows {
		freshFlow[f.Key] = f
	}

	used := map[string]bool{}
	for _, f := range m.Flows {
		if !f.Derived || f.Edited {
			used[f.From], used[f.To] = true, true
		}
	}

	have := map[string]bool{}
	var nodes []FlowNode
	for _, n := range m.Nodes {
		if n.Derived {
			nf, still := freshNode[n.Key]
			switch {
			case still && !n.Edited:
				n = nf
			case !still && !n.Edited && !used[n.ID]:
				continue
			}
			have[n.Key] = true
		}
		nodes = append(nodes, n)
	}
	for _, n := range fresh.Nodes {
		if !have[n.Key] && !m.dismissed(n.Key) {
			nodes = append(nodes, n)
		}
	}
	m.Nodes = nodes

	exists := map[string]bool{}
	for _, n := range m.Nodes {
		exists[n.ID] = true
	}
	haveFlow := map[string]bool{}
	var flows []Flow
	for _, f := range m.Flows {
		if f.Derived {
			ff, still := freshFlow[f.Key]
			switch {
			case still && !f.Edited:
				f = ff
			case !still && !f.Edited:
				continue
			}
			haveFlow[f.Key] = true
		}
		flows = append(flows, f)
	}
	for _, f := range fresh.Flows {
		if !haveFlow[f.Key] && !m.dismissed(f.Key) && exists[f.From] && exists[f.To] {
			flows = append(flows, f)
		}
	}
	m.Flows = flows
}
