package forms

import (
	"sync"
	"time"
)

// Evaluator evaluates one draft again and again as it is edited, as a
// draft's window does after every keystroke. It gives exactly what Evaluate
// gives, faster: the identifier scan of every string (R-C8), most of a full
// evaluation's cost, is remembered by the string's text, so after an edit
// only the text that changed is read again. Exports never use it: their
// guard scans everything afresh (GuardNHSNumbers).
type Evaluator struct {
	mu    sync.Mutex
	scans map[string]*scanned
	epoch uint64
	fresh bool // a text was scanned in this evaluation
	// seen is the texts of the last evaluation in the order they were
	// read, and next the place in it this evaluation has reached. A text
	// that is where it was is recognised without hashing it: an
	// unchanged string is the same string, and Go compares two strings
	// that share their bytes without reading them.
	seen []seenText
	next int
}

type seenText struct {
	s string
	e *scanned
}

type scanned struct {
	hits  []IdentifierHit
	epoch uint64
}

func NewEvaluator() *Evaluator { return &Evaluator{scans: map[string]*scanned{}} }

// Evaluate is Evaluate, remembering the scans for the next call.
func (ev *Evaluator) Evaluate(a *Application, today time.Time) []Finding {
	ev.mu.Lock()
	defer ev.mu.Unlock()
	ev.epoch++
	ev.fresh = false
	ev.next = 0
	out := evaluate(&Context{App: a, Today: DateOf(today), scan: ev.scan})
	clear(ev.seen[ev.next:]) // texts the draft no longer holds go
	ev.seen = ev.seen[:ev.next]
	if ev.fresh {
		// Something changed: forget the texts this draft no longer holds,
		// so memory follows the draft and not the keystrokes typed.
		for s, e := range ev.scans {
			if e.epoch != ev.epoch {
				delete(ev.scans, s)
			}
		}
	}
	return out
}

// scan is ScanText by way of the texts already read. The key is the
// string itself: Go compares a key's whole text, so a hit is never a
// different text that happens to hash the same.
func (ev *Evaluator) scan(s string) []IdentifierHit {
	i := ev.next
	ev.next++
	if i < len(ev.seen) && ev.seen[i].s == s {
		e := ev.seen[i].e
		e.epoch = ev.epoch
		return e.hits
	}
	e, ok := ev.scans[s]
	if ok {
		e.epoch = ev.epoch
	} else {
		e = &scanned{hits: ScanText(s), epoch: ev.epoch}
		ev.scans[s] = e
		ev.fresh = true
	}
	if i < len(ev.seen) {
		ev.seen[i] = seenText{s, e}
	} else {
		ev.seen = append(ev.seen, seenText{s, e})
	}
	return e.hits
}

// Remembered is how many texts the evaluator holds scans of.
func (ev *Evaluator) Remembered() int {
	ev.mu.Lock()
	defer ev.mu.Unlock()
	return len(ev.scans)
}
