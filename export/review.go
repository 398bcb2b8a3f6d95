package export

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/darsworkbench/dars-workbench/forms"
)

// ReviewSchemaVersion is the version of review.json this app writes.
// Version 2 added the reviewer's verdicts on answers to earlier comments
// (verdicts) and the state of each comment (awaiting_reviewer,
// answer_round); a version 1 file reads as a review with no verdicts. Raise
// it on any change a reader of the version before could refuse or misread,
// and keep a file of every version in testdata/review.
const ReviewSchemaVersion = 2

// ReviewFileName is the name a review is saved under by default.
const ReviewFileName = "review.json"

// ReviewJSONLimits bound what DecodeReview reads: thousands of comments fit
// in far less.
var ReviewJSONLimits = forms.JSONLimits{What: "a review file", MaxBytes: 4_000_000, MaxDepth: 32, MaxValues: 50_000}

// ErrBadReview wraps every reason a review file cannot be read.
var ErrBadReview = errors.New("not a readable DARS Workbench review file")

// reviewSchema is the JSON Schema (draft 2020-12) of review.json, written by
// hand; the export tests check it against the Go types and against files
// this package writes, with an independent validator.
//
//go:embed schema/review.schema.json
var reviewSchema []byte

// ReviewSchema returns the JSON Schema of review.json.
func ReviewSchema() []byte { return append([]byte(nil), reviewSchema...) }

// fieldPathRe is the form of a field path, as the schema states it.
var fieldPathRe = regexp.MustCompile(`^([a-z0-9_]+(\[[0-9]+\])?(\.[a-z0-9_]+(\[[0-9]+\])?)*)?$`)

// ReviewFile is review.json: one reviewer's comments on one pack, with the
// hash of the pack so that anyone can tell which file was read.
type ReviewFile struct {
	SchemaVersion int       `json:"schema_version"`
	AppVersion    string    `json:"app_version"`
	PackSHA256    string    `json:"pack_sha256"`
	PackFile      string    `json:"pack_file"`
	Title         string    `json:"application_title"`
	ExportedAt    time.Time `json:"pack_exported_at"`
	SavedAt       time.Time `json:"saved_at"`
	forms.Review
}

// NewReviewFile wraps a review of an opened pack for saving at time at.
func NewReviewFile(o *Opened, r *forms.Review, appVersion string, at time.Time) *ReviewFile {
	name := o.Path
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return &ReviewFile{
		SchemaVersion: ReviewSchemaVersion, AppVersion: appVersion,
		PackSHA256: o.SHA256, PackFile: name,
		Title: o.Submission.Application.Overview.Title, ExportedAt: o.Submission.ExportedAt,
		SavedAt: at.UTC().Truncate(time.Second), Review: *r,
	}
}

// EncodeReview writes the stable, indented JSON of a review file.
func EncodeReview(f *ReviewFile) ([]byte, error) {
	if err := guardReview("The review file", f); err != nil {
		return nil, err
	}
	c := *f
	// Whatever version was read, what this app writes is its own version.
	c.SchemaVersion = ReviewSchemaVersion
	if c.Comments == nil {
		c.Comments = []forms.ReviewComment{}
	}
	if c.NoConcerns == nil {
		c.NoConcerns = []forms.SectionID{}
	}
	if c.Verdicts == nil {
		c.Verdicts = []forms.CommentVerdict{}
	}
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode review: %w", err)
	}
	return append(b, '\n'), nil
}

// DecodeReview reads a review file strictly: invalid UTF-8, duplicate keys,
// unknown fields, trailing data, a newer version, a malformed pack hash and
// comments that cannot be understood are all refused, with what is wrong.
func DecodeReview(b []byte) (*ReviewFile, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrBadReview, fmt.Sprintf(format, a...))
	}
	if len(b) > ReviewJSONLimits.MaxBytes {
		return nil, bad("it is %s; a review file is at most %s", forms.HumanBytes(int64(len(b))), forms.HumanBytes(int64(ReviewJSONLimits.MaxBytes)))
	}
	if !utf8.Valid(b) {
		return nil, bad("the text is not valid UTF-8 (at byte %d); save the file as UTF-8", invalidUTF8At(b))
	}
	if err := forms.CheckJSON(b, ReviewJSONLimits); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadReview, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f ReviewFile
	if err := dec.Decode(&f); err != nil {
		return nil, bad("%v", describeJSONError(b, err))
	}
	if dec.More() {
		return nil, bad("there is more data after the review")
	}
	if err := forms.CheckListLengths(&f, "a review file"); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadReview, err)
	}
	forms.NormaliseText(&f)
	switch {
	case f.SchemaVersion < 1:
		return nil, bad("it has no schema_version; is it a review.json saved by DARS Workbench?")
	case f.SchemaVersion > ReviewSchemaVersion:
		return nil, bad("it uses review schema version %d and this app reads up to version %d; install a newer DARS Workbench", f.SchemaVersion, ReviewSchemaVersion)
	case len(f.PackSHA256) != 64 || !isHex(f.PackSHA256) || strings.ToLower(f.PackSHA256) != f.PackSHA256:
		return nil, bad("pack_sha256 %q is not a SHA-256 (64 lower-case hex digits)", f.PackSHA256)
	case strings.TrimSpace(f.DraftID) == "":
		return nil, bad("it does not say which draft it reviews (draft_id is empty)")
	case f.Revision < 0:
		return nil, bad("revision %d is not a revision", f.Revision)
	}
	for i, c := range f.Comments {
		if strings.TrimSpace(c.ID) == "" {
			return nil, bad("comment %d has no id", i+1)
		}
		if err := forms.ValidateComment(c); err != nil {
			return nil, bad("comment %d: %v", i+1, err)
		}
		if !fieldPathRe.MatchString(c.Field) {
			return nil, bad("comment %d: %q is not a field path such as purpose.objective", i+1, c.Field)
		}
	}
	for _, s := range f.NoConcerns {
		if _, ok := forms.SectionByID(s); !ok {
			return nil, bad("%q in sections_without_concerns is not a section", s)
		}
	}
	if f.SchemaVersion < 2 && f.Verdicts != nil {
		return nil, bad("it is a version %d review with verdicts, which arrived in version 2", f.SchemaVersion)
	}
	for i, v := range f.Verdicts {
		if err := forms.ValidateVerdict(v); err != nil {
			return nil, bad("verdict %d: %v", i+1, err)
		}
	}
	if f.Comments == nil {
		f.Comments = []forms.ReviewComment{}
	}
	if f.Verdicts == nil {
		f.Verdicts = []forms.CommentVerdict{}
	}
	return &f, nil
}

// ReadReview reads and decodes a review file from disk.
func ReadReview(path string) (*ReviewFile, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read review %s: %w", path, err)
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, int64(ReviewJSONLimits.MaxBytes)+1))
	if err != nil {
		return nil, fmt.Errorf("read review %s: %w", path, err)
	}
	f, err := DecodeReview(b)
	if err != nil {
		return nil, fmt.Errorf("read review %s: %w", path, err)
	}
	return f, nil
}
