package export

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/darsworkbench/dars-workbench/forms"
)

// ErrUnsafePack is returned for an archive refused before anything in it is
// trusted: hostile or broken structure (paths leaving the folder, duplicate
// names, links, absurd sizes, a zip bomb, truncation, bytes that no entry
// accounts for, headers that disagree).
var ErrUnsafePack = errors.New("not a readable pack")

// zipLimits bound what an archive may hold, so that reading any file costs
// memory and time in proportion to its size.
type zipLimits struct {
	entries int   // entries in the central directory
	entry   int64 // uncompressed bytes of one file
	total   int64 // uncompressed bytes of all files
	// ratio bounds uncompressed/compressed for entries over ratioFloor:
	// deflate reaches about 1,000 on crafted input, real files far less.
	// Smaller entries may compress as well as they like (a submission of
	// repeated text does): they cost little however they expand.
	ratio      int64
	ratioFloor int64
}

// Limits on what a pack may hold. Evidence uploads are at most 10 MB each
// (R-E2); the limits leave room for that many times over and refuse what
// can only be an attack or a mistake. They keep every offset below 4 GB, so
// a pack never needs ZIP64 records and any it has are refused.
var packLimits = zipLimits{
	entries:    10000,
	entry:      256 << 20,
	total:      1 << 30,
	ratio:      200,
	ratioFloor: 16 << 20,
}

const (
	maxSubmission = 4_000_000 // submission.json is read into memory (SubmissionJSONLimits)
	// maxNameBytes and maxDirectoryBytes bound one name and the central
	// directory (which is read into memory whole).
	maxZipNameBytes   = 1024
	maxDirectoryBytes = 8 << 20
	zipLocalSig       = 0x04034b50
	zipCentralSig     = 0x02014b50
	zipEndSig         = 0x06054b50
	zipEnd64Sig       = 0x06064b50
	zipEnd64LocSig    = 0x07064b50
	zipDescriptorSig  = 0x08074b50
	zipLocalLen       = 30
	zipCentralLen     = 46
	zipEndLen         = 22
	zipFlagEncrypted  = 0x0001
	zipFlagDescriptor = 0x0008
	zipFlagUTF8       = 0x0800
	// Deflate's level hints (bits 1 and 2), the descriptor and UTF-8 names
	// are all a pack's entries may use.
	zipAllowedFlags  = 0x0002 | 0x0004 | zipFlagDescriptor | zipFlagUTF8
	zipExtraZip64    = 0x0001
	zipExtraUnicode  = 0x7075
	zipExtraUniNotes = 0x6375
)

func unsafe(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsafePack, fmt.Sprintf(format, a...))
}

// zipEntry is one entry as the central directory records it.
type zipEntry struct {
	name         string
	flags        uint16
	method       uint16
	crc          uint32
	csize, usize int64
	offset       int64 // of the local header
	dir          bool
	nameRaw      []byte
}

// zipArchive is an archive whose central directory passed the checks. Its
// entries are in the order they lie in the file.
type zipArchive struct {
	ra       io.ReaderAt
	size     int64
	entries  []*zipEntry
	byName   map[string]*zipEntry
	cdOffset int64
	// tail is the central directory and end record exactly as read, so the
	// whole file can be hashed without reading it twice.
	tail []byte
	lim  zipLimits
}

