package cli

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// Meta is the app's name, ID and version, read from FyneApp.toml (embedded by
// main) so that the one file stays the single source of them.
type Meta struct {
	Name    string
	ID      string
	Version string
	Build   int
	// Migrations are the Fyne behaviours the app opts into: "fyneDo" says
	// every widget update from another goroutine goes through fyne.Do.
	Migrations map[string]bool
	Website    string
	// Linux is what desktop entries and software centres show.
	Linux struct {
		GenericName string
		Comment     string
		Categories  []string
		Keywords    []string
	}
}

// ParseMeta reads the [Details], [Migrations] and [LinuxAndBSD] of a FyneApp.toml.
func ParseMeta(b []byte) (Meta, error) {
	var f struct {
		Website string
		Details struct {
			Name    string
			ID      string
			Version string
			Build   int
		}
		Migrations  map[string]bool
		LinuxAndBSD struct {
			GenericName string
			Comment     string
			Categories  []string
			Keywords    []string
		}
	}
	if _, err := toml.Decode(string(b), &f); err != nil {
		return Meta{}, fmt.Errorf("read FyneApp.toml: %w", err)
	}
	d := f.Details
	if d.Name == "" || d.ID == "" || d.Version == "" {
		return Meta{}, fmt.Errorf("FyneApp.toml: [Details] needs Name, ID and Version")
	}
	m := Meta{Name: d.Name, ID: d.ID, Version: d.Version, Build: d.Build, Migrations: f.Migrations, Website: f.Website}
	m.Linux = f.LinuxAndBSD
	return m, nil
}
