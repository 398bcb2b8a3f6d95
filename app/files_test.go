package app

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestResolveTyped(t *testing.T) {
	home, err := os.UserHomeDir()
	require.NoError(t, err)
	for name, tc := range map[string]struct{ typed, want string }{
		"a name is taken in the folder shown": {"pack.zip", "/work/out/pack.zip"},
		"a full path is kept":                 {"/tmp/x/pack.zip", "/tmp/x/pack.zip"},
		"surrounding space is dropped":        {"  /tmp/a.pdf \t", "/tmp/a.pdf"},
		"quotes from Copy as path go":         {`"/tmp/my file.pdf"`, "/tmp/my file.pdf"},
		"a file URI from a file manager":      {"file:///tmp/my%20file.pdf", "/tmp/my file.pdf"},
		"the home folder":                     {"~/Documents/a.pdf", filepath.Join(home, "Documents/a.pdf")},
		"up a level":                          {"../a.pdf", "/work/a.pdf"},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, resolveTyped("/work/out", tc.typed))
		})
	}
}

func TestSaveTargetWritesWhatWasAskedOrSaysWhyNot(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o755))
	aFile := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(aFile, []byte("x"), 0o644))
	zip := []string{".zip"}
	for name, tc := range map[string]struct {
		typed string
		exts  []string
		want  string
		err   error
	}{
		"a full path into another folder":       {filepath.Join(sub, "pack.zip"), zip, filepath.Join(sub, "pack.zip"), nil},
		"a bare name lands in the folder shown": {"pack.zip", zip, filepath.Join(dir, "pack.zip"), nil},
		"the extension is added when left off":  {filepath.Join(sub, "pack"), zip, filepath.Join(sub, "pack.zip"), nil},
		"a wrong extension gets the right one":  {"pack.txt", zip, filepath.Join(dir, "pack.txt.zip"), nil},
		"either of two extensions is kept":      {"lib.json", []string{".zip", ".json"}, filepath.Join(dir, "lib.json"), nil},
		"extensions are compared ignoring case": {"PACK.ZIP", zip, filepath.Join(dir, "PACK.ZIP"), nil},
		"a folder that does not exist":          {filepath.Join(dir, "missing", "pack.zip"), zip, "", errNoFolder},
		"a file where a folder should be":       {filepath.Join(aFile, "pack.zip"), zip, "", errNotFolder},
		"a folder typed as the name":            {sub, zip, "", errIsFolder},
		"a name ending in a separator":          {sub + "/", zip, "", errNoName},
		"nothing typed":                         {"  ", zip, "", errNoName},
		"a name holding an NHS number":          {"pack-943 476 5919.zip", zip, "", errIdentifierName},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := saveTarget(dir, tc.typed, tc.exts)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	t.Run("a folder that takes no files", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes into read-only folders")
		}
		ro := filepath.Join(dir, "ro")
		require.NoError(t, os.Mkdir(ro, 0o555))
		_, err := saveTarget(ro, "pack.zip", zip)
		assert.ErrorIs(t, err, errCannotWrite)
	})
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".dars-write-check"), "the write probe is cleaned up")
	}
}

// fileDialogOn is the built-in file dialog shown over w.
func fileDialogOn(t *testing.T, w fyne.Window) *fileDialog {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	require.NotNil(t, top, "a dialog is shown")
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*pathEntry); ok {
			return e.fd
		}
	}
	require.Fail(t, "the dialog on top is not a file dialog", texts(top))
	return nil
}