// openZip reads the end record and central directory of an archive and
// refuses it unless every entry is a plain file or folder with a safe,
// unique name and a plausible size, and the directory accounts for the
// file's bytes: no comment, no ZIP64, no disk spanning, nothing after the
// end record. The entries' own headers and data are checked by walk.
func openZip(ra io.ReaderAt, size int64, lim zipLimits) (*zipArchive, error) {
	if size < zipEndLen {
		return nil, unsafe("it is not a zip file, or it is truncated or damaged (%d bytes)", size)
	}
	// Stored entries take their own size, deflated ones barely more, and
	// each entry's headers a few kilobytes at most.
	if most := lim.total + lim.total/100 + int64(lim.entries)*(2*zipLocalLen+3*maxZipNameBytes+maxLocalExtra+16) + maxDirectoryBytes; size > most {
		return nil, unsafe("it is %s, more than a pack can be", forms.HumanBytes(size))
	}
	end := make([]byte, zipEndLen)
	if _, err := ra.ReadAt(end, size-zipEndLen); err != nil {
		return nil, unsafe("it cannot be read: %v", err)
	}
	if binary.LittleEndian.Uint32(end) != zipEndSig {
		return nil, noEndRecord(ra, size)
	}
	disk := binary.LittleEndian.Uint16(end[4:])
	cdDisk := binary.LittleEndian.Uint16(end[6:])
	onDisk := binary.LittleEndian.Uint16(end[8:])
	count := binary.LittleEndian.Uint16(end[10:])
	cdSize := int64(binary.LittleEndian.Uint32(end[12:]))
	cdOffset := int64(binary.LittleEndian.Uint32(end[16:]))
	switch {
	case binary.LittleEndian.Uint16(end[20:]) != 0:
		return nil, unsafe("its end record claims a comment that is not there")
	case count == 0xffff || cdSize == 0xffffffff || cdOffset == 0xffffffff:
		return nil, unsafe("it uses ZIP64 records; a pack is smaller than 4 GB and never needs them")
	case disk != 0 || cdDisk != 0 || onDisk != count:
		return nil, unsafe("it claims to span several disks")
	case int(count) > lim.entries:
		return nil, unsafe("it holds %d files; a pack holds at most %d", count, lim.entries)
	case cdSize > maxDirectoryBytes:
		return nil, unsafe("its central directory is %s, more than %d entries need", forms.HumanBytes(cdSize), lim.entries)
	case cdOffset+cdSize != size-zipEndLen:
		if cdOffset+cdSize < size-zipEndLen && bytes.Contains(mustRead(ra, cdOffset+cdSize, size-zipEndLen), le32(zipEnd64LocSig)) {
			return nil, unsafe("it uses ZIP64 records; a pack is smaller than 4 GB and never needs them")
		}
		return nil, unsafe("its central directory does not end where the end record begins (%d bytes unaccounted for); the file was altered or joined to another", size-zipEndLen-cdOffset-cdSize)
	}
	tail := make([]byte, cdSize+zipEndLen)
	if _, err := ra.ReadAt(tail[:cdSize], cdOffset); err != nil {
		return nil, unsafe("its central directory cannot be read: %v", err)
	}
	copy(tail[cdSize:], end)
	z := &zipArchive{ra: ra, size: size, byName: map[string]*zipEntry{}, cdOffset: cdOffset, tail: tail, lim: lim}
	if err := z.readDirectory(tail[:cdSize], int(count)); err != nil {
		return nil, err
	}
	return z, nil
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func mustRead(ra io.ReaderAt, from, to int64) []byte {
	if to-from > 1<<16 {
		from = to - 1<<16
	}
	b := make([]byte, max(0, to-from))
	n, _ := ra.ReadAt(b, from)
	return b[:n]
}

// noEndRecord says why the last bytes are not an end record.
func noEndRecord(ra io.ReaderAt, size int64) error {
	tail := mustRead(ra, max(0, size-(1<<16+zipEndLen)), size)
	if i := bytes.LastIndex(tail, le32(zipEndSig)); i >= 0 {
		return unsafe("it has %d bytes after its end record (a comment or something appended); a pack ends with its end record", len(tail)-i-zipEndLen)
	}
	return unsafe("it is not a zip file, or it is truncated or damaged")
}

func (z *zipArchive) readDirectory(cd []byte, count int) error {
	names := newNameSet()
	var total int64
	for i := 0; i < count; i++ {
		if len(cd) < zipCentralLen || binary.LittleEndian.Uint32(cd) != zipCentralSig {
			return unsafe("its central directory is damaged at entry %d of %d", i+1, count)
		}
		h := cd[:zipCentralLen]
		creator := binary.LittleEndian.Uint16(h[4:])
		e := &zipEntry{
			flags:  binary.LittleEndian.Uint16(h[8:]),
			method: binary.LittleEndian.Uint16(h[10:]),
			crc:    binary.LittleEndian.Uint32(h[16:]),
			csize:  int64(binary.LittleEndian.Uint32(h[20:])),
			usize:  int64(binary.LittleEndian.Uint32(h[24:])),
			offset: int64(binary.LittleEndian.Uint32(h[42:])),
		}
		nameLen := int(binary.LittleEndian.Uint16(h[28:]))
		extraLen := int(binary.LittleEndian.Uint16(h[30:]))
		commentLen := int(binary.LittleEndian.Uint16(h[32:]))
		startDisk := binary.LittleEndian.Uint16(h[34:])
		external := binary.LittleEndian.Uint32(h[38:])
		if len(cd) < zipCentralLen+nameLen+extraLen+commentLen {
			return unsafe("its central directory is damaged at entry %d of %d", i+1, count)
		}
		e.nameRaw = cd[zipCentralLen : zipCentralLen+nameLen]
		extra := cd[zipCentralLen+nameLen : zipCentralLen+nameLen+extraLen]
		cd = cd[zipCentralLen+nameLen+extraLen+commentLen:]
		e.name = string(e.nameRaw)
		if err := checkZipName(e, extra); err != nil {
			return err
		}
		if err := names.add(e.name); err != nil {
			return err
		}
		if startDisk != 0 {
			return unsafe("%q claims to be on another disk", e.name)
		}
		if e.csize == 0xffffffff || e.usize == 0xffffffff || e.offset == 0xffffffff {
			return unsafe("%q uses ZIP64 sizes; a pack is smaller than 4 GB and never needs them", e.name)
		}
		if e.flags&zipFlagEncrypted != 0 || e.flags&0x0040 != 0 {
			return unsafe("%q is encrypted; packs hold only plain files", e.name)
		}
		if e.flags&^zipAllowedFlags != 0 {
			return unsafe("%q has header flags %#04x that packs never use", e.name, e.flags)
		}
		mode := (&zip.FileHeader{Name: e.name, CreatorVersion: creator, ExternalAttrs: external}).Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			return unsafe("%q is a symbolic link; packs hold only plain files", e.name)
		case mode.IsDir() || strings.HasSuffix(e.name, "/"):
			if e.usize != 0 || !strings.HasSuffix(e.name, "/") {
				return unsafe("folder entry %q has content", e.name)
			}
			e.dir = true
		case !mode.IsRegular():
			return unsafe("%q is not a plain file (%v)", e.name, mode.Type())
		}
		switch e.method {
		case zip.Store:
			if e.csize != e.usize {
				return unsafe("%q is stored uncompressed but its sizes differ (%d and %d bytes)", e.name, e.csize, e.usize)
			}
		case zip.Deflate:
		default:
			return unsafe("%q uses compression method %d; packs use only stored or deflated files", e.name, e.method)
		}
		if e.usize > z.lim.entry {
			return unsafe("%q claims %d bytes, more than the %d a pack file may have", e.name, e.usize, z.lim.entry)
		}
		if e.usize > z.lim.ratioFloor && e.usize > e.csize*z.lim.ratio {
			return unsafe("%q expands %d times when unpacked: that is a zip bomb, not a pack", e.name, e.usize/max(e.csize, 1))
		}
		total += e.usize
		if total > z.lim.total {
			return unsafe("its files add up to more than %d bytes", z.lim.total)
		}
		z.entries = append(z.entries, e)
		z.byName[e.name] = e
	}
	if len(cd) != 0 {
		return unsafe("its central directory has %d bytes after its last entry", len(cd))
	}
	return z.checkLayout()
}

