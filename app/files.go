package app

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Every place the window reads or writes a file asks through one of
// chooseOpen, chooseMany and chooseSave, so file dialogs behave as one
// class: the desktop's own chooser where there is one, else ours; the last
// folder remembered per kind of work; a typed or pasted path accepted; a save
// that either names a file that can be written or says why not.

// fileKind is what a dialog is for. Each kind remembers its own last folder:
// the folder of the documents attached is rarely the one packs go to.
type fileKind string

const (
	kindAttach  fileKind = "attach"  // evidence and library documents
	kindExport  fileKind = "export"  // packs, PDFs, pictures, calendars written
	kindImport  fileKind = "import"  // packs and submission files read into drafts
	kindLibrary fileKind = "library" // organisation library files
	kindReview  fileKind = "review"  // packs opened for review, review files
)

// fileType is one entry of a dialog's type list; no extensions means every
// file.
type fileType struct {
	Name string
	Exts []string // lower case, with the dot
}

var (
	typePDF        = fileType{"PDF documents (*.pdf)", []string{".pdf"}}
	typePack       = fileType{"Packs (*.zip)", []string{".zip"}}
	typeSubmission = fileType{"Packs and submission files (*.zip, *.json)", []string{".zip", ".json"}}
	typeReview     = fileType{"Review files (*.json)", []string{".json"}}
	typeLibrary    = fileType{"Library files (*.zip, *.json)", []string{".zip", ".json"}}
	typeCalendar   = fileType{"Calendar files (*.ics)", []string{".ics"}}
	typePNG        = fileType{"PNG pictures (*.png)", []string{".png"}}
	typeSVG        = fileType{"SVG drawings (*.svg)", []string{".svg"}}
	typeAll        = fileType{"All files", nil}
)

// matches says whether a file name is of the type.
func (t fileType) matches(name string) bool {
	if len(t.Exts) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range t.Exts {
		if ext == e {
			return true
		}
	}
	return false
}

// fileRequest describes one dialog.
type fileRequest struct {
	Kind    fileKind
	Title   string     // "Attach a document to item 3"
	Confirm string     // the confirm button; Open or Save when empty
	Types   []fileType // the first is chosen first; open dialogs always end with All files
	Name    string     // save: the suggested file name
}

// types is the type list as offered: an open dialog can always show every
// file; a save dialog offers only what the caller can write.
func (r fileRequest) types(save bool) []fileType {
	ts := append([]fileType(nil), r.Types...)
	if len(ts) == 0 {
		return []fileType{typeAll}
	}
	if !save && len(ts[len(ts)-1].Exts) > 0 {
		ts = append(ts, typeAll)
	}
	return ts
}

// saveExts are the extensions a saved file may end in; the first is added
// when the typed name ends in none of them.
func (r fileRequest) saveExts() []string {
	var exts []string
	for _, t := range r.Types {
		exts = append(exts, t.Exts...)
	}
	if len(exts) == 0 {
		if ext := strings.ToLower(filepath.Ext(r.Name)); ext != "" {
			exts = []string{ext}
		}
	}
	return exts
}

// resolveTyped turns what a person typed or pasted into a clean absolute
// path: "~" is the home folder, a relative name is taken in dir, a file:
// URI (what file managers put on the clipboard) is its path, and quotes
// around it (Windows' "Copy as path") are dropped.
func resolveTyped(dir, typed string) string {
	p := strings.TrimSpace(typed)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = strings.TrimSpace(p[1 : len(p)-1])
	}
	if strings.HasPrefix(strings.ToLower(p), "file://") {
		if u, err := url.Parse(p); err == nil && u.Path != "" {
			p = filepath.FromSlash(u.Path)
			if runtime.GOOS == "windows" && len(p) > 2 && p[0] == '\\' && p[2] == ':' {
				p = p[1:] // file:///C:/x is C:\x
			}
		}
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	return filepath.Clean(p)
}

