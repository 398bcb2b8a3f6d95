package export

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"

	"github.com/darsworkbench/dars-workbench/forms"
)

// PDFFacts is what InspectPDF learnt about a file: what the evidence checks
// need to judge an upload (R-E2).
type PDFFacts struct {
	IsPDF   bool
	Version string // from the header, e.g. "1.7"
	Size    int64
	// Encrypted is set when an /Encrypt entry is present (in the trailer or
	// a cross-reference stream): reviewers would need a password.
	Encrypted bool
	// JavaScript, Launch and OpenAction name the actions found, in the
	// file's own objects or inside compressed object streams.
	JavaScript bool
	Launch     bool
	OpenAction bool
	// ObjectStreams counts the compressed object streams looked into.
	ObjectStreams int
	// Truncated is set when a compressed stream was larger than the
	// inspection bound, so part of it was not looked at.
	Truncated bool
}

// ActiveContent reports scripts or launch actions. An /OpenAction alone is
// usually just "open at page 1", so it counts only with a script present.
func (f PDFFacts) ActiveContent() bool { return f.JavaScript || f.Launch }

// Attachment fills in the PDF facts of an attachment record.
func (f PDFFacts) Attachment(name, sha256 string) forms.Attachment {
	return forms.Attachment{Name: name, Size: f.Size, SHA256: sha256, IsPDF: f.IsPDF,
		Encrypted: f.Encrypted, ActiveContent: f.ActiveContent()}
}

// Bounds on decompression, so a crafted "zip bomb" costs bounded time and memory.
const (
	maxObjStmBytes    = 16 << 20
	maxInflatedBytes  = 64 << 20
	headerSearchBytes = 1024
	maxNameBytes      = 256
)

// InspectPDF reads r once, streaming, and reports whether it is a PDF, is
// encrypted, or holds JavaScript or launch actions (R-E2). It looks inside
// Flate-compressed object streams, where such actions hide in modern files.
// It is not a validating parser: it tokenises just enough to find names
// outside strings and stream data. An error means r itself failed.
func InspectPDF(r io.Reader) (PDFFacts, error) {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, 64<<10)
	var f PDFFacts
	head, err := br.Peek(headerSearchBytes)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return f, fmt.Errorf("inspect pdf: %w", err)
	}
	err = nil
	if i := bytes.Index(head, []byte("%PDF-")); i >= 0 {
		f.IsPDF = true
		v := head[i+5:]
		n := 0
		for n < len(v) && n < 4 && (v[n] == '.' || (v[n] >= '0' && v[n] <= '9')) {
			n++
		}
		f.Version = string(v[:n])
		s := &pdfScanner{facts: &f, budget: maxInflatedBytes}
		err = s.scan(br, true)
	}
	if err == nil {
		_, err = io.Copy(io.Discard, br)
	}
	f.Size = cr.n
	if err != nil {
		return f, fmt.Errorf("inspect pdf: %w", err)
	}
	return f, nil
}

type pdfScanner struct {
	facts *PDFFacts
	// names seen since the object began: enough to tell an object stream.
	objStm, flate, otherFilter bool
	budget                     int64
}

