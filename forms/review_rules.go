package forms

import "strings"

// Review comments count in the readiness panel until resolved: a change a
// reviewer asked for blocks submission, an open question is a warning, and
// an answer the applicant gave stays a warning until the reviewer's next
// review confirms it (the applicant cannot close a reviewer's point alone). A
// review is the applicant's own assurance ahead of NHS England's (R-P5); the
// comment itself says which requirement it is about, if any.
// A comment on a whole section points at the section's own part of the
// model ("purpose", "legal_basis"), which files it under that section.

func reviewChecks() []Check {
	return []Check{
		{
			ID: "review-must-change", Requirements: []string{"R-P5"}, Severity: Blocker,
			Title: "Changes a reviewer asked for are made and resolved",
			Eval:  func(c *Context) []Hit { return commentHits(c.App, CommentMustChange, "A reviewer asks for a change") },
		},
		{
			ID: "review-question", Requirements: []string{"R-P5"}, Severity: Warning,
			Title: "Questions a reviewer asked are answered and resolved",
			Eval:  func(c *Context) []Hit { return commentHits(c.App, CommentQuestion, "A reviewer asks") },
		},
		{
			ID: "review-awaiting", Requirements: []string{"R-P5"}, Severity: Warning,
			Title: "Answers to a reviewer are confirmed by the reviewer",
			Eval:  func(c *Context) []Hit { return awaitingHits(c.App) },
		},
	}
}

func awaitingHits(a *Application) []Hit {
	var out []Hit
	for _, cm := range a.Comments {
		if cm.Resolved || !cm.AwaitingReviewer {
			continue
		}
		out = append(out, Hit{Field: commentField(cm), Message: "Answered — awaiting the reviewer (" + commentBy(cm) + "): “" + clip(cm.Text, 160) +
			"” Send them a new pack; their next review confirms it or reopens it."})
	}
	return out
}

func commentField(cm ReviewComment) string {
	if cm.Field == "" {
		return SectionField(cm.Section)
	}
	return cm.Field
}

func commentBy(cm ReviewComment) string {
	if strings.TrimSpace(cm.Author) == "" {
		return "the reviewer"
	}
	return cm.Author
}

func commentHits(a *Application, kind CommentKind, lead string) []Hit {
	var out []Hit
	for _, cm := range a.Comments {
		if cm.Kind != kind || !cm.Open() {
			continue
		}
		by := commentBy(cm)
		msg := lead + " (" + by + "): “" + clip(cm.Text, 160) + "” Make the change, say what you did in a reply, then mark it answered."
		if kind == CommentQuestion {
			msg = lead + " (" + by + "): “" + clip(cm.Text, 160) + "” Answer it in a reply, then mark it answered."
		}
		out = append(out, Hit{Field: commentField(cm), Message: msg})
	}
	return out
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// SectionField is the top-level field of the model a section shows, for
// pointing at a section as a whole.
func SectionField(s SectionID) string {
	if fieldSections[string(s)] == s {
		return string(s)
	}
	best := ""
	for name, id := range fieldSections {
		// Several names map to some sections; the shortest-named, then the
		// alphabetically first, is stable and reads well ("data", "purpose").
		if id == s && name != "comments" && (best == "" || len(name) < len(best) || (len(name) == len(best) && name < best)) {
			best = name
		}
	}
	return best
}
