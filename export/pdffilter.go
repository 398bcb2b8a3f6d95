package export

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"

	tifflzw "golang.org/x/image/tiff/lzw"
)

// Bounds on decoding, so that a crafted file costs bounded time and memory.
const (
	maxFilters     = 8        // filters chained on one stream
	maxRowBytes    = 16 << 20 // one predictor row
	maxPredColumns = 1 << 24
)

// errInflateBudget is returned by a filter once the file's decoding budget
// is spent.
var errInflateBudget = errors.New("the decoding budget is spent")

// budgetReader charges every byte a filter puts out to the file's budget,
// so a chain of filters (each of which may expand its input many times)
// costs no more than the budget in all.
type budgetReader struct {
	r io.Reader
	b *pdfBudget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.inflated <= 0 {
		return 0, errInflateBudget
	}
	if int64(len(p)) > br.b.inflated {
		p = p[:br.b.inflated]
	}
	n, err := br.r.Read(p)
	br.b.inflated -= int64(n)
	return n, err
}

// streamFilter is one entry of a stream's /Filter with its /DecodeParms.
type streamFilter struct {
	name  string
	parms *pval
}

// filterChain returns a reader of a stream's decoded content. reason is
// set, and r nil, when the chain holds a filter this inspection cannot
// decode, so the content cannot be seen.
func filterChain(raw io.Reader, filters []streamFilter, b *pdfBudget) (r io.Reader, reason string) {
	if len(filters) > maxFilters {
		return nil, fmt.Sprintf("a stream is encoded with %d filters in a row", len(filters))
	}
	r = raw
	for _, f := range filters {
		var err error
		switch f.name {
		case "FlateDecode", "Fl":
			r, err = inflateReader(r)
			if err == nil {
				r, err = predictor(r, f.parms)
			}
		case "LZWDecode", "LZW":
			early := f.parms.intOr("EarlyChange", 1)
			if early == 0 {
				r = lzw.NewReader(r, lzw.MSB, 8)
			} else {
				r = tifflzw.NewReader(r, tifflzw.MSB, 8)
			}
			r, err = predictor(r, f.parms)
		case "ASCIIHexDecode", "AHx":
			r = &asciiHexReader{r: bufio.NewReader(r)}
		case "ASCII85Decode", "A85":
			r = ascii85.NewDecoder(&ascii85EOD{r: bufio.NewReader(r)})
		case "RunLengthDecode", "RL":
			r = &runLengthReader{r: bufio.NewReader(r)}
		case "Crypt":
			if n := f.parms.nameOr("Name", "Identity"); n != "Identity" {
				return nil, "a stream is encrypted with the " + n + " crypt filter"
			}
		case "":
			return nil, "a stream's filter is given indirectly"
		default:
			return nil, "a stream uses the " + f.name + " filter, which this check cannot decode"
		}
		if err != nil {
			return nil, err.Error()
		}
		r = &budgetReader{r: r, b: b}
	}
	return r, ""
}

// inflateReader reads zlib data, or raw deflate data as lenient readers
// accept too.
func inflateReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		zr, err := zlib.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("a compressed stream is damaged: %v", err)
		}
		return &zlibLenient{r: zr}, nil
	}
	return flate.NewReader(br), nil
}

// zlibLenient ignores a bad checksum after the data: readers use the data.
type zlibLenient struct{ r io.Reader }

func (z *zlibLenient) Read(p []byte) (int, error) {
	n, err := z.r.Read(p)
	if errors.Is(err, zlib.ErrChecksum) {
		err = io.EOF
	}
	return n, err
}

// predictor undoes a PNG (10-15) or TIFF (2) predictor.
func predictor(r io.Reader, parms *pval) (io.Reader, error) {
	pred := parms.intOr("Predictor", 1)
	if pred == 1 {
		return r, nil
	}
	colors := parms.intOr("Colors", 1)
	bpc := parms.intOr("BitsPerComponent", 8)
	cols := parms.intOr("Columns", 1)
	if colors < 1 || colors > 32 || cols < 1 || cols > maxPredColumns || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) {
		return nil, errors.New("a stream's predictor parameters are out of range")
	}
	rowBits := colors * bpc * cols
	row := int((rowBits + 7) / 8)
	bpp := int(max((colors*bpc+7)/8, 1))
	if row > maxRowBytes {
		return nil, errors.New("a stream's predictor rows are too long")
	}
	switch {
	case pred >= 10 && pred <= 15:
		return &pngPredictor{r: bufio.NewReader(r), prev: make([]byte, row), cur: make([]byte, row+1), bpp: bpp}, nil
	case pred == 2 && bpc == 8:
		return &tiffPredictor{r: bufio.NewReader(r), row: make([]byte, row), bpp: bpp}, nil
	case pred == 2:
		return nil, fmt.Errorf("a stream uses the TIFF predictor with %d-bit components, which this check cannot decode", bpc)
	}
	return nil, fmt.Errorf("a stream uses predictor %d, which does not exist", pred)
}

