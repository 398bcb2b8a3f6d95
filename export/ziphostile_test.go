package export_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
)

// zent is one entry for rawZip, with the ways a crafted archive can make
// its local header, data and central directory record disagree.
type zent struct {
	name       string
	body       []byte
	deflate    bool
	descriptor bool // sizes and CRC after the data, as Go's writer does
	flags      uint16
	// Overrides of what the local header says.
	localName  string
	localFlags *uint16
	localCRC   *uint32
	localSize  *uint32 // uncompressed
	localExtra []byte
	// Overrides of what the central directory says.
	centralCRC    *uint32
	centralCSize  *uint32
	centralOffset func(actual uint32) uint32
	centralExtra  []byte
	mode          uint32 // Unix mode in the external attributes, 0 for a plain file
	// after is written after the entry, unaccounted for.
	after []byte
	// dataTail is written after the compressed data, inside the entry's
	// recorded compressed size.
	dataTail []byte
	// unlisted entries have a local header and data but no central record.
	unlisted bool
	// noUTF8 leaves a non-ASCII name unmarked, as old tools write it.
	noUTF8 bool
}

type zopts struct {
	prefix []byte // before the first entry
	// adjustOffset records offsets as if prefix were not there (naive
	// prepending); otherwise they count it, as a self-extractor's do.
	adjustOffset bool
	comment      []byte
	suffix       []byte // after the end record
	endCount     *uint16
}

func u16(v uint16) *uint16 { return &v }
func u32(v uint32) *uint32 { return &v }

// rawZip writes an archive byte by byte, so a test can make any field lie.
func rawZip(entries []zent, o zopts) []byte {
	var b bytes.Buffer
	b.Write(o.prefix)
	type rec struct {
		e            zent
		off          uint32
		crc          uint32
		csize, usize uint32
	}
	var recs []rec
	for _, e := range entries {
		data := e.body
		method := uint16(0)
		if e.deflate {
			var z bytes.Buffer
			w, _ := flate.NewWriter(&z, flate.BestCompression)
			_, _ = w.Write(e.body)
			_ = w.Close()
			data, method = z.Bytes(), 8
		}
		data = append(append([]byte(nil), data...), e.dataTail...)
		r := rec{e: e, off: uint32(b.Len()), crc: crc32.ChecksumIEEE(e.body), csize: uint32(len(data)), usize: uint32(len(e.body))}
		if o.adjustOffset {
			r.off -= uint32(len(o.prefix))
		}
		flags := e.flags
		if e.descriptor {
			flags |= 0x8
		}
		if !isASCIIName(e.name) && !e.noUTF8 {
			flags |= 0x800
		}
		lflags, lname, lcrc, lcsize, lusize := flags, e.name, r.crc, r.csize, r.usize
		if e.descriptor {
			lcrc, lcsize, lusize = 0, 0, 0
		}
		if e.localFlags != nil {
			lflags = *e.localFlags
		}
		if e.localName != "" {
			lname = e.localName
		}
		if e.localCRC != nil {
			lcrc = *e.localCRC
		}
		if e.localSize != nil {
			lusize = *e.localSize
		}
		h := binary.LittleEndian.AppendUint32(nil, 0x04034b50)
		h = binary.LittleEndian.AppendUint16(h, 20)
		h = binary.LittleEndian.AppendUint16(h, lflags)
		h = binary.LittleEndian.AppendUint16(h, method)
		h = binary.LittleEndian.AppendUint32(h, 0x5b210000) // a time and date
		h = binary.LittleEndian.AppendUint32(h, lcrc)
		h = binary.LittleEndian.AppendUint32(h, lcsize)
		h = binary.LittleEndian.AppendUint32(h, lusize)
		h = binary.LittleEndian.AppendUint16(h, uint16(len(lname)))
		h = binary.LittleEndian.AppendUint16(h, uint16(len(e.localExtra)))
		b.Write(h)
		b.WriteString(lname)
		b.Write(e.localExtra)
		b.Write(data)
		if e.descriptor {
			d := binary.LittleEndian.AppendUint32(nil, 0x08074b50)
			d = binary.LittleEndian.AppendUint32(d, r.crc)
			d = binary.LittleEndian.AppendUint32(d, r.csize)
			d = binary.LittleEndian.AppendUint32(d, r.usize)
			b.Write(d)
		}
		b.Write(e.after)
		r.e.flags = flags
		if !e.unlisted {
			recs = append(recs, r)
		}
	}
	cdStart := b.Len()
	for _, r := range recs {
		e := r.e
		crc, csize, off := r.crc, r.csize, r.off
		if e.centralCRC != nil {
			crc = *e.centralCRC
		}
		if e.centralCSize != nil {
			csize = *e.centralCSize
		}
		if e.centralOffset != nil {
			off = e.centralOffset(off)
		}
		method := uint16(0)
		if e.deflate {
			method = 8
		}
		mode := e.mode
		if mode == 0 {
			mode = 0o100644
		}
		h := binary.LittleEndian.AppendUint32(nil, 0x02014b50)
		h = binary.LittleEndian.AppendUint16(h, 3<<8|20) // made by Unix
		h = binary.LittleEndian.AppendUint16(h, 20)
		h = binary.LittleEndian.AppendUint16(h, e.flags)
		h = binary.LittleEndian.AppendUint16(h, method)
		h = binary.LittleEndian.AppendUint32(h, 0x5b210000)
		h = binary.LittleEndian.AppendUint32(h, crc)
		h = binary.LittleEndian.AppendUint32(h, csize)
		h = binary.LittleEndian.AppendUint32(h, r.usize)
		h = binary.LittleEndian.AppendUint16(h, uint16(len(e.name)))
		h = binary.LittleEndian.AppendUint16(h, uint16(len(e.centralExtra)))
		h = binary.LittleEndian.AppendUint16(h, 0)
		h = binary.LittleEndian.AppendUint16(h, 0)
		h = binary.LittleEndian.AppendUint16(h, 0)
		h = binary.LittleEndian.AppendUint32(h, mode<<16)
		h = binary.LittleEndian.AppendUint32(h, off)
		b.Write(h)
		b.WriteString(e.name)
		b.Write(e.centralExtra)
	}
	cdSize := b.Len() - cdStart
	cdOff := uint32(cdStart)
	if o.adjustOffset {
		cdOff -= uint32(len(o.prefix))
	}
	count := uint16(len(recs))
	if o.endCount != nil {
		count = *o.endCount
	}
	h := binary.LittleEndian.AppendUint32(nil, 0x06054b50)
	h = binary.LittleEndian.AppendUint16(h, 0)
	h = binary.LittleEndian.AppendUint16(h, 0)
	h = binary.LittleEndian.AppendUint16(h, count)
	h = binary.LittleEndian.AppendUint16(h, count)
	h = binary.LittleEndian.AppendUint32(h, uint32(cdSize))
	h = binary.LittleEndian.AppendUint32(h, cdOff)
	h = binary.LittleEndian.AppendUint16(h, uint16(len(o.comment)))
	b.Write(h)
	b.Write(o.comment)
	b.Write(o.suffix)
	return b.Bytes()
}

