package forms

import (
	"regexp"
	"strings"
)

// Guidance is our own explanation of one section: an introduction, then one
// entry per field. It is written as plain Markdown in assets/guidance so that
// writers can edit it without touching code.
type Guidance struct {
	Title  string
	Intro  string
	Fields []FieldGuidance
}

// FieldGuidance explains one field: what DARS expects, the requirements it
// serves and a short example answer. Path is a JSON field path in which
// repeating groups are written "[]" (e.g. "organisations[].role").
type FieldGuidance struct {
	Path         string
	Requirements []string
	Text         string
	Example      string
}

var requirementID = regexp.MustCompile(`R-[A-Z][0-9]+`)

// ParseGuidance reads a guidance file. The format is deliberately small:
//
//	# Section title
//	intro paragraphs
//	## field.path
//	Requirements: R-U1, R-U2
//	explanation paragraphs
//	Example: one short answer
//
// Anything it does not recognise is kept as text, so a writer's slip shows up
// on screen rather than vanishing.
func ParseGuidance(md string) Guidance {
	var g Guidance
	var cur *FieldGuidance
	var text, example []string
	inExample := false
	flush := func() {
		body := strings.TrimSpace(strings.Join(text, "\n"))
		if cur == nil {
			g.Intro = body
		} else {
			cur.Text = body
			cur.Example = strings.TrimSpace(strings.Join(example, "\n"))
			g.Fields = append(g.Fields, *cur)
		}
		text, example, inExample = nil, nil, false
	}
	for _, line := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			flush()
			cur = &FieldGuidance{Path: strings.TrimSpace(line[3:])}
		case strings.HasPrefix(line, "# ") && cur == nil && g.Title == "":
			g.Title = strings.TrimSpace(line[2:])
		case cur != nil && strings.HasPrefix(line, "Requirements:") && len(text) == 0 && cur.Requirements == nil:
			cur.Requirements = requirementID.FindAllString(line, -1)
			if cur.Requirements == nil {
				cur.Requirements = []string{}
			}
		case cur != nil && strings.HasPrefix(line, "Example:"):
			inExample = true
			example = append(example, strings.TrimSpace(strings.TrimPrefix(line, "Example:")))
		case inExample:
			example = append(example, line)
		default:
			text = append(text, line)
		}
	}
	flush()
	return g
}

// GenericPath turns a concrete field path such as "organisations[2].security"
// into the form guidance uses, "organisations[].security".
func GenericPath(path string) string {
	var b strings.Builder
	skipping := false
	for _, r := range path {
		switch {
		case r == '[':
			skipping = true
			b.WriteRune(r)
		case r == ']':
			skipping = false
			b.WriteRune(r)
		case !skipping:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Field finds the guidance for a field path, concrete or generic. When the
// field itself has none it falls back to the nearest enclosing field, so a
// finding that points at "organisations[2].security.dspt_status" still opens
// useful text.
func (g Guidance) Field(path string) (FieldGuidance, bool) {
	p := GenericPath(path)
	for p != "" {
		for _, f := range g.Fields {
			if f.Path == p {
				return f, true
			}
		}
		p = parentPath(p)
	}
	return FieldGuidance{}, false
}

func parentPath(p string) string {
	if strings.HasSuffix(p, "[]") {
		return strings.TrimSuffix(p, "[]")
	}
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// Markdown renders the field's guidance for display beside the field.
func (f FieldGuidance) Markdown() string {
	var b strings.Builder
	b.WriteString(f.Text)
	if f.Example != "" {
		b.WriteString("\n\n**Example:** ")
		b.WriteString(f.Example)
	}
	if len(f.Requirements) > 0 {
		b.WriteString("\n\n*Serves ")
		b.WriteString(strings.Join(f.Requirements, ", "))
		b.WriteString(".*")
	}
	return strings.TrimSpace(b.String())
}
