package desktop

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNotInstalled is returned by Uninstall when prefix holds no install.
var ErrNotInstalled = errors.New("nothing installed there by the install command")

// Runner runs a tool that refreshes a desktop cache. It returns
// exec.ErrNotFound (wrapped) when the tool is not installed.
type Runner func(name string, args ...string) error

// RunTool is the Runner of a real system.
func RunTool(name string, args ...string) error {
	p, err := exec.LookPath(name)
	if err != nil {
		return err
	}
	out, err := exec.Command(p, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, bytes.TrimSpace(out))
	}
	return nil
}

// manifestPath is where Install records what it wrote, under the prefix.
func manifestPath(binary string) string { return "share/" + binary + "/installed-files" }

// manifest is what one install wrote: files, and the folders it created
// (which Uninstall removes again once empty).
type manifest struct {
	files, dirs []string
}

// Install copies the program at exe to prefix/bin/binary and writes files
// under prefix, each through a temporary file so a failure leaves no half
// file. It records them, removes what an earlier install wrote and this one
// does not, and refreshes the desktop caches. It returns notes for the
// user (a cache tool that is missing).
func Install(prefix, exe, binary string, files []File, run Runner) ([]string, error) {
	prefix, err := filepath.Abs(prefix)
	if err != nil {
		return nil, err
	}
	old, err := readManifest(prefix, binary)
	if err != nil && !errors.Is(err, ErrNotInstalled) {
		return nil, err
	}
	created := map[string]bool{}
	for _, d := range old.dirs {
		created[d] = true
	}
	mkdir := func(rel string) error {
		var missing []string
		for d := rel; d != "." && d != "/"; d = path.Dir(d) {
			if _, err := os.Stat(filepath.Join(prefix, filepath.FromSlash(d))); err == nil {
				break
			} else if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			missing = append(missing, d)
		}
		if err := os.MkdirAll(filepath.Join(prefix, filepath.FromSlash(rel)), 0o755); err != nil {
			return err
		}
		for _, d := range missing {
			created[d] = true
		}
		return nil
	}
	if _, err := os.Stat(prefix); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s does not exist; create it first or choose another prefix", prefix)
	}

	prog, err := os.ReadFile(exe)
	if err != nil {
		return nil, fmt.Errorf("read the program to install: %w", err)
	}
	all := append([]File{{Path: "bin/" + binary, Data: prog, Mode: 0o755}}, files...)
	m := manifest{}
	for _, f := range all {
		if err := mkdir(path.Dir(f.Path)); err != nil {
			return nil, err
		}
		if err := writeFile(filepath.Join(prefix, filepath.FromSlash(f.Path)), f.Data, f.Mode); err != nil {
			return nil, err
		}
		m.files = append(m.files, f.Path)
	}
	wrote := map[string]bool{}
	for _, f := range m.files {
		wrote[f] = true
	}
	for _, f := range old.files {
		if !wrote[f] {
			_ = os.Remove(filepath.Join(prefix, filepath.FromSlash(f)))
		}
	}
	mp := manifestPath(binary)
	if err := mkdir(path.Dir(mp)); err != nil {
		return nil, err
	}
	for d := range created {
		m.dirs = append(m.dirs, d)
	}
	if err := writeManifest(prefix, mp, m); err != nil {
		return nil, err
	}
	return refreshCaches(prefix, run, created), nil
}

