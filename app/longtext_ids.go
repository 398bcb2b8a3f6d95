package app

import (
	"errors"

	"github.com/darsworkbench/dars-workbench/forms"
)

// idScan flags patient identifiers in a long answer as it is typed (R-C8),
// scanning only what an edit touched: each paragraph on its own, and each
// join between two paragraphs, for a number broken across them or a date
// whose telling word ("born") sits on the line before. The readiness panel
// scans the whole draft as exports do; this is the live flag on the field.
type idScan struct {
	// in[p] are the hits inside paragraph p; across[p] those found only by
	// reading the end of p and the start of p+1 together.
	in     [][]forms.IdentifierHit
	across [][]idSpan
	stale  []bool // paragraphs to scan again
}

// idSpan is a hit across a join, placed relative to its first paragraph:
// from and to are in paragraph p+dp.
type idSpan struct {
	fromDP, from, toDP, to int
	hit                    forms.IdentifierHit
}

// joinReach is how far either side of a join is read: more than the longest
// written NHS number and the scanner's window for a telling word.
const joinReach = 128

func (s *idScan) reset(paras []string) {
	n := len(paras)
	s.in = make([][]forms.IdentifierHit, n)
	s.across = make([][]idSpan, n)
	s.stale = make([]bool, n)
	for i := range s.stale {
		s.stale[i] = true
	}
	s.rescan(paras)
}

// splice follows an edit that replaced removed paragraphs at first by added.
func (s *idScan) splice(paras []string, first, removed, added int) {
	s.in = splice(s.in, first, removed, added)
	s.across = splice(s.across, first, removed, added)
	s.stale = splice(s.stale, first, removed, added)
	for p := first; p < first+added; p++ {
		s.stale[p] = true
	}
	if first > 0 {
		s.stale[first-1] = true // its join with the first paragraph changed
	}
}

// rescan scans the stale paragraphs and the joins either side of them.
func (s *idScan) rescan(paras []string) {
	joins := map[int]bool{}
	for p, st := range s.stale {
		if !st {
			continue
		}
		s.in[p] = forms.ScanText(paras[p])
		s.stale[p] = false
		joins[p] = true
		if p > 0 {
			joins[p-1] = true
		}
	}
	for p := range joins {
		if p+1 < len(paras) {
			s.across[p] = s.scanJoin(paras, p)
		} else if p < len(s.across) {
			s.across[p] = nil
		}
	}
}

// scanJoin reads the end of paragraph p and the start of p+1 as one text and
// keeps the hits neither paragraph shows alone.
func (s *idScan) scanJoin(paras []string, p int) []idSpan {
	a, b := paras[p], paras[p+1]
	from := max(0, len(a)-joinReach)
	for from > 0 && !isClusterStart(a, from) {
		from--
	}
	to := min(len(b), joinReach)
	for to < len(b) && !isClusterStart(b, to) {
		to++
	}
	text := a[from:] + "\n" + b[:to]
	nl := len(a) - from
	var out []idSpan
	for _, h := range forms.ScanText(text) {
		sp := idSpan{hit: h}
		sp.fromDP, sp.from = side(h.Start, nl, from)
		sp.toDP, sp.to = side(h.End, nl, from)
		if sp.fromDP == sp.toDP && s.known(p+sp.fromDP, sp.from, sp.to, h.Kind) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// side places an offset of a join's text in its first (0) or second (1)
// paragraph.
func side(o, nl, from int) (int, int) {
	if o <= nl {
		return 0, from + o
	}
	return 1, o - nl - 1
}

func (s *idScan) known(p, from, to int, kind forms.IdentifierKind) bool {
	for _, h := range s.in[p] {
		if h.Start == from && h.End == to && h.Kind == kind {
			return true
		}
	}
	return false
}

// first is the earliest hit in the text, if any.
func (s *idScan) first() (forms.IdentifierHit, bool) {
	for p := range s.in {
		var best *forms.IdentifierHit
		at := 0
		consider := func(h *forms.IdentifierHit, o int) {
			if best == nil || o < at {
				best, at = h, o
			}
		}
		if len(s.in[p]) > 0 {
			consider(&s.in[p][0], s.in[p][0].Start)
		}
		for i := range s.across[p] {
			if sp := &s.across[p][i]; sp.fromDP == 0 {
				consider(&sp.hit, sp.from)
			}
		}
		if p > 0 {
			for i := range s.across[p-1] {
				if sp := &s.across[p-1][i]; sp.fromDP == 1 {
					consider(&sp.hit, sp.from)
				}
			}
		}
		if best != nil {
			return *best, true
		}
	}
	return forms.IdentifierHit{}, false
}

// err is the first hit's reason and fix, or nil.
func (s *idScan) err() error {
	if h, ok := s.first(); ok {
		return errors.New(h.Message())
	}
	return nil
}

// spans visits every hit touching paragraphs [p0, p1] as a range of the
// text, for highlighting.
func (s *idScan) spans(p0, p1 int, visit func(from, to textPos)) {
	for p := max(p0-1, 0); p <= p1 && p < len(s.in); p++ {
		for _, h := range s.in[p] {
			visit(textPos{p, h.Start}, textPos{p, h.End})
		}
		for _, sp := range s.across[p] {
			visit(textPos{p + sp.fromDP, sp.from}, textPos{p + sp.toDP, sp.to})
		}
	}
}
