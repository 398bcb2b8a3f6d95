package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// readinessPanel lists the draft's findings grouped by section; choosing one
// opens the field it is about. While the pointer is over the list, the
// rows hold still: a finding resolved meanwhile stays where it was, marked
// resolved, and new ones wait, so nothing moves under the pointer; the list
// is brought up to date when the pointer leaves.
type readinessPanel struct {
	e      *Editor
	totals *widget.Label
	rows   []readinessRow
	list   *widget.List
	object fyne.CanvasObject
	// hover is set while the pointer is over the list; stale, when the
	// findings changed meanwhile.
	hover, stale bool
}

// readinessRow is either a section heading or a finding.
type readinessRow struct {
	section  forms.SectionID
	finding  *forms.Finding
	resolved bool
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
			} else if r.resolved {
				label.TextStyle = fyne.TextStyle{Italic: true}
				label.SetText("Resolved: " + r.finding.Message)
				icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
				icon.Show()
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
		if r.resolved {
			return
		}
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
		container.NewBorder(container.NewVBox(widget.NewLabel("Readiness"), p.totals, widget.NewSeparator()), nil, nil, nil,
			container.NewStack(p.list, newHoverWatch(p.pointerIn, p.pointerOut))))
	p.refresh()
	return p
}

func (p *readinessPanel) pointerIn() { p.hover = true }

func (p *readinessPanel) pointerOut() {
	p.hover = false
	if p.stale {
		p.refresh()
	}
}

// findingKey names a finding across evaluations: its message may change as
// the answer is typed, its check and field do not.
func findingKey(f *forms.Finding) string { return f.CheckID + "\x00" + f.Field }

func (p *readinessPanel) refresh() {
	p.totals.SetText(TallyText(forms.Count(p.e.findings, "")))
	if p.hover && len(p.rows) > 0 {
		p.holdStill()
		return
	}
	p.stale = false
	order, by := findingsBySection(p.e.findings)
	p.rows = p.rows[:0]
	for _, id := range order {
		p.rows = append(p.rows, readinessRow{section: id})
		for i := range by[id] {
			p.rows = append(p.rows, readinessRow{section: id, finding: &by[id][i]})
		}
	}
	p.list.Refresh()
}

// holdStill updates the rows in place: a finding still there shows as it
// reads now, one gone is marked resolved, and new ones wait.
func (p *readinessPanel) holdStill() {
	now := map[string]*forms.Finding{}
	for i := range p.e.findings {
		now[findingKey(&p.e.findings[i])] = &p.e.findings[i]
	}
	for i := range p.rows {
		r := &p.rows[i]
		if r.finding == nil {
			continue
		}
		f, ok := now[findingKey(r.finding)]
		if ok {
			r.finding, r.resolved = f, false
		} else {
			r.resolved = true
		}
	}
	p.stale = true
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

// hoverWatch lies over a list and says when the pointer comes and goes. It
// takes no taps, scrolling or keys, which reach the list beneath; the
// pointer shows that the rows can be chosen.
type hoverWatch struct {
	widget.BaseWidget
	in, out func()
}

func newHoverWatch(in, out func()) *hoverWatch {
	h := &hoverWatch{in: in, out: out}
	h.ExtendBaseWidget(h)
	return h
}

func (h *hoverWatch) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

func (h *hoverWatch) MouseIn(*desktop.MouseEvent)    { h.in() }
func (h *hoverWatch) MouseMoved(*desktop.MouseEvent) {}
func (h *hoverWatch) MouseOut()                      { h.out() }
func (h *hoverWatch) Cursor() desktop.Cursor         { return desktop.PointerCursor }