// Uninstall removes what Install recorded under prefix, then the folders
// it created that are left empty, and refreshes the desktop caches.
func Uninstall(prefix, binary string, run Runner) ([]string, error) {
	prefix, err := filepath.Abs(prefix)
	if err != nil {
		return nil, err
	}
	m, err := readManifest(prefix, binary)
	if err != nil {
		return nil, err
	}
	for _, f := range m.files {
		if err := os.Remove(filepath.Join(prefix, filepath.FromSlash(f))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if err := os.Remove(filepath.Join(prefix, filepath.FromSlash(manifestPath(binary)))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	created := map[string]bool{}
	for _, d := range m.dirs {
		created[d] = true
	}
	notes := refreshCaches(prefix, run, created)
	// Deepest first, so a parent is empty once its children are gone.
	sort.Slice(m.dirs, func(i, j int) bool { return strings.Count(m.dirs[i], "/") > strings.Count(m.dirs[j], "/") })
	for _, d := range m.dirs {
		_ = os.Remove(filepath.Join(prefix, filepath.FromSlash(d))) // kept if something else lives there
	}
	return notes, nil
}

// refreshCaches updates the caches desktops read: the MIME database (for
// the pack type to be known, or forgotten) and the desktop entries' MIME
// index, mimeinfo.cache (GIO finds the app for a type only through it). The
// icon cache is optional, so it is refreshed only where one exists already.
// A cache folder we created whose last source file is gone holds only data
// derived from ours, and goes as a whole.
func refreshCaches(prefix string, run Runner, created map[string]bool) []string {
	var notes []string
	note := func(tool string, err error) {
		if errors.Is(err, exec.ErrNotFound) {
			notes = append(notes, tool+" is not installed: the desktop may not open packs with the app until it is")
		} else if err != nil {
			notes = append(notes, err.Error())
		}
	}
	derived := func(rel, sources, cache string, refresh func(dir string) error, tool string) {
		dir := filepath.Join(prefix, filepath.FromSlash(rel))
		if src, _ := filepath.Glob(filepath.Join(dir, sources)); len(src) > 0 {
			note(tool, refresh(dir))
		} else if created[rel] {
			_ = os.RemoveAll(dir)
		} else if exists(filepath.Join(dir, cache)) {
			note(tool, refresh(dir))
		}
	}
	derived("share/mime", filepath.Join("packages", "*.xml"), "mime.cache",
		func(dir string) error { return run("update-mime-database", dir) }, "update-mime-database")
	derived("share/applications", "*.desktop", "mimeinfo.cache",
		func(dir string) error { return run("update-desktop-database", dir) }, "update-desktop-database")
	if icons := filepath.Join(prefix, "share", "icons", "hicolor"); exists(filepath.Join(icons, "icon-theme.cache")) {
		note("gtk-update-icon-cache", run("gtk-update-icon-cache", "-q", "-t", "-f", icons))
	}
	return notes
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func writeFile(p string, data []byte, mode fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

func writeManifest(prefix, rel string, m manifest) error {
	var b bytes.Buffer
	b.WriteString("# Written by the install command; the uninstall command removes these.\n")
	sort.Strings(m.files)
	sort.Strings(m.dirs)
	for _, f := range m.files {
		b.WriteString("file " + f + "\n")
	}
	for _, d := range m.dirs {
		b.WriteString("dir " + d + "\n")
	}
	return writeFile(filepath.Join(prefix, filepath.FromSlash(rel)), b.Bytes(), 0o644)
}

func readManifest(prefix, binary string) (manifest, error) {
	f, err := os.Open(filepath.Join(prefix, filepath.FromSlash(manifestPath(binary))))
	if errors.Is(err, fs.ErrNotExist) {
		return manifest{}, fmt.Errorf("%s: %w", prefix, ErrNotInstalled)
	}
	if err != nil {
		return manifest{}, err
	}
	defer f.Close()
	var m manifest
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for sc.Scan() {
		kind, rel, ok := strings.Cut(sc.Text(), " ")
		if !ok || strings.HasPrefix(kind, "#") {
			continue
		}
		// Only clean paths inside the prefix: a damaged or hostile list
		// must not make uninstall remove anything else.
		if rel != path.Clean(rel) || path.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, "../") || rel == "." {
			return manifest{}, fmt.Errorf("%s: the install record names %q, outside the prefix; remove the files by hand", prefix, rel)
		}
		switch kind {
		case "file":
			m.files = append(m.files, rel)
		case "dir":
			m.dirs = append(m.dirs, rel)
		}
	}
	return m, sc.Err()
}