// enterPath types into the dialog's box as a person would (over the
// selected suggestion) and presses Enter.
func enterPath(fd *fileDialog, text string) {
	test.Type(fd.box, text)
	fd.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// A folder the tests' dialogs start in, and a home without the tester's
// own files.
func fileTestHome(t *testing.T) string {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	return home
}

func TestEverySaveWritesWhereThePathTypedSays(t *testing.T) {
	fileTestHome(t)
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) {
		a.Lifecycle.Destruction = &forms.DestructionRecord{WhatDestroyed: "Extracts", DestroyedBy: "IG lead", Method: "Secure erase", DestroyedOn: forms.NewDate(2026, 11, 20)}
	})
	u.showDeadlines()
	cw, err := ed.newCompareWindow()
	require.NoError(t, err)
	earlier := ed.App().Clone()
	earlier.Purpose.Objective = "Before."
	cw.show(earlier, ed.App().Clone(), "Earlier", "Now")
	lib := forms.LibraryEntry{ID: "lib1", LegalName: "University of Exampleton"}
	require.NoError(t, st.SaveLibraryEntry(&lib))
	u.showLibrary()

	out := filepath.Join(t.TempDir(), "typed folder")
	require.NoError(t, os.Mkdir(out, 0o755))
	for _, tc := range []struct {
		name  string
		win   fyne.Window
		start func()
		typed string // without the extension: the dialog adds it
		want  string
		head  string
	}{
		{"pack", ed.win, ed.onExport, "the pack", "the pack.zip", "PK"},
		{"DPIA PDF", ed.win, (&dpiaView{e: ed}).onSavePDF, "dpia", "dpia.pdf", "%PDF"},
		{"data flow PNG", ed.win, func() { buildDataFlowView(ed).onExport("png") }, "map", "map.png", "\x89PNG"},
		{"data flow SVG", ed.win, func() { buildDataFlowView(ed).onExport("svg") }, "map", "map.svg", "<?xml"},
		{"certificate", ed.win, (&lifecycleView{e: ed}).onExportCertificate, "certificate", "certificate.pdf", "%PDF"},
		{"calendar", u.deadlinesWin.win, u.deadlinesWin.onExport, "deadlines", "deadlines.ics", "BEGIN:VCALENDAR"},
		{"summary of changes", cw.win, cw.onSavePDF, "changes", "changes.pdf", "%PDF"},
		{"library", u.libraryWin.win, u.libraryWin.onExport, "library", "library.zip", "PK"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.start()
			fd := fileDialogOn(t, tc.win)
			assert.Equal(t, modeSave, fd.mode)
			enterPath(fd, filepath.Join(out, tc.typed))
			settle(u)
			b, err := os.ReadFile(filepath.Join(out, tc.want))
			require.NoError(t, err, "written where typed")
			assert.True(t, strings.HasPrefix(string(b), tc.head), "a whole %s", tc.name)
			assert.Contains(t, texts(tc.win.Canvas().Overlays().Top())+texts(tc.win.Content()), tc.want, "the person is told where it went")
			for tc.win.Canvas().Overlays().Top() != nil {
				tc.win.Canvas().Overlays().Remove(tc.win.Canvas().Overlays().Top())
			}
		})
	}
	// The export folder is remembered for the next export.
	assert.Equal(t, out, startFolder(kindExport))
}

func TestSaveDialogSaysWhyItCannotSaveAndStaysOpen(t *testing.T) {
	home := fileTestHome(t)
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)
	for name, tc := range map[string]struct{ typed, says string }{
		"a folder that does not exist": {filepath.Join(home, "no such folder", "dpia.pdf"), "there is no folder " + filepath.Join(home, "no such folder")},
		"a name with an NHS number":    {"dpia 943 476 5919.pdf", "holds an NHS number"},
		"nothing":                      {"", "the name box is empty"},
	} {
		t.Run(name, func(t *testing.T) {
			(&dpiaView{e: ed}).onSavePDF()
			fd := fileDialogOn(t, ed.win)
			fd.box.replace("")
			enterPath(fd, tc.typed)
			settle(u)
			assert.Same(t, fd, fileDialogOn(t, ed.win), "the dialog stays open")
			assert.True(t, fd.message.Visible())
			assert.Contains(t, strings.ToLower(fd.message.Text), strings.ToLower(tc.says))
			fd.onCancel()
		})
	}
	files, err := filepath.Glob(filepath.Join(home, "*.pdf"))
	require.NoError(t, err)
	assert.Empty(t, files, "nothing was written")
}

