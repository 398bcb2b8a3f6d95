package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Colours of a word diff: green for what was added, red for what was removed.
var (
	colAdded   = RGB{0x00, 0x70, 0x3c}
	colRemoved = RGB{0xb0, 0x1c, 0x1c}
)

// ChangesInfo names the two versions a summary of changes compares.
type ChangesInfo struct {
	Title string
	// From and To say what each side is, e.g. "Revision 12 (snapshot before export)".
	From, To string
	At       time.Time
}

// WriteChangesPDF writes the summary of changes that accompanies an
// amendment: section by section what was added, removed and changed (long
// answers word by word: removed words struck through in red, added words
// underlined in green), then the evidence files that changed, by hash.
func WriteChangesPDF(w io.Writer, c forms.Comparison, ci ChangesInfo) error {
	if err := guardChanges(c, ci); err != nil {
		return err
	}
	info := DocInfo{
		Title: "Summary of changes: " + orUntitled(ci.Title), Subject: "Changes between two versions of a DARS application",
		Created: ci.At, Footer: "Summary of changes · " + clipRunes(orUntitled(ci.Title), 50),
	}
	return RenderDoc(w, info, func(d *Doc) error {
		d.TextAt(marginLeft, marginTop, Style{Size: 11, Bold: true, Color: colAccent}, "Summary of changes")
		d.SetY(marginTop + 36)
		d.StyledParagraph(Style{Size: 20, Bold: true, Color: colText}, 26, orUntitled(ci.Title))
		d.Space(12)
		d.Answer("Earlier version", ci.From)
		d.Answer("Later version", ci.To)
		d.Answer("Compared", ci.At.Format("2 January 2006"))
		d.Answer("Changes", fmt.Sprintf("%d %s in %d %s, %d evidence %s", c.Count()-len(c.Evidence),
			plural(c.Count()-len(c.Evidence), "answer", "answers"), len(c.Sections), plural(len(c.Sections), "section", "sections"),
			len(c.Evidence), plural(len(c.Evidence), "file", "files")))
		d.Space(6)
		d.Note("Long answers are compared word by word: removed words are struck through in red, added words underlined in green.")
		if c.Empty() {
			d.Paragraph("The two versions hold the same answers and the same evidence files.")
		}
		for _, s := range c.Sections {
			d.Heading(2, s.Title)
			for _, ch := range s.Changes {
				d.Ensure(lineH * 3)
				d.StyledParagraph(Style{Size: bodySize, Bold: true, Color: changeColour(ch.Kind)}, lineH, changeWord(ch.Kind)+": "+ch.Label)
				switch {
				case ch.Words != nil:
					d.wordDiff(ch.Words)
				case ch.Kind == forms.Added:
					d.Paragraph(ch.New)
				case ch.Kind == forms.Removed:
					d.StyledParagraph(Style{Size: bodySize, Color: colRemoved}, lineH, "Was: "+ch.Old)
					d.Space(paraGap)
				default:
					d.Answer("Was", ch.Old)
					d.Answer("Now", ch.New)
					d.Space(paraGap)
				}
			}
		}
		if len(c.Evidence) > 0 {
			d.Heading(2, "Evidence files")
			rows := make([][]string, 0, len(c.Evidence))
			for _, e := range c.Evidence {
				rows = append(rows, []string{changeWord(e.Kind), e.Title,
					strings.TrimSpace(e.OldName + "\n" + e.OldHash), strings.TrimSpace(e.NewName + "\n" + e.NewHash)})
			}
			d.Table([]Column{{"Change", 1}, {"Evidence", 2}, {"Before (file, SHA-256)", 3}, {"After (file, SHA-256)", 3}}, rows)
		}
		return d.Err()
	})
}

func changeWord(k forms.ChangeKind) string {
	switch k {
	case forms.Added:
		return "Added"
	case forms.Removed:
		return "Removed"
	}
	return "Changed"
}

func changeColour(k forms.ChangeKind) RGB {
	switch k {
	case forms.Added:
		return colAdded
	case forms.Removed:
		return colRemoved
	}
	return colAccent
}

// wordDiff sets a word diff as running text, each word in the style of its
// run, wrapping word by word and breaking pages between lines.
func (d *Doc) wordDiff(ops []forms.WordOp) {
	if d.err != nil {
		return
	}
	x := marginLeft
	d.Ensure(lineH)
	newline := func() {
		x = marginLeft
		d.y += lineH
		d.Ensure(lineH)
	}
	prev := forms.OpSame
	for _, op := range ops {
		if op.Kind == forms.OpInsert && prev == forms.OpDelete {
			x += 3 // "old new" must not read as one word
		}
		prev = op.Kind
		st := bodyStyle
		switch op.Kind {
		case forms.OpInsert:
			st = Style{Size: bodySize, Color: colAdded}
		case forms.OpDelete:
			st = Style{Size: bodySize, Color: colRemoved}
		}
		for _, tok := range splitKeepNewlines(op.Text) {
			if tok == "\n" {
				newline()
				continue
			}
			tok = d.clean(tok, false)
			w := d.MeasureText(tok, st)
			if strings.TrimSpace(tok) == "" {
				if x == marginLeft {
					continue // no space at the start of a line
				}
				if x+w > marginLeft+contentW {
					newline()
					continue
				}
			} else if x+w > marginLeft+contentW && x > marginLeft {
				newline()
			}
			d.TextAt(x, d.y, st, tok)
			if op.Kind != forms.OpSame {
				d.setStroke(st.Color, 0.7)
				ly := d.y + bodySize*0.55 // through the middle for a removal
				if op.Kind == forms.OpInsert {
					ly = d.y + bodySize + 1.5 // under the baseline for an addition
				}
				d.pdf.Line(x, ly, x+w, ly)
			}
			x += w
		}
	}
	d.y += lineH + paraGap
}

// splitKeepNewlines splits text into words, runs of spaces and single
// newlines.
func splitKeepNewlines(s string) []string {
	var out []string
	start := 0
	kind := func(r rune) int {
		switch r {
		case '\n':
			return 2
		case ' ', '\t', '\r':
			return 1
		}
		return 0
	}
	prev := -1
	for i, r := range s {
		k := kind(r)
		if i > start && (k != prev || k == 2) {
			out = append(out, s[start:i])
			start = i
		}
		prev = k
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
