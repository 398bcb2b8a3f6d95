package export

import (
	"bufio"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"sync"
)

// maxLocalExtra bounds a local header's extra field: writers put a
// timestamp or two there, never kilobytes.
const maxLocalExtra = 1024

// errEntryDamaged wraps what is wrong with one entry's data (its CRC, its
// size, its compressed stream): the pack is damaged there, not unreadable.
var errEntryDamaged = errors.New("damaged")

// zipStream reads an archive's bytes in order and knows its position.
type zipStream struct {
	br  *bufio.Reader
	pos int64
}

func (s *zipStream) Read(p []byte) (int, error) {
	n, err := s.br.Read(p)
	s.pos += int64(n)
	return n, err
}

func (s *zipStream) readFull(n int) ([]byte, error) {
	b := make([]byte, n)
	got, err := io.ReadFull(s.br, b)
	s.pos += int64(got)
	return b, err
}

func (s *zipStream) discard(n int64) error {
	for n > 0 {
		k := int(min(n, 1<<30))
		d, err := s.br.Discard(k)
		s.pos += int64(d)
		n -= int64(d)
		if err != nil {
			return err
		}
	}
	return nil
}

// region is the compressed data of one entry: exactly csize bytes of the
// stream. It is a ByteReader so that flate reads no further than it needs,
// and bytes left over after the compressed stream ends can be seen.
type region struct {
	s *zipStream
	n int64
}

func (r *region) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.n {
		p = p[:r.n]
	}
	n, err := r.s.Read(p)
	r.n -= int64(n)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

func (r *region) ReadByte() (byte, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	c, err := r.s.br.ReadByte()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return 0, err
	}
	r.s.pos++
	r.n--
	return c, nil
}

// entryContent is an entry's uncompressed content, checked as it is read:
// never more than the recorded size, and at the end exactly that size with
// the recorded CRC.
type entryContent struct {
	e        *zipEntry
	r        io.Reader
	inflater io.ReadCloser
	crc      hash.Hash32
	n        int64
	err      error
}

func (c *entryContent) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if rest := c.e.usize + 1 - c.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.crc.Write(p[:n])
	switch {
	case c.n > c.e.usize:
		c.err = fmt.Errorf("%w: it unpacks to more than the %d bytes recorded", errEntryDamaged, c.e.usize)
		return n, c.err
	case err == io.EOF:
		if c.n != c.e.usize {
			c.err = fmt.Errorf("%w: it unpacks to %d bytes, not the %d recorded", errEntryDamaged, c.n, c.e.usize)
		} else if c.crc.Sum32() != c.e.crc {
			c.err = fmt.Errorf("%w: its content does not match its CRC", errEntryDamaged)
		} else {
			c.err = io.EOF
		}
		return n, c.err
	case err != nil:
		c.err = fmt.Errorf("%w: %v", errEntryDamaged, err)
		return n, c.err
	}
	return n, nil
}

// readLocal reads and checks an entry's local header against the central
// directory: signature, flags, method, name, CRC and sizes (zero when a
// data descriptor follows) and extra field.
func readLocal(s *zipStream, e *zipEntry) error {
	h, err := s.readFull(zipLocalLen)
	if err != nil {
		return unsafe("%q: its local header is cut short", e.name)
	}
	if binary.LittleEndian.Uint32(h) != zipLocalSig {
		return unsafe("%q: the central directory points to offset %d, where there is no entry", e.name, e.offset)
	}
	flags := binary.LittleEndian.Uint16(h[6:])
	method := binary.LittleEndian.Uint16(h[8:])
	crc := binary.LittleEndian.Uint32(h[14:])
	csize := int64(binary.LittleEndian.Uint32(h[18:]))
	usize := int64(binary.LittleEndian.Uint32(h[22:]))
	nameLen := int(binary.LittleEndian.Uint16(h[26:]))
	extraLen := int(binary.LittleEndian.Uint16(h[28:]))
	disagree := func(what string) error {
		return unsafe("%q: its local header and the central directory disagree about its %s", e.name, what)
	}
	switch {
	case flags != e.flags:
		return disagree("flags")
	case method != e.method:
		return disagree("compression method")
	case flags&zipFlagDescriptor == 0 && (crc != e.crc || csize != e.csize || usize != e.usize),
		flags&zipFlagDescriptor != 0 && !(crc == 0 && csize == 0 && usize == 0) && (crc != e.crc || csize != e.csize || usize != e.usize):
		return disagree("CRC or sizes")
	case nameLen != len(e.nameRaw):
		return disagree("name")
	case extraLen > maxLocalExtra:
		return unsafe("%q: its local header carries %d bytes of extra data; writers put a few dozen there", e.name, extraLen)
	}
	name, err := s.readFull(nameLen)
	if err != nil {
		return unsafe("%q: its local header is cut short", e.name)
	}
	if string(name) != string(e.nameRaw) {
		return unsafe("%q: its local header names it %q", e.name, name)
	}
	extra, err := s.readFull(extraLen)
	if err != nil {
		return unsafe("%q: its local header is cut short", e.name)
	}
	return checkZipName(e, extra)
}

