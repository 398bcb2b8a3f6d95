package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance choices, kept in the app's preferences.
const (
	appearancePref   = "appearance"
	appearanceSystem = "system"
	appearanceLight  = "light"
	appearanceDark   = "dark"
)

// variantTheme is the default theme held to one variant, for people who want
// light or dark whatever the system says.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func (u *UI) applyAppearance(choice string) {
	u.fyne.Preferences().SetString(appearancePref, choice)
	switch choice {
	case appearanceLight:
		u.fyne.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case appearanceDark:
		u.fyne.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		u.fyne.Settings().SetTheme(theme.DefaultTheme())
	}
}

func (u *UI) appearanceMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Appearance", nil)
	current := u.fyne.Preferences().StringWithFallback(appearancePref, appearanceSystem)
	var items []*fyne.MenuItem
	for _, c := range []struct{ value, label string }{
		{appearanceSystem, "Follow the system"}, {appearanceLight, "Light"}, {appearanceDark, "Dark"},
	} {
		mi := fyne.NewMenuItem(c.label, nil)
		mi.Checked = c.value == current
		value := c.value
		mi.Action = func() {
			u.applyAppearance(value)
			for _, other := range items {
				other.Checked = other == mi
			}
		}
		items = append(items, mi)
	}
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}
