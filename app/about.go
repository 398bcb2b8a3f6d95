package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

func helpMenu(u *UI, w fyne.Window) *fyne.Menu {
	return fyne.NewMenu("Help", fyne.NewMenuItem("About DARS Workbench", func() { showAbout(u, w) }),
		fyne.NewMenuItem("Third-party licences", func() { u.showNotices() }))
}

// showAbout reads the name and version from the app's metadata, whose one
// source is FyneApp.toml.
func showAbout(u *UI, w fyne.Window) {
	m := u.fyne.Metadata()
	text := fmt.Sprintf("%s %s (build %d)\n%s\n\nPrepares applications to NHS England's Data Access Request Service offline.\n"+
		"Not affiliated with or endorsed by NHS England. Holds no patient data.\n"+
		"Built with open-source software: Help → Third-party licences.\n\nDatabase: %s",
		m.Name, m.Version, m.Build, m.ID, u.dbPath())
	dialog.ShowInformation("About "+m.Name, text, w)
}

func (u *UI) dbPath() string {
	if p, ok := u.store.(interface{ Path() string }); ok {
		return p.Path()
	}
	return "(in memory)"
}