func (s *pdfScanner) scan(r *bufio.Reader, outer bool) error {
	for {
		c, err := r.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch {
		case c == '%':
			err = skipComment(r)
		case c == '(':
			err = skipLiteral(r)
		case c == '<':
			err = s.angle(r)
		case c == '/':
			var name string
			name, err = readName(r)
			s.name(name)
		case isRegular(c):
			var tok string
			tok, err = readRegular(r, c)
			if err == nil {
				err = s.keyword(r, tok, outer)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (s *pdfScanner) name(n string) {
	switch n {
	case "Encrypt":
		s.facts.Encrypted = true
	case "JS", "JavaScript":
		s.facts.JavaScript = true
	case "Launch":
		s.facts.Launch = true
	case "OpenAction":
		s.facts.OpenAction = true
	case "ObjStm":
		s.objStm = true
	case "FlateDecode", "Fl":
		s.flate = true
	case "ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "RunLengthDecode", "AHx", "A85", "LZW", "RL", "Crypt":
		s.otherFilter = true
	}
}

func (s *pdfScanner) keyword(r *bufio.Reader, tok string, outer bool) error {
	switch tok {
	case "obj", "endobj":
		s.objStm, s.flate, s.otherFilter = false, false, false
	case "stream":
		if !outer {
			return nil
		}
		if err := skipEOL(r); err != nil {
			return err
		}
		if s.objStm && s.flate && !s.otherFilter {
			s.facts.ObjectStreams++
			s.inflate(r)
		}
		s.objStm, s.flate, s.otherFilter = false, false, false
		return skipUntil(r, []byte("endstream"))
	}
	return nil
}

// inflate scans a compressed object stream. A corrupt stream is not an
// error of the file as a whole: the caller skips to endstream and goes on.
func (s *pdfScanner) inflate(r *bufio.Reader) {
	if s.budget <= 0 {
		s.facts.Truncated = true
		return
	}
	zr, err := zlib.NewReader(r)
	if err != nil {
		return
	}
	defer zr.Close()
	limit := min(s.budget, maxObjStmBytes)
	lr := &io.LimitedReader{R: zr, N: limit + 1}
	inner := &pdfScanner{facts: s.facts}
	_ = inner.scan(bufio.NewReaderSize(lr, 32<<10), false)
	used := limit + 1 - lr.N
	if used > limit {
		s.facts.Truncated = true
	}
	s.budget -= used
}

// angle handles "<<" (a dictionary opens) and "<hex string>".
func (s *pdfScanner) angle(r *bufio.Reader) error {
	c, err := r.ReadByte()
	if err != nil {
		return err
	}
	if c == '<' {
		return nil
	}
	for c != '>' {
		if c, err = r.ReadByte(); err != nil {
			return err
		}
	}
	return nil
}

func skipComment(r *bufio.Reader) error {
	for {
		c, err := r.ReadByte()
		if err != nil {
			return err
		}
		if c == '\r' || c == '\n' {
			return nil
		}
	}
}

// skipLiteral skips a (string) with balanced parentheses and escapes, so a
// document that merely mentions "/JavaScript" in its text is not flagged.
func skipLiteral(r *bufio.Reader) error {
	depth := 1
	for depth > 0 {
		c, err := r.ReadByte()
		if err != nil {
			return err
		}
		switch c {
		case '\\':
			if _, err := r.ReadByte(); err != nil {
				return err
			}
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	return nil
}

// readName reads a name after '/', decoding #xx escapes so that /J#53 is /JS.
func readName(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		c, err := r.ReadByte()
		if err != nil {
			return string(b), err
		}
		if !isRegular(c) {
			return string(b), r.UnreadByte()
		}
		if c == '#' {
			if h, ok := readHexPair(r); ok {
				c = h
			}
		}
		if len(b) < maxNameBytes {
			b = append(b, c)
		}
	}
}

func readHexPair(r *bufio.Reader) (byte, bool) {
	p, err := r.Peek(2)
	if err != nil {
		return 0, false
	}
	hi, ok1 := unhex(p[0])
	lo, ok2 := unhex(p[1])
	if !ok1 || !ok2 {
		return 0, false
	}
	_, _ = r.Discard(2)
	return hi<<4 | lo, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func readRegular(r *bufio.Reader, first byte) (string, error) {
	b := []byte{first}
	for {
		c, err := r.ReadByte()
		if err != nil {
			return string(b), err
		}
		if !isRegular(c) {
			return string(b), r.UnreadByte()
		}
		if len(b) < 16 {
			b = append(b, c)
		}
	}
}

func skipEOL(r *bufio.Reader) error {
	c, err := r.ReadByte()
	if err != nil {
		return err
	}
	switch c {
	case '\r':
		if p, err := r.Peek(1); err == nil && p[0] == '\n' {
			_, _ = r.Discard(1)
		}
	case '\n':
	default:
		return r.UnreadByte()
	}
	return nil
}

// skipUntil consumes r up to and including the first occurrence of pat.
func skipUntil(r *bufio.Reader, pat []byte) error {
	matched := 0
	for {
		c, err := r.ReadByte()
		if err != nil {
			return err
		}
		switch {
		case c == pat[matched]:
			matched++
			if matched == len(pat) {
				return nil
			}
		case c == pat[0]:
			matched = 1
		default:
			matched = 0
		}
	}
}

func isRegular(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return false
	}
	return true
}
