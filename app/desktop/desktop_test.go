package desktop_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/app/desktop"
	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func app() desktop.App {
	return desktop.App{
		ID: "uk.darsworkbench.workbench", Name: "DARS Workbench", GenericName: "DARS application workbench",
		Summary: "Prepare NHS England Data Access Request Service applications offline", Version: "0.1.0",
		Website: "https://github.com/darsworkbench/dars-workbench", Categories: []string{"Office", "Science"},
		Keywords: []string{"DARS", "NHS", "DPIA", "information governance"}, Binary: "dars-workbench",
		Icon: assets.IconPNG, Released: "2026-11-30",
	}
}

func TestEntry(t *testing.T) {
	got := string(desktop.Entry(app(), "/home/sian/.local/bin/dars-workbench"))
	for _, line := range []string{
		"[Desktop Entry]\n", "Type=Application\n", "Name=DARS Workbench\n",
		"Exec=/home/sian/.local/bin/dars-workbench %f\n", "TryExec=/home/sian/.local/bin/dars-workbench\n",
		"Icon=uk.darsworkbench.workbench\n", "Categories=Office;Science;\n",
		"Keywords=DARS;NHS;DPIA;information governance;\n", "MimeType=application/x-dars-workbench-pack;\n",
		"Terminal=false\n",
	} {
		assert.Contains(t, got, line)
	}
}

// Exec takes one argument per word: a path with spaces or shell characters
// is quoted, and each backslash escaped twice (quoting, then the value).
func TestEntryExecQuoting(t *testing.T) {
	for name, tc := range map[string]struct{ exe, want string }{
		"plain":        {"/opt/dars/bin/dars-workbench", `Exec=/opt/dars/bin/dars-workbench %f`},
		"space":        {"/home/Siân Ŵyn/.local/bin/dars-workbench", `Exec="/home/Siân Ŵyn/.local/bin/dars-workbench" %f`},
		"dollar":       {"/home/a$b/bin/dars-workbench", `Exec="/home/a\\$b/bin/dars-workbench" %f`},
		"percent":      {"/srv/100%/bin/dars-workbench", `Exec=/srv/100%%/bin/dars-workbench %f`},
		"quote":        {`/home/o"neil/bin/dars-workbench`, `Exec="/home/o\\"neil/bin/dars-workbench" %f`},
		"backslash":    {`/home/a\b/bin/dars-workbench`, `Exec="/home/a\\\\b/bin/dars-workbench" %f`},
		"single quote": {"/home/o'neil/bin/dars-workbench", `Exec="/home/o'neil/bin/dars-workbench" %f`},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Contains(t, strings.Split(string(desktop.Entry(app(), tc.exe)), "\n"), tc.want)
		})
	}
}

func TestFiles(t *testing.T) {
	files, err := desktop.Files(app(), "/usr/local")
	require.NoError(t, err)
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
		assert.Equal(t, os.FileMode(0o644), f.Mode, f.Path)
	}
	assert.Contains(t, string(byPath["share/applications/uk.darsworkbench.workbench.desktop"]), "Exec=/usr/local/bin/dars-workbench %f")
	assert.Contains(t, byPath, "share/metainfo/uk.darsworkbench.workbench.metainfo.xml")
	assert.Contains(t, byPath, "share/mime/packages/uk.darsworkbench.workbench.xml")
	for _, size := range desktop.IconSizes {
		p := fmt.Sprintf("share/icons/hicolor/%dx%d/apps/uk.darsworkbench.workbench.png", size, size)
		require.Contains(t, byPath, p)
		img, err := png.Decode(bytes.NewReader(byPath[p]))
		require.NoError(t, err, p)
		assert.Equal(t, size, img.Bounds().Dx(), p)
		assert.Equal(t, size, img.Bounds().Dy(), p)
		_, _, _, a := img.At(size/2, size/2).RGBA()
		assert.NotZero(t, a, "%s: the middle of the icon is drawn", p)
	}
	_, err = desktop.Files(desktop.App{Name: "x"}, "/usr")
	assert.Error(t, err)
}

