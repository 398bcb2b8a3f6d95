package forms

// Review comments count in the readiness panel until resolved: a change a
// reviewer asked for blocks submission, an open question is a warning. A
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
	}
}

func commentHits(a *Application, kind CommentKind, lead string) []Hit {
	var out []Hit
	for _, cm := range a.Comments {
		if cm.Kind != kind || !cm.Open() {
			continue
		}
		field := cm.Field
		if field == "" {
			field = SectionField(cm.Section)
		}
		by := cm.Author
		if by == "" {
			by = "the reviewer"
		}
		msg := lead + " (" + by + "): “" + clip(cm.Text, 160) + "” Make the change or answer it in a reply, then mark the comment resolved."
		if kind == CommentQuestion {
			msg = lead + " (" + by + "): “" + clip(cm.Text, 160) + "” Answer it in a reply, then mark the comment resolved."
		}
		out = append(out, Hit{Field: field, Message: msg})
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