// checkLayout refuses entries that overlap or that start past the
// directory; gaps are found by walk, which reads every byte.
func (z *zipArchive) checkLayout() error {
	sort.SliceStable(z.entries, func(i, j int) bool { return z.entries[i].offset < z.entries[j].offset })
	for i, e := range z.entries {
		minEnd := e.offset + zipLocalLen + int64(len(e.nameRaw)) + e.csize
		if minEnd > z.cdOffset {
			return unsafe("%q runs into the central directory", e.name)
		}
		if i+1 < len(z.entries) && minEnd > z.entries[i+1].offset {
			return unsafe("the entries %q and %q overlap", e.name, z.entries[i+1].name)
		}
	}
	if len(z.entries) == 0 && z.cdOffset != 0 {
		return unsafe("it has %d bytes before its central directory that no entry accounts for", z.cdOffset)
	}
	return nil
}

// checkZipName refuses names that could write outside the folder a pack is
// unpacked into, that some systems cannot hold, or that a tool could read
// differently from us (a second name in an extra field).
func checkZipName(e *zipEntry, extra []byte) error {
	name := e.name
	if len(name) > maxZipNameBytes {
		return unsafe("an entry's name is %d bytes long; names are at most %d", len(name), maxZipNameBytes)
	}
	if err := checkEntryName(name); err != nil {
		return err
	}
	hasUnicodePath := false
	if err := eachExtra(extra, func(id uint16, body []byte) error {
		switch id {
		case zipExtraZip64:
			return unsafe("%q carries ZIP64 sizes; a pack is smaller than 4 GB and never needs them", name)
		case zipExtraUnicode:
			// Info-ZIP's second name: version, CRC of the name, the name.
			if len(body) < 5 || body[0] != 1 || string(body[5:]) != name {
				return unsafe("%q carries a second, different name in an extra field; tools would unpack it under that name", name)
			}
			hasUnicodePath = true
		case zipExtraUniNotes:
			return unsafe("%q carries a Unicode comment field; packs have none", name)
		}
		return nil
	}); err != nil {
		return err
	}
	if e.flags&zipFlagUTF8 == 0 && !hasUnicodePath && !isASCII(name) {
		return unsafe("the name %q is not marked as UTF-8, so Windows would unpack it under another name", name)
	}
	return nil
}

