package app

import (
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

// applyAppearance sets the app's theme (readable colours, held to light or
// dark for people who want it whatever the system says) and keeps the
// choice.
func (u *UI) applyAppearance(choice string) {
	u.fyne.Preferences().SetString(appearancePref, choice)
	u.fyne.Settings().SetTheme(themeFor(choice))
}

func themeFor(choice string) fyne.Theme {
	var v fyne.ThemeVariant
	switch choice {
	case appearanceLight:
		v = theme.VariantLight
	case appearanceDark:
		v = theme.VariantDark
	default:
		return newAppTheme(nil)
	}
	return newAppTheme(&v)
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
