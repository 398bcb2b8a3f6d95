package export

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrUnsafePack is returned for an archive refused before anything in it is
// read: hostile or broken structure (paths leaving the folder, duplicate
// names, links, absurd sizes, a zip bomb, truncation).
var ErrUnsafePack = errors.New("not a readable pack")

// Limits on what a pack may hold. Evidence uploads are at most 10 MB each
// (R-E2); the limits leave room for that many times over, and refuse what
// can only be an attack or a mistake.
const (
	maxEntries    = 10000
	maxEntrySize  = 4 << 30  // one file
	maxTotalSize  = 32 << 30 // all files
	maxRatio      = 200      // uncompressed / compressed, for entries over ratioFloor
	ratioFloor    = 1 << 20
	maxSubmission = 64 << 20 // submission.json is read into memory
)

// packReader is a zip archive whose entries passed the safety checks.
type packReader struct {
	files map[string]*zip.File // by exact name, regular files only
	names []string             // in archive order
}

func unsafe(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsafePack, fmt.Sprintf(format, a...))
}

// openPackReader reads a zip's directory and refuses it unless every entry
// is a plain file or folder with a safe, unique name and a plausible size.
func openPackReader(r io.ReaderAt, size int64) (*packReader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, unsafe("it is not a zip file, or it is truncated or damaged (%v)", err)
	}
	if len(zr.File) > maxEntries {
		return nil, unsafe("it holds %d files; a pack holds at most %d", len(zr.File), maxEntries)
	}
	p := &packReader{files: map[string]*zip.File{}}
	folded := map[string]string{}
	var total uint64
	for _, f := range zr.File {
		name := f.Name
		if err := checkEntryName(name); err != nil {
			return nil, err
		}
		key := strings.ToLower(norm.NFC.String(strings.TrimSuffix(name, "/")))
		if prev, ok := folded[key]; ok {
			if prev == name {
				return nil, unsafe("the name %q appears twice", name)
			}
			return nil, unsafe("the names %q and %q differ only in case or accents; they would overwrite each other on Windows and macOS", prev, name)
		}
		folded[key] = name
		mode := f.Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			return nil, unsafe("%q is a symbolic link; packs hold only plain files", name)
		case mode.IsDir() || strings.HasSuffix(name, "/"):
			if f.UncompressedSize64 != 0 {
				return nil, unsafe("folder entry %q has content", name)
			}
			continue
		case !mode.IsRegular():
			return nil, unsafe("%q is not a plain file (%v)", name, mode.Type())
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return nil, unsafe("%q uses compression method %d; packs use only stored or deflated files", name, f.Method)
		}
		if f.UncompressedSize64 > maxEntrySize {
			return nil, unsafe("%q claims %d bytes, more than the %d a pack file may have", name, f.UncompressedSize64, uint64(maxEntrySize))
		}
		if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > f.CompressedSize64*maxRatio {
			return nil, unsafe("%q expands %d times when unpacked: that is a zip bomb, not a pack", name, f.UncompressedSize64/max(f.CompressedSize64, 1))
		}
		total += f.UncompressedSize64
		if total > maxTotalSize {
			return nil, unsafe("its files add up to more than %d bytes", uint64(maxTotalSize))
		}
		p.files[name] = f
		p.names = append(p.names, name)
	}
	return p, nil
}

// checkEntryName refuses names that could write outside the folder a pack
// is unpacked into, or that some systems cannot hold.
func checkEntryName(name string) error {
	switch {
	case name == "":
		return unsafe("an entry has no name")
	case !utf8.ValidString(name):
		return unsafe("the name %q is not valid UTF-8", name)
	case strings.ContainsRune(name, '\\'):
		return unsafe("the name %q contains a backslash", name)
	case strings.HasPrefix(name, "/") || (len(name) >= 2 && name[1] == ':'):
		return unsafe("the name %q is an absolute path", name)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return unsafe("the name %q contains a control character", name)
		}
	}
	trimmed := strings.TrimSuffix(name, "/")
	for _, seg := range strings.Split(trimmed, "/") {
		if seg == ".." {
			return unsafe("the name %q leads out of the pack's folder", name)
		}
		if seg == "." || seg == "" {
			return unsafe("the name %q is not a clean path", name)
		}
	}
	if path.Clean(trimmed) != trimmed {
		return unsafe("the name %q is not a clean path", name)
	}
	return nil
}

// open reads an entry, never more than it declared.
func (p *packReader) open(name string) (io.ReadCloser, *zip.File, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, nil, fs.ErrNotExist
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	return rc, f, nil
}

// readSmall reads a whole entry that must stay under limit bytes.
func (p *packReader) readSmall(name string, limit int64) ([]byte, error) {
	rc, f, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d allowed", name, f.UncompressedSize64, limit)
	}
	return io.ReadAll(io.LimitReader(rc, limit+1))
}