func isASCIIName(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// packEntries are the entries of a real pack, to rebuild with rawZip.
func packEntries(t testing.TB) []zent {
	t.Helper()
	pack := richPack()
	zr, err := zip.NewReader(bytes.NewReader(pack), int64(len(pack)))
	require.NoError(t, err)
	var out []zent
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		require.NoError(t, err)
		out = append(out, zent{name: f.Name, body: body, deflate: f.Method == zip.Deflate, descriptor: true})
	}
	return out
}

// withEntry returns entries with the one named changed by edit.
func withEntry(entries []zent, name string, edit func(e *zent)) []zent {
	out := append([]zent(nil), entries...)
	for i := range out {
		if out[i].name == name {
			edit(&out[i])
			return out
		}
	}
	panic("withEntry: no entry " + name)
}

func TestRawZipOfAPackVerifies(t *testing.T) {
	entries := packEntries(t)
	rep, err := verifyBytes(t, rawZip(entries, zopts{}))
	require.NoError(t, err)
	assert.True(t, rep.OK(), "%v", rep.Problems)
	// Without data descriptors too, as zip tools write.
	for i := range entries {
		entries[i].descriptor = false
	}
	rep, err = verifyBytes(t, rawZip(entries, zopts{}))
	require.NoError(t, err)
	assert.True(t, rep.OK(), "%v", rep.Problems)
}

// Every class of structural lie is refused before anything is trusted,
// with a message naming the problem.
func TestCraftedArchivesAreRefused(t *testing.T) {
	for name, c := range craftedArchives(t) {
		t.Run(name, func(t *testing.T) {
			rep, err := verifyBytes(t, c.zip)
			if err == nil {
				// Some lies are content, not structure: the pack is then
				// damaged, never intact.
				require.False(t, rep.OK(), "a crafted archive passed as intact")
				t.Logf("damaged: %v", rep.Problems)
				return
			}
			require.ErrorIs(t, err, export.ErrUnsafePack)
			assert.Contains(t, err.Error(), c.want)
			t.Log(err)
		})
	}
}

type crafted struct {
	zip  []byte
	want string
}

