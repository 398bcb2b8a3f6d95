package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync/atomic"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A library pack is a ZIP of the library file (library.json, as
// forms.EncodeLibrary writes it) and the security documents it names, each
// at documents/<sha256>. It lets an IG lead hand researchers the unit's
// organisations with their evidence in one file.
const (
	libraryPackJSON = "library.json"
	libraryPackDocs = "documents/"
	// Bounds for reading a pack someone else made.
	maxLibraryPackEntries = 2000
	maxLibraryJSONBytes   = 10 << 20
	maxLibraryDocBytes    = 100 << 20
)

// ErrBadLibraryPack wraps every reason a library pack cannot be read.
var ErrBadLibraryPack = errors.New("not a readable DARS Workbench library pack")

// IsZip reports whether b starts like a ZIP file (a pack rather than JSON).
func IsZip(b []byte) bool { return bytes.HasPrefix(b, zipMagic) }

// WriteLibraryPack writes the library and its security documents as a ZIP.
// Documents whose bytes the source lacks are left out and named in missing,
// so the caller can say which to attach again. created dates the entries.
func WriteLibraryPack(w io.Writer, entries []forms.LibraryEntry, src EvidenceSource, created time.Time) (missing []string, err error) {
	if err := guardLibrary("The library pack", entries); err != nil {
		return nil, err
	}
	entries, err = refreshLibraryFacts(entries, src)
	if err != nil {
		return nil, err
	}
	js, err := forms.EncodeLibrary(entries)
	if err != nil {
		return nil, err
	}
	zw := zip.NewWriter(w)
	if err := writeEntry(zw, libraryPackJSON, created, true, bytes.NewReader(js)); err != nil {
		return nil, fmt.Errorf("write library pack: %w", err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		for _, d := range e.SecurityDocuments {
			if d.File == nil || seen[d.File.SHA256] {
				continue
			}
			seen[d.File.SHA256] = true
			if err := copyDocument(zw, src, d.File, created); err != nil {
				if errors.Is(err, forms.ErrNotFound) || errors.Is(err, fs.ErrNotExist) {
					missing = append(missing, e.Name()+": "+d.File.Name)
					continue
				}
				return missing, fmt.Errorf("write library pack: %s: %w", d.File.Name, err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		return missing, fmt.Errorf("write library pack: %w", err)
	}
	return missing, nil
}

// refreshLibraryFacts copies the entries with each document's facts
// derived again from its bytes, so that the pack states what the reader of
// it will find, whichever version of the inspection recorded them first.
func refreshLibraryFacts(entries []forms.LibraryEntry, src EvidenceSource) ([]forms.LibraryEntry, error) {
	out := make([]forms.LibraryEntry, len(entries))
	for i, e := range entries {
		out[i] = e
		out[i].SecurityDocuments = append([]forms.EvidenceItem(nil), e.SecurityDocuments...)
		for j, d := range out[i].SecurityDocuments {
			if d.File == nil {
				continue
			}
			att, err := inspectStored(src, d.File)
			if err != nil {
				if errors.Is(err, forms.ErrNotFound) || errors.Is(err, fs.ErrNotExist) {
					continue // named as missing when copied
				}
				return nil, fmt.Errorf("write library pack: %s: %w", d.File.Name, err)
			}
			out[i].SecurityDocuments[j].File = att
		}
	}
	return out, nil
}

// inspectStored derives an attachment's facts again from the stored bytes.
func inspectStored(src EvidenceSource, a *forms.Attachment) (*forms.Attachment, error) {
	rc, err := src.Open(strings.ToLower(a.SHA256))
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	facts, err := InspectPDF(rc)
	if err != nil {
		return nil, err
	}
	att := facts.Attachment(a.Name, strings.ToLower(a.SHA256))
	return &att, nil
}

func copyDocument(zw *zip.Writer, src EvidenceSource, f *forms.Attachment, at time.Time) error {
	rc, err := src.Open(f.SHA256)
	if err != nil {
		return err
	}
	defer rc.Close()
	// PDFs are compressed already: store them.
	return writeEntry(zw, libraryPackDocs+strings.ToLower(f.SHA256), at, false, rc)
}

// MaxLibraryPackBytes is the largest library pack file read: its documents'
// limit and room for the archive's own records.
const MaxLibraryPackBytes = 1<<30 + 64<<20

// libraryPackLimits bound a library pack: a library is a unit's
// organisations with a few security documents each.
var libraryPackLimits = zipLimits{
	entries:    maxLibraryPackEntries,
	entry:      maxLibraryDocBytes,
	total:      1 << 30,
	ratio:      packLimits.ratio,
	ratioFloor: packLimits.ratioFloor,
}

// ReadLibraryPack reads a library pack in one pass: its structure is
// checked as for a pack, each document is staged in blobs and inspected as
// it is read, and only when every document is the one the library records
// (hash, size, and the facts derived again from its bytes) are they kept. A
// pack that fails any check is refused whole and leaves nothing behind.
func ReadLibraryPack(r io.ReaderAt, size int64, blobs BlobStore) ([]forms.LibraryEntry, error) {
	if size > MaxLibraryPackBytes {
		return nil, fmt.Errorf("%w: it is %s; a library pack is at most %s", ErrBadLibraryPack, forms.HumanBytes(size), forms.HumanBytes(MaxLibraryPackBytes))
	}
	z, err := openZip(r, size, libraryPackLimits)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLibraryPack, err)
	}
	if blobs == nil {
		blobs = refuseBlobs{}
	}
	type doc struct {
		size  int64
		facts PDFFacts
		keep  func(bool) error
	}
	docs := map[string]*doc{}
	var js []byte
	dropAll := func() {
		for _, d := range docs {
			_ = d.keep(false)
		}
	}
	var damage error
	structure := new(atomic.Int64)
	structure.Store(maxPackStructure)
	err = z.walk(nil, func(e *zipEntry, r io.Reader) error {
		switch {
		case e.name == libraryPackJSON:
			b, err := io.ReadAll(io.LimitReader(r, int64(forms.LibraryJSONLimits.MaxBytes)+1))
			if err == nil && len(b) > forms.LibraryJSONLimits.MaxBytes {
				return fmt.Errorf("%s is larger than %s", libraryPackJSON, forms.HumanBytes(int64(forms.LibraryJSONLimits.MaxBytes)))
			}
			js = b
		case strings.HasPrefix(e.name, libraryPackDocs) && len(e.name) == len(libraryPackDocs)+64 && isLowerHex(e.name[len(libraryPackDocs):]):
			cr := &countingReader{r: r}
			facts, sum, keep, err := stageInspected(cr, blobs, structure)
			if err != nil {
				return fmt.Errorf("store %s: %w", e.name, err)
			}
			if sum != e.name[len(libraryPackDocs):] {
				_ = keep(false)
				return fmt.Errorf("%s is not the one recorded: its content's SHA-256 is %s", e.name, sum)
			}
			docs[sum] = &doc{size: cr.n, facts: facts, keep: keep}
		default:
			return fmt.Errorf("%s is not part of a library pack", e.name)
		}
		return nil
	}, func(e *zipEntry, err error) {
		if damage == nil {
			damage = fmt.Errorf("%s is %w", e.name, err)
		}
	})
	if err == nil {
		err = damage
	}
	if err == nil && js == nil {
		err = fmt.Errorf("it has no %s", libraryPackJSON)
	}
	var entries []forms.LibraryEntry
	if err == nil {
		entries, err = forms.DecodeLibrary(js)
	}
	named := map[string]bool{}
	for _, e := range entries {
		if err != nil {
			break
		}
		for _, d := range e.SecurityDocuments {
			if d.File == nil {
				continue
			}
			sum := strings.ToLower(d.File.SHA256)
			named[sum] = true
			got, ok := docs[sum]
			switch {
			case !ok:
				err = fmt.Errorf("the document %q of %s is missing", d.File.Name, e.Name())
			case d.File.Size < 0 || d.File.Size > maxLibraryDocBytes:
				err = fmt.Errorf("%s of %s: recorded size %d is out of range", d.File.Name, e.Name(), d.File.Size)
			default:
				if why := factsDisagree(*d.File, got.size, got.facts); why != "" {
					err = fmt.Errorf("%s of %s: the library states %s", d.File.Name, e.Name(), why)
				}
			}
			if err != nil {
				break
			}
		}
	}
	for sum := range docs {
		if err == nil && !named[sum] {
			err = fmt.Errorf("%s%s is in the pack but no organisation names it", libraryPackDocs, sum)
		}
	}
	if err != nil {
		dropAll()
		return nil, fmt.Errorf("%w: %v", ErrBadLibraryPack, err)
	}
	for i := range entries {
		for j := range entries[i].SecurityDocuments {
			if f := entries[i].SecurityDocuments[j].File; f != nil {
				// The facts come from the bytes, whatever the file said.
				att := derivedAttachment(*f, strings.ToLower(f.SHA256), docs[strings.ToLower(f.SHA256)].facts)
				entries[i].SecurityDocuments[j].File = &att
			}
		}
	}
	for _, d := range docs {
		if kerr := d.keep(true); kerr != nil && err == nil {
			err = kerr
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLibraryPack, err)
	}
	return entries, nil
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return true
}
