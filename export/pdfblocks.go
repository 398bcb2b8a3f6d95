package export

import (
	"fmt"
	"strings"
)

// NotAnswered is printed for a question with no answer, so a reader sees the
// gap rather than a blank that might be a rendering fault.
const NotAnswered = "Not answered"

var (
	bodyStyle    = Style{Size: bodySize, Color: colText}
	labelStyle   = Style{Size: bodySize, Bold: true, Color: colText}
	mutedStyle   = Style{Size: smallSize, Color: colMuted}
	missingStyle = Style{Size: bodySize, Bold: true, Color: colMissing}
)

// lines draws pre-wrapped lines at x, breaking pages between lines.
func (d *Doc) lines(x float64, st Style, lh float64, ls []string) {
	for _, l := range ls {
		d.Ensure(lh)
		d.TextAt(x, d.y, st, l)
		d.y += lh
	}
}

// Paragraph sets running text across the column, breaking pages as needed.
func (d *Doc) Paragraph(text string) {
	d.lines(marginLeft, bodyStyle, lineH, d.Wrap(text, contentW, bodySize, false))
	d.y += paraGap
}

// Note sets small, muted text (explanations, captions).
func (d *Doc) Note(text string) {
	d.lines(marginLeft, mutedStyle, smallLineH, d.Wrap(text, contentW, smallSize, false))
	d.y += paraGap
}

// StyledParagraph sets text in a given style with line height lh.
func (d *Doc) StyledParagraph(st Style, lh float64, text string) {
	d.lines(marginLeft, st, lh, d.Wrap(text, contentW, sizeOf(st), st.Bold))
}

// Answer sets one question and its answer. Short answers sit beside the
// question; long ones run under it across the full column and break across
// pages line by line. An empty answer is marked NotAnswered.
func (d *Doc) Answer(question, answer string) {
	if d.err != nil {
		return
	}
	answer = strings.TrimSpace(answer)
	if d.printed != nil {
		d.printed(Printed{Question: question, Answer: answer})
	}
	st := bodyStyle
	if answer == "" {
		answer, st = NotAnswered, missingStyle
	}
	if len(answer) > longAnswer || strings.Contains(answer, "\n") {
		q := d.Wrap(question, contentW, bodySize, true)
		d.Ensure(float64(len(q)+2) * lineH)
		d.lines(marginLeft, labelStyle, lineH, q)
		d.lines(marginLeft, st, lineH, d.Wrap(answer, contentW, bodySize, st.Bold))
		d.y += paraGap
		return
	}
	valueX := marginLeft + labelW + labelGap
	q := d.Wrap(question, labelW, bodySize, true)
	a := d.Wrap(answer, contentW-labelW-labelGap, bodySize, st.Bold)
	n := max(len(q), len(a))
	// Rows are short (long answers take the block layout above), so a row
	// is kept whole on one page, and the question is drawn before the
	// answer so that text extraction and screen readers keep each together.
	d.Ensure(float64(n) * lineH)
	top := d.y
	for i, l := range q {
		d.TextAt(marginLeft, top+float64(i)*lineH, labelStyle, l)
	}
	for i, l := range a {
		d.TextAt(valueX, top+float64(i)*lineH, st, l)
	}
	d.y = top + float64(n)*lineH
	d.y += paraGap / 2
}

// YesNo is the answer text of a yes/no question.
func YesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// Column is one column of a table; Width is a share of the column width
// (the shares of a table need not add to 1: they are scaled).
type Column struct {
	Title string
	Width float64
}