// looksLikePath says whether typed text names a place rather than a part of
// a name to find in the folder shown.
func looksLikePath(typed string) bool {
	t := strings.TrimSpace(typed)
	return strings.ContainsAny(t, `/\`) || strings.HasPrefix(t, "~") || t == ".." ||
		strings.HasPrefix(strings.ToLower(t), "file:") || (len(t) >= 2 && t[1] == ':')
}

// Why a save target was refused; the dialog shows the message and stays open.
var (
	errNoName         = errors.New("type a file name")
	errNoFolder       = errors.New("folder does not exist")
	errNotFolder      = errors.New("not a folder")
	errIsFolder       = errors.New("is a folder")
	errCannotWrite    = errors.New("cannot write there")
	errIdentifierName = errors.New("name holds an NHS number")
)

// saveTarget checks a typed save target and returns the path to write: the
// folder must exist and take files, the name must not be a folder's or hold
// an NHS number (R-C8), and it ends in one of exts (the first is added when
// it ends in none). Whether it already exists is the caller's question.
func saveTarget(dir, typed string, exts []string) (string, error) {
	if strings.TrimSpace(typed) == "" {
		return "", fmt.Errorf("%w: the name box is empty", errNoName)
	}
	p := resolveTyped(dir, typed)
	if strings.HasSuffix(strings.TrimSpace(typed), "/") || strings.HasSuffix(strings.TrimSpace(typed), `\`) {
		return "", fmt.Errorf("%w: %s ends in a folder; add a file name", errNoName, p)
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return "", fmt.Errorf("%w: %s is a folder; type a file name", errIsFolder, p)
	}
	if len(exts) > 0 {
		ext := strings.ToLower(filepath.Ext(p))
		known := false
		for _, e := range exts {
			known = known || ext == e
		}
		if !known {
			p += exts[0]
		}
	}
	parent := filepath.Dir(p)
	st, err := os.Stat(parent)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("%w: there is no folder %s; create it first, or choose another", errNoFolder, parent)
	case err != nil:
		return "", fmt.Errorf("%w: %s cannot be read: %v", errCannotWrite, parent, err)
	case !st.IsDir():
		return "", fmt.Errorf("%w: %s is a file, not a folder", errNotFolder, parent)
	}
	if found := forms.FindNHSNumbers(forms.Part{Name: "The file name", Value: filepath.Base(p)}); len(found) > 0 {
		return "", fmt.Errorf("%w: %s holds an NHS number (%s); choose another name", errIdentifierName,
			forms.MaskNHSNumbers(filepath.Base(p)), found[0].Shown)
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return "", fmt.Errorf("%w: %s is a folder; type a file name", errIsFolder, p)
	}
	// Asked now, so that a read-only folder is named while the dialog is
	// still open rather than after the work of writing.
	probe, err := os.CreateTemp(parent, ".dars-write-check-*")
	if err != nil {
		return "", fmt.Errorf("%w: files cannot be written in %s (%v)", errCannotWrite, parent, errors.Unwrap(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return p, nil
}

// Remembered folders live in Fyne's preferences under one key: each kind's
// last folder and a short list of recent ones, as "kind<TAB>folder" lines.
// One key means one write of the preferences file per choice: Fyne
// rewrites the whole file on every change, and a second change within its
// 100 ms debounce writes it again while its own watcher may be reading it.
const (
	foldersKey       = "files.folders"
	recentKind       = "recent"
	recentFoldersMax = 6
)

func rememberedFolders() [][2]string {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	var out [][2]string
	for _, line := range a.Preferences().StringList(foldersKey) {
		if kind, dir, ok := strings.Cut(line, "\t"); ok {
			out = append(out, [2]string{kind, dir})
		}
	}
	return out
}

// startFolder is where a dialog of the kind opens: the last folder used for
// it while that still exists, else Documents, else the home folder.
func startFolder(kind fileKind) string {
	for _, kd := range rememberedFolders() {
		if kd[0] == string(kind) && isDir(kd[1]) {
			return kd[1]
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		wd, _ := os.Getwd()
		return wd
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

// rememberFolder keeps the folder of a chosen file for the next dialog of
// the kind, and first among the recent places.
func rememberFolder(kind fileKind, dir string) {
	a := fyne.CurrentApp()
	if a == nil || dir == "" {
		return
	}
	lines := []string{string(kind) + "\t" + dir, recentKind + "\t" + dir}
	recent := 1
	for _, kd := range rememberedFolders() {
		switch {
		case kd[0] == string(kind):
		case kd[0] == recentKind && kd[1] != dir && recent < recentFoldersMax:
			lines = append(lines, kd[0]+"\t"+kd[1])
			recent++
		case kd[0] != recentKind:
			lines = append(lines, kd[0]+"\t"+kd[1])
		}
	}
	a.Preferences().SetStringList(foldersKey, lines)
}

func recentFolders() []string {
	var out []string
	for _, kd := range rememberedFolders() {
		if kd[0] == recentKind && isDir(kd[1]) {
			out = append(out, kd[1])
		}
	}
	return out
}

func isDir(p string) bool {
	if p == "" {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// chooseOpen asks for one file to read; done runs only when one was chosen.
func (u *UI) chooseOpen(win fyne.Window, req fileRequest, done func(path string)) {
	u.chooseFiles(win, req, modeOpen, func(ps []string) { done(ps[0]) })
}

// chooseMany asks for one or more files to read.
func (u *UI) chooseMany(win fyne.Window, req fileRequest, done func(paths []string)) {
	u.chooseFiles(win, req, modeMany, done)
}

// chooseSave asks where to write; done gets a path whose folder exists and
// takes files, whose name is allowed, and which the person agreed to
// replace if it was there already. Writing it is done's work, and done
// reports how that went.
func (u *UI) chooseSave(win fyne.Window, req fileRequest, done func(path string)) {
	u.chooseFiles(win, req, modeSave, func(ps []string) { done(ps[0]) })
}

func (u *UI) chooseFiles(win fyne.Window, req fileRequest, mode fileMode, done func([]string)) {
	finish := func(ps []string) {
		if len(ps) > 0 {
			rememberFolder(req.Kind, filepath.Dir(ps[0]))
			done(ps)
		}
	}
	if sys := u.systemChooser(); sys != nil {
		sys.choose(win, req, mode, func(ps []string, err error) {
			if err != nil {
				// The desktop's chooser failed (its service went away):
				// ours stands in, now and for the rest of the run.
				u.dropSystemChooser(err)
				showFileDialog(win, req, mode, finish)
				return
			}
			if mode == modeSave && len(ps) > 0 {
				u.checkSystemSave(win, req, ps[0], finish)
				return
			}
			finish(ps)
		})
		return
	}
	showFileDialog(win, req, mode, finish)
}

// checkSystemSave applies our rules to a path the desktop's chooser gave:
// it asked about replacing the name it showed, so only a name we had to
// extend is asked about again.
func (u *UI) checkSystemSave(win fyne.Window, req fileRequest, chosen string, finish func([]string)) {
	p, err := saveTarget(filepath.Dir(chosen), filepath.Base(chosen), req.saveExts())
	if err != nil {
		showError(win, "The file was not written", err)
		return
	}
	if p != chosen {
		if _, err := os.Stat(p); err == nil {
			confirmReplace(win, p, func() { finish([]string{p}) })
			return
		}
	}
	finish([]string{p})
}
