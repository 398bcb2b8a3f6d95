package storage_test

import (
	"path/filepath"
	"testing"

	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPathRules(t *testing.T) {
	home := filepath.Join("/", "home", "sian")
	for name, tc := range map[string]struct {
		goos string
		env  map[string]string
		want string
	}{
		"linux with XDG_DATA_HOME": {"linux", map[string]string{"XDG_DATA_HOME": "/data"}, filepath.Join("/data", "dars-workbench", "workbench.db")},
		"linux without":            {"linux", nil, filepath.Join(home, ".local", "share", "dars-workbench", "workbench.db")},
		"linux relative XDG":       {"linux", map[string]string{"XDG_DATA_HOME": "rel"}, filepath.Join(home, ".local", "share", "dars-workbench", "workbench.db")},
		"freebsd":                  {"freebsd", nil, filepath.Join(home, ".local", "share", "dars-workbench", "workbench.db")},
		"macOS":                    {"darwin", map[string]string{"XDG_DATA_HOME": "/ignored"}, filepath.Join(home, "Library", "Application Support", "DARS Workbench", "workbench.db")},
		"windows":                  {"windows", map[string]string{"LOCALAPPDATA": "/appdata"}, filepath.Join("/appdata", "DARS Workbench", "workbench.db")},
		"windows without":          {"windows", nil, filepath.Join(home, "AppData", "Local", "DARS Workbench", "workbench.db")},
	} {
		t.Run(name, func(t *testing.T) {
			got := storage.DefaultPathFor(tc.goos, func(k string) string { return tc.env[k] }, home)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestDefaultPathOnThisMachine(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", filepath.Join(t.TempDir(), "xdg"))
	t.Setenv("LOCALAPPDATA", filepath.Join(t.TempDir(), "local"))
	p, err := storage.DefaultPath()
	require.NoError(t, err)
	assert.True(t, filepath.IsAbs(p), p)
	assert.Equal(t, "workbench.db", filepath.Base(p))
}
