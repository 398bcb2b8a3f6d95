package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/darsworkbench/dars-workbench/forms"
)

// SchemaVersion is the version of submission.json this app writes.
//
// When to raise it: whenever a file this app writes could be refused or
// misread by the release before it, that is, on any change to the format
// an older reader sees: a field added, removed, renamed or retyped (in the
// envelope or anywhere in forms.Application), a value added to or removed
// from an enumeration, or a field's meaning changed. Labels, comments and
// readiness rules are not the format and need no bump.
//
// How: raise it by one, add upgrades[old] (upgrade.go) turning an old file
// into the new shape and saying in conversion notes what it inferred, keep
// testdata/submission/v<old>/ (files the old release wrote, never
// rewritten) and record the new format with go test ./export -run
// TestSchemaVersion -update. TestSchemaVersionCoversTheFormat fails when the
// format differs from the one recorded for this version, so a field added
// without a bump cannot land.
const SchemaVersion = 4

// SubmissionJSONLimits bound what DecodeSubmission reads: the envelope
// around a draft, so a draft's limits.
var SubmissionJSONLimits = forms.JSONLimits{What: "a submission file", MaxBytes: forms.DraftJSONLimits.MaxBytes,
	MaxDepth: forms.DraftJSONLimits.MaxDepth, MaxValues: forms.DraftJSONLimits.MaxValues}

// SubmissionFile is the name of the submission file inside a pack.
const SubmissionFile = "submission.json"

// ErrBadSubmission wraps every reason a submission file cannot be read.
var ErrBadSubmission = errors.New("not a readable DARS Workbench submission file")

// ErrNewerSchema is returned for a file written by a newer app.
var ErrNewerSchema = errors.New("submission file is newer than this app")

// Submission is the envelope of submission.json: the draft as the app holds
// it, with what a reader needs to trust and place it.
type Submission struct {
	SchemaVersion int                `json:"schema_version"`
	AppVersion    string             `json:"app_version"`
	DraftID       string             `json:"draft_id"`
	Revision      int64              `json:"revision"`
	ExportedAt    time.Time          `json:"exported_at"`
	Application   *forms.Application `json:"application"`

	// ReadFrom is the schema version the file was written in, and
	// Converted says what reading an older version inferred, one sentence
	// each. Neither is part of the file.
	ReadFrom  int      `json:"-"`
	Converted []string `json:"-"`
}

// NewSubmission wraps a draft for export at time at by app version appVersion.
func NewSubmission(app *forms.Application, appVersion string, at time.Time) *Submission {
	return &Submission{
		SchemaVersion: SchemaVersion, AppVersion: appVersion,
		DraftID: app.ID, Revision: app.Revision,
		ExportedAt: at.UTC().Truncate(time.Second), Application: app,
	}
}

// EncodeSubmission writes the stable, indented JSON of a submission.
func EncodeSubmission(s *Submission) ([]byte, error) {
	if s.Application != nil {
		if err := guardDraft("submission.json", s.Application); err != nil {
			return nil, err
		}
	}
	return encodeSubmission(s)
}

func encodeSubmission(s *Submission) ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode submission: %w", err)
	}
	return append(b, '\n'), nil
}

// readsUpTo is the newest version this app reads: SchemaVersion, a variable
// only so that tests can exercise the upgrade chain before version 2 exists.
var readsUpTo = SchemaVersion

// DecodeSubmission reads a submission file strictly: invalid UTF-8,
// duplicate keys, unknown fields and trailing data are refused, as is a file
// from a newer schema; files from older schemas are upgraded first.
func DecodeSubmission(b []byte) (*Submission, error) {
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%w: the text is not valid UTF-8 (at byte %d); save the file as UTF-8", ErrBadSubmission, invalidUTF8At(b))
	}
	if err := forms.CheckJSON(b, SubmissionJSONLimits); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadSubmission, err)
	}
	var head struct {
		SchemaVersion *json.Number `json:"schema_version"`
		AppVersion    string       `json:"app_version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSubmission, describeJSONError(b, err))
	}
	if head.SchemaVersion == nil {
		return nil, fmt.Errorf("%w: it has no schema_version; is it a submission.json exported by DARS Workbench?", ErrBadSubmission)
	}
	v, err := head.SchemaVersion.Int64()
	if err != nil || v < 1 {
		return nil, fmt.Errorf("%w: schema_version %s is not a version number", ErrBadSubmission, head.SchemaVersion.String())
	}
	if v > int64(readsUpTo) {
		by, need := "", fmt.Sprintf("install a DARS Workbench release that reads schema version %d", v)
		if head.AppVersion != "" {
			by = " (it was written by DARS Workbench " + head.AppVersion + ")"
			need = fmt.Sprintf("it needs DARS Workbench %s or later, or another release that reads schema version %d", head.AppVersion, v)
		}
		return nil, fmt.Errorf("%w: it uses schema version %d%s and this app reads up to version %d; %s", ErrNewerSchema, v, by, readsUpTo, need)
	}
	var conv *conversion
	if v < int64(readsUpTo) {
		if b, conv, err = upgrade(b, int(v)); err != nil {
			return nil, err
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var s Submission
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSubmission, describeJSONError(b, err))
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: there is more data after the submission", ErrBadSubmission)
	}
	s.ReadFrom = int(v)
	if conv != nil {
		s.Converted = conv.notes
	}
	if s.Application == nil {
		return nil, fmt.Errorf("%w: it holds no application", ErrBadSubmission)
	}
	if err := forms.CheckListLengths(&s, "a submission file"); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadSubmission, err)
	}
	forms.NormaliseText(&s)
	for _, r := range []int64{s.Revision, s.Application.Revision} {
		if r < 0 {
			return nil, fmt.Errorf("%w: revision %d is below zero; a revision counts saves, so export the draft again", ErrBadSubmission, r)
		}
	}
	var bad []string
	badEnums(reflect.ValueOf(s.Application), "application", &bad)
	if len(bad) > 0 {
		more := ""
		if len(bad) > 3 {
			bad, more = bad[:3], " (and more)"
		}
		return nil, fmt.Errorf("%w: %s%s", ErrBadSubmission, strings.Join(bad, "; "), more)
	}
	return &s, nil
}

// describeJSONError adds the line and column to encoding/json's offsets,
// which mean nothing to a person with a text editor.
func describeJSONError(b []byte, err error) error {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return errors.New("the file is empty; choose one saved by DARS Workbench")
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || (errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end")):
		return errors.New("the file ends too early: it is truncated or incomplete")
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "after top-level value"):
		return fmt.Errorf("line %s: there is more data after the submission", lineCol(b, syn.Offset))
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
		if typ.Field != "" {
			return fmt.Errorf("line %s: %s should be %s, not %s", lineCol(b, off), typ.Field, typ.Type, typ.Value)
		}
	}
	if off >= 0 {
		return fmt.Errorf("line %s: %v", lineCol(b, off), err)
	}
	return err
}

func lineCol(b []byte, off int64) string {
	off = min(off, int64(len(b)))
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

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