func TestSaveDialogAsksBeforeReplacingAndOpensAFolderTyped(t *testing.T) {
	home := fileTestHome(t)
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)
	reports := filepath.Join(home, "reports")
	require.NoError(t, os.Mkdir(reports, 0o755))
	old := filepath.Join(reports, "dpia.pdf")
	require.NoError(t, os.WriteFile(old, []byte("old"), 0o644))

	(&dpiaView{e: ed}).onSavePDF()
	fd := fileDialogOn(t, ed.win)
	test.Type(fd.box, filepath.Join(reports, "dpia"))
	shoot(t, ed.win, "save-dialog-typed-path.png")
	fd.box.replace("")
	enterPath(fd, reports)
	assert.Equal(t, reports, fd.dir, "a folder typed opens")
	assert.Equal(t, "dpia.pdf", fd.box.Text, "and the suggested name comes back")
	fd.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assert.Contains(t, topText(ed.win), "already exists")
	confirm(t, ed, "Replace")
	settle(u)
	b, err := os.ReadFile(old)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "%PDF"), "replaced once agreed")
}

func TestAttachDialogOffersPDFsFindsAsYouTypeAndShowsAllOnRequest(t *testing.T) {
	home := fileTestHome(t)
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)
	docs := filepath.Join(home, "Documents")
	require.NoError(t, os.Mkdir(docs, 0o755))
	require.NoError(t, os.Mkdir(filepath.Join(docs, "Ethics"), 0o755))
	for _, n := range []string{"protocol v3.pdf", "REC letter.PDF", "consent form.docx", "notes.txt", ".hidden.pdf"} {
		require.NoError(t, os.WriteFile(filepath.Join(docs, n), []byte(tinyPDF), 0o644))
	}
	v := buildEvidenceView(ed)
	id := ed.App().Evidence[0].ID
	v.onChooseFile(id)
	fd := fileDialogOn(t, ed.win)
	assert.Equal(t, docs, fd.dir, "a first attach opens in Documents")
	shoot(t, ed.win, "attach-dialog.png")
	assert.Equal(t, []string{"Ethics", "protocol v3.pdf", "REC letter.PDF"}, shownNames(fd), "folders and PDFs, hidden files left out")

	fd.kinds.SetSelectedIndex(len(fd.types) - 1)
	assert.Equal(t, "All files", fd.kinds.Selected)
	assert.Len(t, shownNames(fd), 5, "all files on request")
	fd.kinds.SetSelectedIndex(0)

	test.Type(fd.box, "rec")
	assert.Equal(t, []string{"REC letter.PDF"}, shownNames(fd), "found as typed, ignoring case")
	fd.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(u)
	require.NotNil(t, ed.App().Evidence[0].File, "Enter attaches what was found")
	assert.Equal(t, "REC letter.PDF", ed.App().Evidence[0].File.Name)
	assert.Equal(t, docs, startFolder(kindAttach))
	for _, kd := range rememberedFolders() {
		assert.NotEqual(t, string(kindExport), kd[0], "each kind keeps its own folder")
	}
	assert.Equal(t, []string{docs}, recentFolders())
}

func TestAttachDialogTakesATypedPathAndSaysWhenThereIsNothingThere(t *testing.T) {
	home := fileTestHome(t)
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)
	elsewhere := filepath.Join(t.TempDir(), "letters")
	require.NoError(t, os.Mkdir(elsewhere, 0o755))
	letter := filepath.Join(elsewhere, "s251 support.pdf")
	require.NoError(t, os.WriteFile(letter, []byte(tinyPDF), 0o644))

	v := buildEvidenceView(ed)
	id := ed.App().Evidence[1].ID
	v.onChooseFile(id)
	fd := fileDialogOn(t, ed.win)
	assert.Equal(t, home, fd.dir, "no Documents folder: home")
	enterPath(fd, filepath.Join(elsewhere, "missing.pdf"))
	assert.Contains(t, fd.message.Text, "There is no file or folder")
	assert.Same(t, fd, fileDialogOn(t, ed.win))

	fd.box.replace("")
	enterPath(fd, "file://"+strings.ReplaceAll(letter, " ", "%20"))
	settle(u)
	require.NotNil(t, ed.App().Evidence[1].File)
	assert.Equal(t, "s251 support.pdf", ed.App().Evidence[1].File.Name)
}

