package export

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Inspection budgets: what one file may cost. Past any of them the file is
// flagged "could not be fully inspected", never reported clean.
const (
	maxInspectBytes = 64 << 20 // of the file itself

	maxInflated    = 32 << 20 // put out by filters, all streams together
	maxRawObjStm   = 8 << 20  // one object stream's encoded bytes, held to decode
	maxObjects     = 1 << 20  // objects, counting those in object streams
	maxPDFDepth    = 64       // dictionaries and arrays inside each other
	maxInspectTime = 10 * time.Second
	maxNameBytes   = 256
	maxKeyword     = 32
	pdfBufSize     = 128 << 10
	maxKeptArray   = 16
)

// maxPackStructure bounds the PDF structure (everything but stream data,
// which is skipped at memory speed) read across all the files of one pack:
// real files hold a few hundred kilobytes each, and a pack of files made of
// nothing else would otherwise cost a minute. A variable for tests.
var maxPackStructure int64 = 64 << 20

// pdfBudget is shared by the scans of one file and of its object streams.
type pdfBudget struct {
	inflated int64
	objects  int
	deadline time.Time
	names    nameCache
	// pack, if set, is what remains of the structure budget of the pack
	// the file is read from.
	pack *atomic.Int64
}

type tokKind uint8

const (
	tkEOF tokKind = iota
	tkName
	tkInt
	tkReal
	tkKeyword
	tkString
	tkDictOpen
	tkDictClose
	tkArrayOpen
	tkArrayClose
	tkOther
	// kinds of kept values only
	tkDict
	tkArray
	tkRef
)

type token struct {
	kind tokKind
	pos  int64
	text string // a name (decoded) or keyword
	n    int64
	// header is set on "obj" after two integers: an object begins.
	header bool
}

// pval is a value the scan keeps: a stream dictionary's entries that say
// how to decode it. Everything else is read and dropped.
type pval struct {
	kind tokKind
	name string
	n    int64
	dict map[string]*pval
	arr  []*pval
}

func (v *pval) get(key string) *pval {
	if v == nil || v.kind != tkDict {
		return nil
	}
	return v.dict[key]
}

// intOr is a dictionary's integer entry, or def when it is absent.
func (v *pval) intOr(key string, def int64) int64 {
	if e := v.get(key); e != nil {
		if e.kind == tkInt {
			return e.n
		}
		return -1 // present but not a plain integer: out of range
	}
	return def
}

func (v *pval) nameOr(key, def string) string {
	if e := v.get(key); e != nil {
		if e.kind == tkName {
			return e.name
		}
		return ""
	}
	return def
}

// pdfScanner reads PDF tokens: the file itself (outer) or the decoded
// content of an object stream. It reads through a window onto its buffered
// input, so skipping and matching run over bytes in bulk.
type pdfScanner struct {
	src    *bufio.Reader
	win    []byte // peeked input; win[off:] is not yet read
	off    int
	base   int64 // offset of win[0] in the input
	eof    bool
	outer  bool
	facts  *PDFFacts
	budget *pdfBudget
	check  rawCheck
	back   []token // pushed back, last first
	// lexed are the kinds of the two tokens lexed last.
	lexed [2]tokKind
	name  []byte
	top   pval
	ticks int
	stop  bool
	// table, in the scan of an object stream, is its table of objects.
	table *objTable
}

// objTable is an object stream's table of objects. A reader finds each
// object by its offset and reads it from there, not in sequence; an
// offset that points inside a string, a comment or a token of the
// sequence would show a reader an object the scan never read as one, so
// every offset must be where the scan is between tokens.
type objTable struct {
	first int64   // where the objects begin (/First)
	left  int     // integers of the table still to read
	offs  []int64 // where the objects start, sorted once all are read
	next  int     // offs[:next] have been met
	// maybe is set for a stream with /N but neither /First nor /Type
	// /ObjStm. Some readers take /First as 0 then, so it is read as an
	// object stream if it starts with a table; if not, no reader can find
	// an object in it (an ICC colour profile has /N and binary data) and
	// it is left unread, as any other stream's data is.
	maybe bool
	// notObjects is set when a maybe stream turned out to hold no table.
	notObjects bool
	// held is why a maybe stream could not be fully read while its table
	// was being read: said once it has one, dropped if it has none.
	held string
}

