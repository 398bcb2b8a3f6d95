package app

import (
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flatIcon is a themed icon already coloured for the theme in use. Fyne
// colours a themed SVG icon afresh each time it is drawn or resized (its
// SVG read and written twice, then read again), which on a screen of
// hundreds of icon buttons costs more than everything else; a flat icon is
// read once per refresh. Disabled buttons still grey it. Screens are built
// again when the theme changes (Editor.onThemeChanged), so flat icons
// follow it.
func flatIcon(res fyne.Resource) fyne.Resource {
	th, ok := res.(fyne.ThemedResource)
	if !ok {
		return res
	}
	c := theme.Color(th.ThemeColorName())
	r, g, b, a := c.RGBA()
	key := fmt.Sprintf("%s-%02x%02x%02x%02x.svg", strings.TrimSuffix(res.Name(), ".svg"), r>>8, g>>8, b>>8, a>>8)
	if v, ok := flatIcons.Load(key); ok {
		return v.(fyne.Resource)
	}
	flat := fyne.NewStaticResource(key, res.Content())
	flatIcons.Store(key, flat)
	return flat
}

var flatIcons sync.Map // name with colour → *fyne.StaticResource
