package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrBadDraft wraps every reason a draft's JSON cannot be read.
var ErrBadDraft = errors.New("not a readable DARS Workbench draft")

// ErrNotFound is returned when a draft or item does not exist.
var ErrNotFound = errors.New("not found")

// Encode writes the stable, indented JSON form of a draft.
func Encode(a *Application) ([]byte, error) {
	return json.MarshalIndent(a, "", "  ")
}

// Decode reads a draft strictly: unknown fields and trailing data are
// refused, so a typo in a hand-edited file is reported, not silently dropped.
func Decode(b []byte) (*Application, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var a Application
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadDraft, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: unexpected data after the draft", ErrBadDraft)
	}
	return &a, nil
}
