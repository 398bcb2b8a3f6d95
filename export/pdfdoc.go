package export

import (
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"

	"github.com/darsworkbench/dars-workbench/assets"
)

// DocInfo is the document information of a PDF. Created is written as the
// creation date and must come from the caller (never time.Now inside a
// renderer) so that the same input gives byte-identical output.
type DocInfo struct {
	Title   string
	Subject string
	Author  string
	Created time.Time
	// Footer is the short text on the left of every footer, e.g. the DARS
	// reference; "Page X of Y" is always on the right.
	Footer string
}

// Doc is the shared PDF builder every document of the app is written with:
// headings with bookmarks, a table of contents, wrapped paragraphs, answer
// rows, tables whose header repeats, and a "Page X of Y" footer. gopdf has
// no automatic page breaks, so Doc keeps its own cursor and breaks pages in
// Ensure. Errors are sticky: the first one stops drawing and is returned by
// RenderDoc, so builders need not check every call.
type Doc struct {
	pdf  *gopdf.GoPdf
	info DocInfo
	y    float64
	page int
	err  error

	style  Style
	widths map[fontKey]map[rune]float64
	glyphs map[bool]map[rune]bool
	// Substituted records characters the fonts lack and what was printed
	// instead, so nothing is dropped silently.
	substituted map[rune]string

	headings []heading
	// prev holds the headings of the previous pass: the table of contents
	// is drawn from them.
	prev     []heading
	tocPage  int
	tocPages int
	// tableHeader redraws the current table's header after a page break.
	tableHeader func()
	// printed, when set, is told every heading, answer and table row as it
	// is drawn: how the hand-off's test reads what application.pdf prints.
	printed func(Printed)
}

// Printed is one thing a document prints: a heading (Level > 0), an answer
// (Question and Answer, "" when not answered), or a table (Columns, Rows).
type Printed struct {
	Level            int
	Heading          string
	Question, Answer string
	Columns          []string
	Rows             [][]string
}

type heading struct {
	level  int
	title  string
	page   int
	anchor string
	// bookmark is made while the heading's page is current: gopdf takes a
	// bookmark's page from the page being drawn.
	bookmark *gopdf.OutlineObj
}

type fontKey struct {
	bold bool
	size float64
}

// Style is how a run of text is set.
type Style struct {
	Bold  bool
	Size  float64
	Color RGB
}

const (
	fontRegular = "sans"
	fontBold    = "sans-bold"
)

// RenderDoc builds a document with build and writes it to w. When build
// places a table of contents, it runs twice: the first pass finds the pages
// of the headings, the second draws the contents with them.
func RenderDoc(w io.Writer, info DocInfo, build func(d *Doc) error) error {
	d, err := renderPass(info, nil, 0, build)
	if err != nil {
		return err
	}
	if d.tocPage > 0 {
		// Shift the first pass's pages by the size the contents will take.
		n := 0
		for _, h := range d.headings {
			if h.level <= 2 {
				n++
			}
		}
		pages := tocPagesFor(n)
		prev := make([]heading, len(d.headings))
		copy(prev, d.headings)
		for i := range prev {
			if prev[i].page > d.tocPage {
				prev[i].page += pages - d.tocPages
			}
		}
		d, err = renderPass(info, prev, pages, build)
		if err != nil {
			return err
		}
	}
	if err := d.finish(); err != nil {
		return err
	}
	if _, err := d.pdf.WriteTo(w); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

func renderPass(info DocInfo, prev []heading, tocPages int, build func(d *Doc) error) (*Doc, error) {
	d, err := newDoc(info)
	if err != nil {
		return nil, err
	}
	d.prev = prev
	d.tocPages = tocPages
	if err := build(d); err != nil {
		return nil, err
	}
	if d.err != nil {
		return nil, d.err
	}
	return d, nil
}

func newDoc(info DocInfo) (*Doc, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{
		Title: outText(info.Title), Subject: outText(info.Subject), Author: outText(info.Author),
		Creator: "DARS Workbench", Producer: "DARS Workbench (gopdf)",
		CreationDate: info.Created,
	})
	// A missing glyph is caught before text reaches gopdf (see clean); this
	// substitute only guards against a path that forgot to clean.
	opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
	if err := pdf.AddTTFFontDataWithOption(fontRegular, assets.NotoSansRegular, opt); err != nil {
		return nil, fmt.Errorf("load font: %w", err)
	}
	if err := pdf.AddTTFFontDataWithOption(fontBold, assets.NotoSansBold, opt); err != nil {
		return nil, fmt.Errorf("load bold font: %w", err)
	}
	d := &Doc{
		pdf: pdf, info: info,
		widths:      map[fontKey]map[rune]float64{},
		glyphs:      map[bool]map[rune]bool{false: {}, true: {}},
		substituted: map[rune]string{},
	}
	d.NewPage()
	return d, d.err
}

// Fail records err as the document's error unless one is already recorded.
func (d *Doc) Fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// Err is the first error met while drawing.
func (d *Doc) Err() error { return d.err }

// PDF gives the underlying gopdf document for vector drawing (data-flow
// maps). Text must go through TextAt so that it is cleaned and substituted.
func (d *Doc) PDF() *gopdf.GoPdf { return d.pdf }