func newPDFScanner(r io.Reader, outer bool, facts *PDFFacts, b *pdfBudget) *pdfScanner {
	raw := &rawScan{names: !outer, buf: (*rawBufs.Get().(*[]byte))[:0]}
	return &pdfScanner{src: getReader(io.TeeReader(r, raw)), outer: outer,
		facts: facts, budget: b, check: rawCheck{raw: raw}}
}

// release hands the scanner's buffers back for the next file: a pack of
// thousands of small PDFs would otherwise allocate them thousands of times.
func (s *pdfScanner) release() {
	putReader(s.src)
	buf := s.check.raw.buf[:0]
	rawBufs.Put(&buf)
	s.src, s.check.raw.buf, s.win = nil, nil, nil
}

var (
	readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, pdfBufSize) }}
	rawBufs = sync.Pool{New: func() any { b := make([]byte, 0, pdfBufSize+2*rawKeep); return &b }}
	budgets = sync.Pool{New: func() any { return new(pdfBudget) }}
)

func getReader(r io.Reader) *bufio.Reader {
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	return br
}

func putReader(br *bufio.Reader) {
	br.Reset(nil)
	readers.Put(br)
}

// incomplete records why the file cannot be reported clean; the first
// reason stands.
func (s *pdfScanner) incomplete(format string, a ...any) {
	if tb := s.table; tb != nil && tb.maybe && tb.left > 0 {
		if tb.held == "" {
			tb.held = fmt.Sprintf(format, a...)
		}
		return
	}
	if s.facts.Incomplete == "" {
		s.facts.Incomplete = fmt.Sprintf(format, a...)
	}
}

func (s *pdfScanner) pos() int64 { return s.base + int64(s.off) }

// fill makes n bytes available after off if the input has them, and
// reports whether it did. Bytes before off are let go.
func (s *pdfScanner) fill(n int) bool {
	if len(s.win)-s.off >= n {
		return true
	}
	if s.eof {
		return false
	}
	d, _ := s.src.Discard(s.off)
	s.base += int64(d)
	s.off = 0
	w, err := s.src.Peek(pdfBufSize)
	s.win = w
	if err != nil && err != bufio.ErrBufferFull {
		s.eof = true
	}
	return len(s.win) >= n
}

// more reports whether a byte is there to read.
func (s *pdfScanner) more() bool { return s.off < len(s.win) || s.fill(1) }

// run scans to the end of the input or of the budget.
func (s *pdfScanner) run() {
	for !s.stop {
		tok := s.next()
		switch {
		case tok.kind == tkEOF:
			if !s.stop {
				s.finish()
			}
			return
		case tok.header:
			s.object()
		case tok.kind == tkDictOpen || tok.kind == tkArrayOpen:
			s.value(tok, 0, 0)
		}
	}
}

// finish pairs the last raw events once the input has ended.
func (s *pdfScanner) finish() {
	s.check.raw.flush()
	s.pairRaw(1<<62 - 1)
}

func (s *pdfScanner) pairRaw(upTo int64) {
	if ev, hidden := s.check.upTo(upTo); hidden {
		switch ev.kind {
		case rawHeader:
			if s.outer {
				s.incomplete("an object at byte %d is hidden inside another object's data", ev.off)
			} else {
				s.incomplete("an object stream holds an object header where none belongs")
			}
		default:
			s.incomplete("the name /%s appears inside text or data at byte %d, where this inspection cannot follow it", ev.name, ev.off)
		}
	}
}

// object reads "N G obj" and what follows: a value, and for a dictionary
// perhaps a stream.
func (s *pdfScanner) object() {
	s.budget.objects++
	if s.budget.objects > maxObjects {
		s.incomplete("it holds more than %d objects", maxObjects)
		s.stop = true
		return
	}
	tok := s.next()
	if tok.kind == tkEOF || (tok.kind == tkKeyword && tok.text == "endobj") {
		return
	}
	v := s.value(tok, 0, keepStreamDict)
	nxt := s.next()
	switch {
	case nxt.kind == tkKeyword && nxt.text == "stream" && v != nil && v.kind == tkDict:
		s.stream(v)
	case nxt.kind == tkKeyword && nxt.text == "endobj":
	default:
		s.push(nxt)
	}
}

