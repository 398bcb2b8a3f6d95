package export

import "bytes"

// The raw scan is the inspection's second pair of eyes. The structural scan
// reads a PDF as a reader would, token by token, and skips strings,
// comments and stream data; a crafted file can try to make it skip what a
// reader would parse (an object hidden inside a string or inside another
// stream's data, found by a reader through the cross-reference table). The
// raw scan looks at every byte without any structure for object headers
// ("12 0 obj"), where a reader may be sent to parse, and inside object
// streams (whose objects have no headers) for the names that matter. Each
// thing it sees must be something the structural scan saw at the same
// offset; if not, something is hidden from the structural scan and the
// file is not reported clean. Outside object streams a name inside text is
// only text: a reader reaches an object through its header.

// rawKind is what the raw scan saw: an object header or a name.
type rawKind uint8

const (
	rawHeader rawKind = iota + 1
	rawName
)

type rawEvent struct {
	off  int64
	kind rawKind
	name string
}

// rawNames are the names the raw scan looks for: long enough (three
// letters or more, with the slash) that random compressed bytes do not
// spell them by chance. /JS and /AA are found structurally.
var rawNames = map[string]bool{
	"JavaScript": true, "Launch": true, "EmbeddedFile": true, "EmbeddedFiles": true,
	"RichMedia": true, "XFA": true, "SubmitForm": true, "ImportData": true,
	"GoToR": true, "GoToE": true, "FileAttachment": true, "Encrypt": true,
	"ObjStm": true,
}

// rawScan is an io.Writer fed every byte, in order. It holds back the
// last rawKeep bytes of what it was given, so a header or name cut between
// two writes is seen whole, and keeps as much before the point it has
// scanned to, for looking back from an "obj".
type rawScan struct {
	// names is set to look for names as well as headers: in an object
	// stream, whose objects have no headers and are found by offset.
	names  bool
	buf    []byte
	base   int64 // offset of buf[0]
	done   int   // buf[:done] has been scanned
	events []rawEvent
	heads  []rawEvent
	name   []byte
}

const rawKeep = 256

func (s *rawScan) Write(p []byte) (int, error) {
	s.buf = append(s.buf, p...)
	s.scan(len(s.buf)-rawKeep, false)
	if cut := s.done - rawKeep; cut > 0 {
		n := copy(s.buf, s.buf[cut:])
		s.buf = s.buf[:n]
		s.base += int64(cut)
		s.done -= cut
	}
	return len(p), nil
}

// flush ends the input: a header or name at the very end counts.
func (s *rawScan) flush() {
	s.scan(len(s.buf), true)
}

var objKeyword = []byte("obj")

// scan looks for headers and names starting before limit.
func (s *rawScan) scan(limit int, final bool) {
	if limit <= s.done {
		return
	}
	b := s.buf
	s.heads = s.heads[:0]
	for i := s.done; i < limit; {
		j := bytes.Index(b[i:min(limit+len(objKeyword)-1, len(b))], objKeyword)
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		if end := at + len(objKeyword); end < len(b) && isRegular(b[end]) || end == len(b) && !final {
			continue
		}
		if s.headerBefore(at) {
			s.heads = append(s.heads, rawEvent{off: s.base + int64(at), kind: rawHeader})
		}
	}
	if !s.names {
		s.events = append(s.events, s.heads...)
		s.done = limit
		return
	}
	h := 0
	for i := s.done; i < limit; {
		j := bytes.IndexByte(b[i:limit], '/')
		if j < 0 {
			break
		}
		at := i + j
		name, n := decodeNameAt(s.name[:0], b[at+1:])
		s.name = name
		i = at + 1 + n
		if !rawNames[string(name)] {
			continue
		}
		for h < len(s.heads) && s.heads[h].off < s.base+int64(at) {
			s.events = append(s.events, s.heads[h])
			h++
		}
		s.events = append(s.events, rawEvent{off: s.base + int64(at), kind: rawName, name: string(name)})
	}
	s.events = append(s.events, s.heads[h:]...)
	s.done = limit
}

