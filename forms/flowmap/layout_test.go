package flowmap_test

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
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
func describe(d flowmap.Diagram) string {
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
			got := describe(flowmap.Layout(m, a))
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
	assert.Equal(t, flowmap.Layout(m, a), flowmap.Layout(m, a))
}

// segmentHitsBox reports whether an axis-aligned segment passes through the
// inside of r.
func segmentHitsBox(p, q flowmap.Point, r flowmap.Rect) bool {
	const e = 0.5
	x0, x1 := min(p.X, q.X), max(p.X, q.X)
	y0, y1 := min(p.Y, q.Y), max(p.Y, q.Y)
	return x1 > r.X+e && x0 < r.Right()-e && y1 > r.Y+e && y0 < r.Bottom()-e
}

func TestLayoutArrowsAvoidBoxes(t *testing.T) {
	for name, build := range layoutCases() {
		t.Run(name, func(t *testing.T) {
			m, a := build()
			d := flowmap.Layout(m, a)
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
	d := flowmap.Layout(m, a)
	byID := map[string]flowmap.Rect{}
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
	d := flowmap.Layout(m, a)
	var groups []string
	for _, g := range d.Groups {
		groups = append(groups, g.Title.Lines[0])
	}
	assert.Equal(t, []string{"United Kingdom", "Germany", "Ireland", "Canada", "United States", "Country not given", "Outputs"}, groups)
	assert.Equal(t, "nhse", d.Lanes[0].Key, "NHS England leads")
}

func TestLayoutKeepsEveryNodeAndNumbersFlows(t *testing.T) {
	m, a := syntheticMap(12, 26, 40, 7)
	d := flowmap.Layout(m, a)
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
		flowmap.Layout(m, a)
	}
}

func TestDashRuns(t *testing.T) {
	line := []flowmap.Point{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 10, Y: 10}}
	assert.Equal(t, [][]flowmap.Point{line}, flowmap.DashRuns(line, nil))
	runs := flowmap.DashRuns(line, []float64{4, 2})
	require.Len(t, runs, 4)
	assert.Equal(t, []flowmap.Point{{X: 0, Y: 0}, {X: 4, Y: 0}}, runs[0])
	assert.Equal(t, []flowmap.Point{{X: 6, Y: 0}, {X: 10, Y: 0}}, runs[1])
	// The third dash turns the corner.
	assert.Equal(t, []flowmap.Point{{X: 10, Y: 2}, {X: 10, Y: 6}}, runs[2])
	assert.Nil(t, flowmap.DashRuns(line[:1], []float64{1, 1}))
}

func TestArrowShaftStopsAtTheHead(t *testing.T) {
	a := flowmap.Arrow{Points: []flowmap.Point{{X: 0, Y: 0}, {X: 0, Y: 20}, {X: 40, Y: 20}}}
	shaft := a.Shaft()
	assert.Equal(t, flowmap.Point{X: 40 - flowmap.ArrowHeadLen, Y: 20}, shaft[2])
	h := a.Head()
	assert.Equal(t, flowmap.Point{X: 40, Y: 20}, h[0])
	assert.InDelta(t, 40-flowmap.ArrowHeadLen, h[1].X, 1e-9)
	assert.Less(t, h[2].Y, h[1].Y)
}

// FuzzLayout checks that any map, however tangled, lays out without
// panicking, keeps every node, and routes every arrow clear of boxes.
func FuzzLayout(f *testing.F) {
	f.Add([]byte{5, 0, 1, 1, 2, 2, 0, 3, 3, 4, 1})
	f.Add([]byte{12, 0, 0, 1, 1, 2, 2, 11, 0, 5, 7, 7, 5})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		n := int(b[0])%30 + 1
		kinds := forms.NodeKindChoices
		m := forms.DataFlowMap{}
		for i := 0; i < n; i++ {
			k := forms.NodeKind(kinds[i%len(kinds)].Value)
			org := ""
			if i%3 == 1 {
				org = fmt.Sprintf("o%d", i%4)
			}
			m.Nodes = append(m.Nodes, forms.FlowNode{ID: fmt.Sprint(i), Kind: k, Label: strings.Repeat("word ", i%7), OrganisationID: org, Country: []string{"", "England", "France", "Japan"}[i%4]})
		}
		for i := 1; i+1 < len(b) && len(m.Flows) < 200; i += 2 {
			m.Flows = append(m.Flows, forms.Flow{ID: fmt.Sprint(i), From: fmt.Sprint(int(b[i]) % (n + 1)), To: fmt.Sprint(int(b[i+1]) % (n + 1)), Identifiability: testLevels[int(b[i])%4]})
		}
		d := flowmap.Layout(m, &forms.Application{Organisations: []forms.Organisation{{ID: "o1", Name: "One"}, {ID: "o2"}}})
		require.Len(t, d.Boxes, n)
		for _, ar := range d.Arrows {
			for i := 0; i+1 < len(ar.Points); i++ {
				for _, bx := range d.Boxes {
					require.False(t, segmentHitsBox(ar.Points[i], ar.Points[i+1], bx.Rect), "arrow %d crosses box %s", ar.Number, bx.NodeID)
				}
			}
		}
	})
}

// FuzzDashRuns checks that any pattern ends, and that the dashes never add
// up to more than the line.
func FuzzDashRuns(f *testing.F) {
	f.Add(10.0, 10.0, 4.0, 2.0, 0.0)
	f.Add(0.0, 0.0, 0.0, 3.0, 1.0)
	f.Fuzz(func(t *testing.T, x, y, on, off, extra float64) {
		for _, v := range []float64{x, y, on, off, extra} {
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e4 {
				return
			}
		}
		if max(on, 0)+max(off, 0)+max(extra, 0) < 0.01 {
			return // a pattern this fine would be millions of dashes
		}
		ps := []flowmap.Point{{X: 0, Y: 0}, {X: x, Y: 0}, {X: x, Y: y}}
		length := math.Abs(x) + math.Abs(y)
		drawn := 0.0
		for _, run := range flowmap.DashRuns(ps, []float64{on, off, extra}) {
			require.GreaterOrEqual(t, len(run), 2)
			for i := 0; i+1 < len(run); i++ {
				drawn += math.Hypot(run[i+1].X-run[i].X, run[i+1].Y-run[i].Y)
			}
		}
		require.LessOrEqual(t, drawn, length+1e-6)
	})
}
