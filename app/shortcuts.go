package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Keyboard shortcuts follow the system: Ctrl on Linux and Windows, ⌘ on
// macOS (Fyne's KeyModifierShortcutDefault). Two keys differ on macOS
// beyond the modifier: ⌘H hides the app there, so History is ⌘Y (as in
// Safari and Finder); and Option+digit types characters (# is ⌥3 on a
// British Mac keyboard), so sections are ⌘1 … ⌘9, macOS's key for tabs.

// primary is the system's shortcut modifier: what Fyne's
// KeyModifierShortcutDefault is on goos.
func primary(goos string) fyne.KeyModifier {
	if goos == "darwin" || goos == "ios" {
		return fyne.KeyModifierSuper
	}
	return fyne.KeyModifierControl
}

// ctrl is Ctrl+key (⌘key on macOS).
func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// sectionKey jumps to section n (1–9): Alt+n, or ⌘n on macOS.
func sectionKey(goos string, n int) *desktop.CustomShortcut {
	mod := fyne.KeyModifierAlt
	if goos == "darwin" {
		mod = fyne.KeyModifierShortcutDefault
	}
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(n)), Modifier: mod}
}

// historyKey opens the History: Ctrl+H, or ⌘Y on macOS.
func historyKey(goos string) *desktop.CustomShortcut {
	if goos == "darwin" {
		return ctrl(fyne.KeyY)
	}
	return ctrl(fyne.KeyH)
}

// keyLabel writes a shortcut as goos's users read it in text: "Ctrl+Shift+S"
// on Linux and Windows, "⇧⌘S" on macOS.
func keyLabel(goos string, s *desktop.CustomShortcut) string {
	mod := s.Modifier
	if mod&fyne.KeyModifierShortcutDefault != 0 {
		mod = mod&^fyne.KeyModifierShortcutDefault | primary(goos)
	}
	key := string(s.KeyName)
	if goos == "darwin" {
		var b strings.Builder
		for _, m := range []struct {
			mod  fyne.KeyModifier
			sign string
		}{{fyne.KeyModifierControl, "⌃"}, {fyne.KeyModifierAlt, "⌥"}, {fyne.KeyModifierShift, "⇧"}, {fyne.KeyModifierSuper, "⌘"}} {
			if mod&m.mod != 0 {
				b.WriteString(m.sign)
			}
		}
		return b.String() + key
	}
	var parts []string
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}, {fyne.KeyModifierSuper, "Super"}} {
		if mod&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	return strings.Join(append(parts, key), "+")
}