func (s *pdfScanner) push(t token) { s.back = append(s.back, t) }

// What of a value is kept: nothing, a stream dictionary's entries, a
// DecodeParms dictionary (or array of them), or a plain scalar or array of
// scalars.
const (
	keepNone = iota
	keepStreamDict
	keepParms
	keepScalar
)

func childKeep(keep int, key string) int {
	switch keep {
	case keepStreamDict:
		switch key {
		case "DecodeParms", "DP":
			return keepParms
		case "Type", "Filter", "Length", "N", "First", "F":
			return keepScalar
		}
	case keepParms:
		switch key {
		case "Predictor", "Colors", "BitsPerComponent", "Columns", "EarlyChange", "Name":
			return keepScalar
		}
	}
	return keepNone
}

// value reads the value that starts with tok; it returns what keep asks to
// keep (nil otherwise). Names anywhere in it are noted by next.
func (s *pdfScanner) value(tok token, depth, keep int) *pval {
	switch tok.kind {
	case tkDictOpen, tkArrayOpen:
		if depth >= maxPDFDepth {
			s.incomplete("its objects are nested more than %d deep", maxPDFDepth)
			return nil
		}
		if tok.kind == tkDictOpen {
			return s.dict(depth, keep)
		}
		return s.array(depth, keep)
	case tkName:
		if keep != keepNone {
			return &pval{kind: tkName, name: tok.text}
		}
	case tkInt:
		if keep == keepNone {
			return nil // only kept values need telling a reference from two numbers
		}
		// "N G R" is a reference.
		a := s.next()
		if a.kind == tkInt {
			b := s.next()
			if b.kind == tkKeyword && b.text == "R" {
				if keep != keepNone {
					return &pval{kind: tkRef}
				}
				return nil
			}
			s.push(b)
		}
		s.push(a)
		if keep != keepNone {
			return &pval{kind: tkInt, n: tok.n}
		}
	case tkKeyword:
		switch tok.text {
		case "obj", "endobj", "stream", "endstream", "trailer", "xref", "startxref":
			// Not a value: a structural keyword the caller must see.
			s.push(tok)
		}
	}
	if keep != keepNone {
		return &pval{kind: tkOther}
	}
	return nil
}

func (s *pdfScanner) dict(depth, keep int) *pval {
	var out *pval
	switch {
	case keep == keepStreamDict && depth == 0:
		// Every object's dictionary is read this way and dropped unless
		// a stream follows: one, reused.
		out = &s.top
		out.kind = tkDict
		clear(out.dict)
	case keep != keepNone:
		out = &pval{kind: tkDict}
	}
	for !s.stop {
		tok := s.next()
		switch tok.kind {
		case tkEOF, tkDictClose:
			return out
		case tkName:
			vt := s.next()
			if vt.kind == tkDictClose || vt.kind == tkEOF {
				return out
			}
			ck := childKeep(keep, tok.text)
			v := s.value(vt, depth+1, ck)
			if out != nil && v != nil && ck != keepNone {
				if out.dict == nil {
					out.dict = map[string]*pval{}
				}
				out.dict[tok.text] = v
			}
			if s.pushedStructural() {
				return out
			}
		default:
			s.value(tok, depth+1, keepNone)
			if s.pushedStructural() {
				return out
			}
		}
	}
	return out
}

func (s *pdfScanner) array(depth, keep int) *pval {
	var out *pval
	if keep != keepNone {
		out = &pval{kind: tkArray}
	}
	for !s.stop {
		tok := s.next()
		switch tok.kind {
		case tkEOF, tkArrayClose:
			return out
		case tkDictClose:
			continue
		}
		ek := keepNone
		if out != nil && len(out.arr) < maxKeptArray {
			ek = keep
		}
		v := s.value(tok, depth+1, ek)
		if ek != keepNone && v != nil {
			out.arr = append(out.arr, v)
		}
		if s.pushedStructural() {
			return out
		}
	}
	return out
}