// Table sets rows under a header that is repeated at the top of every page
// the table reaches. A row taller than a page is split between lines.
func (d *Doc) Table(cols []Column, rows [][]string) {
	if d.err != nil || len(cols) == 0 {
		return
	}
	if d.printed != nil {
		titles := make([]string, len(cols))
		for i, c := range cols {
			titles[i] = c.Title
		}
		d.printed(Printed{Columns: titles, Rows: rows})
	}
	var total float64
	for _, c := range cols {
		total += c.Width
	}
	widths := make([]float64, len(cols))
	xs := make([]float64, len(cols))
	x := marginLeft
	for i, c := range cols {
		widths[i] = contentW * c.Width / total
		xs[i] = x
		x += widths[i]
	}
	head := make([][]string, len(cols))
	headN := 1
	for i, c := range cols {
		head[i] = d.Wrap(c.Title, widths[i]-2*cellPad, tableSize, true)
		headN = max(headN, len(head[i]))
	}
	headH := float64(headN)*tableLineH + 2*cellPad
	drawHeader := func() {
		d.setFill(colHeadBG)
		d.pdf.RectFromUpperLeftWithStyle(marginLeft, d.y, contentW, headH, "F")
		for i := range cols {
			for j, l := range head[i] {
				d.TextAt(xs[i]+cellPad, d.y+cellPad+float64(j)*tableLineH, Style{Size: tableSize, Bold: true, Color: colText}, l)
			}
		}
		d.y += headH
	}
	// Keep the header with at least one row.
	d.Ensure(headH + tableLineH + 2*cellPad)
	drawHeader()
	d.tableHeader = drawHeader
	defer func() { d.tableHeader = nil }()

	cell := Style{Size: tableSize, Color: colText}
	for _, row := range rows {
		cells := make([][]string, len(cols))
		n := 1
		for i := range cols {
			v := ""
			if i < len(row) {
				v = row[i]
			}
			cells[i] = d.Wrap(v, widths[i]-2*cellPad, tableSize, false)
			n = max(n, len(cells[i]))
		}
		// Rows of up to six lines are never split.
		d.Ensure(float64(min(n, 6))*tableLineH + 2*cellPad)
		for start := 0; start < n; {
			fit := int((bottomY - d.y - 2*cellPad) / tableLineH)
			if fit < 1 {
				d.NewPage()
				continue
			}
			end := min(n, start+fit)
			h := float64(end-start)*tableLineH + 2*cellPad
			for i := range cols {
				for j := start; j < end && j < len(cells[i]); j++ {
					d.TextAt(xs[i]+cellPad, d.y+cellPad+float64(j-start)*tableLineH, cell, cells[i][j])
				}
			}
			d.y += h
			d.setStroke(colRule, 0.5)
			d.pdf.Line(marginLeft, d.y, marginLeft+contentW, d.y)
			start = end
			if start < n {
				d.NewPage()
			}
		}
		if d.err != nil {
			return
		}
	}
	d.y += paraGap
}

// tocPagesFor is how many pages a table of contents of n entries takes;
// entries have a fixed height so this is known before drawing it.
func tocPagesFor(n int) int {
	avail, entry := bottomY-marginTop, tocEntryH
	first := int((avail - tocTitleH) / entry)
	if n <= first {
		return 1
	}
	rest := int(avail / entry)
	return 1 + (n-first+rest-1)/rest
}

const tocTitleH = h1Size*1.35 + 14

// TOC places the table of contents here, on pages of its own. It lists the
// level-1 and level-2 headings with their pages, each linked to its heading.
func (d *Doc) TOC() {
	if d.err != nil {
		return
	}
	if d.y > marginTop {
		d.NewPage()
	}
	d.tocPage = d.page
	start := d.page
	d.TextAt(marginLeft, d.y, Style{Bold: true, Size: h1Size, Color: colAccent}, "Contents")
	d.y += tocTitleH
	var entries []heading
	for _, h := range d.prev {
		if h.level <= 2 {
			entries = append(entries, h)
		}
	}
	// The first pass has no entries yet; it still counts the headings.
	for _, h := range entries {
		if d.y+tocEntryH > bottomY {
			d.NewPage()
		}
		x := marginLeft
		st := Style{Size: bodySize, Bold: true, Color: colText}
		if h.level > 1 {
			x += tocIndent
			st = Style{Size: bodySize, Color: colText}
		}
		num := fmt.Sprint(h.page)
		numW := d.measure(num, st)
		title := d.fit(h.title, contentW-(x-marginLeft)-numW-24, st)
		titleW := d.measure(title, st)
		d.TextAt(x, d.y, st, title)
		// Dot leaders guide the eye to the page number.
		dots := Style{Size: bodySize, Color: colMuted}
		dotW := d.measure(" .", dots)
		if n := int((contentW - (x - marginLeft) - titleW - numW - 8) / dotW); n > 0 {
			leader := strings.Repeat(" .", n)
			d.TextAt(marginLeft+contentW-numW-4-d.measure(leader, dots), d.y, dots, leader)
		}
		d.TextAt(marginLeft+contentW-numW, d.y, st, num)
		d.pdf.AddInternalLink(h.anchor, marginLeft, d.y, contentW, tocEntryH-2)
		d.y += tocEntryH
	}
	used := d.page - start + 1
	for used < d.tocPages {
		d.NewPage()
		used++
	}
	d.tocPages = used
	d.NewPage()
}