// Y is the layout cursor: the top of the next thing drawn.
func (d *Doc) Y() float64 { return d.y }

// SetY moves the layout cursor, for callers that drew by hand.
func (d *Doc) SetY(y float64) { d.y = y }

// Left is the left edge of the text column.
func (d *Doc) Left() float64 { return marginLeft }

// Width is the width of the text column.
func (d *Doc) Width() float64 { return contentW }

// Bottom is the lowest y content may reach.
func (d *Doc) Bottom() float64 { return bottomY }

// Substitutions lists characters the fonts lack and what was printed for them.
func (d *Doc) Substitutions() map[rune]string { return d.substituted }

// NewPage starts a page and puts the cursor at its top.
func (d *Doc) NewPage() {
	if d.err != nil {
		return
	}
	d.pdf.AddPage()
	d.page++
	d.y = marginTop
	// The footer rule also makes gopdf create the page's content stream now:
	// SetPage, used for the footers, counts pages by their streams.
	d.setStroke(colRule, 0.5)
	d.pdf.Line(marginLeft, footerY, marginLeft+contentW, footerY)
	if d.tableHeader != nil {
		d.tableHeader()
	}
}

// Ensure starts a new page unless h points fit below the cursor.
func (d *Doc) Ensure(h float64) {
	if d.y+h > bottomY && d.y > marginTop {
		d.NewPage()
	}
}

// Space moves the cursor down by h, never past the page end.
func (d *Doc) Space(h float64) {
	d.y += h
	if d.y > bottomY {
		d.NewPage()
	}
}

// Rule draws a thin line across the column.
func (d *Doc) Rule() {
	d.Ensure(4)
	d.setStroke(colRule, 0.5)
	d.pdf.Line(marginLeft, d.y+2, marginLeft+contentW, d.y+2)
	d.y += 4
}

func (d *Doc) setStroke(c RGB, width float64) {
	d.pdf.SetStrokeColor(c.R, c.G, c.B)
	d.pdf.SetLineWidth(width)
}

func (d *Doc) setFill(c RGB) { d.pdf.SetFillColor(c.R, c.G, c.B) }

// Heading starts a section at level 1, 2 or 3 with a bookmark; levels 1
// and 2 are listed in the table of contents.
func (d *Doc) Heading(level int, title string) {
	if d.err != nil {
		return
	}
	if d.printed != nil {
		d.printed(Printed{Level: level, Heading: title})
	}
	size, gap := h3Size, 6.0
	switch level {
	case 1:
		size, gap = h1Size, 10
	case 2:
		size, gap = h2Size, 8
	}
	lh := size * 1.35
	lines := d.Wrap(title, contentW, size, true)
	// Keep a heading with at least two lines of what follows it.
	d.Ensure(float64(len(lines))*lh + gap + 2*lineH)
	if d.y > marginTop {
		d.y += gap
	}
	anchor := fmt.Sprintf("h%d", len(d.headings)+1)
	d.pdf.SetY(d.y)
	d.pdf.SetAnchor(anchor)
	clean := d.clean(title, true)
	d.headings = append(d.headings, heading{level: level, title: clean, page: d.page, anchor: anchor,
		bookmark: d.pdf.AddOutlineWithPosition(outText(clean))})
	for _, l := range lines {
		d.TextAt(marginLeft, d.y, Style{Bold: true, Size: size, Color: colAccent}, l)
		d.y += lh
	}
	if level == 1 {
		d.setStroke(colAccent, 1)
		d.pdf.Line(marginLeft, d.y+1, marginLeft+contentW, d.y+1)
		d.y += 4
	}
	d.y += gap / 2
}

// finish writes the footers and the bookmark tree once every page exists.
func (d *Doc) finish() error {
	total := d.page
	st := Style{Size: smallSize, Color: colMuted}
	for p := 1; p <= total; p++ {
		if err := d.pdf.SetPage(p); err != nil {
			return fmt.Errorf("footer of page %d: %w", p, err)
		}
		if d.info.Footer != "" {
			d.TextAt(marginLeft, footerY+4, st, d.fit(d.info.Footer, contentW-90, st))
		}
		n := fmt.Sprintf("Page %d of %d", p, total)
		d.TextAt(marginLeft+contentW-d.measure(n, st), footerY+4, st, n)
	}
	d.outline()
	if d.err != nil {
		return d.err
	}
	return nil
}

// outline builds nested bookmarks: each level-2 or level-3 heading hangs
// under the nearest heading above it of a lower level.
func (d *Doc) outline() {
	if len(d.headings) == 0 {
		return
	}
	var roots gopdf.OutlineNodes
	var stack []*gopdf.OutlineNode
	levels := []int{}
	for _, h := range d.headings {
		node := &gopdf.OutlineNode{Obj: h.bookmark}
		for len(stack) > 0 && levels[len(levels)-1] >= h.level {
			stack, levels = stack[:len(stack)-1], levels[:len(levels)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, node)
		} else {
			parent := stack[len(stack)-1]
			parent.Children = append(parent.Children, node)
		}
		stack, levels = append(stack, node), append(levels, h.level)
	}
	roots.Parse()
}
