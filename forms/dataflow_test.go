package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func nodeKeys(m forms.DataFlowMap) []string {
	var out []string
	for _, n := range m.Nodes {
		out = append(out, n.Key)
	}
	return out
}

func flowKeys(m forms.DataFlowMap) []string {
	var out []string
	for _, f := range m.Flows {
		out = append(out, f.Key)
	}
	return out
}

func TestDeriveDataFlowExample(t *testing.T) {
	m := forms.DeriveDataFlow(forms.Example())
	assert.Equal(t, []string{"nhse", "loc:l1", "people:o1", "output"}, nodeKeys(m))
	assert.Equal(t, []string{
		"flow:nhse>loc:l1:identifiable", "flow:nhse>loc:l1:pseudonymised",
		"flow:loc:l1>people:o1:identifiable", "flow:loc:l1>people:o1:pseudonymised",
		"flow:loc:l1>nhse", "flow:people:o1>output",
	}, flowKeys(m))

	// One flow per identifiability level: the demographics product is
	// identifiable, the hospital and death records pseudonymised.
	ident, ok := m.Flow("d:flow:nhse>loc:l1:identifiable")
	require.True(t, ok)
	assert.Equal(t, []string{"p3"}, ident.Products)
	assert.Equal(t, forms.Frequency("ongoing"), ident.Frequency)

	out, ok := m.Flow("d:flow:nhse>loc:l1:pseudonymised")
	require.True(t, ok)
	assert.Equal(t, forms.Pseudonymised, out.Identifiability)
	assert.Equal(t, []string{"p1", "p2"}, out.Products)
	assert.Equal(t, forms.TransferSecureFile, out.Method)
	assert.True(t, out.Encrypted)
	assert.False(t, out.OptOutApplied, "consent route: opt-out does not apply (R-L8)")
	assert.Contains(t, out.LegalGateway, "6(1)(e)")

	cohort, ok := m.Flow("d:flow:loc:l1>nhse")
	require.True(t, ok)
	assert.Equal(t, forms.Identifiable, cohort.Identifiability)
	assert.Contains(t, cohort.Items, "NHS number")
}

func TestDeriveDataFlowSDEAndS251(t *testing.T) {
	a := forms.Example()
	a.AccessRoute = "sde"
	a.Legal.CLDC = forms.CLDCS251
	m := forms.DeriveDataFlow(a)
	assert.Equal(t, []string{"nhse", "nhse-sde", "people:o1", "output"}, nodeKeys(m))
	f, ok := m.Flow("d:flow:nhse-sde>people:o1:pseudonymised")
	require.True(t, ok)
	assert.Equal(t, forms.TransferSDEAccess, f.Method)
	assert.True(t, f.OptOutApplied, "s251 route applies the National Data Opt-out (R-L8)")
}

func TestDeriveDataFlowProcessorsAndNoLocations(t *testing.T) {
	a := forms.Example()
	a.People = nil
	a.Locations = nil
	a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "Cloud Analytics Ltd", Role: forms.RoleProcessor})
	m := forms.DeriveDataFlow(a)
	assert.Equal(t, []string{"nhse", "org:o1", "org:o2", "output"}, nodeKeys(m))
	assert.Equal(t, []string{
		"flow:nhse>org:o1:identifiable", "flow:nhse>org:o1:pseudonymised",
		"flow:org:o1>org:o2:identifiable", "flow:org:o1>org:o2:pseudonymised",
		"flow:org:o1>nhse", "flow:org:o1>output",
	}, flowKeys(m))
}

func TestRefreshKeepsUserEdits(t *testing.T) {
	a := forms.Example()
	m := forms.DeriveDataFlow(a)

	// The user edits a derived flow, adds a node and a flow of their own,
	// and removes the derived output node.
	f, _ := m.Flow("d:flow:nhse>loc:l1:pseudonymised")
	edited := *f
	edited.Method = forms.TransferAPI
	require.True(t, m.UpdateFlow(edited))
	mine := m.AddNode(forms.FlowNode{Kind: forms.NodeSystem, Label: "Backup vault", OrganisationID: "o1"})
	m.AddFlow(forms.Flow{From: "d:loc:l1", To: mine, Identifiability: forms.Pseudonymised, LegalGateway: "as above"})
	m.RemoveNode("d:output")

	// The answers then change.
	a.Locations[0].Site = "New TRE"
	a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "Cloud Analytics Ltd", Role: forms.RoleProcessor})
	a.Locations = append(a.Locations, forms.Location{ID: "l2", OrganisationID: "o2", Site: "Leeds data centre", Country: "England"})
	m.Refresh(a)

	loc, ok := m.Node("d:loc:l1")
	require.True(t, ok)
	assert.Equal(t, "New TRE", loc.Label, "derived, unedited node follows the answers")

	kept, ok := m.Flow("d:flow:nhse>loc:l1:pseudonymised")
	require.True(t, ok)
	assert.Equal(t, forms.TransferAPI, kept.Method, "edited derived flow keeps the user's change")
	assert.True(t, kept.Edited)

	_, ok = m.Node(mine)
	assert.True(t, ok, "user's node kept")
	_, ok = m.Node("d:output")
	assert.False(t, ok, "removed derived node stays removed")
	_, ok = m.Flow("d:flow:people:o1>output")
	assert.False(t, ok, "flows to a removed node are not re-derived")
	_, ok = m.Flow("d:flow:loc:l1>loc:l2:pseudonymised")
	assert.True(t, ok, "new processor's flow derived")
	assert.Len(t, m.Flows, 8)
}

func TestRefreshDropsWhatAnswersNoLongerSupport(t *testing.T) {
	a := forms.Example()
	m := forms.DeriveDataFlow(a)
	a.People[0].AccessesData = false
	a.People[1].AccessesData = false
	m.Refresh(a)
	_, ok := m.Node("d:people:o1")
	assert.False(t, ok)
	_, ok = m.Flow("d:flow:loc:l1>output")
	assert.True(t, ok, "outputs now come from the store")

	// A derived node the user's own flow still uses survives.
	m2 := forms.DeriveDataFlow(forms.Example())
	x := m2.AddNode(forms.FlowNode{Kind: forms.NodeOutput, Label: "Clinic guidance"})
	m2.AddFlow(forms.Flow{From: "d:people:o1", To: x})
	m2.Refresh(a)
	_, ok = m2.Node("d:people:o1")
	assert.True(t, ok)
}

func TestUpdateNodeMarksEditedOnlyOnChange(t *testing.T) {
	m := forms.DeriveDataFlow(forms.Example())
	n, _ := m.Node("d:nhse")
	same := *n
	require.True(t, m.UpdateNode(same))
	n, _ = m.Node("d:nhse")
	assert.False(t, n.Edited)
	changed := *n
	changed.Label = "NHS England (Leeds)"
	require.True(t, m.UpdateNode(changed))
	n, _ = m.Node("d:nhse")
	assert.True(t, n.Edited)
	assert.False(t, m.UpdateNode(forms.FlowNode{ID: "nope"}))
}

func TestRefreshIsIdempotent(t *testing.T) {
	a := forms.Example()
	m := forms.DeriveDataFlow(a)
	m.Refresh(a)
	assert.Equal(t, forms.DeriveDataFlow(a), m)
}
