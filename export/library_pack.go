package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
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

func copyDocument(zw *zip.Writer, src EvidenceSource, f *forms.Attachment, at time.Time) error {
	rc, err := src.Open(f.SHA256)
	if err != nil {
		return err
	}
	defer rc.Close()
	// PDFs are compressed already: store them.
	return writeEntry(zw, libraryPackDocs+strings.ToLower(f.SHA256), at, false, rc)
}

// ReadLibraryPack reads a library pack, streaming each document into blobs
// and checking its hash against the library's record; a pack whose files do
// not match is refused whole (nothing is imported, though documents already
// put into the content-addressed store stay there, harmlessly).
func ReadLibraryPack(r io.ReaderAt, size int64, blobs BlobStore) ([]forms.LibraryEntry, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLibraryPack, err)
	}
	if len(zr.File) > maxLibraryPackEntries {
		return nil, fmt.Errorf("%w: %d entries, more than a library holds", ErrBadLibraryPack, len(zr.File))
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		if _, dup := files[f.Name]; dup {
			return nil, fmt.Errorf("%w: %s appears twice", ErrBadLibraryPack, f.Name)
		}
		files[f.Name] = f
	}
	jf, ok := files[libraryPackJSON]
	if !ok {
		return nil, fmt.Errorf("%w: it has no %s", ErrBadLibraryPack, libraryPackJSON)
	}
	js, err := readBounded(jf, maxLibraryJSONBytes)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadLibraryPack, libraryPackJSON, err)
	}
	entries, err := forms.DecodeLibrary(js)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLibraryPack, err)
	}
	done := map[string]bool{}
	for _, e := range entries {
		for _, d := range e.SecurityDocuments {
			if d.File == nil || done[strings.ToLower(d.File.SHA256)] {
				continue
			}
			sum := strings.ToLower(d.File.SHA256)
			f, ok := files[libraryPackDocs+sum]
			if !ok {
				return nil, fmt.Errorf("%w: the document %q of %s is missing", ErrBadLibraryPack, d.File.Name, e.Name())
			}
			if err := putDocument(f, sum, d.File.Size, blobs); err != nil {
				return nil, fmt.Errorf("%w: %s of %s: %v", ErrBadLibraryPack, d.File.Name, e.Name(), err)
			}
			done[sum] = true
		}
	}
	return entries, nil
}

func readBounded(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %s", forms.HumanBytes(limit))
	}
	return b, nil
}

// putDocument streams a document into the store, hashing it on the way,
// and checks it is the file the library describes.
func putDocument(f *zip.File, sum string, size int64, blobs BlobStore) error {
	if size < 0 || size > maxLibraryDocBytes {
		return fmt.Errorf("recorded size %d is out of range", size)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	h := sha256.New()
	lr := &io.LimitedReader{R: rc, N: size + 1}
	got, n, err := blobs.Put(io.TeeReader(lr, h))
	if err != nil {
		return err
	}
	if n != size || hex.EncodeToString(h.Sum(nil)) != sum || strings.ToLower(got) != sum {
		return fmt.Errorf("the file is not the one recorded (expected %d bytes with SHA-256 %s)", size, sum)
	}
	return nil
}
