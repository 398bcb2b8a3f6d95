package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
)

// guide puts our own guidance (assets/guidance) beside a section's fields:
// a collapsible "About this section" panel and an info button per field
// that unfolds the field's explanation and example in place.
type guide struct {
	g forms.Guidance
}

func sectionGuide(id forms.SectionID) *guide {
	md, _ := assets.Guidance(string(id))
	return &guide{g: forms.ParseGuidance(md)}
}

// intro is the section's introduction, folded away until asked for so that
// the questions stay in view.
func (g *guide) intro() fyne.CanvasObject {
	if g.g.Intro == "" {
		return container.NewVBox()
	}
	item := widget.NewAccordionItem("About this section", markdown(g.g.Intro))
	return widget.NewAccordion(item)
}

// field wraps a field's widget with an info button when guidance exists for
// path; the explanation opens underneath, beside the answer it is about.
func (g *guide) field(path string, w fyne.CanvasObject) fyne.CanvasObject {
	fg, ok := g.g.Field(path)
	if !ok || fg.Path != forms.GenericPath(path) {
		return w
	}
	// The text is rendered on first use: a screen with fifty products has
	// hundreds of info buttons, and most are never opened.
	panel := container.NewPadded()
	panel.Hide()
	var info *widget.Button
	info = widget.NewButtonWithIcon("", flatIcon(theme.InfoIcon()), func() {
		if len(panel.Objects) == 0 {
			panel.Add(markdown(fg.Markdown()))
		}
		Shown(panel, !panel.Visible())
		if panel.Visible() {
			info.Importance = widget.HighImportance
		} else {
			info.Importance = widget.LowImportance
		}
		info.Refresh()
	})
	info.Importance = widget.LowImportance
	// The button sits at the top of tall answers, level with the label.
	return container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(info), w), panel)
}

// item is a form row with the field's guidance beside it.
func (g *guide) item(label, path string, w fyne.CanvasObject) *widget.FormItem {
	return widget.NewFormItem(label, g.field(path, w))
}

// note is the guidance text for a field, for screens that show it as a hint.
func (g *guide) note(path string) string {
	fg, ok := g.g.Field(path)
	if !ok {
		return ""
	}
	return unwrap(fg.Text)
}

// unwrap joins the lines of each paragraph as Markdown means them to be
// read: the guidance files wrap at 100 columns, but Fyne's Markdown renderer
// and plain labels would keep those line ends. List items keep their own line.
func unwrap(md string) string {
	lines := strings.Split(md, "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if i > 0 {
			next := strings.TrimSpace(l)
			prev := strings.TrimSpace(lines[i-1])
			if next == "" || prev == "" || strings.HasPrefix(next, "- ") || strings.HasPrefix(next, "* ") {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func markdown(md string) *widget.RichText {
	rt := widget.NewRichTextFromMarkdown(unwrap(md))
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
