package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the database file's name inside the data directory.
const FileName = "workbench.db"

// DefaultPath returns where the database lives unless the user says
// otherwise: the platform's per-user data directory.
//   - Linux and other Unix: $XDG_DATA_HOME/dars-workbench/workbench.db,
//     else ~/.local/share/dars-workbench/workbench.db
//   - macOS: ~/Library/Application Support/DARS Workbench/workbench.db
//   - Windows: %LocalAppData%\DARS Workbench\workbench.db
func DefaultPath() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil && runtime.GOOS != "windows" {
		return "", err
	}
	p := defaultPath(runtime.GOOS, os.Getenv, home)
	if p == "" {
		return "", errors.New("cannot find a data directory: set LOCALAPPDATA or the home directory")
	}
	return p, nil
}

func defaultPath(goos string, getenv func(string) string, home string) string {
	switch goos {
	case "windows":
		base := getenv("LOCALAPPDATA")
		if base == "" {
			if home == "" {
				return ""
			}
			base = filepath.Join(home, "AppData", "Local")
		}
		return filepath.Join(base, "DARS Workbench", FileName)
	case "darwin", "ios":
		return filepath.Join(home, "Library", "Application Support", "DARS Workbench", FileName)
	default:
		// The XDG spec says a relative value is invalid and must be ignored.
		base := getenv("XDG_DATA_HOME")
		if base == "" || !filepath.IsAbs(base) {
			base = filepath.Join(home, ".local", "share")
		}
		return filepath.Join(base, "dars-workbench", FileName)
	}
}
