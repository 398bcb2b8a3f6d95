package forms

import (
	"hash/maphash"
	"strings"
	"sync"
)

// The readiness checks run on every keystroke, so the plain-language review
// is cached twice: each line's facts by the line's text, and each entry's
// review by a hash of everything it reads. Editing one paragraph of a long
// objective re-reads that paragraph only; editing anything else re-reads
// nothing. Both caches are bounded and shared by every goroutine.

const (
	maxCachedBytes   = 8 << 20
	maxCachedEntries = 16
)

var lineCache = struct {
	sync.Mutex
	m     map[string]*lineFacts
	bytes int
}{m: map[string]*lineFacts{}}

// cachedLine returns the facts of a line, reading it on a miss. The key is
// a copy: a line cut from a long text must not keep the whole text alive.
func cachedLine(line string) *lineFacts {
	lineCache.Lock()
	f, ok := lineCache.m[line]
	lineCache.Unlock()
	if ok {
		return f
	}
	line = strings.Clone(line)
	f = analyseLine(line)
	lineCache.Lock()
	// Every keystroke in a long paragraph adds a version of it: the cache
	// is bounded by the bytes it holds (a few times a large draft's text).
	// A line's facts take about three times its bytes.
	size := 4*len(line) + 256
	if lineCache.bytes+size > maxCachedBytes {
		clear(lineCache.m)
		lineCache.bytes = 0
	}
	lineCache.m[line] = f
	lineCache.bytes += size
	lineCache.Unlock()
	return f
}

var (
	entrySeed  = maphash.MakeSeed()
	entryCache = struct {
		sync.Mutex
		m     map[entryKey][]TextReview
		bases map[entryKey]*reviewState
	}{m: map[entryKey][]TextReview{}, bases: map[entryKey]*reviewState{}}
)

// entryKey identifies the inputs of a review: their hash and total length.
type entryKey struct {
	sum    uint64
	length int
}

// The groups of a review's inputs, in the order they are read.
const (
	// groupDefining: the title and the data set names, which the register
	// shows above the texts, read for their definitions only.
	groupDefining = iota
	groupTexts
	groupPeople
	// groupBodies: the names of the draft's organisations and places.
	groupBodies
)

// reviewInputs is everything the review of an entry reads, walked in a
// fixed order so that hashing it needs no copy.
type reviewInputs struct {
	a     *Application
	texts []PublicText
}

func (in reviewInputs) each(f func(group int, s string)) {
	a := in.a
	f(groupDefining, a.Overview.Title)
	for i := range a.Data.Products {
		f(groupDefining, a.Data.Products[i].Name)
	}
	for i := range in.texts {
		f(groupTexts, in.texts[i].Text)
	}
	f(groupPeople, a.Overview.LeadApplicant)
	for i := range a.People {
		f(groupPeople, a.People[i].Name)
	}
	for i := range a.Organisations {
		f(groupPeople, a.Organisations[i].DSASignatory)
		f(groupBodies, a.Organisations[i].Name)
	}
	if d := a.Lifecycle.Destruction; d != nil {
		f(groupPeople, d.DestroyedBy)
	}
	f(groupBodies, a.Overview.LeadOrg)
	f(groupBodies, a.Cohort.SenderName)
	for i := range a.Locations {
		f(groupBodies, a.Locations[i].Site)
	}
}

// keys hashes the inputs: all of them, and all but the texts (what the
// state a review starts from depends on).
func (in reviewInputs) keys() (all, base entryKey) {
	var h, hb maphash.Hash
	h.SetSeed(entrySeed)
	hb.SetSeed(entrySeed)
	in.each(func(group int, s string) {
		sep := [2]byte{0, byte(group)}
		h.WriteString(s)
		h.Write(sep[:])
		all.length += len(s) + 2
		if group != groupTexts {
			hb.WriteString(s)
			hb.Write(sep[:])
			base.length += len(s) + 2
		}
	})
	all.sum, base.sum = h.Sum64(), hb.Sum64()
	return all, base
}

// baseState is the state a review of these inputs starts from: the
// draft's people and bodies, and what the title and data sets define.
func (in reviewInputs) baseState() *reviewState {
	st := newReviewState()
	in.each(func(group int, s string) {
		switch group {
		case groupPeople:
			st.addPerson(s)
		case groupBodies:
			st.addBody(s)
		case groupDefining:
			st.define(s)
			st.exclude = append(st.exclude, s)
		}
	})
	return st
}

// reviewTexts reviews the texts in order, from the cache when it can. The
// result is shared: callers must not change it.
func reviewTexts(in reviewInputs) []TextReview {
	k, kb := in.keys()
	entryCache.Lock()
	r, ok := entryCache.m[k]
	base := entryCache.bases[kb]
	entryCache.Unlock()
	if ok {
		return r
	}
	if base == nil {
		base = in.baseState()
	}
	st := base.fork()
	r = make([]TextReview, len(in.texts))
	for i := range in.texts {
		r[i] = st.review(in.texts[i].Text)
	}
	entryCache.Lock()
	if len(entryCache.m) >= maxCachedEntries {
		clear(entryCache.m)
		clear(entryCache.bases)
	}
	entryCache.m[k] = r
	entryCache.bases[kb] = base
	entryCache.Unlock()
	return r
}
