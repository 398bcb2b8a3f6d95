package flowmap

import (
	"image/color"

	"github.com/darsworkbench/dars-workbench/forms"
)

// LineStyle is how a flow arrow is drawn. Every renderer (screen, SVG, PNG,
// PDF) takes its colours and dashes from here, so identifiability looks the
// same everywhere and the legend cannot drift from the drawing.
type LineStyle struct {
	Colour color.RGBA
	Width  float64
	// Dash alternates on and off lengths; nil is a solid line.
	Dash []float64
	// Name is what the legend calls it.
	Name string
}

// FlowStyle returns the line style for data at level i. The levels differ in
// dash pattern as well as colour so that the map reads in greyscale and for
// colour-blind readers.
func FlowStyle(i forms.Identifiability) LineStyle {
	switch i {
	case forms.Identifiable:
		return LineStyle{Colour: color.RGBA{0xC6, 0x28, 0x28, 0xFF}, Width: 2.5, Name: "Identifiable"}
	case forms.Pseudonymised:
		return LineStyle{Colour: color.RGBA{0xD8, 0x5C, 0x00, 0xFF}, Width: 2, Dash: []float64{8, 4}, Name: "Pseudonymised"}
	case forms.AnonymisedICO:
		return LineStyle{Colour: color.RGBA{0x6A, 0x1B, 0x9A, 0xFF}, Width: 2, Dash: []float64{12, 3, 2, 3, 2, 3}, Name: "Anonymised (ICO code)"}
	case forms.Anonymised:
		return LineStyle{Colour: color.RGBA{0x15, 0x65, 0xC0, 0xFF}, Width: 2, Dash: []float64{8, 3, 2, 3}, Name: "Anonymised"}
	case forms.AggregateLevel:
		return LineStyle{Colour: color.RGBA{0x2E, 0x7D, 0x32, 0xFF}, Width: 1.5, Dash: []float64{2, 3}, Name: "Aggregate"}
	}
	return LineStyle{Colour: color.RGBA{0x75, 0x75, 0x75, 0xFF}, Width: 1.5, Dash: []float64{1, 3}, Name: "Level not given"}
}

// FlowLevels lists the levels the legend explains, most identifying first.
var FlowLevels = []forms.Identifiability{forms.Identifiable, forms.Pseudonymised, forms.AnonymisedICO, forms.Anonymised, forms.AggregateLevel, ""}

// BoxStyle is how a node is drawn.
type BoxStyle struct {
	Fill, Stroke, Text color.RGBA
	Radius             float64
}

// NodeStyle returns the box style for a node kind.
func NodeStyle(k forms.NodeKind) BoxStyle {
	dark := color.RGBA{0x21, 0x2B, 0x32, 0xFF}
	switch k {
	case forms.NodeNHSEngland:
		return BoxStyle{Fill: color.RGBA{0x00, 0x5E, 0xB8, 0xFF}, Stroke: color.RGBA{0x00, 0x30, 0x87, 0xFF}, Text: color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}, Radius: 4}
	case forms.NodeSystem:
		return BoxStyle{Fill: color.RGBA{0xE3, 0xEE, 0xFA, 0xFF}, Stroke: color.RGBA{0x00, 0x5E, 0xB8, 0xFF}, Text: dark, Radius: 10}
	case forms.NodeLocation:
		return BoxStyle{Fill: color.RGBA{0xFF, 0xF6, 0xDC, 0xFF}, Stroke: color.RGBA{0x8D, 0x6E, 0x63, 0xFF}, Text: dark, Radius: 2}
	case forms.NodePeople:
		return BoxStyle{Fill: color.RGBA{0xF3, 0xE5, 0xF5, 0xFF}, Stroke: color.RGBA{0x6A, 0x1B, 0x9A, 0xFF}, Text: dark, Radius: 14}
	case forms.NodeOutput:
		return BoxStyle{Fill: color.RGBA{0xE8, 0xF5, 0xE9, 0xFF}, Stroke: color.RGBA{0x2E, 0x7D, 0x32, 0xFF}, Text: dark}
	}
	return BoxStyle{Fill: color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}, Stroke: color.RGBA{0x42, 0x55, 0x63, 0xFF}, Text: dark, Radius: 2}
}

// Colours of the diagram's furniture.
var (
	ColourInk       = color.RGBA{0x21, 0x2B, 0x32, 0xFF}
	ColourPaper     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ColourLaneA     = color.RGBA{0xF4, 0xF6, 0xF8, 0xFF}
	ColourLaneB     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ColourLaneLine  = color.RGBA{0xC8, 0xCF, 0xD6, 0xFF}
	ColourGroupFill = color.RGBA{0x42, 0x55, 0x63, 0xFF}
	ColourGroupText = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ColourBadgeText = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
)