func TestMetainfo(t *testing.T) {
	b, err := desktop.Metainfo(app())
	require.NoError(t, err)
	var c struct {
		ID       string `xml:"id"`
		Releases []struct {
			Version string `xml:"version,attr"`
			Date    string `xml:"date,attr"`
		} `xml:"releases>release"`
		Provides struct {
			MediaType string `xml:"mediatype"`
		} `xml:"provides"`
		Screenshots []struct {
			Image string `xml:"image"`
		} `xml:"screenshots>screenshot"`
	}
	require.NoError(t, xml.Unmarshal(b, &c))
	assert.Equal(t, "uk.darsworkbench.workbench", c.ID)
	require.Len(t, c.Releases, 1)
	assert.Equal(t, "0.1.0", c.Releases[0].Version)
	assert.Equal(t, "2026-11-30", c.Releases[0].Date)
	assert.Equal(t, desktop.PackMIMEType, c.Provides.MediaType)
	require.NotEmpty(t, c.Screenshots)
	assert.Equal(t, "https://raw.githubusercontent.com/darsworkbench/dars-workbench/main/docs/screenshot-draft.png", c.Screenshots[0].Image)
	_, err = os.Stat(filepath.Join("..", "..", "docs", "screenshot-draft.png"))
	assert.NoError(t, err, "the screenshot the metadata names is in the repository")

	undated := app()
	undated.Released = ""
	b, err = desktop.Metainfo(undated)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "<release ", "a release is listed only with its date")
}

// The MIME magic is tied to how export writes a pack: its first entry.
func TestPackMagicMatchesARealPack(t *testing.T) {
	b := packBytes(t)
	require.Greater(t, len(b), 30+len(desktop.PackFirstEntry))
	assert.Equal(t, "PK\x03\x04", string(b[:4]))
	assert.Equal(t, desktop.PackFirstEntry, string(b[30:30+len(desktop.PackFirstEntry)]))

	var lib bytes.Buffer
	_, err := export.WriteLibraryPack(&lib, nil, nil, time.Now())
	require.NoError(t, err)
	assert.NotEqual(t, desktop.PackFirstEntry, string(lib.Bytes()[30:30+len(desktop.PackFirstEntry)]), "a library pack is not a pack")

	pkg := string(desktop.MIMEPackage(app()))
	assert.Contains(t, pkg, `<glob pattern="*`+export.PackSuffix+`"/>`)
	assert.Contains(t, pkg, `value="`+desktop.PackFirstEntry+`" offset="30"`)
	assert.NotContains(t, pkg, `<glob pattern="*.zip"/>`, "claiming every zip would open them all with us")
	var parsed struct{}
	require.NoError(t, xml.Unmarshal([]byte(pkg), &parsed))
}

// The freedesktop validators, as distributions and Flathub run them. make
// deps-test installs them; the test skips only where they cannot be had.
func TestFilesPassTheValidators(t *testing.T) {
	dir := t.TempDir()
	files, err := desktop.Files(app(), "/home/Siân Ŵyn/.local")
	require.NoError(t, err)
	write := func(rel string) string {
		for _, f := range files {
			if f.Path == rel {
				p := filepath.Join(dir, filepath.Base(rel))
				require.NoError(t, os.WriteFile(p, f.Data, 0o644))
				return p
			}
		}
		t.Fatalf("no %s", rel)
		return ""
	}
	for _, v := range []struct {
		tool string
		args []string
		file string
	}{
		{"desktop-file-validate", nil, "share/applications/uk.darsworkbench.workbench.desktop"},
		{"appstreamcli", []string{"validate", "--no-net", "--explain"}, "share/metainfo/uk.darsworkbench.workbench.metainfo.xml"},
	} {
		t.Run(v.tool, func(t *testing.T) {
			tool, err := exec.LookPath(v.tool)
			if err != nil {
				t.Skipf("%s is not installed (make deps-test installs it)", v.tool)
			}
			out, err := exec.Command(tool, append(v.args, write(v.file))...).CombinedOutput()
			require.NoError(t, err, "%s", out)
			assert.NotContains(t, string(out), "error", "%s", out)
			t.Logf("%s: %s", v.tool, out)
		})
	}
}

func packBytes(t *testing.T) []byte {
	var pack bytes.Buffer
	require.NoError(t, export.WritePack(&pack, forms.Example(), nil, export.PackOptions{AppVersion: "test", At: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}))
	return pack.Bytes()
}

func plainZip(t *testing.T) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("holiday.txt")
	require.NoError(t, err)
	_, err = w.Write([]byte("not a pack"))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}
