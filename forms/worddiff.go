package forms

import (
	"strings"
	"unicode"
)

// OpKind is what a piece of a word diff does.
type OpKind string

const (
	OpSame   OpKind = "same"
	OpInsert OpKind = "insert"
	OpDelete OpKind = "delete"
)

// WordOp is a run of text that is unchanged, inserted or deleted.
type WordOp struct {
	Kind OpKind
	Text string
}

// WordDiff compares two texts word by word and returns the runs that turn
// old into new. It finds a shortest edit script over words and the spaces
// between them (Myers' O(ND) algorithm, the longest common subsequence by
// another road), after cutting off the common start and end: a small edit
// in a 20,000-character objective costs little. Texts that differ in more
// than maxEdits places come back as one deletion and one insertion.
func WordDiff(old, new string) []WordOp {
	a, b := tokens(old), tokens(new)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []WordOp
	add := func(k OpKind, s string) {
		if s == "" {
			return
		}
		if n := len(ops); n > 0 && ops[n-1].Kind == k {
			ops[n-1].Text += s
			return
		}
		ops = append(ops, WordOp{k, s})
	}
	add(OpSame, strings.Join(a[:pre], ""))
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if script, ok := editScript(ma, mb); ok {
		for _, op := range script {
			add(op.Kind, op.Text)
		}
	} else {
		add(OpDelete, strings.Join(ma, ""))
		add(OpInsert, strings.Join(mb, ""))
	}
	add(OpSame, strings.Join(a[len(a)-suf:], ""))
	return ops
}

// maxEdits bounds the edit distance searched; the trace it keeps grows with
// its square (about 16 MB at this bound).
const maxEdits = 2000

// editScript is Myers' greedy shortest edit script from a to b, one op per
// token; ok is false past maxEdits.
func editScript(a, b []string) ([]WordOp, bool) {
	n, m := len(a), len(b)
	limit := min(n+m, maxEdits)
	off := limit + 1
	v := make([]int32, 2*limit+3)
	// trace[d] holds v[-(d-1)..d-1] as it stood when step d began.
	var trace [][]int32
	end := -1
	for d := 0; d <= limit && end < 0; d++ {
		if d > 0 {
			trace = append(trace, append([]int32(nil), v[off-(d-1):off+d]...))
		} else {
			trace = append(trace, nil)
		}
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = int(v[off+k+1])
			} else {
				x = int(v[off+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = int32(x)
			if x >= n && y >= m {
				end = d
				break
			}
		}
	}
	if end < 0 {
		return nil, false
	}
	var rev []WordOp
	x, y := n, m
	for d := end; d > 0; d-- {
		tv := trace[d]
		at := func(k int) int { return int(tv[k+d-1]) }
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			prevK = k + 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, WordOp{OpSame, a[x-1]})
			x, y = x-1, y-1
		}
		if x == prevX {
			rev = append(rev, WordOp{OpInsert, b[y-1]})
			y--
		} else {
			rev = append(rev, WordOp{OpDelete, a[x-1]})
			x--
		}
	}
	for x > 0 && y > 0 {
		rev = append(rev, WordOp{OpSame, a[x-1]})
		x, y = x-1, y-1
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev, true
}

// tokens splits text into words and the runs of space between them, so the
// diff joins back to exactly the original texts.
func tokens(s string) []string {
	var out []string
	start := 0
	space := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if i > 0 && sp != space {
			out = append(out, s[start:i])
			start = i
		}
		space = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// Joined rebuilds one side of a diff: the old text (without insertions) or
// the new (without deletions).
func Joined(ops []WordOp, newSide bool) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Kind == OpSame || (newSide && op.Kind == OpInsert) || (!newSide && op.Kind == OpDelete) {
			b.WriteString(op.Text)
		}
	}
	return b.String()
}
