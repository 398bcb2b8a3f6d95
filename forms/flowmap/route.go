package flowmap

import (
	"fmt"
	"sort"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// route gives every arrow its channels, tracks, ports and points.
//
// Columns of boxes alternate with vertical channels; every lane has a
// horizontal gutter along its top that holds no box. An arrow leaves its
// source on the right, runs down or up the channel just after the source's
// column, and, unless that channel is also the one just before the target's
// column, crosses over in a gutter to the channel before the target, then
// enters the target on the left. Channels and gutters contain no boxes, so
// no arrow crosses a box; each arrow has its own track in each channel and
// gutter, so arrows never run on top of one another.
func (l *flowLayouter) route() {
	l.chans = make([]int, l.layers+1)
	for i := range l.arrows {
		ar := &l.arrows[i]
		from, to := &l.nodes[ar.from], &l.nodes[ar.to]
		ar.outChan, ar.inChan = from.layer+1, to.layer
		ar.direct = ar.outChan == ar.inChan
		ar.outTrack = l.chans[ar.outChan]
		l.chans[ar.outChan]++
		if ar.direct {
			ar.inTrack = ar.outTrack
			continue
		}
		ar.inTrack = l.chans[ar.inChan]
		l.chans[ar.inChan]++
		ar.gutter = from.lane
		if to.lane > from.lane {
			ar.gutter = to.lane
		}
		ar.gTrack = l.lanes[ar.gutter].gutterTracks
		l.lanes[ar.gutter].gutterTracks++
	}

	// Horizontal geometry.
	x := flMargin + flLaneTitleW
	chanX := make([]float64, l.layers+1)
	l.colX = make([]float64, l.layers)
	for c := 0; c <= l.layers; c++ {
		chanX[c] = x
		x += flChanLead + float64(l.chans[c])*flTrackGap + flChanTail
		if c < l.layers {
			l.colX[c] = x
			x += flBoxW
		}
	}
	width := max(x+flMargin, flMinWidth)
	trackX := func(c, k int) float64 { return chanX[c] + flChanLead + float64(k)*flTrackGap }

	// Title and legend across the top.
	l.title = TextBlock{X: flMargin, Y: flMargin, Size: flTitleSize, Bold: true,
		Lines: flowWrap(l.titleText(), flTitleSize, width-2*flMargin, 2)}
	y := flMargin + float64(len(l.title.Lines))*flTitleSize*LineHeight + 8
	y = l.layoutLegend(y, width) + 12

	// Vertical geometry: groups of lanes, then lanes, then boxes.
	var groups []LaneGroup
	var lanes []Lane
	prevGroup := "\x00"
	for li := range l.lanes {
		ln := &l.lanes[li]
		if ln.group != prevGroup {
			prevGroup = ln.group
			groups = append(groups, LaneGroup{
				Rect:  Rect{flMargin, y, width - 2*flMargin, flGroupH},
				Title: TextBlock{Lines: []string{ln.group}, X: flMargin + 8, Y: y + (flGroupH-flGroupText*LineHeight)/2, Size: flGroupText, Bold: true},
			})
			y += flGroupH
		}
		gutterH := flGutterBase + float64(ln.gutterTracks)*flTrackGap
		ln.gutterY = y + 5
		body := float64(ln.rows)*ln.slotH + float64(max(ln.rows-1, 0))*flRowGap
		titleLines := append(append([]string{}, ln.titleLines...), flowWrap(ln.sub, flLaneText-1, flLaneTitleW-16, 2)...)
		titleH := float64(len(titleLines))*flLaneText*LineHeight + 16
		h := max(gutterH+body+flLanePadBot, titleH)
		ln.rect = Rect{flMargin, y, width - 2*flMargin, h}
		for _, ni := range ln.nodes {
			nd := &l.nodes[ni]
			bh := flowBoxHeight(nd)
			by := y + gutterH + float64(nd.slot)*(ln.slotH+flRowGap) + (ln.slotH-bh)/2
			nd.rect = Rect{l.colX[nd.layer], by, flBoxW, bh}
		}
		lanes = append(lanes, Lane{
			Key: ln.key, Rect: ln.rect, Shaded: li%2 == 0,
			Title: TextBlock{Lines: titleLines, X: flMargin + 8, Y: y + (h-float64(len(titleLines))*flLaneText*LineHeight)/2, Size: flLaneText},
		})
		y += h
	}
	l.top = y

	// Ports: spread along the box side in the order of the far end, so that
	// arrows leaving or entering one box do not cross at the box.
	cy := func(ni int) float64 { return l.nodes[ni].rect.Y + l.nodes[ni].rect.H/2 }
	for ni := range l.nodes {
		nd := &l.nodes[ni]
		nd.outY, nd.inY = map[int]float64{}, map[int]float64{}
		outs := append([]int{}, nd.outs...)
		sort.SliceStable(outs, func(i, j int) bool { return cy(l.arrows[outs[i]].to) < cy(l.arrows[outs[j]].to) })
		for k, ai := range outs {
			nd.outY[ai] = nd.rect.Y + nd.rect.H*float64(k+1)/float64(len(outs)+1)
		}
		ins := append([]int{}, nd.ins...)
		sort.SliceStable(ins, func(i, j int) bool { return cy(l.arrows[ins[i]].from) < cy(l.arrows[ins[j]].from) })
		for k, ai := range ins {
			nd.inY[ai] = nd.rect.Y + nd.rect.H*float64(k+1)/float64(len(ins)+1)
		}
	}

	l.orderTracks()

	for i := range l.arrows {
		ar := &l.arrows[i]
		from, to := &l.nodes[ar.from], &l.nodes[ar.to]
		py, qy := from.outY[i], to.inY[i]
		x1 := trackX(ar.outChan, ar.outTrack)
		start := Point{from.rect.Right(), py}
		end := Point{to.rect.X, qy}
		if ar.direct {
			ar.points = []Point{start, {x1, py}, {x1, qy}, end}
		} else {
			gy := l.lanes[ar.gutter].gutterY + float64(ar.gTrack)*flTrackGap
			x2 := trackX(ar.inChan, ar.inTrack)
			ar.points = []Point{start, {x1, py}, {x1, gy}, {x2, gy}, {x2, qy}, end}
		}
		ar.points = flowSimplify(ar.points)
		ar.badge = Point{from.rect.Right() + BadgeRadius + 3, py}
	}

	l.groups, l.lanesOut, l.width = groups, lanes, width
}

// orderTracks orders the tracks of each channel to avoid needless
// crossings: arrows leaving the column on the left take the left tracks,
// arrows entering the column on the right the right ones, direct arrows
// the middle. Within a group, an arrow heading down keeps right of those
// leaving below it and left of those entering above it, which untangles
// the usual fan-out from one box to several below.
func (l *flowLayouter) orderTracks() {
	type member struct {
		ai    int
		group int // 0 leaving, 1 direct, 2 entering
		key   float64
	}
	byChan := make([][]member, len(l.chans))
	for i := range l.arrows {
		ar := &l.arrows[i]
		py, qy := l.nodes[ar.from].outY[i], l.nodes[ar.to].inY[i]
		if ar.direct {
			k := -py
			if qy < py {
				k = py + 1e6
			}
			byChan[ar.outChan] = append(byChan[ar.outChan], member{i, 1, k})
			continue
		}
		gy := l.lanes[ar.gutter].gutterY
		out := -py // heading down to the gutter: the higher start goes right
		if gy < py {
			out = py + 1e6 // heading up: the lower start goes right, after the downs
		}
		in := -qy // coming down from the gutter: the lower end goes left
		if gy > qy {
			in = qy + 1e6
		}
		byChan[ar.outChan] = append(byChan[ar.outChan], member{i, 0, out})
		byChan[ar.inChan] = append(byChan[ar.inChan], member{i, 2, in})
	}
	for _, ms := range byChan {
		sort.SliceStable(ms, func(a, b int) bool {
			if ms[a].group != ms[b].group {
				return ms[a].group < ms[b].group
			}
			return ms[a].key < ms[b].key
		})
		for k, m := range ms {
			ar := &l.arrows[m.ai]
			switch m.group {
			case 0:
				ar.outTrack = k
			case 1:
				ar.outTrack, ar.inTrack = k, k
			default:
				ar.inTrack = k
			}
		}
	}
}

// flowSimplify drops points that add nothing to a polyline.
func flowSimplify(ps []Point) []Point {
	out := ps[:0:0]
	for _, p := range ps {
		if len(out) > 0 && out[len(out)-1] == p {
			continue
		}
		if len(out) >= 2 {
			a, b := out[len(out)-2], out[len(out)-1]
			if (a.X == b.X && b.X == p.X) || (a.Y == b.Y && b.Y == p.Y) {
				out[len(out)-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

func (l *flowLayouter) titleText() string {
	if l.a != nil && strings.TrimSpace(l.a.Overview.Title) != "" {
		return "Data flow map: " + strings.TrimSpace(l.a.Overview.Title)
	}
	return "Data flow map"
}

// layoutLegend lays out the line styles and node kinds from y and returns
// the y below the legend.
func (l *flowLayouter) layoutLegend(y, width float64) float64 {
	lg := Legend{}
	rowH := flLegendText*LineHeight + 6
	x0, x := flMargin+8, flMargin+8
	y0 := y
	y += 6
	place := func(w float64) (float64, float64) {
		if x+w > width-flMargin-8 && x > x0 {
			x, y = x0, y+rowH
		}
		px := x
		x += w + 18
		return px, y
	}
	for _, lv := range FlowLevels {
		name := FlowStyle(lv).Name
		tw := flowTextWidth(name, flLegendText)
		px, py := place(40 + tw)
		mid := py + rowH/2 - 3
		lg.Lines = append(lg.Lines, LegendLine{Level: lv, From: Point{px, mid}, To: Point{px + 32, mid},
			Text: TextBlock{Lines: []string{name}, X: px + 40, Y: mid - flLegendText*LineHeight/2, Size: flLegendText}})
	}
	x, y = x0, y+rowH
	for _, c := range forms.NodeKindChoices {
		k := forms.NodeKind(c.Value)
		tw := flowTextWidth(c.Label, flLegendText)
		px, py := place(30 + tw)
		lg.Kinds = append(lg.Kinds, LegendKind{Kind: k, Rect: Rect{px, py + 1, 22, rowH - 8},
			Text: TextBlock{Lines: []string{c.Label}, X: px + 30, Y: py + rowH/2 - 3 - flLegendText*LineHeight/2, Size: flLegendText}})
	}
	y += rowH + 2
	lg.Rect = Rect{flMargin, y0, width - 2*flMargin, y - y0}
	l.legend = lg
	return y
}

// describeFlow describes a flow in one sentence for the key.
func (l *flowLayouter) describeFlow(f forms.Flow) string {
	name := func(id string) string {
		if i, ok := l.index[id]; ok {
			if s := strings.TrimSpace(l.nodes[i].n.Label); s != "" {
				return s
			}
		}
		return "?"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s", name(f.From), name(f.To))
	if s := strings.TrimSpace(f.Items); s != "" {
		b.WriteString(": " + s)
	}
	var parts []string
	if f.Identifiability != "" {
		parts = append(parts, forms.LabelOf(forms.IdentifiabilityChoices, string(f.Identifiability)))
	} else {
		parts = append(parts, "level not given")
	}
	if f.Method != "" {
		parts = append(parts, strings.ToLower(f.Method.Label()))
	}
	if f.Identifiability.Personal() && f.Method != forms.TransferInternal && f.Method != forms.TransferPublication {
		if f.Encrypted {
			parts = append(parts, "encrypted in transit")
		} else {
			parts = append(parts, "NOT encrypted in transit")
		}
	}
	if f.Frequency != "" {
		parts = append(parts, strings.ToLower(forms.LabelOf(forms.FrequencyChoices, string(f.Frequency))))
	}
	if f.OptOutApplied {
		parts = append(parts, "National Data Opt-out applied")
	}
	b.WriteString(". " + strings.Join(parts, ", ") + ".")
	if g := strings.TrimSpace(f.LegalGateway); g != "" {
		b.WriteString(" Gateway: " + g + ".")
	} else {
		b.WriteString(" No legal gateway given.")
	}
	return b.String()
}

func (l *flowLayouter) finish() Diagram {
	d := Diagram{Title: l.title, Groups: l.groups, Lanes: l.lanesOut, Legend: l.legend}
	for _, nd := range l.nodes {
		lines := nd.lines
		th := float64(len(lines)) * flBoxText * LineHeight
		d.Boxes = append(d.Boxes, Box{NodeID: nd.n.ID, Kind: nd.n.Kind, Rect: nd.rect,
			Text: TextBlock{Lines: lines, X: nd.rect.X + nd.rect.W/2, Y: nd.rect.Y + (nd.rect.H-th)/2, Size: flBoxText, Centre: true, Bold: nd.n.Kind == forms.NodeNHSEngland}})
	}
	y := l.top + 14
	d.KeyTop = l.top + flMargin/2
	for _, ar := range l.arrows {
		d.Arrows = append(d.Arrows, Arrow{FlowID: ar.f.ID, Number: ar.number, Level: ar.f.Identifiability, Points: ar.points, Badge: ar.badge})
		tx := flMargin + 2*BadgeRadius + 8
		sentence := l.describeFlow(ar.f)
		lines := flowWrap(sentence, flKeyText, l.width-tx-flMargin, 4)
		d.Key = append(d.Key, KeyRow{Sentence: sentence, Number: ar.number, Level: ar.f.Identifiability,
			Badge: Point{flMargin + BadgeRadius, y + flKeyText*LineHeight/2},
			Text:  TextBlock{Lines: lines, X: tx, Y: y, Size: flKeyText}})
		y += float64(len(lines))*flKeyText*LineHeight + 5
	}
	d.Width, d.Height = l.width, y+flMargin
	return d
}
