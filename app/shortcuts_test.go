package app

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPrimaryIsFynesShortcutDefault(t *testing.T) {
	assert.Equal(t, fyne.KeyModifierShortcutDefault, primary(runtime.GOOS))
	assert.Equal(t, fyne.KeyModifierSuper, primary("darwin"))
	assert.Equal(t, fyne.KeyModifierControl, primary("windows"))
}

func TestKeyLabels(t *testing.T) {
	for name, tc := range map[string]struct {
		goos string
		key  *desktop.CustomShortcut
		want string
	}{
		"new, linux":        {"linux", ctrl(fyne.KeyN), "Ctrl+N"},
		"new, macOS":        {"darwin", ctrl(fyne.KeyN), "⌘N"},
		"snapshot, windows": {"windows", ctrlShift(fyne.KeyS), "Ctrl+Shift+S"},
		"snapshot, macOS":   {"darwin", ctrlShift(fyne.KeyS), "⇧⌘S"},
		"history, windows":  {"windows", historyKey("windows"), "Ctrl+H"},
		"history, macOS":    {"darwin", historyKey("darwin"), "⌘Y"},
		"section, linux":    {"linux", sectionKey("linux", 3), "Alt+3"},
		"section, macOS":    {"darwin", sectionKey("darwin", 3), "⌘3"},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, keyLabel(tc.goos, tc.key))
		})
	}
}

// menuShortcuts lists every shortcut of a set of menus as goos's users read
// them, failing on one that names Ctrl or ⌘ itself instead of Fyne's
// KeyModifierShortcutDefault (it would be the wrong key on the other system).
func menuShortcuts(t *testing.T, goos string, menus ...*fyne.MainMenu) []string {
	var out []string
	for _, mm := range menus {
		for _, m := range mm.Items {
			for _, it := range m.Items {
				if it.Shortcut == nil {
					continue
				}
				s, ok := it.Shortcut.(*desktop.CustomShortcut)
				require.True(t, ok, "%s: %T", it.Label, it.Shortcut)
				mods := s.Modifier &^ fyne.KeyModifierShortcutDefault
				assert.Zero(t, mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper), "%s names Ctrl or ⌘ itself", it.Label)
				k := keyLabel(goos, s)
				if it.IsQuit {
					k += " (quit)" // macOS's own ⌘Q belongs on the Quit item
				}
				out = append(out, k)
			}
		}
	}
	return out
}

// Every menu of every window, built as on each system: no key is used twice
// within a window, and macOS keeps the keys it reserves for itself.
func TestMenuShortcutsPerSystem(t *testing.T) {
	reservedOnMac := map[string]string{"⌘H": "hide the app", "⌘Q": "quit", "⌘M": "minimise", "⌘,": "settings", "⌥⌘H": "hide others", "⌘`": "cycle windows"}
	quit := map[string]string{"linux": "Ctrl+Q (quit)", "windows": "Ctrl+Q (quit)", "darwin": "⌘Q (quit)"}
	for _, goos := range []string{"linux", "windows", "darwin"} {
		t.Run(goos, func(t *testing.T) {
			u, _ := newTestUI(t)
			u.goos = goos
			u.start.create("Blank", "Shortcuts")
			e := openOnly(t, u)
			for name, keys := range map[string][]string{
				"start":  menuShortcuts(t, goos, u.start.menu()),
				"draft":  menuShortcuts(t, goos, e.menu()),
				"review": menuShortcuts(t, goos, e.reviewMenu()),
			} {
				seen := map[string]bool{}
				for _, k := range keys {
					assert.False(t, seen[k], "%s window: %s used twice", name, k)
					seen[k] = true
					if goos == "darwin" {
						_, reserved := reservedOnMac[k]
						assert.False(t, reserved, "%s window: %s is macOS's key to %s", name, k, reservedOnMac[k])
					}
				}
				assert.NotEmpty(t, keys, name)
				assert.Contains(t, keys, quit[goos], "%s window: Quit has the system's key", name)
			}
		})
	}
}
