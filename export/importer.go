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

// BlobStore keeps evidence bytes, content-addressed. Put stores what r
// yields and returns its SHA-256 (lower-case hex) and size. Storage
// implements it.
type BlobStore interface {
	Put(r io.Reader) (sha256 string, size int64, err error)
}

// ErrPackDamaged is returned when a pack to import fails verification.
var ErrPackDamaged = errors.New("the pack is damaged")

// Imported is what an import produced.
type Imported struct {
	// App is the new draft: a fresh ID, revision 0, otherwise exactly the
	// application of the file. The caller stores it.
	App *forms.Application
	// Submission is the file's envelope (its draft ID, revision, export time).
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
	err := withFile(path, func(f *os.File, size int64, isPack bool) error {
		if !isPack {
			s, err := readSubmissionJSON(f)
			sub = s
			return err
		}
		p, err := openPackReader(f, size)
		if err != nil {
			return err
		}
		rep, _, err := verifyPack(p)
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

// Import reads a submission.json or a pack into a new draft. Evidence in a
// pack goes into blobs; the pack is verified first, so a damaged pack
// imports nothing. blobs may be nil for a submission file.
func Import(path string, blobs BlobStore) (*Imported, error) {
	var out *Imported
	err := withFile(path, func(f *os.File, size int64, isPack bool) error {
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

func withFile(path string, fn func(f *os.File, size int64, isPack bool) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("import %s: not a plain file", path)
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	if err := fn(f, st.Size(), bytes.Equal(head[:n], zipMagic)); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	return nil
}

func readSubmissionJSON(r io.Reader) (*Submission, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxSubmission+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxSubmission {
		return nil, fmt.Errorf("%w: it is larger than %d MB; a submission file is far smaller", ErrBadSubmission, maxSubmission>>20)
	}
	return DecodeSubmission(b)
}

func newImported(s *Submission) *Imported {
	app := s.Application.Clone()
	app.ID = forms.NewID()
	app.Revision = 0
	return &Imported{App: app, Submission: s}
}

// damaged explains why a pack cannot be read. A pack from a newer app is
// not damaged: that gets ErrNewerSchema's own message.
func damaged(rep *Report) error {
	for _, p := range rep.Problems {
		if errors.Is(p.err, ErrNewerSchema) {
			return fmt.Errorf("%s: %w", p.File, p.err)
		}
	}
	lines := make([]string, 0, len(rep.Problems))
	for _, p := range rep.Problems {
		lines = append(lines, p.String())
	}
	return fmt.Errorf("%w: %s", ErrPackDamaged, strings.Join(lines, "; "))
}

func importPack(ra io.ReaderAt, size int64, blobs BlobStore) (*Imported, error) {
	p, err := openPackReader(ra, size)
	if err != nil {
		return nil, err
	}
	rep, listed, err := verifyPack(p)
	if err != nil {
		return nil, err
	}
	if !rep.OK() {
		return nil, damaged(rep)
	}
	out := newImported(rep.Submission)
	stored := map[string]bool{}
	for _, e := range out.App.Evidence {
		if e.File == nil || e.File.SHA256 == "" {
			continue
		}
		want := strings.ToLower(e.File.SHA256)
		if stored[want] {
			continue
		}
		if blobs == nil {
			return nil, errors.New("import: the pack holds evidence but there is nowhere to store it")
		}
		path := evidenceDir + EvidencePackName(want, e.File.Name)
		if listed[path] != want {
			// verifyPack has checked this; kept as a guard against drift.
			return nil, fmt.Errorf("%w: %s is missing", ErrPackDamaged, path)
		}
		rc, _, err := p.open(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		got, _, err := blobs.Put(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("store evidence %s: %w", path, err)
		}
		if got != want {
			return nil, fmt.Errorf("%w: %s changed while it was read (expected SHA-256 %s, found %s)", ErrPackDamaged, path, want, got)
		}
		stored[want] = true
		out.EvidenceStored++
	}
	return out, nil
}