// readDescriptor reads the data descriptor after an entry's data, with or
// without its signature, and checks it against the central directory.
func readDescriptor(s *zipStream, e *zipEntry) error {
	b, err := s.readFull(12)
	if err != nil {
		return unsafe("%q: its data descriptor is cut short", e.name)
	}
	crc, csize, usize := binary.LittleEndian.Uint32(b), int64(binary.LittleEndian.Uint32(b[4:])), int64(binary.LittleEndian.Uint32(b[8:]))
	if binary.LittleEndian.Uint32(b) == zipDescriptorSig && !(crc == e.crc && csize == e.csize && usize == e.usize) {
		more, err := s.readFull(4)
		if err != nil {
			return unsafe("%q: its data descriptor is cut short", e.name)
		}
		crc, csize, usize = binary.LittleEndian.Uint32(b[4:]), int64(binary.LittleEndian.Uint32(b[8:])), int64(binary.LittleEndian.Uint32(more))
	}
	if crc != e.crc || csize != e.csize || usize != e.usize {
		return unsafe("%q: its data descriptor and the central directory disagree about its CRC or sizes", e.name)
	}
	return nil
}

// content returns the reader of an entry's data, after its local header.
// A deflated entry's reader comes from a pool (a pack may hold thousands of
// small files); done gives it back.
func content(s *zipStream, e *zipEntry) (*region, *entryContent) {
	reg := &region{s: s, n: e.csize}
	c := &entryContent{e: e, r: reg, crc: crc32.NewIEEE()}
	if e.method == 8 {
		if fr, ok := inflaters.Get().(io.ReadCloser); ok {
			_ = fr.(flate.Resetter).Reset(reg, nil)
			c.r, c.inflater = fr, fr
		} else {
			c.inflater = flate.NewReader(reg)
			c.r = c.inflater
		}
	}
	return reg, c
}

var inflaters sync.Pool

// done returns a deflated entry's reader to the pool.
func (c *entryContent) done() {
	if c.inflater != nil {
		inflaters.Put(c.inflater)
		c.inflater = nil
	}
}

// walk reads the archive once, from its first byte to its last, in order:
// each local header is checked against the central directory, each entry's
// data against its sizes and CRC, and no byte may lie before, between,
// inside or after the entries unaccounted for. For each file it calls visit
// with a reader of the file's content; visit may stop early (walk reads
// the rest) and returns an error only to abandon the walk. damaged hears of
// an entry whose data is broken. whole, if not nil, receives every byte of
// the archive in order, for a hash of the file that was judged.
func (z *zipArchive) walk(whole io.Writer, visit func(e *zipEntry, r io.Reader) error, damaged func(e *zipEntry, err error)) error {
	var src io.Reader = io.NewSectionReader(z.ra, 0, z.cdOffset)
	if whole != nil {
		src = io.TeeReader(src, whole)
	}
	s := &zipStream{br: bufio.NewReaderSize(src, 64<<10)}
	for _, e := range z.entries {
		switch {
		case s.pos < e.offset && s.pos == 0:
			return unsafe("it has %d bytes before its first entry that the central directory does not account for (something put in front of the pack, or an entry it does not list)", e.offset)
		case s.pos < e.offset:
			return unsafe("it has %d bytes at offset %d, before %q, that the central directory does not account for (an entry it does not list, or hidden data)", e.offset-s.pos, s.pos, e.name)
		case s.pos > e.offset:
			return unsafe("%q starts inside the entry before it", e.name)
		}
		if err := readLocal(s, e); err != nil {
			return err
		}
		reg, c := content(s, e)
		if !e.dir {
			if err := visit(e, c); err != nil {
				return err
			}
		}
		_, _ = io.Copy(io.Discard, c)
		c.done()
		if c.err == io.EOF && reg.n > 0 {
			return unsafe("%q has %d bytes after its compressed data that nothing reads", e.name, reg.n)
		}
		if c.err != io.EOF {
			if errors.Is(c.err, io.ErrUnexpectedEOF) && s.pos+reg.n > z.cdOffset {
				return unsafe("%q is cut short", e.name)
			}
			damaged(e, c.err)
			if err := s.discard(reg.n); err != nil {
				return unsafe("%q is cut short", e.name)
			}
		}
		if e.flags&zipFlagDescriptor != 0 {
			if err := readDescriptor(s, e); err != nil {
				return err
			}
		}
	}
	if s.pos != z.cdOffset {
		return unsafe("it has %d bytes at offset %d, after its last entry, that the central directory does not account for (an entry it does not list, or hidden data)", z.cdOffset-s.pos, s.pos)
	}
	if whole != nil {
		if _, err := whole.Write(z.tail); err != nil {
			return err
		}
	}
	return nil
}

// open reads one entry directly, checking its local header against the
// central directory and its data against its size and CRC.
func (z *zipArchive) open(name string) (io.Reader, error) {
	e, ok := z.byName[name]
	if !ok || e.dir {
		return nil, fmt.Errorf("%s: %w", name, errNotInPack)
	}
	s := &zipStream{br: bufio.NewReaderSize(io.NewSectionReader(z.ra, e.offset, z.cdOffset-e.offset), 64<<10), pos: e.offset}
	if err := readLocal(s, e); err != nil {
		return nil, err
	}
	_, c := content(s, e)
	return c, nil
}

var errNotInPack = errors.New("not in the pack")
