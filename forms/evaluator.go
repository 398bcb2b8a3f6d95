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
	out := evaluate(&Context{App: a, Today: DateOf(today), scan: ev.scan})
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
	if e, ok := ev.scans[s]; ok {
		e.epoch = ev.epoch
		return e.hits
	}
	hits := ScanText(s)
	ev.scans[s] = &scanned{hits: hits, epoch: ev.epoch}
	ev.fresh = true
	return hits
}

// Remembered is how many texts the evaluator holds scans of.
func (ev *Evaluator) Remembered() int {
	ev.mu.Lock()
	defer ev.mu.Unlock()
	return len(ev.scans)
}