// eachExtra walks the extra field's records, which must fill it exactly.
func eachExtra(extra []byte, fn func(id uint16, body []byte) error) error {
	for len(extra) > 0 {
		if len(extra) < 4 {
			return unsafe("an entry's extra field is damaged")
		}
		id := binary.LittleEndian.Uint16(extra)
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		if len(extra) < 4+n {
			return unsafe("an entry's extra field is damaged")
		}
		if err := fn(id, extra[4:4+n]); err != nil {
			return err
		}
		extra = extra[4+n:]
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// windowsReserved are device names Windows will not create as files.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// checkEntryName refuses names that could write outside the folder a pack
// is unpacked into, or that some systems cannot hold or would change.
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
		switch {
		case unicode.IsControl(r):
			return unsafe("the name %q contains a control character", name)
		case unicode.Is(unicode.Cf, r) || r == utf8.RuneError:
			// Invisible characters that macOS ignores in names.
			return unsafe("the name %q contains an invisible character (U+%04X)", name, r)
		case strings.ContainsRune(`<>:"|?*`, r):
			return unsafe("the name %q contains %q, which Windows does not allow in a name", name, r)
		}
	}
	trimmed := strings.TrimSuffix(name, "/")
	for _, seg := range strings.Split(trimmed, "/") {
		switch {
		case seg == "..":
			return unsafe("the name %q leads out of the pack's folder", name)
		case seg == "." || seg == "":
			return unsafe("the name %q is not a clean path", name)
		case strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " "):
			return unsafe("the name %q has a part ending in a dot or space, which Windows drops", name)
		case len(seg) > 255:
			return unsafe("the name %q has a part longer than 255 bytes", name)
		}
		base, _, _ := strings.Cut(seg, ".")
		if windowsReserved[strings.ToUpper(strings.TrimSpace(base))] {
			return unsafe("the name %q uses %q, a device name Windows reserves", name, base)
		}
	}
	if path.Clean(trimmed) != trimmed {
		return unsafe("the name %q is not a clean path", name)
	}
	return nil
}

// nameSet finds names that would land on the same file where names are
// compared ignoring case and Unicode normalisation (Windows, macOS), and a
// name that is a file in one entry and a folder in another.
type nameSet struct {
	seen  map[string]string // folded → as written
	files map[string]bool   // folded names of files
	dirs  map[string]bool   // folded names of folders, stated or implied
	fold  cases.Caser
}

func newNameSet() *nameSet {
	return &nameSet{seen: map[string]string{}, files: map[string]bool{}, dirs: map[string]bool{}, fold: cases.Fold()}
}

func (s *nameSet) key(name string) string {
	return norm.NFC.String(s.fold.String(norm.NFD.String(name)))
}

func (s *nameSet) add(name string) error {
	isDir := strings.HasSuffix(name, "/")
	trimmed := strings.TrimSuffix(name, "/")
	key := s.key(trimmed)
	if prev, ok := s.seen[key]; ok {
		if prev == name {
			return unsafe("the name %q appears twice", name)
		}
		if strings.TrimSuffix(prev, "/") != trimmed {
			return unsafe("the names %q and %q differ only in case or accents; they would overwrite each other on Windows and macOS", prev, name)
		}
	}
	s.seen[key] = name
	if isDir {
		s.dirs[key] = true
	} else {
		s.files[key] = true
	}
	if !isDir && s.dirs[key] {
		return unsafe("%q is both a file and a folder in the pack", name)
	}
	// Every folder above the entry is implied.
	for i := strings.LastIndexByte(trimmed, '/'); i > 0; i = strings.LastIndexByte(trimmed[:i], '/') {
		k := s.key(trimmed[:i])
		if s.files[k] {
			return unsafe("%q is both a file and a folder in the pack", s.seen[k])
		}
		s.dirs[k] = true
	}
	return nil
}