// headerBefore reports whether "obj" at at could end an object header as
// a reader's tokenizer reads one. Readers skip comments between the tokens
// ("9 0 %x⏎obj"), take signs, points and leading zeros in numbers ("+9
// +0 obj", "9.0 0 obj"), and some read a lone sign as 0 ("9 - obj"). So
// this asks only that something that can end a number (a digit, sign or
// point) comes before "obj", across any white space and comments: looser
// than a header on purpose, as what it finds where the structural scan
// saw no header is flagged, and text reading "… 9 obj" inside a string or
// a stream's data is rare. Looking back past the kept context counts as a
// match: the scan fails closed.
func (s *rawScan) headerBefore(at int) bool {
	if at > 0 && isRegular(s.buf[at-1]) && !endsNumber(s.buf[at-1]) {
		return false // the end of a longer keyword: "endobj"
	}
	tries := maxCommentTries
	return s.numberBefore(at, &tries)
}

// maxCommentTries bounds the comments numberBefore follows back for one
// "obj"; past it the answer is yes.
const maxCommentTries = 16

func endsNumber(c byte) bool {
	return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-'
}

// numberBefore reports whether a number ends before s.buf[i], past white
// space and comments. A comment runs from a '%' to the line's end, and
// reading backwards the '%' that starts it is not known (an earlier one
// may be inside a string), so each '%' on the line before a line break is
// tried.
func (s *rawScan) numberBefore(i int, tries *int) bool {
	b := s.buf
	k := i - 1
	for ; k >= 0 && isPDFSpace(b[k]); k-- {
		if b[k] != '\n' && b[k] != '\r' {
			continue
		}
		ls := k - 1
		for ls >= 0 && b[ls] != '\n' && b[ls] != '\r' {
			ls--
		}
		if ls < 0 && s.base > 0 {
			return true // the line starts before the kept context
		}
		for q := ls + 1; q < k; q++ {
			if b[q] != '%' {
				continue
			}
			if *tries <= 0 {
				return true
			}
			*tries--
			if s.numberBefore(q, tries) {
				return true
			}
		}
	}
	if k < 0 {
		return s.base > 0
	}
	return endsNumber(b[k])
}

// decodeNameAt appends to dst a name's characters (after its slash),
// decoding #xx escapes, and returns it with the count of bytes it spans.
// Only the first maxRawName characters are kept: no name that matters is
// longer.
func decodeNameAt(dst, b []byte) ([]byte, int) {
	i := 0
	for i < len(b) && isRegular(b[i]) {
		c := b[i]
		if c == '#' && i+2 < len(b) {
			if hi, ok := unhex(b[i+1]); ok {
				if lo, ok := unhex(b[i+2]); ok {
					c = hi<<4 | lo
					i += 2
				}
			}
		}
		if len(dst) < maxRawName {
			dst = append(dst, c)
		}
		i++
	}
	return dst, i
}

const maxRawName = 64

// rawCheck pairs the raw scan's events with the structural scan's.
type rawCheck struct {
	raw *rawScan
	// seen are the structural events not yet paired, in offset order.
	seen []rawEvent
}

// saw records that the structural scan read a header or name at off.
func (c *rawCheck) saw(off int64, kind rawKind, name string) {
	c.seen = append(c.seen, rawEvent{off: off, kind: kind, name: name})
}

// upTo pairs the events before off (the structural scan has read that
// far, and the raw scan has looked at it) and returns the first raw event
// the structural scan did not see.
func (c *rawCheck) upTo(off int64) (rawEvent, bool) {
	off = min(off, c.raw.base+int64(c.raw.done))
	ev := c.raw.events
	var hidden rawEvent
	found := false
	i, j := 0, 0
	for i < len(ev) && ev[i].off < off {
		for j < len(c.seen) && c.seen[j].off < ev[i].off {
			j++
		}
		if j < len(c.seen) && c.seen[j].off == ev[i].off && c.seen[j].kind == ev[i].kind {
			j++
		} else if !found {
			hidden, found = ev[i], true
		}
		i++
	}
	for j < len(c.seen) && c.seen[j].off < off {
		j++
	}
	if i > 0 {
		c.raw.events = append(ev[:0], ev[i:]...)
	}
	if j > 0 {
		c.seen = append(c.seen[:0], c.seen[j:]...)
	}
	return hidden, found
}
