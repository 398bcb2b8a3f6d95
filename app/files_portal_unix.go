//go:build (linux || freebsd || netbsd || openbsd) && !android

package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/godbus/dbus/v5"
	"github.com/rymdport/portal"
	"github.com/rymdport/portal/filechooser"
)

// portalChooser is xdg-desktop-portal's FileChooser: the GNOME, KDE or
// other desktop's own dialog, reached over the session bus (no cgo). Fyne
// uses it only in Flatpak builds; we use it wherever a portal answers.
type portalChooser struct {
	do func(func()) // back to the UI goroutine
}

const (
	portalName  = "org.freedesktop.portal.Desktop"
	portalPath  = "/org/freedesktop/portal/desktop"
	portalIface = "org.freedesktop.portal.FileChooser"
)

// detectSystemChooser returns the portal's chooser when a session bus is
// there and a portal on it offers FileChooser, else nil. Without a bus
// address it does not try: godbus would start a bus of its own.
func detectSystemChooser(do func(func())) systemFileChooser {
	if !sessionBusKnown() {
		return nil
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	var version dbus.Variant
	obj := conn.Object(portalName, portalPath)
	if err := obj.CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, portalIface, "version").Store(&version); err != nil {
		return nil
	}
	return portalChooser{do: do}
}

func sessionBusKnown() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
			return true
		}
	}
	return false
}

func (pc portalChooser) choose(win fyne.Window, req fileRequest, mode fileMode, done func([]string, error)) {
	parent := portalParent(win)
	filters, current := portalFilters(req.types(mode == modeSave))
	folder := startFolder(req.Kind)
	title := req.Title
	go func() {
		var uris []string
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = errChooserPanicked(r)
				}
			}()
			if mode == modeSave {
				uris, err = filechooser.SaveFile(parent, title, &filechooser.SaveFileOptions{
					AcceptLabel: req.Confirm, Filters: filters, CurrentFilter: current,
					CurrentFolder: folder, CurrentName: req.Name,
				})
				return err
			}
			uris, err = filechooser.OpenFile(parent, title, &filechooser.OpenFileOptions{
				AcceptLabel: req.Confirm, Multiple: mode == modeMany, Filters: filters, CurrentFilter: current,
				CurrentFolder: folder,
			})
			return err
		}()
		var paths []string
		for _, u := range uris {
			if p, ok := portalPathOf(u); ok {
				paths = append(paths, p)
			}
		}
		pc.do(func() { done(paths, err) })
	}()
}

// portalPathOf turns a chosen file's URI (already unescaped) into a path.
func portalPathOf(uri string) (string, bool) {
	rest, ok := strings.CutPrefix(uri, "file://")
	if !ok {
		return "", false
	}
	rest = strings.TrimPrefix(rest, "localhost")
	return filepath.Clean(rest), strings.HasPrefix(rest, "/")
}

// portalParent names our window to the portal, so its dialog sits above
// it; on Wayland (no X11 handle) the dialog is simply not attached.
func portalParent(win fyne.Window) string {
	handle := ""
	if nw, ok := win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if x, ok := ctx.(driver.X11WindowContext); ok && x.WindowHandle != 0 {
				handle = portal.FormatX11WindowHandle(x.WindowHandle)
			}
		})
	}
	return handle
}

func portalFilters(types []fileType) ([]*filechooser.Filter, *filechooser.Filter) {
	var out []*filechooser.Filter
	for _, t := range types {
		f := &filechooser.Filter{Name: t.Name}
		if len(t.Exts) == 0 {
			f.Rules = []filechooser.Rule{{Type: filechooser.GlobPattern, Pattern: "*"}}
		}
		for _, e := range t.Exts {
			f.Rules = append(f.Rules,
				filechooser.Rule{Type: filechooser.GlobPattern, Pattern: "*" + e},
				filechooser.Rule{Type: filechooser.GlobPattern, Pattern: "*" + strings.ToUpper(e)})
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, out[0]
}
