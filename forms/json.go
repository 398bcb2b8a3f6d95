package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
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
// refused, so a typo in a hand-edited file is reported, not silently
// dropped; a file past DraftJSONLimits is refused before it is decoded.
func Decode(b []byte) (*Application, error) {
	return decode(b, DraftJSONLimits)
}

// DecodeOwn reads a draft this app wrote itself (its database, a clone)
// as strictly as Decode but without the limits that guard files from
// elsewhere, so a draft the app saved always opens again, however long its
// answers have grown.
func DecodeOwn(b []byte) (*Application, error) {
	return decode(b, JSONLimits{What: "a draft"})
}

func decode(b []byte, lim JSONLimits) (*Application, error) {
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD, changing
	// the user's text on the next save.
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%w: the text is not valid UTF-8; save the file as UTF-8 and try again", ErrBadDraft)
	}
	if err := CheckJSON(b, lim); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadDraft, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var a Application
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadDraft, explainJSONError(b, err, "a draft"))
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: unexpected data after the draft", ErrBadDraft)
	}
	if a.Revision < 0 {
		return nil, fmt.Errorf("%w: revision %d is below zero; a draft's revision counts its saves, so correct it to 0 or more", ErrBadDraft, a.Revision)
	}
	if lim.MaxValues > 0 {
		if err := CheckListLengths(&a, lim.What); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadDraft, err)
		}
	}
	NormaliseText(&a)
	return &a, nil
}

// explainJSONError turns encoding/json's errors (a bare "EOF", byte offsets)
// into what went wrong and where, for a file a user may have edited by hand.
func explainJSONError(b []byte, err error, what string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return errors.New("the file is empty; choose " + what + " exported by DARS Workbench")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the file ends too early: it is truncated or incomplete")
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "exceeded max depth"):
		return fmt.Errorf("line %s: the data is nested too deeply to be %s", jsonLineCol(b, syn.Offset), what)
	case errors.As(err, &syn):
		// Offset counts the bad character itself; point at it.
		return fmt.Errorf("line %s: %v; is it %s exported by DARS Workbench?", jsonLineCol(b, syn.Offset-1), err, what)
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Errorf("line %s: %s should be %s, not %s", jsonLineCol(b, typ.Offset), typ.Field, typ.Type, typ.Value)
	}
	return err
}

func jsonLineCol(b []byte, off int64) string {
	off = max(0, min(off, int64(len(b))))
	line, col := 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%d column %d", line, col)
}
