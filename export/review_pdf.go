package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// WriteReviewPDF writes the record of a review: which pack was read (its
// hash), by whom, then section by section the comments with the value each
// field had, and the sections found in order. Its date is the review's
// saved time, so the same review gives the same bytes.
func WriteReviewPDF(w io.Writer, f *ReviewFile) error {
	if err := guardReview("The review PDF", f); err != nil {
		return err
	}
	info := DocInfo{
		Title:   "Review of " + orUntitled(f.Title),
		Subject: "DARS application review",
		Author:  f.Reviewer,
		Created: f.SavedAt,
		Footer:  fmt.Sprintf("Review · %s · revision %d", clipRunes(orUntitled(f.Title), 50), f.Revision),
	}
	return RenderDoc(w, info, func(d *Doc) error {
		d.TextAt(marginLeft, marginTop, Style{Size: 11, Bold: true, Color: colAccent}, "Review of a DARS application pack")
		d.SetY(marginTop + 36)
		d.StyledParagraph(Style{Size: 20, Bold: true, Color: colText}, 26, orUntitled(f.Title))
		d.Space(12)
		d.Answer("Reviewer", strings.TrimSpace(f.Reviewer+", "+f.Role))
		d.Answer("Review saved", f.SavedAt.Format("2 January 2006 15:04 MST"))
		d.Answer("Draft revision", fmt.Sprint(f.Revision))
		d.Answer("Pack exported", f.ExportedAt.Format("2 January 2006 15:04 MST"))
		d.Answer("Pack file", f.PackFile)
		d.Answer("Pack SHA-256", f.PackSHA256)
		d.Answer("Draft ID", f.DraftID)
		d.Answer("Comments", reviewTally(f.Comments))
		d.Answer("In all", f.Summary())
		d.Space(sectionGap)

		var clear []string
		for _, s := range forms.Sections {
			if f.HasNoConcerns(s.ID) {
				clear = append(clear, s.Title)
			}
		}
		d.Heading(2, "Sections reviewed with no concerns")
		if len(clear) == 0 {
			d.Note("None marked.")
		} else {
			d.Paragraph(strings.Join(clear, "; ") + ".")
		}
		if len(f.Verdicts) > 0 {
			d.Heading(2, "Answers to earlier comments")
			for _, v := range f.Verdicts {
				d.Ensure(lineH * 4)
				head, col := "Confirmed resolved", colAdded
				if !v.Resolved {
					head, col = "Reopened", colAlert
				}
				if s, ok := forms.SectionByID(v.Section); ok {
					head += " · " + s.Title
				}
				d.StyledParagraph(Style{Size: bodySize, Bold: true, Color: col}, lineH, head)
				d.Paragraph(v.CommentText)
				switch {
				case !v.Resolved:
					d.Note("Why: " + v.Note)
				case v.Note != "":
					d.Note("Note: " + v.Note)
				}
				d.Rule()
				d.Space(4)
			}
		}
		for _, s := range forms.Sections {
			cs := f.On(s.ID)
			if len(cs) == 0 {
				continue
			}
			d.Heading(2, s.Title)
			for _, c := range cs {
				d.Ensure(lineH * 4)
				d.StyledParagraph(Style{Size: bodySize, Bold: true, Color: kindColour(c.Kind)}, lineH,
					c.Kind.Label()+" · "+forms.PathLabel(c.Field))
				d.Paragraph(c.Text)
				if c.Field != "" {
					was := c.FieldWas
					if strings.TrimSpace(was) == "" {
						was = NotAnswered
					}
					d.Note("The answer as reviewed: " + clipRunes(was, 600))
				}
				d.Note("By " + strings.TrimSpace(c.Author+", "+c.Role))
				d.Rule()
				d.Space(4)
			}
		}
		return d.Err()
	})
}

func kindColour(k forms.CommentKind) RGB {
	switch k {
	case forms.CommentMustChange:
		return colAlert
	case forms.CommentQuestion:
		return colMissing
	case forms.CommentApproved:
		return colAdded
	}
	return colAccent
}

func reviewTally(cs []forms.ReviewComment) string {
	n := map[forms.CommentKind]int{}
	for _, c := range cs {
		n[c.Kind]++
	}
	var parts []string
	for _, ch := range forms.CommentKindChoices {
		if k := n[forms.CommentKind(ch.Value)]; k > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", k, strings.ToLower(ch.Label)))
		}
	}
	if len(parts) == 0 {
		return "None"
	}
	return strings.Join(parts, ", ")
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
