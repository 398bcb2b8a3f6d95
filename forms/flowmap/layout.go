package flowmap

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Diagram is a laid-out data flow map: geometry only, in abstract units (one
// unit is a screen pixel at 100% zoom, or a PDF point). Renderers for the
// screen, SVG, PNG and PDF draw it as it is; none of them lays anything out.
type Diagram struct {
	Width, Height float64
	Title         TextBlock
	Groups        []LaneGroup
	Lanes         []Lane
	Boxes         []Box
	Arrows        []Arrow
	Legend        Legend
	Key           []KeyRow
	// KeyTop is where the key begins: a renderer that shows the key in
	// its own widgets draws only down to here.
	KeyTop float64
}

// Point is a position in diagram units.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned rectangle; X, Y is its top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Right is the x of the rectangle's right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom is the y of the rectangle's bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// LineHeight is the distance between baselines, as a multiple of font size.
const LineHeight = 1.3

// TextBlock is text already broken into lines. Line i occupies the band from
// Y+i*Size*LineHeight, Size*LineHeight high; text is vertically centred in
// its band. When Centre is set, X is the centre of each line, else its start.
type TextBlock struct {
	Lines  []string
	X, Y   float64
	Size   float64
	Bold   bool
	Centre bool
}

// LaneGroup is a band of swimlanes in one country or territory.
type LaneGroup struct {
	Rect  Rect
	Title TextBlock
}

// Lane is the swimlane of one organisation.
type Lane struct {
	Key   string
	Rect  Rect
	Title TextBlock
	// Shaded alternates so that neighbouring lanes are told apart.
	Shaded bool
}

// Box is a node.
type Box struct {
	NodeID string
	Kind   forms.NodeKind
	Rect   Rect
	Text   TextBlock
}

// Arrow is a flow, routed as an orthogonal polyline that ends at the target
// box; the arrowhead is drawn at the last point.
type Arrow struct {
	FlowID string
	Number int
	Level  forms.Identifiability
	Points []Point
	// Badge is the centre of the numbered circle that ties the arrow to its
	// row in the key.
	Badge Point
}

// Legend explains line styles and box kinds.
type Legend struct {
	Rect  Rect
	Lines []LegendLine
	Kinds []LegendKind
}

// LegendLine is a sample of one identifiability style.
type LegendLine struct {
	Level    forms.Identifiability
	From, To Point
	Text     TextBlock
}

// LegendKind is a sample of one node kind.
type LegendKind struct {
	Kind forms.NodeKind
	Rect Rect
	Text TextBlock
}

// KeyRow describes a numbered flow in words.
type KeyRow struct {
	// Sentence is the whole description; Text may be cut to fit.
	Sentence string
	Number   int
	Level    forms.Identifiability
	Badge    Point
	Text     TextBlock
}

// Layout constants, in diagram units.
const (
	BadgeRadius  = 8.0
	ArrowHeadLen = 8.0

	flMargin      = 12.0
	flTitleSize   = 14.0
	flBoxText     = 12.0
	flLaneText    = 11.0
	flGroupText   = 11.0
	flKeyText     = 10.0
	flLegendText  = 10.0
	flBoxW        = 136.0
	flBoxPad      = 8.0
	flBoxMaxLines = 4
	flLaneTitleW  = 128.0
	flGroupH      = 22.0
	flTrackGap    = 7.0
	flChanLead    = 24.0 // room for the badge on leaving a box
	flChanTail    = 12.0 // room for the arrowhead on entering one
	flOutPortGap  = 18.0
	flInPortGap   = 10.0
	flRowGap      = 14.0
	flLanePadBot  = 10.0
	flGutterBase  = 10.0
	flMinWidth    = 600.0
)

// Layout lays out a data flow map for drawing. It is pure and deterministic:
// the same map and answers give the same diagram, so pictures and golden
// files are stable. a may be nil; it supplies organisation names and roles
// for the swimlanes and the title.
func Layout(m forms.DataFlowMap, a *forms.Application) Diagram {
	l := newFlowLayouter(m, a)
	l.assignLanes()
	l.assignLayers()
	l.placeVertically()
	l.route()
	return l.finish()
}

type flNode struct {
	n     forms.FlowNode
	lane  int
	layer int
	slot  int // position in its lane and layer, top to bottom
	lines []string
	rect  Rect
	ins   []int // arrow indices entering
	outs  []int // arrow indices leaving
	inY   map[int]float64
	outY  map[int]float64
}

type flLane struct {
	key, title, sub, country, group string
	nodes                           []int
	rank                            int
	minLayer                        int
	rows                            int
	slotH                           float64
	gutterTracks                    int
	rect                            Rect
	titleLines                      []string
	gutterY                         float64
}

type flArrow struct {
	f        forms.Flow
	from, to int
	number   int
	direct   bool
	outChan  int // channel index for the vertical run after the source
	inChan   int // channel index for the vertical run before the target
	gutter   int // lane whose top gutter carries the horizontal run
	outTrack int
	inTrack  int
	gTrack   int
	points   []Point
	badge    Point
}

type flowLayouter struct {
	m      forms.DataFlowMap
	a      *forms.Application
	nodes  []flNode
	index  map[string]int
	lanes  []flLane
	arrows []flArrow
	layers int
	chans  []int // tracks per channel
	colX   []float64
	top    float64
	legend Legend
	title  TextBlock

	groups   []LaneGroup
	lanesOut []Lane
	width    float64
}

func newFlowLayouter(m forms.DataFlowMap, a *forms.Application) *flowLayouter {
	l := &flowLayouter{m: m, a: a, index: map[string]int{}}
	for _, n := range m.Nodes {
		if n.ID == "" {
			continue
		}
		if _, dup := l.index[n.ID]; dup {
			continue
		}
		l.index[n.ID] = len(l.nodes)
		l.nodes = append(l.nodes, flNode{n: n, lines: flowWrap(n.Label, flBoxText, flBoxW-2*flBoxPad, flBoxMaxLines)})
	}
	num := 0
	for _, f := range m.Flows {
		from, ok1 := l.index[f.From]
		to, ok2 := l.index[f.To]
		num++ // numbers follow the map's flow order, drawn or not, so the key matches the editor list
		if !ok1 || !ok2 || from == to {
			continue
		}
		l.arrows = append(l.arrows, flArrow{f: f, from: from, to: to, number: num})
	}
	return l
}

func (l *flowLayouter) org(id string) (forms.Organisation, bool) {
	if l.a == nil {
		return forms.Organisation{}, false
	}
	for _, o := range l.a.Organisations {
		if o.ID == id {
			return o, true
		}
	}
	return forms.Organisation{}, false
}

// assignLanes puts each node in the swimlane of its organisation and groups
// the lanes by country.
func (l *flowLayouter) assignLanes() {
	byKey := map[string]int{}
	for i := range l.nodes {
		n := &l.nodes[i].n
		key, title, sub := "", "", ""
		switch {
		case n.Kind == forms.NodeNHSEngland || n.OrganisationID == forms.NHSEnglandOrg:
			key, title = "nhse", "NHS England"
		case n.OrganisationID != "":
			if o, ok := l.org(n.OrganisationID); ok {
				key, title = "org:"+o.ID, o.Name
				if strings.TrimSpace(title) == "" {
					title = "Unnamed organisation"
				}
				if o.Role != "" {
					sub = forms.LabelOf(forms.RoleChoices, string(o.Role))
				} else {
					sub = "Role not given"
				}
			} else {
				key, title, sub = "org:"+n.OrganisationID, "Organisation not in the answers", ""
			}
		case n.Kind == forms.NodeOutput:
			key, title = "outputs", "Outputs"
		case n.Kind == forms.NodeOrganisation:
			key, title, sub = "label:"+n.Label, n.Label, "Not in the answers"
		default:
			key, title = "unlinked", "Not linked to an organisation"
		}
		li, ok := byKey[key]
		if !ok {
			li = len(l.lanes)
			byKey[key] = li
			l.lanes = append(l.lanes, flLane{key: key, title: title, sub: sub})
		}
		l.nodes[i].lane = li
		l.lanes[li].nodes = append(l.lanes[li].nodes, i)
		if l.lanes[li].country == "" && strings.TrimSpace(n.Country) != "" {
			l.lanes[li].country = strings.TrimSpace(n.Country)
		}
	}
	for i := range l.lanes {
		ln := &l.lanes[i]
		if ln.country == "" && ln.key == "nhse" {
			ln.country = "England" // NHS England needs no country to be placed
		}
		if ln.country == "" && l.a != nil && strings.HasPrefix(ln.key, "org:") {
			for _, loc := range l.a.Locations {
				if "org:"+loc.OrganisationID == ln.key && strings.TrimSpace(loc.Country) != "" {
					ln.country = strings.TrimSpace(loc.Country)
					break
				}
			}
		}
		switch {
		case ln.key == "outputs":
			ln.group, ln.rank = "Outputs", 7
		case ln.country == "":
			ln.group, ln.rank = "Country not given", 6
		case forms.InUK(ln.country):
			ln.group, ln.rank = "United Kingdom", 0
		default:
			ln.group, ln.rank = ln.country, forms.CountryOrder(ln.country)
		}
	}
}

// assignLayers orders nodes along the flow: each node sits one column right
// of its furthest predecessor (longest path). Cycles, such as a cohort file
// sent to NHS England and data sent back, are broken by a depth-first search
// that starts at NHS England.
func (l *flowLayouter) assignLayers() {
	n := len(l.nodes)
	succ := make([][]int, n)
	for i, a := range l.arrows {
		succ[a.from] = append(succ[a.from], a.to)
		l.nodes[a.from].outs = append(l.nodes[a.from].outs, i)
		l.nodes[a.to].ins = append(l.nodes[a.to].ins, i)
	}
	order := make([]int, 0, n)
	for i := range l.nodes {
		if l.nodes[i].n.Kind == forms.NodeNHSEngland {
			order = append(order, i)
		}
	}
	for i := range l.nodes {
		if l.nodes[i].n.Kind != forms.NodeNHSEngland && len(l.nodes[i].ins) == 0 {
			order = append(order, i)
		}
	}
	for i := range l.nodes {
		order = append(order, i)
	}
	state := make([]int8, n) // 0 new, 1 on stack, 2 done
	back := map[[2]int]bool{}
	var post []int
	var visit func(int)
	visit = func(v int) {
		state[v] = 1
		for _, w := range succ[v] {
			switch state[w] {
			case 0:
				visit(w)
			case 1:
				back[[2]int{v, w}] = true
			}
		}
		state[v] = 2
		post = append(post, v)
	}
	for _, v := range order {
		if state[v] == 0 {
			visit(v)
		}
	}
	// Reverse post-order is a topological order of the forward edges.
	layer := make([]int, n)
	for i := len(post) - 1; i >= 0; i-- {
		v := post[i]
		for _, w := range succ[v] {
			if !back[[2]int{v, w}] && layer[v]+1 > layer[w] {
				layer[w] = layer[v] + 1
			}
		}
	}
	for i := range l.nodes {
		l.nodes[i].layer = layer[i]
		if layer[i]+1 > l.layers {
			l.layers = layer[i] + 1
		}
	}
}

// placeVertically orders the lanes and stacks the nodes that share a lane
// and a column.
func (l *flowLayouter) placeVertically() {
	for i := range l.lanes {
		ln := &l.lanes[i]
		ln.minLayer = 1 << 30
		for _, ni := range ln.nodes {
			ln.minLayer = min(ln.minLayer, l.nodes[ni].layer)
		}
	}
	order := make([]int, len(l.lanes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &l.lanes[order[i]], &l.lanes[order[j]]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.group != b.group {
			return a.group < b.group
		}
		if (a.key == "nhse") != (b.key == "nhse") {
			return a.key == "nhse"
		}
		if a.minLayer != b.minLayer {
			return a.minLayer < b.minLayer
		}
		if a.title != b.title {
			return a.title < b.title
		}
		return a.key < b.key
	})
	lanes := make([]flLane, len(order))
	remap := make([]int, len(order))
	for newI, oldI := range order {
		lanes[newI] = l.lanes[oldI]
		remap[oldI] = newI
	}
	l.lanes = lanes
	for i := range l.nodes {
		l.nodes[i].lane = remap[l.nodes[i].lane]
	}

	// Slots within a lane and column follow the map's node order.
	for li := range l.lanes {
		ln := &l.lanes[li]
		count := map[int]int{}
		for _, ni := range ln.nodes {
			nd := &l.nodes[ni]
			nd.slot = count[nd.layer]
			count[nd.layer]++
			if count[nd.layer] > ln.rows {
				ln.rows = count[nd.layer]
			}
			ln.slotH = max(ln.slotH, flowBoxHeight(nd))
		}
		ln.titleLines = flowWrap(ln.title, flLaneText, flLaneTitleW-16, 3)
	}
}

func flowBoxHeight(nd *flNode) float64 {
	h := float64(len(nd.lines))*flBoxText*LineHeight + 2*flBoxPad
	h = max(h, 40)
	h = max(h, float64(len(nd.outs)+1)*flOutPortGap)
	h = max(h, float64(len(nd.ins)+1)*flInPortGap)
	return h
}

// Baseline is the y of the baseline of line i, shared by every renderer so
// that text sits the same way in each.
func (t TextBlock) Baseline(i int) float64 {
	return t.Y + (float64(i)+0.5)*t.Size*LineHeight + 0.35*t.Size
}

// Shaft is the arrow's line, stopping where the arrowhead begins so that a
// dashed line does not show through the head.
func (a Arrow) Shaft() []Point {
	n := len(a.Points)
	if n < 2 {
		return a.Points
	}
	out := append([]Point{}, a.Points...)
	p, q := out[n-2], out[n-1]
	dx, dy := q.X-p.X, q.Y-p.Y
	length := dx*dx + dy*dy
	if length > ArrowHeadLen*ArrowHeadLen {
		f := ArrowHeadLen / flowSqrt(length)
		out[n-1] = Point{q.X - dx*f, q.Y - dy*f}
	}
	return out
}

// Head returns the arrowhead triangle: the tip at the target and two base
// corners.
func (a Arrow) Head() [3]Point {
	n := len(a.Points)
	if n < 2 {
		return [3]Point{}
	}
	p, q := a.Points[n-2], a.Points[n-1]
	dx, dy := q.X-p.X, q.Y-p.Y
	d := flowSqrt(dx*dx + dy*dy)
	if d == 0 {
		return [3]Point{q, q, q}
	}
	ux, uy := dx/d, dy/d
	bx, by := q.X-ux*ArrowHeadLen, q.Y-uy*ArrowHeadLen
	const half = ArrowHeadLen * 0.45
	return [3]Point{q, {bx - uy*half, by + ux*half}, {bx + uy*half, by - ux*half}}
}

func flowSqrt(x float64) float64 { return math.Sqrt(x) }

// DashRuns splits a polyline into the pieces drawn by a dash pattern (on,
// off, on, off…), for renderers that cannot dash lines themselves. A nil
// pattern gives the whole line.
func DashRuns(ps []Point, dash []float64) [][]Point {
	if len(ps) < 2 {
		return nil
	}
	total := 0.0
	for _, d := range dash {
		total += max(d, 0)
	}
	if len(dash) == 0 || total <= 0 {
		return [][]Point{ps}
	}
	var runs [][]Point
	cur := []Point{ps[0]}
	add := func(p Point) {
		if len(cur) == 0 || cur[len(cur)-1] != p {
			cur = append(cur, p)
		}
	}
	k, on := 0, true
	left := max(dash[0], 0)
	for i := 0; i+1 < len(ps); i++ {
		p, q := ps[i], ps[i+1]
		seg := flowSqrt((q.X-p.X)*(q.X-p.X) + (q.Y-p.Y)*(q.Y-p.Y))
		pos := 0.0
		for pos+left <= seg {
			pos += left
			t := 0.0
			if seg > 0 {
				t = pos / seg
			}
			at := Point{p.X + (q.X-p.X)*t, p.Y + (q.Y-p.Y)*t}
			if on {
				add(at)
				if len(cur) >= 2 {
					runs = append(runs, cur)
				}
				cur = nil
			} else {
				cur = []Point{at}
			}
			on = !on
			k = (k + 1) % len(dash)
			left = max(dash[k], 0)
		}
		left -= seg - pos
		if on {
			add(q)
		}
	}
	if on && len(cur) >= 2 {
		runs = append(runs, cur)
	}
	return runs
}

// BadgeTextSize is the font size of a badge's number, smaller for two
// digits so that they stay inside the circle.
func BadgeTextSize(n int) float64 {
	if n >= 10 {
		return 8
	}
	return 9
}

// BadgeText is the number of a badge centred at p, as every renderer sets it.
func BadgeText(p Point, n int) TextBlock {
	size := BadgeTextSize(n)
	return TextBlock{Lines: []string{strconv.Itoa(n)}, X: p.X, Y: p.Y - size*LineHeight/2, Size: size, Bold: true, Centre: true}
}
