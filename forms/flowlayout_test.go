package forms_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// lcg is a tiny deterministic generator so test maps are the same on every
// machine and Go version.
type lcg uint64

func (r *lcg) intn(n int) int {
	*r = *r*6364136223846793005 + 1442695040888963407
	return int((uint64(*r) >> 33) % uint64(n))
}

var testLevels = []forms.Identifiability{forms.Identifiable, forms.Pseudonymised, forms.Anonymised, forms.AggregateLevel}

// syntheticMap builds an application with orgs organisations spread over
// several countries and a map of about nodes nodes and flows flows, with
// some flows running backwards.
func syntheticMap(orgs, nodes, flows int, seed uint64) (forms.DataFlowMap, *forms.Application) {
	countries := []string{"England", "England", "Wales", "Scotland", "United Kingdom", "Ireland", "Germany", "United States", "Canada", ""}
	kinds := []forms.NodeKind{forms.NodeLocation, forms.NodeSystem, forms.NodePeople, forms.NodeOrganisation}
	roles := []forms.OrganisationRole{forms.RoleSoleController, forms.RoleJointController, forms.RoleProcessor, forms.RoleProcessor}
	r := lcg(seed)
	a := &forms.Application{Overview: forms.Overview{Title: fmt.Sprintf("Synthetic map, %d organisations", orgs)}}
	m := forms.DataFlowMap{Nodes: []forms.FlowNode{{ID: "nhse", Kind: forms.NodeNHSEngland, Label: "NHS England", OrganisationID: forms.NHSEnglandOrg, Country: "England"}}}
	for i := 0; i < orgs; i++ {
		c := countries[i%len(countries)]
		a.Organisations = append(a.Organisations, forms.Organisation{
			ID: fmt.Sprintf("o%d", i), Name: fmt.Sprintf("Organisation %d of the consortium (%s)", i+1, c), Role: roles[i%len(roles)],
		})
		a.Locations = append(a.Locations, forms.Location{ID: fmt.Sprintf("l%d", i), OrganisationID: fmt.Sprintf("o%d", i), Country: c, Site: "Site"})
	}
	for i := 1; len(m.Nodes) < nodes-2; i++ {
		o := (i - 1) % orgs
		k := kinds[r.intn(len(kinds))]
		m.Nodes = append(m.Nodes, forms.FlowNode{
			ID: fmt.Sprintf("n%02d", i), Kind: k, OrganisationID: fmt.Sprintf("o%d", o),
			Label:   fmt.Sprintf("%s %d at organisation %d", k.Label(), i, o+1),
			Country: countries[o%len(countries)],
		})
	}
	m.Nodes = append(m.Nodes,
		forms.FlowNode{ID: "out1", Kind: forms.NodeOutput, Label: "Peer-reviewed papers"},
		forms.FlowNode{ID: "out2", Kind: forms.NodeOutput, Label: "Report to the commissioning group"})
	for i := 0; len(m.Flows) < flows; i++ {
		var from, to int
		switch {
		case i < len(m.Nodes)-3: // a spine so every node is reached from NHS England
			from, to = r.intn(i+1), i+1
		default:
			from, to = r.intn(len(m.Nodes)), r.intn(len(m.Nodes))
		}
		if from == to {
			continue
		}
		m.Flows = append(m.Flows, forms.Flow{
			ID: fmt.Sprintf("f%03d", len(m.Flows)+1), From: m.Nodes[from].ID, To: m.Nodes[to].ID,
			Items: "Extract", Identifiability: testLevels[r.intn(len(testLevels))], LegalGateway: "Consent",
		})
	}
	return m, a
}

func layoutCases() map[string]func() (forms.DataFlowMap, *forms.Application) {
	return map[string]func() (forms.DataFlowMap, *forms.Application){
		"example": func() (forms.DataFlowMap, *forms.Application) {
			a := forms.Example()
			return a.DataFlow, a
		},
		"sde": func() (forms.DataFlowMap, *forms.Application) {
			a := forms.Example()
			a.AccessRoute = "sde"
			a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "Partner Trust", Role: forms.RoleJointController})
			a.People = append(a.People, forms.Person{ID: "pe3", OrganisationID: "o2", AccessesData: true})
			return forms.DeriveDataFlow(a), a
		},
		"unlinked and unknown": func() (forms.DataFlowMap, *forms.Application) {
			m := forms.DataFlowMap{
				Nodes: []forms.FlowNode{
					{ID: "a", Kind: forms.NodeNHSEngland, Label: "NHS England"},
					{ID: "b", Kind: forms.NodeOrganisation, Label: "A company not in the answers"},
					{ID: "c", Kind: forms.NodeSystem, Label: "Loose system", OrganisationID: "ghost"},
					{ID: "d", Kind: forms.NodeOutput, Label: "Report"},
				},
				Flows: []forms.Flow{{ID: "1", From: "a", To: "b"}, {ID: "2", From: "b", To: "c"}, {ID: "3", From: "c", To: "a"}, {ID: "4", From: "c", To: "d"}, {ID: "5", From: "a", To: "missing"}},
			}
			return m, nil
		},
		"12 organisations 40 flows": func() (forms.DataFlowMap, *forms.Application) {
			return syntheticMap(12, 26, 40, 7)
		},
	}
}

