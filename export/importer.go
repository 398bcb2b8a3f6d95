package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// BlobStore keeps evidence bytes, content-addressed. Stage copies what r
// yields aside, hashing it, and returns its SHA-256 (lower-case hex), size
// and keep: keep(true) makes the file part of the store, keep(false) drops
// it. An import stages each file during its one pass over a pack and keeps
// them only when the pack is intact, so the files kept are the bytes that
// were judged and a refused pack leaves nothing behind. Storage implements it.
type BlobStore interface {
	Stage(r io.Reader) (sha256 string, size int64, keep func(bool) error, err error)
}

// ErrPackDamaged is returned when a pack to import fails verification.
var ErrPackDamaged = errors.New("the pack is damaged")

// Imported is what an import produced.
type Imported struct {
	// App is the new draft: a fresh ID, revision 0, otherwise exactly the
	// application of the file. The caller stores it.
	App *forms.Application
	// Submission is the file's envelope (its draft ID, revision, export
	// time); its Application is nil, being App.
	Submission *Submission
	// EvidenceStored counts the evidence files put into the blob store.
	EvidenceStored int
	// MissingEvidence names attached files the import could not supply (a
	// bare submission.json carries no evidence bytes): they need attaching again.
	MissingEvidence []string
}

var zipMagic = []byte("PK\x03\x04")

// ReadSubmission reads a submission.json or a pack and returns its
// submission, without storing anything: for checking a file. A pack is
// verified first and refused if damaged.
func ReadSubmission(path string) (*Submission, error) {
	var sub *Submission
	err := withFile("read", path, func(f *os.File, size int64, isPack bool) error {
		if !isPack {
			s, err := readSubmissionJSON(f)
			sub = s
			return err
		}
		rep, err := VerifyReader(f, size)
		if err != nil {
			return err
		}
		if !rep.OK() {
			return damaged(rep)
		}
		sub = rep.Submission
		return nil
	})
	return sub, err
}

// Import reads a submission.json or a pack into a new draft. A pack is read
// once: its evidence goes into blobs as it is verified, so the files stored
// are the files judged, and a damaged pack gives no draft. blobs may be nil
// for a submission file.
func Import(path string, blobs BlobStore) (*Imported, error) {
	var out *Imported
	err := withFile("import", path, func(f *os.File, size int64, isPack bool) error {
		var err error
		if isPack {
			out, err = importPack(f, size, blobs)
		} else {
			var s *Submission
			if s, err = readSubmissionJSON(f); err == nil {
				out = newImported(s)
				for _, e := range s.Application.Evidence {
					if e.File != nil && e.File.SHA256 != "" {
						out.MissingEvidence = append(out.MissingEvidence, e.File.Name)
					}
				}
			}
		}
		return err
	})
	return out, err
}

// withFile opens a plain file and says whether it is a zip; errors name
// the operation (op) and the file.
func withFile(op, path string, fn func(f *os.File, size int64, isPack bool) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s %s: not a plain file", op, path)
	}
	head := make([]byte, 4)
	n, _ := f.ReadAt(head, 0)
	if err := fn(f, st.Size(), bytes.Equal(head[:n], zipMagic)); err != nil {
		return fmt.Errorf("%s %s: %w", op, path, err)
	}
	return nil
}

func readSubmissionJSON(r io.Reader) (*Submission, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxSubmission+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxSubmission {
		return nil, fmt.Errorf("%w: it is larger than %s; a submission file is far smaller", ErrBadSubmission, forms.HumanBytes(maxSubmission))
	}
	return DecodeSubmission(b)
}

// newImported makes the new draft of a submission decoded for this import
// alone: its application becomes the draft (no copy, so a large one is not
// held twice) and Submission keeps the envelope.
func newImported(s *Submission) *Imported {
	app := s.Application
	env := *s
	env.Application = nil
	app.ID = forms.NewID()
	app.Revision = 0
	return &Imported{App: app, Submission: &env}
}

// damaged explains why a pack cannot be read. A pack from a newer app is
// not damaged: that gets ErrNewerSchema's own message.
func damaged(rep *Report) error {
	for _, p := range rep.Problems {
		if errors.Is(p.err, ErrNewerSchema) {
			return fmt.Errorf("%s: %w", p.File, p.err)
		}
	}
	return fmt.Errorf("%w: %s", ErrPackDamaged, problemList(rep))
}

func importPack(ra io.ReaderAt, size int64, blobs BlobStore) (*Imported, error) {
	if blobs == nil {
		blobs = refuseBlobs{}
	}
	s, err := scanPack(ra, size, scanOptions{blobs: blobs})
	if err != nil {
		return nil, err
	}
	rep := judge(s)
	if !rep.OK() {
		s.keepStaged(false)
		return nil, damaged(rep)
	}
	out := newImported(rep.Submission)
	for i := range out.App.Evidence {
		e := &out.App.Evidence[i]
		if e.File == nil || e.File.SHA256 == "" {
			continue
		}
		want := strings.ToLower(e.File.SHA256)
		path := evidencePath(func(p string) bool { _, ok := rep.Evidence[p]; return ok }, want, e.File.Name)
		facts, ok := rep.Evidence[path]
		if _, staged := s.staged[want]; !ok || !staged {
			// judge has checked this; kept as a guard against drift.
			s.keepStaged(false)
			return nil, fmt.Errorf("%w: %s is missing", ErrPackDamaged, path)
		}
		// The facts come from the bytes, whatever the file said.
		att := derivedAttachment(*e.File, want, facts)
		e.File = &att
	}
	if err := s.keepStaged(true); err != nil {
		return nil, fmt.Errorf("store evidence: %w", err)
	}
	out.EvidenceStored = len(s.staged)
	return out, nil
}

// refuseBlobs stands in when an import has nowhere to keep evidence.
type refuseBlobs struct{}

func (refuseBlobs) Stage(io.Reader) (string, int64, func(bool) error, error) {
	return "", 0, nil, errors.New("the pack holds evidence but there is nowhere to store it")
}
