package app

import (
	"fmt"
	"image/color"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// publicTextView is one published text: the text as the public will read
// it, its marks, and beside it the reading figures and findings.
type publicTextView struct {
	e *Editor
	t forms.PublicText
}

func newPublicTextView(e *Editor, t forms.PublicText) *publicTextView {
	return &publicTextView{e: e, t: t}
}

// sideWidth is the width of the figures beside each text.
const sideWidth = 300

func (v *publicTextView) object() fyne.CanvasObject {
	source := Hint("From " + forms.PathLabel(v.t.Field))
	var action *widget.Button
	if v.e.ReadOnly() {
		action = widget.NewButtonWithIcon("Comment…", theme.MailComposeIcon(), v.onComment)
	} else {
		action = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), v.onEdit)
	}
	action.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle(v.t.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewVBox(action), container.New(tightRows{}, title, source)))

	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(sideWidth, 0))
	side := container.NewStack(floor, container.NewPadded(v.side()))
	text := v.text()
	v.e.Field(v.t.Field, text)
	return container.NewVBox(head, container.NewBorder(nil, nil, nil, side, text))
}

// onEdit opens the answer where it is written.
func (v *publicTextView) onEdit() { v.e.Open(forms.SectionOfField(v.t.Field), v.t.Field) }

// onComment asks the reviewer for a comment on the answer.
func (v *publicTextView) onComment() { v.e.review.onComment(v.t.Field) }

// text is the answer with its marks; an unwritten one says so.
func (v *publicTextView) text() fyne.CanvasObject {
	if strings.TrimSpace(v.t.Text) == "" {
		l := widget.NewLabel("Not written yet: the register would show nothing here.")
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	// Our own layout, not RichText: see styledText.
	return newStyledText(styledParagraphs(markedSegments(v.t.Text, v.t.Review)))
}

// side is the reading figures and the findings on this text.
func (v *publicTextView) side() fyne.CanvasObject {
	r := v.t.Review
	box := container.NewVBox()
	if ease, ok := r.ReadingEase(); ok {
		grade, _ := r.Grade()
		easeLine := widget.NewLabelWithStyle(fmt.Sprintf("Reading ease %.0f: %s", ease, forms.ReadingEaseBand(ease)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if ease < forms.HardReadingEase {
			easeLine.Importance = widget.WarningImportance
		}
		box.Add(easeLine)
		box.Add(sideNote(fmt.Sprintf("Flesch–Kincaid grade %.1f: %s", grade, forms.ReadingAge(grade))))
		box.Add(sideNote(fmt.Sprintf("%s in %s; the longest has %d",
			plural(r.Words, "word"), plural(r.Sentences, "sentence"), r.LongestSentence)))
	} else {
		box.Add(sideNote("No figures: nothing written yet."))
	}
	box.Add(sideNote(fmt.Sprintf("%s (register texts run from about 1,000 to 20,000)", plural(utf8.RuneCountInString(v.t.Text), "character"))))
	box.Add(widget.NewSeparator())
	found := 0
	for _, f := range v.e.findings {
		if f.Field != v.t.Field || !strings.HasPrefix(f.CheckID, "public-") {
			continue
		}
		found++
		msg := widget.NewLabel(f.Message + "  (" + strings.Join(f.Requirements, ", ") + ")")
		msg.Wrapping = fyne.TextWrapWord
		msg.SizeName = theme.SizeNameCaptionText
		box.Add(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(severityIcon(f.Severity))), nil, msg))
	}
	if found == 0 && r.Words > 0 {
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon())), nil, sideNote("No plain-language findings.")))
	}
	if n := v.comments(); n > 0 {
		where := "shown where the answer is edited"
		if v.e.ReadOnly() {
			where = "in your review"
		}
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.MailComposeIcon()), nil, sideNote(plural(n, "review comment")+" on this answer, "+where+".")))
	}
	return box
}

// comments counts the open review comments on this text's answer: the
// reviewer's own in a pack, the draft's imported ones in a draft.
func (v *publicTextView) comments() int {
	n := 0
	if v.e.review != nil {
		for _, c := range v.e.review.review.Comments {
			if c.Field == v.t.Field {
				n++
			}
		}
		return n
	}
	for _, c := range v.e.app.Comments {
		if c.Field == v.t.Field && !c.Resolved {
			n++
		}
	}
	return n
}

func sideNote(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// markKind orders the marks: where they overlap, the later kind shows.
type markKind int

const (
	markNone markKind = iota
	markLong
	markWord // an abbreviation not spelt out, or jargon
	markName
)

type mark struct {
	start, end int
	kind       markKind
}

// markedSegments splits a text into rich-text segments, one paragraph per
// line, styled by the review's marks: long sentences in italics,
// abbreviations and jargon in amber, names of people in red.
func markedSegments(text string, r forms.TextReview) []widget.RichTextSegment {
	var marks []mark
	for _, s := range r.LongSentences {
		marks = append(marks, mark{s.Start, s.End, markLong})
	}
	for _, a := range r.Acronyms {
		marks = append(marks, mark{a.Start, a.Start + len(a.Acronym), markWord})
	}
	for _, j := range r.Jargon {
		marks = append(marks, mark{j.Start, j.End, markWord})
	}
	for _, n := range r.Names {
		marks = append(marks, mark{n.Start, n.End, markName})
	}
	cuts := []int{0, len(text)}
	for _, m := range marks {
		cuts = append(cuts, clampInt(m.start, len(text)), clampInt(m.end, len(text)))
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			cuts = append(cuts, i, i+1)
		}
	}
	sort.Ints(cuts)
	var segs []widget.RichTextSegment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		if text[a:b] == "\n" {
			// The segment before ends its paragraph.
			if n := len(segs); n > 0 {
				if ts, ok := segs[n-1].(*widget.TextSegment); ok && ts.Style.Inline {
					ts.Style.Inline = false
					continue
				}
			}
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: ""})
			continue
		}
		kind := markNone
		for _, m := range marks {
			if m.start <= a && b <= m.end && m.kind > kind {
				kind = m.kind
			}
		}
		segs = append(segs, &widget.TextSegment{Style: markStyle(kind, hasMark(marks, a, b, markLong)), Text: text[a:b]})
	}
	return segs
}

func hasMark(marks []mark, a, b int, k markKind) bool {
	for _, m := range marks {
		if m.kind == k && m.start <= a && b <= m.end {
			return true
		}
	}
	return false
}

func markStyle(kind markKind, inLong bool) widget.RichTextStyle {
	st := widget.RichTextStyleInline
	st.TextStyle.Italic = inLong
	switch kind {
	case markWord:
		st.TextStyle.Bold = true
		st.ColorName = theme.ColorNameWarning
	case markName:
		st.TextStyle.Bold = true
		st.ColorName = theme.ColorNameError
	}
	return st
}

func clampInt(i, hi int) int { return max(0, min(i, hi)) }
