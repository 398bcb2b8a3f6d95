package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// readinessPanel lists the draft's findings grouped by section; choosing one
// opens the field it is about.
type readinessPanel struct {
	e      *Editor
	totals *widget.Label
	rows   []readinessRow
	list   *widget.List
	object fyne.CanvasObject
}

// readinessRow is either a section heading or a finding.
type readinessRow struct {
	section forms.SectionID
	finding *forms.Finding
}

func newReadinessPanel(e *Editor) *readinessPanel {
	p := &readinessPanel{e: e}
	p.totals = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.totals.Wrapping = fyne.TextWrapWord
	p.list = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("finding")
			l.Wrapping = fyne.TextWrapWord
			return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			label := c.Objects[0].(*widget.Label)
			icon := c.Objects[1].(*widget.Icon)
			r := p.rows[i]
			if r.finding == nil {
				s, _ := forms.SectionByID(r.section)
				label.TextStyle = fyne.TextStyle{Bold: true}
				label.SetText(s.Title)
				icon.Hide()
			} else {
				label.TextStyle = fyne.TextStyle{}
				label.SetText(r.finding.Message + "  (" + strings.Join(r.finding.Requirements, ", ") + ")")
				icon.SetResource(severityIcon(r.finding.Severity))
				icon.Show()
			}
			p.list.SetItemHeight(i, c.MinSize().Height)
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		r := p.rows[i]
		p.list.UnselectAll()
		if r.finding != nil {
			e.Open(r.finding.Section, r.finding.Field)
		} else {
			e.Open(r.section, "")
		}
	}
	// A floor on the panel's width: narrower, its wrapped findings would be
	// a word a line, whatever a wide section screen asks of the split.
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(260, 0))
	p.object = container.NewStack(floor,
		container.NewBorder(container.NewVBox(widget.NewLabel("Readiness"), p.totals, widget.NewSeparator()), nil, nil, nil, p.list))
	p.refresh()
	return p
}

func (p *readinessPanel) refresh() {
	order, by := findingsBySection(p.e.findings)
	p.rows = p.rows[:0]
	for _, id := range order {
		p.rows = append(p.rows, readinessRow{section: id})
		for i := range by[id] {
			p.rows = append(p.rows, readinessRow{section: id, finding: &by[id][i]})
		}
	}
	p.totals.SetText(TallyText(forms.Count(p.e.findings, "")))
	p.list.Refresh()
}

// TallyText says in words what stands between the draft and submission.
func TallyText(t forms.Tally) string {
	var parts []string
	if t.Blockers > 0 {
		parts = append(parts, plural(t.Blockers, "blocker"))
	}
	if t.Warnings > 0 {
		parts = append(parts, plural(t.Warnings, "warning"))
	}
	if t.Advice > 0 {
		parts = append(parts, plural(t.Advice, "piece of advice"))
	}
	if len(parts) == 0 {
		return "Nothing stands in the way of submission."
	}
	return strings.Join(parts, ", ")
}

func plural(n int, what string) string {
	switch {
	case n == 1:
		return "1 " + what
	case what == "piece of advice":
		return fmt.Sprintf("%d pieces of advice", n)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func severityIcon(s forms.Severity) fyne.Resource {
	switch s {
	case forms.Blocker:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case forms.Warning:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.InfoIcon()
}
