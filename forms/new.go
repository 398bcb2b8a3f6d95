package forms

import (
	"github.com/google/uuid"
)

// NewID returns a fresh identifier for a draft or a repeating-group entry.
func NewID() string { return uuid.NewString() }

// NewApplication returns an empty draft at the enquiry stage, reached today.
func NewApplication(title string, today Date) *Application {
	a := &Application{ID: NewID()}
	a.Overview.Title = title
	a.SetStage(StageEnquiry, today)
	return a
}

// SetStage moves the draft to stage s and records the date it was reached
// (R-P1). Re-entering a stage already recorded updates nothing but the
// current stage, so the history keeps the date first reached.
func (a *Application) SetStage(s Stage, on Date) {
	a.Overview.Stage = s
	for _, e := range a.Overview.StageHistory {
		if e.Stage == s {
			return
		}
	}
	a.Overview.StageHistory = append(a.Overview.StageHistory, StageEvent{Stage: s, Reached: on})
}

// StageReached returns the date stage s was reached, if it was.
func (a *Application) StageReached(s Stage) (Date, bool) {
	for _, e := range a.Overview.StageHistory {
		if e.Stage == s {
			return e.Reached, true
		}
	}
	return Date{}, false
}

// Clone returns a deep copy, by way of the stable JSON form.
func (a *Application) Clone() *Application {
	b, err := Encode(a)
	if err != nil {
		panic("forms: encode of an in-memory draft failed: " + err.Error())
	}
	c, err := DecodeOwn(b)
	if err != nil {
		panic("forms: decode of our own encoding failed: " + err.Error())
	}
	return c
}