func TestAttachFilesTakesSeveralAtOnce(t *testing.T) {
	home := fileTestHome(t)
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)
	for _, n := range []string{"a.pdf", "b.pdf", "c.pdf"} {
		require.NoError(t, os.WriteFile(filepath.Join(home, n), []byte(tinyPDF), 0o644))
	}
	before := len(ed.App().Evidence)
	v := buildEvidenceView(ed)
	v.onAttachFiles()
	fd := fileDialogOn(t, ed.win)
	assert.Equal(t, modeMany, fd.mode)
	fd.tap(0)
	fd.tap(2)
	assert.Equal(t, "Attach 2 files", fd.ok.Text)
	test.Tap(fd.ok)
	settle(u)
	require.Len(t, ed.App().Evidence, before+2)
	var names []string
	for _, it := range ed.App().Evidence[before:] {
		require.NotNil(t, it.File)
		names = append(names, it.File.Name)
	}
	sort.Strings(names)
	assert.Equal(t, []string{"a.pdf", "c.pdf"}, names)
}

func TestOpenDialogsCancelWithoutCallingBack(t *testing.T) {
	fileTestHome(t)
	u, _ := newTestUI(t)
	called := false
	u.chooseOpen(u.start.win, fileRequest{Kind: kindImport, Types: []fileType{typeSubmission}}, func(string) { called = true })
	fd := fileDialogOn(t, u.start.win)
	fd.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	assert.Nil(t, u.start.win.Canvas().Overlays().Top(), "Escape closes it")
	assert.False(t, called)
}

func TestTheSystemChooserIsUsedWhenThereAndOursWhenItFails(t *testing.T) {
	home := fileTestHome(t)
	u, _ := newTestUI(t)
	target := filepath.Join(home, "pack")
	u.sysFiles = fakeChooser{paths: []string{target}}
	var got string
	u.chooseSave(u.start.win, fileRequest{Kind: kindExport, Types: []fileType{typePack}}, func(p string) { got = p })
	assert.Equal(t, target+".zip", got, "our rules still apply to what it gives")
	assert.Nil(t, u.start.win.Canvas().Overlays().Top())

	u.sysFiles = fakeChooser{err: errors.New("org.freedesktop.DBus.Error.ServiceUnknown")}
	u.chooseOpen(u.start.win, fileRequest{Kind: kindImport}, func(string) {})
	fileDialogOn(t, u.start.win)
	assert.Nil(t, u.sysFiles, "a failed chooser is not tried again")
}

type fakeChooser struct {
	paths []string
	err   error
}

func (f fakeChooser) choose(_ fyne.Window, _ fileRequest, _ fileMode, done func([]string, error)) {
	done(f.paths, f.err)
}

func shownNames(fd *fileDialog) []string {
	var out []string
	for _, e := range fd.shown {
		out = append(out, e.name)
	}
	return out
}

func TestAnEmptyFolderSaysSoAcrossTheList(t *testing.T) {
	home := fileTestHome(t)
	require.NoError(t, os.WriteFile(filepath.Join(home, "letter.docx"), []byte("x"), 0o644))
	u, _ := newTestUI(t)
	u.start.win.Resize(fyne.NewSize(1000, 700))
	u.chooseOpen(u.start.win, fileRequest{Kind: kindAttach, Types: []fileType{typePDF}}, func(string) {})
	fd := fileDialogOn(t, u.start.win)
	require.True(t, fd.empty.Visible())
	assert.Contains(t, fd.empty.Text, "No PDF documents in this folder")
	assert.Greater(t, fd.empty.Size().Width, float32(300), "the message has the list's width to wrap in")
	assert.Less(t, fd.empty.Size().Height, float32(120), "so it reads in a line or two")
	shoot(t, u.start.win, "attach-dialog-empty.png")
}
