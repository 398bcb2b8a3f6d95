package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
)

// packFile is what the one pass over a pack learnt about one file in it.
type packFile struct {
	size int64
	sum  string // SHA-256 of the content, lower-case hex
	// damage is what is wrong with the data (CRC, size, compression).
	damage error
	// facts are the PDF facts derived from the bytes, for evidence and the
	// pack's own PDFs.
	facts *PDFFacts
	// body is kept for the tag files and submission.json, which are judged
	// after the pass; tooBig is set when the file was over its bound.
	body   []byte
	tooBig int64
}

// packScan is the outcome of reading a pack once.
type packScan struct {
	files map[string]*packFile
	names []string // file entries in archive order
	// sha256 is the hash of the whole pack file, of the same bytes judged.
	sha256 string
	// staged holds the evidence files staged in the blob store (import),
	// by hash, each with its keep.
	staged map[string]func(bool) error
	// sub and subErr are submission.json decoded as it was read; named is
	// the evidence it names, so an import stages only those files. Nothing
	// is trusted from it before the judgement: a file it does not name
	// fails the judgement anyway.
	sub    *Submission
	subErr error
	named  map[string]bool
}

// keepStaged keeps or drops every staged file; it returns the first error.
func (s *packScan) keepStaged(keep bool) error {
	var first error
	for _, k := range s.staged {
		if err := k(keep); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// scanOptions say what else the pass does as it reads.
type scanOptions struct {
	// blobs, if set, receives every evidence file during the pass (import):
	// the bytes stored are the bytes hashed and inspected.
	blobs BlobStore
	// structure is what remains of the pack's PDF structure budget.
	structure *atomic.Int64
}

// Bounds on the files read into memory during a pass.
const (
	maxTagFile  = 1 << 20
	maxManifest = 8 << 20 // 10,000 lines of a hash and a path
)

// keepLimit says whether a file's content is kept for judging, and up to
// how many bytes.
func keepLimit(name string) int64 {
	switch name {
	case bagitFile, bagInfoFile:
		return maxTagFile
	case manifestFile, tagManifestFile:
		return maxManifest
	case payloadDir + SubmissionFile:
		return maxSubmission
	}
	return 0
}

// inspected says whether a file's bytes go through the PDF inspection: the
// evidence, and the PDFs the app itself writes into every pack.
func inspected(name string) bool {
	return strings.HasPrefix(name, evidenceDir) || name == payloadDir+applicationPDF || name == payloadDir+dpiaPDF
}

// scanPack reads a pack once, from its first byte to its last: the
// structure is checked as it goes (see walk), every file is hashed, the tag
// files and submission.json are kept, every PDF is inspected and, for an
// import, every evidence file is stored. Nothing is read twice, so what is
// judged is what is imported.
func scanPack(ra io.ReaderAt, size int64, opt scanOptions) (*packScan, error) {
	z, err := openZip(ra, size, packLimits)
	if err != nil {
		return nil, err
	}
	if _, ok := z.byName[bagitFile]; !ok {
		return nil, unsafe("it has no %s: it is not a BagIt bag (is it a DARS Workbench pack?)", bagitFile)
	}
	s := &packScan{files: map[string]*packFile{}, staged: map[string]func(bool) error{}}
	opt.structure = new(atomic.Int64)
	opt.structure.Store(maxPackStructure)
	whole := sha256.New()
	err = z.walk(whole, func(e *zipEntry, r io.Reader) error {
		f := &packFile{}
		s.files[e.name] = f
		s.names = append(s.names, e.name)
		h := sha256.New()
		cr := &countingReader{r: io.TeeReader(r, h)}
		if err := s.read(e.name, f, cr, opt); err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, cr)
		f.size, f.sum = cr.n, hex.EncodeToString(h.Sum(nil))
		return nil
	}, func(e *zipEntry, err error) {
		s.files[e.name].damage = err
	})
	if err != nil {
		s.keepStaged(false)
		return nil, err
	}
	s.sha256 = hex.EncodeToString(whole.Sum(nil))
	return s, nil
}

// read consumes one file's content as its kind asks.
func (s *packScan) read(name string, f *packFile, r io.Reader, opt scanOptions) error {
	if limit := keepLimit(name); limit > 0 {
		b, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return nil // the damage is recorded by the walk
		}
		if int64(len(b)) > limit {
			f.tooBig = limit
			return nil
		}
		f.body = b
		if name == payloadDir+SubmissionFile {
			s.decodeSubmission(b)
		}
		return nil
	}
	if !inspected(name) {
		return nil
	}
	if opt.blobs == nil || !strings.HasPrefix(name, evidenceDir) || (s.named != nil && !s.named[name]) {
		facts, _ := inspectPDF(r, opt.structure)
		f.facts = &facts
		return nil
	}
	facts, sum, keep, err := stageInspected(r, opt.blobs, opt.structure)
	if err != nil {
		return fmt.Errorf("store evidence %s: %w", name, err)
	}
	f.facts = &facts
	if prev, ok := s.staged[sum]; ok {
		_ = prev(false) // the same file twice: keep one copy
	}
	s.staged[sum] = keep
	return nil
}

// decodeSubmission decodes submission.json once, for the import's choice
// of files to stage and for the judgement.
func (s *packScan) decodeSubmission(b []byte) {
	s.sub, s.subErr = DecodeSubmission(b)
	if s.subErr != nil {
		return
	}
	s.named = map[string]bool{}
	for _, e := range s.sub.Application.Evidence {
		if e.File != nil && e.File.SHA256 != "" {
			sum := strings.ToLower(e.File.SHA256)
			s.named[evidenceDir+EvidencePackName(sum, e.File.Name)] = true
			s.named[evidenceDir+hashPrefix(sum)+"-"+sanitizeFileName(e.File.Name)] = true // a pack written by an earlier release
		}
	}
}

// stageInspected streams r into the blob store and, through a pipe, into
// the PDF inspection at the same time.
func stageInspected(r io.Reader, blobs BlobStore, structure *atomic.Int64) (PDFFacts, string, func(bool) error, error) {
	pr, pw := io.Pipe()
	done := make(chan PDFFacts, 1)
	go func() {
		facts, _ := inspectPDF(pr, structure)
		_, _ = io.Copy(io.Discard, pr)
		done <- facts
	}()
	sum, _, keep, err := blobs.Stage(io.TeeReader(r, pw))
	pw.CloseWithError(err)
	facts := <-done
	return facts, strings.ToLower(sum), keep, err
}
