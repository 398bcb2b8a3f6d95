package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// riskMatrixView draws the ICO's 3×3 risk matrix, likelihood left to right
// and severity bottom to top, with each risk shown by its number.
type riskMatrixView struct {
	object fyne.CanvasObject
	// discs holds the numbered discs of each cell, [severity][likelihood].
	discs [3][3]*fyne.Container
	note  *widget.Label
	// shown is what was last drawn, for tests and the screen's own reading.
	shown [3][3]forms.MatrixCell
}

// Fixed tints read on both the light and the dark theme.
var (
	levelTint = map[forms.RiskLevel]color.Color{
		forms.RiskLow:    color.NRGBA{0x43, 0xa0, 0x47, 0x70},
		forms.RiskMedium: color.NRGBA{0xf5, 0xa6, 0x23, 0x80},
		forms.RiskHigh:   color.NRGBA{0xd3, 0x2f, 0x2f, 0x80},
	}
	discFill = color.NRGBA{0x1a, 0x1a, 0x1a, 0xff}
	discText = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

const (
	matrixCell = 64
	discSize   = 20
)

func newRiskMatrixView(title string) *riskMatrixView {
	m := &riskMatrixView{note: Hint("")}
	grid := container.New(layout.NewGridLayoutWithColumns(4))
	for row := range 3 {
		si := 2 - row // severe on top
		grid.Add(container.NewCenter(widget.NewLabel(forms.HarmSeverities[si].Label())))
		for li := range 3 {
			bg := canvas.NewRectangle(levelTint[forms.RiskLevelOf(forms.Likelihoods[li], forms.HarmSeverities[si])])
			bg.SetMinSize(fyne.NewSquareSize(matrixCell))
			bg.CornerRadius = 3
			m.discs[si][li] = container.New(discLayout{})
			grid.Add(container.NewStack(bg, container.NewCenter(m.discs[si][li])))
		}
	}
	grid.Add(layout.NewSpacer())
	for _, l := range forms.Likelihoods {
		grid.Add(container.NewCenter(widget.NewLabel(l.Label())))
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	axes := Hint("Severity of harm (rows) by likelihood of harm (columns)")
	m.object = container.NewVBox(head, grid, axes, m.note)
	return m
}

// set draws the risks in their cells; unplaced are named in the note.
func (m *riskMatrixView) set(cells [3][3]forms.MatrixCell, unplaced []int, why string) {
	m.shown = cells
	for si := range 3 {
		for li := range 3 {
			c := m.discs[si][li]
			c.RemoveAll()
			for _, n := range cells[si][li].Numbers {
				c.Add(disc(n))
			}
			c.Refresh()
		}
	}
	if len(unplaced) == 0 {
		m.note.SetText("")
		m.note.Hide()
		return
	}
	ns := make([]string, len(unplaced))
	for i, n := range unplaced {
		ns[i] = fmt.Sprint(n)
	}
	m.note.SetText("Not shown (" + why + "): " + strings.Join(ns, ", "))
	m.note.Show()
}

// numbers lists the risk numbers drawn in a cell.
func (m *riskMatrixView) numbers(l forms.Likelihood, s forms.HarmSeverity) []int {
	return m.shown[s.Index()][l.Index()].Numbers
}

func disc(n int) fyne.CanvasObject {
	c := canvas.NewCircle(discFill)
	t := canvas.NewText(fmt.Sprint(n), discText)
	t.TextStyle = fyne.TextStyle{Bold: true}
	t.TextSize = 11
	t.Alignment = fyne.TextAlignCenter
	return container.NewStack(c, container.NewCenter(t))
}

// discLayout sets discs three to a row, each row centred, so a cell with
// many risks stays inside its square.
type discLayout struct{}

const discsPerRow = 3

func (discLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	n := len(objs)
	if n == 0 {
		return fyne.Size{}
	}
	cols := min(n, discsPerRow)
	rows := (n + discsPerRow - 1) / discsPerRow
	return fyne.NewSize(float32(cols)*discSize+float32(cols-1)*2, float32(rows)*discSize+float32(rows-1)*2)
}

func (l discLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objs {
		row, col := i/discsPerRow, i%discsPerRow
		inRow := min(discsPerRow, len(objs)-row*discsPerRow)
		rowW := float32(inRow)*discSize + float32(inRow-1)*2
		x := (size.Width-rowW)/2 + float32(col)*(discSize+2)
		o.Move(fyne.NewPos(x, float32(row)*(discSize+2)))
		o.Resize(fyne.NewSquareSize(discSize))
	}
}