// pushedStructural reports that a value ended at a structural keyword (a
// dictionary left open): the enclosing values end there too, as a reader
// would give up on them.
func (s *pdfScanner) pushedStructural() bool {
	if n := len(s.back); n > 0 && s.back[n-1].kind == tkKeyword {
		switch s.back[n-1].text {
		case "obj", "endobj", "stream", "endstream", "trailer", "xref", "startxref":
			return true
		}
	}
	return false
}

// next returns the next token, noting names and keeping the two before it.
func (s *pdfScanner) next() token {
	if n := len(s.back); n > 0 {
		t := s.back[n-1]
		s.back = s.back[:n-1]
		return t
	}
	t := s.lex()
	switch {
	case t.kind == tkName:
		s.facts.noteName(t.text)
		if !s.outer && rawNames[t.text] {
			s.check.saw(t.pos, rawName, t.text)
		}
	case t.kind == tkKeyword && t.text == "obj" && s.outer && s.lexed[0] == tkInt && s.lexed[1] == tkInt:
		t.header = true
		s.check.saw(t.pos, rawHeader, "")
	}
	if t.kind != tkEOF && (len(s.check.seen) > 0 || len(s.check.raw.events) > 0) {
		s.pairRaw(t.pos + 1)
	}
	s.lexed[1], s.lexed[0] = s.lexed[0], t.kind
	return t
}

// lex reads one token and charges what it read to the pack's budget.
func (s *pdfScanner) lex() token {
	start := s.pos()
	t := s.lexToken()
	if s.budget.pack != nil {
		s.budget.pack.Add(start - s.pos())
	}
	if s.table != nil && s.table.left > 0 {
		s.readTable(t)
	}
	return t
}

// readTable takes the next integer of an object stream's table.
func (s *pdfScanner) readTable(t token) {
	tb := s.table
	if t.kind != tkInt || t.n < 0 || t.n > 1<<40 {
		if tb.maybe && !s.stop {
			tb.notObjects, s.stop = true, true
			return
		}
		if tb.maybe {
			// A budget ran out while reading it: it is not known what it holds.
			tb.left = 0
			s.incomplete("%s", tb.held)
			return
		}
		s.incomplete("an object stream's table of objects is damaged")
		s.table = nil
		return
	}
	if tb.left%2 == 1 {
		tb.offs = append(tb.offs, tb.first+t.n)
	}
	tb.left--
	if tb.left == 0 {
		if tb.held != "" {
			s.incomplete("%s", tb.held)
		}
		slices.Sort(tb.offs)
		if len(tb.offs) > 0 && tb.offs[0] < s.pos() {
			s.incomplete("an object stream's table puts an object inside the table")
			s.table = nil
		}
	}
}

// metObjectStarts checks the table's offsets up to pos, where the scan is
// between tokens: one passed over lies inside something the scan read as
// a whole.
func (s *pdfScanner) metObjectStarts(pos int64) {
	tb := s.table
	for tb.next < len(tb.offs) && tb.offs[tb.next] <= pos {
		if tb.offs[tb.next] < pos {
			s.incomplete("an object stream's table puts an object inside another object's text")
			s.table = nil
			return
		}
		tb.next++
	}
}

