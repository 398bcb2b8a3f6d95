package app

import (
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's default theme with its text colours made readable.
// The default dark theme draws hints, "Why:" lines and greyed values
// (Fyne's "disabled" colour) in dark grey on near-black, about 1.6:1, and
// the light theme draws success, warning and error text in pale green,
// orange and red on white, 1.5:1 to 3.7:1. Every colour text is drawn in is
// moved towards black (light) or white (dark) until it reaches WCAG AA
// contrast, 4.5:1, on every background it is drawn on; every filled
// colour (a primary or danger button) likewise against the text on it.
// TestThemeContrast checks each pair in both variants.
type appTheme struct {
	fyne.Theme
	// variant holds the theme to light or dark; nil follows the system.
	variant *fyne.ThemeVariant

	mu    sync.Mutex
	cache map[themeKey]color.Color
}

type themeKey struct {
	name    fyne.ThemeColorName
	variant fyne.ThemeVariant
	base    color.NRGBA
}

// contrastTarget is a little over WCAG AA's 4.5:1, so rounding to 8-bit
// colour never leaves a pair just under it.
const contrastTarget = 4.6

// textBackgrounds lists, for each colour text is drawn in, the backgrounds
// the app draws that text on.
var textBackgrounds = map[fyne.ThemeColorName][]fyne.ThemeColorName{
	theme.ColorNameForeground: {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground,
		theme.ColorNameMenuBackground, theme.ColorNameButton, theme.ColorNameInputBackground},
	// Low-importance labels (hints, "Why:" lines, greyed values, status
	// lines) and disabled inputs.
	theme.ColorNameDisabled: {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground,
		theme.ColorNameMenuBackground, theme.ColorNameInputBackground, theme.ColorNameDisabledButton},
	theme.ColorNamePlaceHolder: {theme.ColorNameInputBackground},
	theme.ColorNameError:       {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground},
	theme.ColorNameWarning:     {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground},
	theme.ColorNameSuccess:     {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground},
	theme.ColorNameHyperlink:   {theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground},
}

// fillText names the colour of text drawn on each filled colour.
var fillText = map[fyne.ThemeColorName]fyne.ThemeColorName{
	theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary,
	theme.ColorNameError:   theme.ColorNameForegroundOnError,
	theme.ColorNameWarning: theme.ColorNameForegroundOnWarning,
	theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
}

func newAppTheme(variant *fyne.ThemeVariant) *appTheme {
	return newAppThemeOn(theme.DefaultTheme(), variant)
}

func newAppThemeOn(base fyne.Theme, variant *fyne.ThemeVariant) *appTheme {
	return &appTheme{Theme: base, variant: variant, cache: map[themeKey]color.Color{}}
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	base := t.Theme.Color(n, v)
	_, text := textBackgrounds[n]
	_, fill := fillText[n]
	if !text && !fill {
		return base
	}
	key := themeKey{n, v, toNRGBA(base)}
	t.mu.Lock()
	defer t.mu.Unlock()
	if c, ok := t.cache[key]; ok {
		return c
	}
	c := t.readable(n, v, base)
	t.cache[key] = c
	return c
}

// readable moves a colour until it reads on its backgrounds and its own
// text reads on it.
func (t *appTheme) readable(n fyne.ThemeColorName, v fyne.ThemeVariant, c color.Color) color.Color {
	var against []color.Color
	for _, bg := range textBackgrounds[n] {
		against = append(against, t.Theme.Color(bg, v))
	}
	towards := color.Color(color.White)
	if v == theme.VariantLight {
		towards = color.Black
	}
	if on, ok := fillText[n]; ok {
		onColour := t.Theme.Color(on, v)
		against = append(against, onColour)
		if len(textBackgrounds[n]) == 0 {
			// A fill alone moves away from the text on it.
			towards = color.White
			if luminance(onColour) > 0.5 {
				towards = color.Black
			}
		}
	}
	for share := 0.0; share <= 1; share += 0.02 {
		m := mix(towards, c, share)
		if minContrast(m, against) >= contrastTarget {
			return m
		}
	}
	return towards
}

func minContrast(c color.Color, against []color.Color) float64 {
	least := math.Inf(1)
	for _, bg := range against {
		least = min(least, contrast(c, bg))
	}
	return least
}

// contrast is the WCAG contrast ratio of two colours, 1 to 21; a
// translucent colour is taken over black, as a background never is.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG's relative luminance of a colour.
func luminance(c color.Color) float64 {
	n := toNRGBA(c)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// over is a translucent colour laid over an opaque one.
func over(top, bottom color.Color) color.Color {
	t, b := toNRGBA(top), toNRGBA(bottom)
	a := float64(t.A) / 255
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{f(t.R, b.R), f(t.G, b.G), f(t.B, b.B), 0xff}
}
