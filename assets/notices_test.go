package assets_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite THIRD_PARTY_NOTICES.txt from the module graph")

// shippedOS are the systems we ship packages for: the notices cover the
// union of what each one links.
var shippedOS = []string{"linux", "windows", "darwin"}

const mainPackage = "github.com/darsworkbench/dars-workbench"

// TestThirdPartyNotices rebuilds the notices from the module graph and the
// module cache (every licence file of every module linked into the binary on
// any shipped system, and the Go standard library's) and compares them with
// the embedded copy. It fails when a dependency has no licence file, and when
// a dependency was added, removed or upgraded without `go test ./assets
// -update`.
func TestThirdPartyNotices(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the module graph with go list")
	}
	got, err := buildNotices()
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile("THIRD_PARTY_NOTICES.txt", got, 0o644))
		return
	}
	if !bytes.Equal(got, []byte(assets.ThirdPartyNotices)) {
		t.Fatalf("assets/THIRD_PARTY_NOTICES.txt is out of date with the module graph:\n%s\nrun: go test ./assets -run TestThirdPartyNotices -update",
			firstDifference(assets.ThirdPartyNotices, string(got)))
	}
}

// module is one dependency linked into the binary, with the directories of
// the packages taken from it.
type module struct {
	path, version, dir string
	pkgDirs            map[string]bool
}

func linkedModules() (map[string]*module, error) {
	mods := map[string]*module{}
	for _, goos := range shippedOS {
		cmd := exec.Command("go", "list", "-deps", "-f",
			"{{if not .Standard}}{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}\t{{.Dir}}{{end}}", mainPackage)
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list for %s: %w: %s", goos, err, stderr.String())
		}
		for _, line := range strings.Split(string(out), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 4 || f[0] == "" {
				continue // our own packages
			}
			m := mods[f[0]]
			if m == nil {
				m = &module{path: f[0], version: f[1], dir: f[2], pkgDirs: map[string]bool{}}
				mods[f[0]] = m
			}
			m.pkgDirs[f[3]] = true
		}
	}
	return mods, nil
}

var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying|notice|patents|unlicense)([-_.].*)?$`)

// licenceFiles lists a module's licence files: those at its root, and those
// under the directories of the packages linked from it that hold no Go
// package of their own (bundled C sources such as GLFW's, fonts).
func licenceFiles(m *module) ([]string, error) {
	seen := map[string]bool{}
	add := func(dir string, recurse bool) error {
		return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p == dir {
					return nil
				}
				if !recurse || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || hasGoFiles(p) {
					return filepath.SkipDir
				}
				return nil
			}
			if licenceName.MatchString(d.Name()) && d.Type().IsRegular() {
				seen[p] = true
			}
			return nil
		})
	}
	if err := add(m.dir, false); err != nil {
		return nil, err
	}
	for d := range m.pkgDirs {
		if err := add(d, true); err != nil {
			return nil, err
		}
	}
	var files []string
	for p := range seen {
		files = append(files, p)
	}
	sort.Slice(files, func(i, j int) bool {
		// The module's own licence first, then nested ones by path.
		di, dj := filepath.Dir(files[i]) == m.dir, filepath.Dir(files[j]) == m.dir
		if di != dj {
			return di
		}
		return files[i] < files[j]
	})
	return files, nil
}

func hasGoFiles(dir string) bool {
	matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	return len(matches) > 0
}

func buildNotices() ([]byte, error) {
	mods, err := linkedModules()
	if err != nil {
		return nil, err
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("DARS Workbench includes the third-party software below. Each part is used under\n" +
		"the licence that follows its name, reproduced as its authors ship it.\n")
	section := func(title string, files map[string]string) error {
		b.WriteString("\n" + strings.Repeat("=", 78) + "\n" + title + "\n" + strings.Repeat("=", 78) + "\n")
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			text, err := os.ReadFile(files[name])
			if err != nil {
				return err
			}
			b.WriteString("\n--- " + name + " ---\n\n")
			s := strings.ReplaceAll(string(text), "\r\n", "\n")
			b.WriteString(strings.TrimRight(s, "\n \t") + "\n")
		}
		return nil
	}
	root := strings.TrimSpace(string(goroot))
	if err := section("The Go standard library and runtime (go.dev)", map[string]string{
		"LICENSE": filepath.Join(root, "LICENSE"), "PATENTS": filepath.Join(root, "PATENTS"),
	}); err != nil {
		return nil, err
	}
	if err := section("Noto Sans fonts, embedded in every PDF (notofonts.github.io)", map[string]string{"OFL.txt": filepath.Join("fonts", "OFL.txt")}); err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(mods))
	for p := range mods {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var missing []string
	for _, p := range paths {
		m := mods[p]
		files, err := licenceFiles(m)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if len(files) == 0 || filepath.Dir(files[0]) != m.dir {
			missing = append(missing, p+"@"+m.version+" ("+m.dir+")")
			continue
		}
		named := map[string]string{}
		for _, f := range files {
			rel, _ := filepath.Rel(m.dir, f)
			named[filepath.ToSlash(rel)] = f
		}
		if err := section(p+" "+m.version, named); err != nil {
			return nil, err
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no licence file at the root of %d linked modules (we cannot ship them without one):\n  %s",
			len(missing), strings.Join(missing, "\n  "))
	}
	return b.Bytes(), nil
}

func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d: embedded %q, module graph %q", i+1, w, g)
		}
	}
	return ""
}

func TestLicenceFilesRule(t *testing.T) {
	root := t.TempDir()
	write := func(rel string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(rel), 0o644))
	}
	for _, f := range []string{
		"go.mod", "lib.go", "LICENSE", "PATENTS", "README.md",
		"csrc/LICENSE.md", "csrc/x.c", // bundled C code of a linked package
		"testdata/LICENSE",                // test fixtures are not shipped
		"other/other.go", "other/COPYING", // a package of its own, not linked
		"sub/sub.go", "sub/NOTICE.txt", // a package of its own, linked
		"licensed.go", // not a licence file, despite the name
	} {
		write(f)
	}
	rel := func(m *module) []string {
		files, err := licenceFiles(m)
		require.NoError(t, err)
		var out []string
		for _, f := range files {
			r, _ := filepath.Rel(root, f)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	m := &module{path: "example.org/m", dir: root, pkgDirs: map[string]bool{root: true}}
	require.Equal(t, []string{"LICENSE", "PATENTS", "csrc/LICENSE.md"}, rel(m))
	m.pkgDirs[filepath.Join(root, "sub")] = true
	require.Equal(t, []string{"LICENSE", "PATENTS", "csrc/LICENSE.md", "sub/NOTICE.txt"}, rel(m))

	bare := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(bare, "inner"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(bare, "inner", "LICENSE"), nil, 0o644))
	files, err := licenceFiles(&module{dir: bare, pkgDirs: map[string]bool{filepath.Join(bare, "inner"): true}})
	require.NoError(t, err)
	require.Len(t, files, 1, "found inside a package, but not at the module's root: buildNotices refuses the module")
	require.NotEqual(t, bare, filepath.Dir(files[0]))
}