// craftedArchives are the rich pack rebuilt with one structural lie each.
func craftedArchives(t testing.TB) map[string]crafted {
	good := packEntries(t)
	sub := "data/submission.json"
	other := zent{name: "data/evidence/extra.pdf", body: []byte("%PDF-1.4 hidden\n")}
	return map[string]crafted{
		"data prepended":           {rawZip(good, zopts{prefix: []byte("MZ\x90\x00 self-extractor"), adjustOffset: true}), "does not end where the end record begins"},
		"data prepended, adjusted": {rawZip(good, zopts{prefix: []byte("MZ\x90\x00 self-extractor")}), "before its first entry"},
		"data appended":            {rawZip(good, zopts{suffix: []byte("trailing")}), "after its end record"},
		"a comment":                {rawZip(good, zopts{comment: []byte("hello")}), "after its end record"},
		"two archives joined":      {append(rawZip(good, zopts{}), rawZip(good, zopts{})...), "does not end where the end record begins"},
		"bytes between entries":    {rawZip(withEntry(good, sub, func(e *zent) { e.after = []byte("hidden") }), zopts{}), "does not account for"},
		"an entry not listed":      {rawZip(append([]zent{{name: "data/evidence/x.pdf", body: []byte("%PDF-1.4 x"), unlisted: true}}, good...), zopts{}), "does not account for"},
		"an unlisted entry last":   {rawZip(append(append([]zent(nil), good...), zent{name: "data/x.pdf", body: []byte("x"), unlisted: true}), zopts{}), "does not account for"},
		"overlapping entries": {rawZip(withEntry(good, "bagit.txt", func(e *zent) {
			e.centralOffset = func(uint32) uint32 { return 0 }
		}), zopts{}), "overlap"},
		"local name differs":  {rawZip(withEntry(good, sub, func(e *zent) { e.localName = "data/submissioN.json" }), zopts{}), "names it"},
		"local flags differ":  {rawZip(withEntry(good, sub, func(e *zent) { e.localFlags = u16(0x0008 | 0x0002) }), zopts{}), "disagree about its flags"},
		"local CRC differs":   {rawZip(withEntry(good, sub, func(e *zent) { e.descriptor = false; e.localCRC = u32(1) }), zopts{}), "disagree about its CRC or sizes"},
		"local size differs":  {rawZip(withEntry(good, sub, func(e *zent) { e.descriptor = false; e.localSize = u32(3) }), zopts{}), "disagree about its CRC or sizes"},
		"descriptor differs":  {rawZip(withEntry(good, sub, func(e *zent) { e.centralCRC = u32(7) }), zopts{}), "data descriptor and the central directory disagree"},
		"data after deflate":  {rawZip(withEntry(good, sub, func(e *zent) { e.dataTail = []byte("PK\x03\x04 hidden zip") }), zopts{}), "after its compressed data"},
		"zip64 end record":    {rawZip(good, zopts{endCount: u16(0xffff)}), "ZIP64"},
		"zip64 extra field":   {rawZip(withEntry(good, sub, func(e *zent) { e.centralExtra = []byte{1, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8} }), zopts{}), "ZIP64"},
		"a second name":       {rawZip(withEntry(good, sub, func(e *zent) { e.centralExtra = unicodePath("data/evil.json") }), zopts{}), "second, different name"},
		"encrypted entry":     {rawZip(withEntry(good, sub, func(e *zent) { e.flags = 1 }), zopts{}), "encrypted"},
		"unknown flag":        {rawZip(withEntry(good, sub, func(e *zent) { e.flags = 0x2000 }), zopts{}), "flags"},
		"not marked UTF-8":    {rawZip(append(append([]zent(nil), good...), zent{name: "data/évidence.pdf", body: []byte("x"), noUTF8: true}), zopts{}), "not marked as UTF-8"},
		"symbolic link":       {rawZip(append(append([]zent(nil), good...), zent{name: "data/link", body: []byte("/etc/passwd"), mode: 0o120777}), zopts{}), "symbolic link"},
		"duplicate name":      {rawZip(append(append([]zent(nil), good...), zent{name: sub, body: []byte("{}")}), zopts{}), "appears twice"},
		"case duplicate":      {rawZip(append(append([]zent(nil), good...), zent{name: "data/Submission.JSON", body: []byte("{}")}), zopts{}), "differ only in case"},
		"NFD duplicate":       {rawZip(append(append([]zent(nil), good...), zent{name: "data/évidence.pdf", body: []byte("a")}, zent{name: "data/e\u0301vidence.pdf", body: []byte("b")}), zopts{}), "differ only in case or accents"},
		"folded ß duplicate":  {rawZip(append(append([]zent(nil), good...), zent{name: "data/straße.pdf", body: []byte("a")}, zent{name: "data/STRASSE.pdf", body: []byte("b")}), zopts{}), "differ only in case"},
		"file and folder":     {rawZip(append(append([]zent(nil), good...), zent{name: "data/evidence", body: []byte("a")}), zopts{}), "both a file and a folder"},
		"reserved name":       {rawZip(append(append([]zent(nil), good...), zent{name: "data/CON.pdf", body: []byte("a")}), zopts{}), "device name"},
		"trailing dot":        {rawZip(append(append([]zent(nil), good...), zent{name: "data/x.pdf.", body: []byte("a")}), zopts{}), "ending in a dot"},
		"invisible character": {rawZip(append(append([]zent(nil), good...), zent{name: "data/a\u200bb.pdf", body: []byte("a")}), zopts{}), "invisible"},
		"windows character":   {rawZip(append(append([]zent(nil), good...), zent{name: "data/a?b.pdf", body: []byte("a")}), zopts{}), "Windows does not allow"},
		"compressed size lies": {rawZip(withEntry(good, "bagit.txt", func(e *zent) {
			e.descriptor = false
			e.centralCSize = u32(uint32(len(e.body) + 4))
		}), zopts{}), ""},
		"other entry added at the end of the central directory": {rawZip(append(append([]zent(nil), good...), other), zopts{}), ""},
	}
}

