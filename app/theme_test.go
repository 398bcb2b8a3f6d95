package app

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
)

func TestContrastRatio(t *testing.T) {
	cases := map[string]struct {
		a, b color.Color
		want float64
	}{
		"black on white":        {color.Black, color.White, 21},
		"same colour":           {color.NRGBA{0x77, 0x77, 0x77, 0xff}, color.NRGBA{0x77, 0x77, 0x77, 0xff}, 1},
		"WCAG grey #767676":     {color.NRGBA{0x76, 0x76, 0x76, 0xff}, color.White, 4.54},
		"order does not matter": {color.White, color.NRGBA{0x76, 0x76, 0x76, 0xff}, 4.54},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.InDelta(t, tc.want, contrast(tc.a, tc.b), 0.01)
		})
	}
}

// Every colour the app draws text in reads at WCAG AA (4.5:1) on every
// background it is drawn on, in both variants and for every primary colour
// a person can choose: hints and greyed values on the window, dialogs,
// inputs and menus; error, warning and success text; text on filled
// buttons; text on a hovered or selected row.
func TestThemeContrast(t *testing.T) {
	test.NewTempApp(t)
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, primary := range theme.PrimaryColorNames() {
			v := variant
			th := newAppThemeOn(withPrimary{theme.DefaultTheme(), primary}, &v)
			name := map[fyne.ThemeVariant]string{theme.VariantLight: "light", theme.VariantDark: "dark"}[v] + " " + primary
			testContrast(t, name, th, v)
		}
	}
}

// withPrimary is the default theme with another primary colour, as a
// person's Fyne settings would choose it; the text on it follows Fyne's
// own table (dark on the pale primaries, white on the rest).
type withPrimary struct {
	fyne.Theme
	primary string
}

func (w withPrimary) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		//lint:ignore SA1019 the named primaries are what a person's Fyne settings choose from; Fyne offers no other lookup
		return theme.PrimaryColorNamed(w.primary)
	case theme.ColorNameForegroundOnPrimary:
		switch w.primary {
		case theme.ColorGray, theme.ColorGreen, theme.ColorOrange, theme.ColorYellow:
			return color.NRGBA{0x17, 0x17, 0x18, 0xff}
		}
		return color.White
	}
	return w.Theme.Color(n, v)
}

func testContrast(t *testing.T, name string, th *appTheme, v fyne.ThemeVariant) {
	t.Run(name, func(t *testing.T) {
		pairs := map[string][2]fyne.ThemeColorName{}
		for fg, bgs := range textBackgrounds {
			for _, bg := range bgs {
				pairs[fmt.Sprintf("%s on %s", fg, bg)] = [2]fyne.ThemeColorName{fg, bg}
			}
		}
		for fill, fg := range fillText {
			pairs[fmt.Sprintf("%s on %s", fg, fill)] = [2]fyne.ThemeColorName{fg, fill}
		}
		for label, p := range pairs {
			got := contrast(th.Color(p[0], v), th.Color(p[1], v))
			assert.GreaterOrEqual(t, got, 4.5, "%s: %.2f:1", label, got)
		}
		// (The flash of a tap, ColorNamePressed, lasts a moment and is left out.)
		for _, layer := range []fyne.ThemeColorName{theme.ColorNameHover, theme.ColorNameSelection} {
			bg := over(th.Color(layer, v), th.Color(theme.ColorNameBackground, v))
			got := contrast(th.Color(theme.ColorNameForeground, v), bg)
			assert.GreaterOrEqual(t, got, 4.5, "foreground on a row under %s: %.2f:1", layer, got)
		}
	})
}

// Fyne's own theme is what the app had: hints in its dark theme and
// success text in its light one are far below AA, so the test above is one
// that can fail.
func TestFyneDefaultsWereUnreadable(t *testing.T) {
	test.NewTempApp(t)
	d := theme.DefaultTheme()
	assert.Less(t, contrast(d.Color(theme.ColorNameDisabled, theme.VariantDark), d.Color(theme.ColorNameBackground, theme.VariantDark)), 2.0)
	assert.Less(t, contrast(d.Color(theme.ColorNameSuccess, theme.VariantLight), d.Color(theme.ColorNameBackground, theme.VariantLight)), 2.0)
}