func (s *pdfScanner) lexToken() token {
	for {
		if s.table != nil && s.table.left == 0 {
			s.metObjectStarts(s.pos())
		}
		s.ticks++
		if s.ticks&4095 == 0 && time.Now().After(s.budget.deadline) {
			s.incomplete("inspecting it took longer than %v", maxInspectTime)
			s.stop = true
		}
		if s.outer && s.pos() > maxInspectBytes {
			s.incomplete("it is larger than the %d MB this inspection reads", maxInspectBytes>>20)
			s.stop = true
		}
		if s.ticks&255 == 0 && s.budget.pack != nil && s.budget.pack.Load() < 0 {
			s.incomplete("the pack's files hold more than the %d MB of PDF structure this check reads in one pack", maxPackStructure>>20)
			s.stop = true
		}
		if s.stop || !s.more() {
			return token{kind: tkEOF, pos: s.pos()}
		}
		pos := s.pos()
		c := s.win[s.off]
		s.off++
		switch {
		case isPDFSpace(c):
			continue
		case c == '%':
			s.skipPast("\r\n")
			continue
		case c == '(':
			if !s.skipLiteral() {
				s.incomplete("a string runs to the end of the %s", s.where())
			}
			return token{kind: tkString, pos: pos}
		case c == '<':
			if s.more() && s.win[s.off] == '<' {
				s.off++
				return token{kind: tkDictOpen, pos: pos}
			}
			if !s.skipPast(">") {
				s.incomplete("a hex string runs to the end of the %s", s.where())
			}
			return token{kind: tkString, pos: pos}
		case c == '>':
			if s.more() && s.win[s.off] == '>' {
				s.off++
				return token{kind: tkDictClose, pos: pos}
			}
			return token{kind: tkOther, pos: pos}
		case c == '[':
			return token{kind: tkArrayOpen, pos: pos}
		case c == ']':
			return token{kind: tkArrayClose, pos: pos}
		case c == '/':
			return token{kind: tkName, pos: pos, text: s.readName()}
		case !isRegular(c):
			return token{kind: tkOther, pos: pos}
		case (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.':
			return s.number(c, pos)
		default:
			return token{kind: tkKeyword, pos: pos, text: s.readKeyword(c)}
		}
	}
}

func (s *pdfScanner) where() string {
	if s.outer {
		return "file"
	}
	return "object stream"
}

// number reads a number as readers do: digits (a sign first, a point
// among them) up to the first other character, so "0obj" is 0 and obj.
func (s *pdfScanner) number(first byte, pos int64) token {
	real := first == '.'
	neg := first == '-'
	var n int64
	digits, over := 0, false
	if first >= '0' && first <= '9' {
		n, digits = int64(first-'0'), 1
	}
	for s.more() {
		c := s.win[s.off]
		switch {
		case c >= '0' && c <= '9':
			if n > (1<<62)/10 {
				over = true
			}
			n = n*10 + int64(c-'0')
			digits++
		case c == '.' && !real:
			real = true
		default:
			goto done
		}
		s.off++
	}
done:
	if real || over || digits == 0 {
		return token{kind: tkReal, pos: pos}
	}
	if neg {
		n = -n
	}
	return token{kind: tkInt, pos: pos, n: n}
}

// keyword returns the keywords the scan acts on as constant strings; others
// are read and dropped ("").
func keyword(b []byte) string {
	switch string(b) {
	case "obj":
		return "obj"
	case "endobj":
		return "endobj"
	case "stream":
		return "stream"
	case "endstream":
		return "endstream"
	case "R":
		return "R"
	case "trailer":
		return "trailer"
	case "xref":
		return "xref"
	case "startxref":
		return "startxref"
	}
	return ""
}

func (s *pdfScanner) readKeyword(first byte) string {
	s.name = append(s.name[:0], first)
	for s.more() && isRegular(s.win[s.off]) {
		if len(s.name) < maxKeyword {
			s.name = append(s.name, s.win[s.off])
		}
		s.off++
	}
	return keyword(s.name)
}

// readName reads a name after '/', decoding #xx escapes so /J#53 is /JS.
// Names are interned: a file uses few distinct names many times.
func (s *pdfScanner) readName() string {
	s.name = s.name[:0]
	for s.more() {
		c := s.win[s.off]
		if !isRegular(c) {
			break
		}
		s.off++
		if c == '#' && s.fill(2) {
			hi, ok1 := unhex(s.win[s.off])
			lo, ok2 := unhex(s.win[s.off+1])
			if ok1 && ok2 {
				s.off += 2
				c = hi<<4 | lo
			}
		}
		if len(s.name) < maxNameBytes {
			s.name = append(s.name, c)
		}
	}
	return s.budget.names.intern(s.name)
}

// nameCache interns names: a file uses few distinct names many times, so
// most are found without allocating. A slot holds the last name that
// hashed to it.
type nameCache [1024]string

func (c *nameCache) intern(name []byte) string {
	h := uint32(2166136261)
	for _, b := range name {
		h = (h ^ uint32(b)) * 16777619
	}
	slot := &c[h&uint32(len(c)-1)]
	if *slot != string(name) {
		*slot = string(name)
	}
	return *slot
}

// skipPast consumes the input up to and including the first of the bytes
// in set; it reports false when the input ends first.
func (s *pdfScanner) skipPast(set string) bool {
	for s.more() {
		w := s.win[s.off:]
		if i := bytes.IndexAny(w, set); i >= 0 {
			s.off += i + 1
			return true
		}
		s.off = len(s.win)
	}
	return false
}

// skipLiteral skips a (string) with balanced parentheses and escapes, so a
// document that merely mentions "/JavaScript" in its text is not flagged.
func (s *pdfScanner) skipLiteral() bool {
	depth := 1
	for s.more() {
		w := s.win[s.off:]
		i := bytes.IndexAny(w, `\()`)
		if i < 0 {
			s.off = len(s.win)
			continue
		}
		s.off += i + 1
		switch w[i] {
		case '\\':
			if !s.more() {
				return false
			}
			s.off++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

var endstream = []byte("endstream")

// encryptedObjects is why an encrypted file's object streams are not read:
// the /Encrypt entry often comes after them, so it is said at the end.
const encryptedObjects = "it is encrypted, so its compressed objects cannot be read"

// stream reads a stream's data after the "stream" keyword. Object streams
// are decoded and scanned; other streams (page content, images, fonts) are
// skipped, their bytes seen only by the raw scan.
func (s *pdfScanner) stream(dict *pval) {
	if s.fill(2) || s.more() {
		switch s.win[s.off] {
		case '\r':
			s.off++
			if s.more() && s.win[s.off] == '\n' {
				s.off++
			}
		case '\n':
			s.off++
		}
	}
	objStm := dict.nameOr("Type", "") == "ObjStm" || dict.get("N") != nil || dict.get("First") != nil
	length := int64(-1)
	if l := dict.get("Length"); l != nil && l.kind == tkInt && l.n >= 0 {
		length = l.n
	}
	data, whole := s.streamData(length, objStm)
	if !objStm {
		return
	}
	s.facts.ObjectStreams++
	if !whole {
		s.incomplete("an object stream is larger than the %d MB this inspection decodes", maxRawObjStm>>20)
		return
	}
	filters, reason := streamFilters(dict)
	if reason != "" {
		s.incomplete("%s", reason)
		return
	}
	r, reason := filterChain(bytes.NewReader(data), filters, s.budget)
	if reason != "" {
		s.incomplete("%s", reason)
		return
	}
	if len(filters) == 0 {
		r = &budgetReader{r: r, b: s.budget}
	}
	table, reason := s.objectTable(dict)
	if reason != "" {
		s.incomplete("%s", reason)
		return
	}
	er := &errReader{r: r}
	inner := newPDFScanner(er, false, s.facts, s.budget)
	inner.table = table
	inner.run()
	inner.release()
	switch {
	case er.err == errInflateBudget:
		s.incomplete("its compressed objects unpack to more than the %d MB this inspection reads", maxInflated>>20)
		s.stop = true
	case er.err != nil && s.facts.Encrypted:
		s.incomplete("%s", encryptedObjects)
	case er.err != nil:
		s.incomplete("an object stream cannot be decoded (%v)", er.err)
	}
	if table != nil && table.notObjects {
		s.facts.ObjectStreams--
		return
	}
	if inner.stop {
		s.stop = true
	}
}

// objectTable prepares the check of an object stream's table from its
// /N and /First, which readers need to find its objects; nil when the
// stream has no /First (an ICC profile has /N alone, and is no object
// stream to a reader).
func (s *pdfScanner) objectTable(dict *pval) (*objTable, string) {
	n, first := dict.get("N"), dict.get("First")
	maybe := first == nil && dict.nameOr("Type", "") != "ObjStm"
	if maybe {
		first = &pval{kind: tkInt}
	}
	if n == nil || first == nil || n.kind != tkInt || first.kind != tkInt || n.n < 0 || first.n < 0 {
		return nil, "an object stream does not say plainly how many objects it holds and where"
	}
	if n.n > int64(maxObjects-s.budget.objects) {
		s.stop = true
		return nil, fmt.Sprintf("it holds more than %d objects", maxObjects)
	}
	s.budget.objects += int(n.n)
	return &objTable{first: first.n, left: 2 * int(n.n), offs: make([]int64, 0, min(n.n, 1<<12)), maybe: maybe}, ""
}

// errReader remembers the first error other than EOF.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// streamFilters lists a stream's filters with their parameters.
func streamFilters(dict *pval) ([]streamFilter, string) {
	f := dict.get("Filter")
	if f == nil {
		return nil, ""
	}
	var names []*pval
	switch f.kind {
	case tkName:
		names = []*pval{f}
	case tkArray:
		names = f.arr
	case tkRef:
		return nil, "a stream's filter is given indirectly"
	default:
		return nil, "a stream's filter is not a name"
	}
	parms := dict.get("DecodeParms")
	if parms == nil {
		parms = dict.get("DP")
	}
	if parms != nil && parms.kind == tkRef {
		return nil, "a stream's decoding parameters are given indirectly"
	}
	out := make([]streamFilter, 0, len(names))
	for i, n := range names {
		if n.kind != tkName {
			return nil, "a stream's filter is not a name"
		}
		var p *pval
		switch {
		case parms != nil && parms.kind == tkArray && i < len(parms.arr):
			p = parms.arr[i]
		case parms != nil && parms.kind == tkDict && len(names) == 1:
			p = parms
		}
		if p != nil && p.kind == tkRef {
			return nil, "a stream's decoding parameters are given indirectly"
		}
		for _, k := range []string{"Predictor", "Colors", "BitsPerComponent", "Columns", "EarlyChange"} {
			if e := p.get(k); e != nil && e.kind != tkInt {
				return nil, "a stream's decoding parameters are given indirectly"
			}
		}
		out = append(out, streamFilter{name: n.name, parms: p})
	}
	if f.kind == tkArray && len(f.arr) == maxKeptArray {
		return nil, "a stream is encoded with too many filters"
	}
	return out, ""
}

// streamData reads to the end of a stream's data and past "endstream".
// The data ends after Length bytes when "endstream" follows there (as
// readers take it), else at the first "endstream". keep holds the data
// (up to maxRawObjStm); whole is false when it was larger.
func (s *pdfScanner) streamData(length int64, keep bool) (data []byte, whole bool) {
	if length >= 0 && length+64 <= pdfBufSize {
		s.fill(int(length) + 64)
		p := s.win[s.off:]
		if int64(len(p)) >= length {
			rest := bytes.TrimLeft(p[length:], "\r\n \t\f\x00")
			if bytes.HasPrefix(rest, endstream) {
				if keep {
					data = append([]byte(nil), p[:length]...)
				}
				s.off += len(p) - len(rest) + len(endstream)
				return data, true
			}
		}
	}
	whole = true
	if keep && length > 0 {
		data = make([]byte, 0, min(length+64, maxRawObjStm))
	}
	for {
		p := s.win[s.off:]
		if i := bytes.Index(p, endstream); i >= 0 {
			if keep && whole {
				data = trimEOL(append(data, p[:i]...))
			}
			s.off += i + len(endstream)
			return data, whole
		}
		if s.eof {
			s.off = len(s.win)
			s.incomplete("a stream runs to the end of the %s", s.where())
			return nil, false
		}
		n := max(len(p)-len(endstream)+1, 0)
		if keep && whole {
			if int64(len(data)+n) > maxRawObjStm {
				whole, data = false, nil
			} else {
				data = append(data, p[:n]...)
			}
		}
		s.off += n
		s.fill(len(endstream))
		if time.Now().After(s.budget.deadline) {
			s.incomplete("inspecting it took longer than %v", maxInspectTime)
			s.stop = true
			return nil, false
		}
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

func isPDFSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0:
		return true
	}
	return false
}

func isRegular(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return false
	}
	return true
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