// describe writes the geometry a golden file pins down.
func describe(d forms.Diagram) string {
	var b strings.Builder
	f := func(v float64) string { return fmt.Sprintf("%.1f", v) }
	fmt.Fprintf(&b, "size %s x %s\n", f(d.Width), f(d.Height))
	for _, l := range d.Lanes {
		fmt.Fprintf(&b, "lane %-14s y=%s h=%s %q\n", l.Key, f(l.Rect.Y), f(l.Rect.H), l.Title.Lines)
	}
	for _, bx := range d.Boxes {
		fmt.Fprintf(&b, "box %-8s x=%s y=%s w=%s h=%s %q\n", bx.NodeID, f(bx.Rect.X), f(bx.Rect.Y), f(bx.Rect.W), f(bx.Rect.H), bx.Text.Lines)
	}
	for _, a := range d.Arrows {
		var ps []string
		for _, p := range a.Points {
			ps = append(ps, f(p.X)+","+f(p.Y))
		}
		fmt.Fprintf(&b, "arrow %d %s %s\n", a.Number, a.FlowID, strings.Join(ps, " "))
	}
	return b.String()
}

func TestLayoutGolden(t *testing.T) {
	for name, build := range layoutCases() {
		t.Run(name, func(t *testing.T) {
			m, a := build()
			got := describe(forms.Layout(m, a))
			golden := filepath.Join("testdata", "layout_"+strings.ReplaceAll(name, " ", "_")+".txt")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}

func TestLayoutIsDeterministic(t *testing.T) {
	m, a := syntheticMap(12, 26, 40, 7)
	assert.Equal(t, forms.Layout(m, a), forms.Layout(m, a))
}

// segmentHitsBox reports whether an axis-aligned segment passes through the
// inside of r.
func segmentHitsBox(p, q forms.Point, r forms.Rect) bool {
	const e = 0.5
	x0, x1 := min(p.X, q.X), max(p.X, q.X)
	y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
	return x1 > r.X+e && x0 < r.Right()-e && y1 > r.Y+e && y0 < r.Bottom()-e
}

func TestLayoutArrowsAvoidBoxes(t *testing.T) {
	for name, build := range layoutCases() {
		t.Run(name, func(t *testing.T) {
			m, a := build()
			d := forms.Layout(m, a)
			for _, ar := range d.Arrows {
				require.GreaterOrEqual(t, len(ar.Points), 2)
				for i := 0; i+1 < len(ar.Points); i++ {
					p, q := ar.Points[i], ar.Points[i+1]
					assert.True(t, p.X == q.X || p.Y == q.Y, "arrow %d segment %d is not orthogonal", ar.Number, i)
					for _, bx := range d.Boxes {
						assert.False(t, segmentHitsBox(p, q, bx.Rect), "arrow %d crosses box %s", ar.Number, bx.NodeID)
					}
				}
			}
			for i, x := range d.Boxes {
				for _, y := range d.Boxes[i+1:] {
					overlap := x.Rect.X < y.Rect.Right() && y.Rect.X < x.Rect.Right() && x.Rect.Y < y.Rect.Bottom() && y.Rect.Y < x.Rect.Bottom()
					assert.False(t, overlap, "boxes %s and %s overlap", x.NodeID, y.NodeID)
				}
			}
		})
	}
}

func TestLayoutFlowsRunLeftToRight(t *testing.T) {
	m, a := syntheticMap(12, 26, 40, 7)
	d := forms.Layout(m, a)
	byID := map[string]forms.Rect{}
	for _, b := range d.Boxes {
		byID[b.NodeID] = b.Rect
	}
	// The spine flows (one per node after NHS England) all go forwards.
	for _, f := range m.Flows[:len(m.Nodes)-3] {
		assert.Less(t, byID[f.From].X, byID[f.To].X, "flow %s", f.ID)
	}
}

func TestLayoutLanesGroupedByCountry(t *testing.T) {
	m, a := syntheticMap(12, 26, 40, 7)
	d := forms.Layout(m, a)
	var groups []string
	for _, g := range d.Groups {
		groups = append(groups, g.Title.Lines[0])
	}
	assert.Equal(t, []string{"United Kingdom", "Germany", "Ireland", "Canada", "United States", "Country not given", "Outputs"}, groups)
	assert.Equal(t, "nhse", d.Lanes[0].Key, "NHS England leads")
}

func TestLayoutKeepsEveryNodeAndNumbersFlows(t *testing.T) {
	m, a := syntheticMap(12, 26, 40, 7)
	d := forms.Layout(m, a)
	assert.Len(t, d.Boxes, len(m.Nodes))
	assert.Len(t, d.Arrows, 40)
	assert.Len(t, d.Key, 40)
	for i, ar := range d.Arrows {
		assert.Equal(t, i+1, ar.Number)
	}
}

func BenchmarkLayout50Nodes150Flows(b *testing.B) {
	m, a := syntheticMap(15, 50, 150, 11)
	b.ResetTimer()
	for b.Loop() {
		forms.Layout(m, a)
	}
}