// unicodePath is Info-ZIP's Unicode Path extra field naming name.
func unicodePath(name string) []byte {
	body := append([]byte{1}, binary.LittleEndian.AppendUint32(nil, 0)...)
	body = append(body, name...)
	h := binary.LittleEndian.AppendUint16(nil, 0x7075)
	h = binary.LittleEndian.AppendUint16(h, uint16(len(body)))
	return append(h, body...)
}

// A CRC that matches neither copy of the data damages the file: verify
// names it and import refuses the pack.
func TestDamagedEntryIsNamed(t *testing.T) {
	good := packEntries(t)
	bad := rawZip(withEntry(good, "data/dpia.pdf", func(e *zent) {
		e.descriptor = false
		e.centralCRC, e.localCRC = u32(12345), u32(12345)
	}), zopts{})
	rep, err := verifyBytes(t, bad)
	require.NoError(t, err)
	require.False(t, rep.OK())
	assert.Contains(t, rep.Problems[0].String(), "data/dpia.pdf: is damaged: its content does not match its CRC")
	store := memEvidence{}
	_, err = export.Import(writeTemp(t, "pack.zip", bad), store)
	require.ErrorIs(t, err, export.ErrPackDamaged)
	assert.Empty(t, store, "nothing is kept from a damaged pack")
}

// The limits of zipsafe.go: entry count, one file's size, all files' size,
// compression ratio and the central directory's size are each refused with
// a message saying which, before any data is read.
func TestZipLimits(t *testing.T) {
	many := make([]zent, 10001)
	for i := range many {
		many[i] = zent{name: "data/f" + strings.Repeat("x", i%7) + "-" + string(rune('a'+i%26)) + "/" + strconv.Itoa(i), body: nil}
	}
	bigEntry := zent{name: "data/big.pdf", body: []byte("x"), centralCSize: u32(1)}
	cases := map[string]struct {
		zip  []byte
		want string
	}{
		"too many entries": {rawZip(many, zopts{}), "holds 10001 files; a pack holds at most 10000"},
		"one file too large": {lieSizes(rawZip([]zent{bigEntry}, zopts{}), 0, 256<<20+1, 256<<20+1),
			"more than the 268435456 a pack file may have"},
		"bomb ratio": {lieSizes(rawZip([]zent{{name: "data/bomb.bin", body: []byte("x"), deflate: true}}, zopts{}), 0, 3, 200<<20),
			"zip bomb"},
		"all files too large": {func() []byte {
			var es []zent
			for i := 0; i < 5; i++ {
				es = append(es, zent{name: "data/big" + strconv.Itoa(i) + ".pdf", body: []byte("x")})
			}
			z := rawZip(es, zopts{})
			for i := 0; i < 5; i++ {
				z = lieSizes(z, i, 255<<20, 255<<20)
			}
			return z
		}(), "add up to more than"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := verifyBytes(t, c.zip)
			require.ErrorIs(t, err, export.ErrUnsafePack)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	// A size past what any pack can be is refused from the size alone.
	_, err := export.VerifyReader(bytes.NewReader(nil), 2<<30)
	require.ErrorIs(t, err, export.ErrUnsafePack)
	assert.Contains(t, err.Error(), "more than a pack can be")
}

// lieSizes rewrites the sizes the central directory records for entry i.
func lieSizes(z []byte, i int, csize, usize uint32) []byte {
	z = append([]byte(nil), z...)
	at := bytes.Index(z, []byte("PK\x01\x02"))
	for k := 0; k < i; k++ {
		n := int(binary.LittleEndian.Uint16(z[at+28:])) + int(binary.LittleEndian.Uint16(z[at+30:])) + int(binary.LittleEndian.Uint16(z[at+32:]))
		at += 46 + n
	}
	binary.LittleEndian.PutUint32(z[at+20:], csize)
	binary.LittleEndian.PutUint32(z[at+24:], usize)
	return z
}