// pngPredictor undoes PNG row filters: each row starts with its filter type.
type pngPredictor struct {
	r         *bufio.Reader
	prev, cur []byte
	bpp       int
	out       []byte
	err       error
}

func (p *pngPredictor) Read(b []byte) (int, error) {
	for len(p.out) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		n, err := io.ReadFull(p.r, p.cur)
		if err == io.ErrUnexpectedEOF && n > 1 {
			// A short last row: readers decode what is there.
			clear(p.cur[n:])
			err = io.EOF
		} else if err != nil {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			return 0, err
		}
		p.err = err
		if e := p.unfilter(); e != nil {
			p.err = e
			return 0, e
		}
		p.out = p.cur[1:]
	}
	n := copy(b, p.out)
	p.out = p.out[n:]
	if len(p.out) == 0 {
		copy(p.prev, p.cur[1:])
	}
	return n, nil
}

func (p *pngPredictor) unfilter() error {
	row, prev, bpp := p.cur[1:], p.prev, p.bpp
	switch p.cur[0] {
	case 0:
	case 1:
		for i := bpp; i < len(row); i++ {
			row[i] += row[i-bpp]
		}
	case 2:
		for i := range row {
			row[i] += prev[i]
		}
	case 3:
		for i := range row {
			var left byte
			if i >= bpp {
				left = row[i-bpp]
			}
			row[i] += byte((int(left) + int(prev[i])) / 2)
		}
	case 4:
		for i := range row {
			var a, c byte
			if i >= bpp {
				a, c = row[i-bpp], prev[i-bpp]
			}
			row[i] += paeth(a, prev[i], c)
		}
	default:
		return fmt.Errorf("a stream has PNG row filter %d, which does not exist", p.cur[0])
	}
	return nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// tiffPredictor undoes TIFF horizontal differencing of 8-bit components.
type tiffPredictor struct {
	r   *bufio.Reader
	row []byte
	bpp int
	out []byte
	err error
}

func (t *tiffPredictor) Read(b []byte) (int, error) {
	for len(t.out) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		n, err := io.ReadFull(t.r, t.row)
		if n == 0 {
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			return 0, err
		}
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		t.err = err
		for i := t.bpp; i < n; i++ {
			t.row[i] += t.row[i-t.bpp]
		}
		t.out = t.row[:n]
	}
	n := copy(b, t.out)
	t.out = t.out[n:]
	return n, nil
}

// asciiHexReader decodes ASCIIHexDecode: hex digit pairs up to '>',
// white space ignored, an odd last digit followed by 0.
type asciiHexReader struct {
	r    *bufio.Reader
	hi   byte
	half bool
	done bool
}

func (a *asciiHexReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) && !a.done {
		c, err := a.r.ReadByte()
		if err == io.EOF || c == '>' {
			a.done = true
			if a.half {
				b[n] = a.hi << 4
				n++
			}
			break
		}
		if err != nil {
			return n, err
		}
		if isPDFSpace(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return n, fmt.Errorf("an ASCIIHex stream holds %q", c)
		}
		if !a.half {
			a.hi, a.half = v, true
			continue
		}
		b[n] = a.hi<<4 | v
		n++
		a.half = false
	}
	if a.done && n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// ascii85EOD ends ASCII85 data at "~>" (and skips a leading "<~"), which
// encoding/ascii85 does not know.
type ascii85EOD struct {
	r       *bufio.Reader
	started bool
	done    bool
}

func (a *ascii85EOD) Read(b []byte) (int, error) {
	if !a.started {
		a.started = true
		if p, _ := a.r.Peek(2); bytes.Equal(p, []byte("<~")) {
			_, _ = a.r.Discard(2)
		}
	}
	n := 0
	for n < len(b) && !a.done {
		c, err := a.r.ReadByte()
		if err != nil {
			a.done = true
			break
		}
		if c == '~' {
			a.done = true
			break
		}
		b[n] = c
		n++
	}
	if n == 0 && a.done {
		return 0, io.EOF
	}
	return n, nil
}

// runLengthReader decodes RunLengthDecode.
type runLengthReader struct {
	r    *bufio.Reader
	run  int  // bytes left in the current run
	lit  bool // a literal run (copy) rather than a repeat
	rep  byte
	done bool
}

func (rl *runLengthReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		if rl.run == 0 {
			if rl.done {
				break
			}
			l, err := rl.r.ReadByte()
			if err != nil || l == 128 {
				rl.done = true
				break
			}
			if l < 128 {
				rl.run, rl.lit = int(l)+1, true
			} else {
				c, err := rl.r.ReadByte()
				if err != nil {
					rl.done = true
					break
				}
				rl.run, rl.lit, rl.rep = 257-int(l), false, c
			}
		}
		if rl.lit {
			c, err := rl.r.ReadByte()
			if err != nil {
				rl.done, rl.run = true, 0
				break
			}
			b[n] = c
		} else {
			b[n] = rl.rep
		}
		n++
		rl.run--
	}
	if n == 0 && rl.done {
		return 0, io.EOF
	}
	return n, nil
}
