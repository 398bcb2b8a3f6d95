package forms_test

import (
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDataFlowChecks(t *testing.T) {
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	flow := func(a *forms.Application, id string) *forms.Flow {
		f, ok := a.DataFlow.Flow(id)
		require.True(t, ok, id)
		return f
	}
	cases := map[string]struct {
		edit  func(a *forms.Application)
		want  []string
		field string
	}{
		"complete example": {func(a *forms.Application) {}, nil, ""},
		"no map": {func(a *forms.Application) { a.DataFlow = forms.DataFlowMap{} },
			[]string{"dataflow-map-present"}, "data_flow"},
		"storage abroad, outside territory": {func(a *forms.Application) {
			n, _ := a.DataFlow.Node("d:people:o1")
			n.Country = "France"
		}, []string{"dataflow-territory", "dataflow-non-uk-assurance"}, "data_flow.nodes[2].country"},
		"no security assurance": {func(a *forms.Application) { a.Organisations[0].Security = forms.Security{} },
			[]string{"dataflow-security"}, "organisations[0].security"},
		"no role": {func(a *forms.Application) { a.Organisations[0].Role = "" },
			[]string{"dataflow-role"}, "organisations[0].role"},
		"no-access organisation receives data": {func(a *forms.Application) { a.Organisations[0].Role = forms.RoleNoAccess },
			[]string{"dataflow-role"}, "organisations[0].role"},
		"organisation in no flow": {func(a *forms.Application) {
			a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "Analytics Ltd", Role: forms.RoleProcessor})
		}, []string{"dataflow-organisation-unused"}, "organisations[1]"},
		"flow to an organisation not listed": {func(a *forms.Application) {
			id := a.DataFlow.AddNode(forms.FlowNode{Kind: forms.NodeOrganisation, Label: "Acme Insights"})
			a.DataFlow.AddFlow(forms.Flow{From: "d:loc:l1", To: id, Identifiability: forms.AggregateLevel})
		}, []string{"dataflow-organisation-unlisted"}, "data_flow.flows[6].to"},
		"non-UK location without TRA": {func(a *forms.Application) {
			a.Territory = forms.TerritoryWorldwide
			a.Locations[0].Country = "India"
		}, []string{"dataflow-tra"}, "locations[0].tra_reference"},
		"non-UK location with TRA": {func(a *forms.Application) {
			a.Territory = forms.TerritoryWorldwide
			a.Locations[0].Country = "India"
			a.Locations[0].TRAReference = "TRA-2026-01"
		}, nil, ""},
		"identifiable where answers say pseudonymised": {func(a *forms.Application) {
			flow(a, "d:flow:nhse>loc:l1:pseudonymised").Identifiability = forms.Identifiable
		}, []string{"dataflow-identifiability"}, "data_flow.flows[1].identifiability"},
		"identifiable where answers say anonymised": {func(a *forms.Application) {
			a.Data.Products[0].Identifiability = forms.Anonymised
			a.Data.Products[1].Identifiability = forms.Anonymised
			a.DataFlow.Refresh(a)
			flow(a, "d:flow:loc:l1>people:o1:anonymised").Identifiability = forms.Identifiable
		}, []string{"dataflow-identifiability"}, "data_flow.flows[5].identifiability"},
		"no legal gateway": {func(a *forms.Application) { flow(a, "d:flow:nhse>loc:l1:pseudonymised").LegalGateway = " " },
			[]string{"dataflow-legal-gateway"}, "data_flow.flows[1].legal_gateway"},
		"aggregate flow needs no gateway": {func(a *forms.Application) { flow(a, "d:flow:people:o1>output").LegalGateway = "" },
			nil, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			fs := forms.Evaluate(a, today)
			assert.ElementsMatch(t, tc.want, findingIDs(fs, forms.SectionDataFlow))
			if tc.field != "" {
				found := false
				for _, f := range fs {
					if f.Section == forms.SectionDataFlow && f.CheckID == tc.want[0] {
						assert.Equal(t, tc.field, f.Field)
						assert.NotEmpty(t, f.Requirements)
						found = true
					}
				}
				assert.True(t, found)
			}
		})
	}
}

func TestDataFlowChecksNameRequirements(t *testing.T) {
	for _, c := range forms.AllChecks() {
		if c.Section == forms.SectionDataFlow {
			assert.NotEmpty(t, c.Requirements, c.ID)
		}
	}
}
