// Package desktop writes what a Linux (or BSD) desktop needs to show DARS
// Workbench like any installed app: a desktop entry, icons at the standard
// sizes, AppStream metadata for software centres, and a MIME type so that a
// pack opens with a double-click. Install records what it wrote, so that
// Uninstall removes exactly that. It imports no Fyne: the command line
// runs it.
package desktop

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// App is what the files say about the app, read from FyneApp.toml.
type App struct {
	ID          string // reverse-DNS, e.g. uk.darsworkbench.workbench
	Name        string
	GenericName string
	Summary     string // one line: FyneApp.toml's Comment
	Version     string
	Website     string
	Categories  []string
	Keywords    []string
	Binary      string // the command's name, e.g. dars-workbench
	Icon        []byte // PNG, square, at least 512 pixels
	// Released is the release's date (YYYY-MM-DD) when the build knows it;
	// AppStream lists a release only with its date.
	Released string
}

// File is one file to install, its path relative to the prefix, with '/'.
type File struct {
	Path string
	Data []byte
	Mode fs.FileMode
}

// IconSizes are the hicolor sizes written; 512 is also the source's size.
var IconSizes = []int{16, 22, 24, 32, 48, 64, 128, 256, 512}

// Files lists the integration files for an install under prefix (the
// absolute path the binary goes to is prefix/bin/Binary). The binary itself
// is not among them.
func Files(a App, prefix string) ([]File, error) {
	if a.ID == "" || a.Name == "" || a.Binary == "" || a.Version == "" {
		return nil, fmt.Errorf("desktop files need the app's ID, name, version and binary")
	}
	entry := Entry(a, path.Join(prefix, "bin", a.Binary))
	meta, err := Metainfo(a)
	if err != nil {
		return nil, err
	}
	files := []File{
		{Path: "share/applications/" + a.ID + ".desktop", Data: entry, Mode: 0o644},
		{Path: "share/metainfo/" + a.ID + ".metainfo.xml", Data: meta, Mode: 0o644},
		{Path: "share/mime/packages/" + a.ID + ".xml", Data: MIMEPackage(a), Mode: 0o644},
	}
	icons, err := Icons(a.Icon, IconSizes)
	if err != nil {
		return nil, err
	}
	for _, size := range IconSizes {
		files = append(files, File{
			Path: fmt.Sprintf("share/icons/hicolor/%dx%d/apps/%s.png", size, size, a.ID),
			Data: icons[size], Mode: 0o644,
		})
	}
	return files, nil
}

// joinList writes a desktop-entry list: items separated and ended by ';',
// with ';' inside an item escaped.
func joinList(items []string) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(strings.ReplaceAll(escapeValue(it), ";", `\;`) + ";")
	}
	return b.String()
}
