package export_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

func packOpts() export.PackOptions {
	return export.PackOptions{AppVersion: "0.1.0", At: fixedTime}
}

func packBytes(t testing.TB, a *forms.Application, ev export.EvidenceSource) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, export.WritePack(&buf, a, ev, packOpts()))
	return buf.Bytes()
}

// panicTB stands in for a test while an input shared by tests is built
// once: any failure panics.
type panicTB struct{ testing.TB }

func (panicTB) Helper()                        {}
func (panicTB) Errorf(format string, a ...any) { panic(fmt.Sprintf(format, a...)) }
func (panicTB) Fatalf(format string, a ...any) { panic(fmt.Sprintf(format, a...)) }
func (panicTB) FailNow()                       { panic("FailNow") }

// richPack is the rich example's pack, built once: tests that alter a pack
// start from a copy of it.
var richPack = sync.OnceValue(func() []byte {
	a, ev := richApp()
	return packBytes(panicTB{}, a, ev)
})

func verifyBytes(t testing.TB, b []byte) (*export.Report, error) {
	t.Helper()
	return export.VerifyReader(bytes.NewReader(b), int64(len(b)))
}

func zipNames(t testing.TB, b []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	return names
}

func TestPackLayoutIsABag(t *testing.T) {
	a, ev := richApp()
	b := packBytes(t, a, ev)
	assert.Equal(t, []string{
		"bag-info.txt", "bagit.txt",
		"data/application.pdf", "data/dpia.pdf",
		"data/evidence/1773713bee31-REC opinion.pdf",
		"data/evidence/6d5a9896fb5c-protocol v4.0 – final.pdf",
		"data/submission.json",
		"manifest-sha256.txt", "tagmanifest-sha256.txt",
	}, zipNames(t, b))
	rep, err := verifyBytes(t, b)
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
	assert.Equal(t, 5, rep.Files)
	require.NotNil(t, rep.Submission)
	assert.Equal(t, a.ID, rep.Submission.DraftID)
}

func TestPackReportsProgress(t *testing.T) {
	a, ev := richApp()
	var last, total int64
	calls := 0
	opt := packOpts()
	opt.Progress = func(done, of int64) {
		require.GreaterOrEqual(t, done, last, "progress never goes back")
		last, total = done, of
		calls++
	}
	require.NoError(t, export.WritePack(io.Discard, a, ev, opt))
	assert.Greater(t, calls, 3)
	assert.Equal(t, total, last, "progress ends at the total")
}

func TestPackFileName(t *testing.T) {
	a, _ := richApp()
	assert.Equal(t, "DARS-NIC-123456-AB1C2-v1.0-rev7-2026-11-23.dars.zip", export.PackFileName(a, fixedTime))
	a.Overview.DARSReference = ""
	a.Overview.Title = "Siân's study: kidneys/HES?"
	assert.Equal(t, "Siân's study kidneys HES-rev7-2026-11-23.dars.zip", export.PackFileName(a, fixedTime))
	a.Overview.Title = "Audit\u202egpj.exe" // a right-to-left override would disguise the name
	assert.Equal(t, "Audit gpj.exe-rev7-2026-11-23.dars.zip", export.PackFileName(a, fixedTime))
}

func TestPackFileNameCutsALongTitleAtAWord(t *testing.T) {
	a, _ := richApp()
	a.Overview.DARSReference = ""
	for name, tc := range map[string]struct{ title, want string }{
		"a space before the limit": {"Long-term kidney outcomes after treatment for childhood cancer in England and Wales",
			"Long-term kidney outcomes after treatment for childhood"},
		"punctuation left dangling is dropped": {"Kidney outcomes after childhood cancer, a linked cohort study, England 2026",
			"Kidney outcomes after childhood cancer, a linked cohort"},
		"one word longer than the limit is cut": {strings.Repeat("Pneumonoultramicroscopic", 4), strings.Repeat("Pneumonoultramicroscopic", 4)[:60]},
		"short titles are whole":                {"Kidney outcomes", "Kidney outcomes"},
	} {
		t.Run(name, func(t *testing.T) {
			a.Overview.Title = tc.title
			got := strings.TrimSuffix(export.PackFileName(a, fixedTime), "-rev7-2026-11-23"+export.PackSuffix)
			assert.Equal(t, tc.want, got)
			assert.LessOrEqual(t, len([]rune(got)), 60)
		})
	}
}

func TestPackIsReproducible(t *testing.T) {
	a, ev := richApp()
	assert.True(t, bytes.Equal(packBytes(t, a, ev), packBytes(t, a, ev)))
}

// Tools other than ours agree: unzip unpacks it and sha256sum checks both
// manifests.
func TestPackChecksWithStandardTools(t *testing.T) {
	for _, tool := range []string{"unzip", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " not installed")
		}
	}
	a, ev := richApp()
	dir := t.TempDir()
	zipPath := writeTemp(t, "pack.zip", packBytes(t, a, ev))
	// unzip turns UTF-8 names into the locale's charset; a locale that is
	// named but not installed (LANG=en_GB.UTF-8 on a bare machine) would
	// mangle them, so the tools run in the always-present C.UTF-8.
	unzip := exec.Command("unzip", "-q", zipPath, "-d", dir)
	unzip.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	out, err := unzip.CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, m := range []string{"manifest-sha256.txt", "tagmanifest-sha256.txt"} {
		cmd := exec.Command("sha256sum", "--strict", "-c", m)
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		assert.NotContains(t, string(out), "FAILED")
	}
	info, err := os.ReadFile(filepath.Join(dir, "bag-info.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(info), "Payload-Oxum: ")
	assert.Contains(t, string(info), "External-Identifier: "+a.ID)
}

func TestExportPackIsAtomic(t *testing.T) {
	a, ev := richApp()
	dir := t.TempDir()
	dest := filepath.Join(dir, "pack.zip")
	require.NoError(t, os.WriteFile(dest, []byte("the previous pack"), 0o644))

	// The store lost a file: the export fails and leaves nothing behind.
	broken := memEvidence{}
	for k, v := range ev {
		broken[k] = v
	}
	delete(broken, a.Evidence[1].File.SHA256)
	err := export.ExportPack(dest, a, broken, packOpts())
	require.ErrorIs(t, err, export.ErrEvidenceMissing)
	assert.Contains(t, err.Error(), "REC opinion.pdf")
	got, _ := os.ReadFile(dest)
	assert.Equal(t, "the previous pack", string(got))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file is left")

	// A stored file that no longer matches its hash is refused too.
	broken[a.Evidence[1].File.SHA256] = []byte("tampered")
	err = export.ExportPack(dest, a, broken, packOpts())
	assert.ErrorContains(t, err, "changed or is damaged")

	require.NoError(t, export.ExportPack(dest, a, ev, packOpts()))
	rep, err := export.Verify(dest)
	require.NoError(t, err)
	assert.True(t, rep.OK(), "%v", rep.Problems)
}

// rezip copies a pack, letting edit change, drop (nil) or add entries.
func rezip(t testing.TB, b []byte, edit func(name string, body []byte) []byte, extra map[string][]byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		require.NoError(t, err)
		if edit != nil {
			body = edit(f.Name, body)
		}
		if body == nil {
			continue
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(body)
		require.NoError(t, err)
	}
	names := make([]string, 0, len(extra))
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		require.NoError(t, err)
		_, err = w.Write(extra[n])
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return out.Bytes()
}

func sumOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func TestVerifyFindsDamage(t *testing.T) {
	a, ev := richApp()
	good := packBytes(t, a, ev)
	rec := "data/evidence/1773713bee31-REC opinion.pdf"
	recSum := a.Evidence[1].File.SHA256
	cases := map[string]struct {
		pack []byte
		want export.Problem
	}{
		"changed evidence": {
			rezip(t, good, func(n string, b []byte) []byte {
				if n == rec {
					return []byte("forged")
				}
				return b
			}, nil),
			export.Problem{File: rec, Expected: recSum, Found: sumOf([]byte("forged")), Message: "its content has changed"},
		},
		"missing file": {
			rezip(t, good, func(n string, b []byte) []byte {
				if n == "data/dpia.pdf" {
					return nil
				}
				return b
			}, nil),
			export.Problem{File: "data/dpia.pdf", Message: "is listed in the manifest but missing from the pack"},
		},
		"extra file": {
			rezip(t, good, nil, map[string][]byte{"data/notes.txt": []byte("x")}),
			export.Problem{File: "data/notes.txt", Message: "is in the pack but not in manifest-sha256.txt (an extra file)"},
		},
		"wrong payload-oxum": {
			rezip(t, good, func(n string, b []byte) []byte {
				if n == "bag-info.txt" {
					return bytes.Replace(b, []byte("Payload-Oxum: "), []byte("Payload-Oxum: 1"), 1)
				}
				return b
			}, nil),
			export.Problem{File: "bag-info.txt", Message: "Payload-Oxum says 1"},
		},
		"changed manifest": {
			rezip(t, good, func(n string, b []byte) []byte {
				if n == "manifest-sha256.txt" {
					return bytes.Replace(b, []byte(recSum), []byte(strings.Repeat("0", 64)), 1)
				}
				return b
			}, nil),
			export.Problem{File: "manifest-sha256.txt", Message: "its content has changed"},
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			rep, err := verifyBytes(t, c.pack)
			require.NoError(t, err)
			require.False(t, rep.OK())
			found := false
			for _, p := range rep.Problems {
				if p.File == c.want.File && strings.HasPrefix(p.Message, c.want.Message) {
					found = true
					if c.want.Expected != "" {
						assert.Equal(t, c.want.Expected, p.Expected)
						assert.Equal(t, c.want.Found, p.Found)
					}
				}
			}
			assert.True(t, found, "want %v among %v", c.want, rep.Problems)
		})
	}
}

// hostileZip builds an archive entry by entry.
type entry struct {
	name   string
	body   []byte
	mode   os.FileMode
	method uint16
}

func hostileZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: e.method}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		raw := compressed(t, h.Method, e.body)
		h.CompressedSize64 = uint64(len(raw))
		w, err := zw.CreateRaw(withSizes(h, e.body))
		require.NoError(t, err)
		_, err = w.Write(raw)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return out.Bytes()
}

func withSizes(h *zip.FileHeader, body []byte) *zip.FileHeader {
	h.UncompressedSize64 = uint64(len(body))
	h.CRC32 = crc(body)
	return h
}

func compressed(t testing.TB, method uint16, body []byte) []byte {
	if method != zip.Deflate {
		return body
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Deflate})
	require.NoError(t, err)
	_, err = w.Write(body)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	rc, err := zr.File[0].OpenRaw()
	require.NoError(t, err)
	raw, err := io.ReadAll(rc)
	require.NoError(t, err)
	return raw
}

func TestHostilePacksAreRefused(t *testing.T) {
	a, ev := richApp()
	good := packBytes(t, a, ev)
	bomb := make([]byte, 32<<20) // 32 MiB of zeros deflates about 1000 to 1
	cases := map[string]struct {
		pack []byte
		want string
	}{
		"parent path":    {hostileZip(t, entry{name: "data/../../evil.txt", body: []byte("x")}), "leads out of the pack's folder"},
		"absolute path":  {hostileZip(t, entry{name: "/etc/passwd", body: []byte("x")}), "absolute path"},
		"drive path":     {hostileZip(t, entry{name: "C:/evil.txt", body: []byte("x")}), "absolute path"},
		"backslash":      {hostileZip(t, entry{name: `data\..\evil.txt`, body: []byte("x")}), "backslash"},
		"duplicate":      {hostileZip(t, entry{name: "bagit.txt", body: []byte("a")}, entry{name: "bagit.txt", body: []byte("b")}), "appears twice"},
		"case duplicate": {hostileZip(t, entry{name: "data/Evidence.pdf", body: []byte("a")}, entry{name: "data/evidence.PDF", body: []byte("b")}), "differ only in case"},
		"symlink":        {hostileZip(t, entry{name: "data/link", body: []byte("/etc/passwd"), mode: os.ModeSymlink | 0o777}), "symbolic link"},
		"zip bomb":       {hostileZip(t, entry{name: "data/bomb.bin", body: bomb, method: zip.Deflate}), "zip bomb"},
		"control char":   {hostileZip(t, entry{name: "data/a\x01b", body: []byte("x")}), "control character"},
		"dot segment":    {hostileZip(t, entry{name: "data/./x", body: []byte("x")}), "not a clean path"},
		"truncated":      {good[:len(good)*2/3], "truncated or damaged"},
		"not a zip":      {[]byte("hello, this is not a zip"), "not a zip file"},
		"empty":          {nil, "not a zip file"},
		"not a bag":      {hostileZip(t, entry{name: "readme.txt", body: []byte("x")}), "not a BagIt bag"},
		"invalid utf-8":  {hostileZip(t, entry{name: "data/\xff.pdf", body: []byte("x")}), "not valid UTF-8"},
		"unusual method": {rawMethod(t, 99), "compression method 99"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := verifyBytes(t, c.pack)
			require.ErrorIs(t, err, export.ErrUnsafePack)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

func rawMethod(t testing.TB, method uint16) []byte {
	return hostileZip(t, entry{name: "bagit.txt", body: []byte("x"), method: method})
}

func TestImportRoundTrip(t *testing.T) {
	a, ev := richApp()
	path := writeTemp(t, "pack.zip", packBytes(t, a, ev))
	store := memEvidence{}
	got, err := export.Import(path, store)
	require.NoError(t, err)
	assert.NotEqual(t, a.ID, got.App.ID, "an import is a new draft")
	assert.Zero(t, got.App.Revision)
	assert.Equal(t, 2, got.EvidenceStored)
	assert.Equal(t, ev, store)
	assert.Empty(t, got.MissingEvidence)

	// export → import → export: the same submission apart from the envelope.
	again := packBytes(t, got.App, store)
	first, second := submissionOf(t, packBytes(t, a, ev)), submissionOf(t, again)
	second.Application.ID, second.Application.Revision = a.ID, a.Revision
	second.DraftID, second.Revision = first.DraftID, first.Revision
	b1, err := export.EncodeSubmission(first)
	require.NoError(t, err)
	b2, err := export.EncodeSubmission(second)
	require.NoError(t, err)
	assert.Equal(t, string(b1), string(b2))
}

// A pack from a newer app is refused as newer, not as damaged.
func TestImportNewerPack(t *testing.T) {
	a, ev := richApp()
	pack := rezip(t, packBytes(t, a, ev), func(n string, b []byte) []byte {
		if n == "data/submission.json" {
			return bytes.Replace(b, []byte(fmt.Sprintf(`"schema_version": %d`, export.SchemaVersion)), []byte(`"schema_version": 99`), 1)
		}
		return b
	}, nil)
	// Re-hash so that only the schema version stands in the way.
	pack = rebag(t, pack)
	_, err := export.Import(writeTemp(t, "newer.zip", pack), memEvidence{})
	require.ErrorIs(t, err, export.ErrNewerSchema)
	assert.NotErrorIs(t, err, export.ErrPackDamaged)
	assert.Contains(t, err.Error(), "uses schema version 99")
}

// rebag rewrites a pack's manifests to match its payload.
func rebag(t testing.TB, pack []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pack), int64(len(pack)))
	require.NoError(t, err)
	bodies := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		bodies[f.Name], err = io.ReadAll(rc)
		require.NoError(t, err)
	}
	var manifest strings.Builder
	var names []string
	for n := range bodies {
		if strings.HasPrefix(n, "data/") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&manifest, "%s  %s\n", sumOf(bodies[n]), n)
	}
	bodies["manifest-sha256.txt"] = []byte(manifest.String())
	tags := ""
	for _, n := range []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt"} {
		tags += fmt.Sprintf("%s  %s\n", sumOf(bodies[n]), n)
	}
	bodies["tagmanifest-sha256.txt"] = []byte(tags)
	return rezip(t, pack, func(n string, _ []byte) []byte { return bodies[n] }, nil)
}

func submissionOf(t *testing.T, pack []byte) *export.Submission {
	t.Helper()
	rep, err := verifyBytes(t, pack)
	require.NoError(t, err)
	require.True(t, rep.OK(), "%v", rep.Problems)
	return rep.Submission
}

func TestImportSubmissionFile(t *testing.T) {
	a, _ := richApp()
	path := writeTemp(t, "submission.json", encodeSub(t, a))
	got, err := export.Import(path, nil)
	require.NoError(t, err)
	assert.Equal(t, a.Overview.Title, got.App.Overview.Title)
	assert.Equal(t, []string{"protocol v4.0 – final.pdf", "REC opinion.pdf"}, got.MissingEvidence)

	sub, err := export.ReadSubmission(path)
	require.NoError(t, err)
	assert.Equal(t, a.ID, sub.DraftID)
}

func TestImportRefusesDamagedPack(t *testing.T) {
	a, ev := richApp()
	pack := rezip(t, packBytes(t, a, ev), func(n string, b []byte) []byte {
		if n == "data/submission.json" {
			return bytes.Replace(b, []byte("Siân"), []byte("Sian"), 1)
		}
		return b
	}, nil)
	store := memEvidence{}
	_, err := export.Import(writeTemp(t, "pack.zip", pack), store)
	require.ErrorIs(t, err, export.ErrPackDamaged)
	assert.Contains(t, err.Error(), "data/submission.json: its content has changed")
	assert.Empty(t, store, "nothing is stored from a damaged pack")

	_, err = export.Import(writeTemp(t, "x.zip", []byte("PK\x03\x04 truncated")), store)
	assert.ErrorIs(t, err, export.ErrUnsafePack)
}

// tinyPack is the pack of an empty draft, small enough to fuzz quickly.
func tinyPack(t testing.TB) []byte {
	return packBytes(t, forms.NewApplication("Fuzz", forms.Date{}), memEvidence{})
}

func TestTinyPackVerifies(t *testing.T) {
	rep, err := verifyBytes(t, tinyPack(t))
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
}

// FuzzReadPack: any bytes are judged without panic, and verify and import
// agree: a pack verify calls intact imports, and one it does not imports
// nothing.
func FuzzReadPack(f *testing.F) {
	f.Add(tinyPack(f))
	f.Add(hostileZip(f, entry{name: "data/../x", body: []byte("x")}))
	f.Add([]byte("PK\x03\x04"))
	crafted := craftedArchives(f)
	for _, name := range []string{"bytes between entries", "data after deflate", "local name differs", "overlapping entries"} {
		f.Add(crafted[name].zip)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := export.VerifyReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			require.True(t, errors.Is(err, export.ErrUnsafePack), "unexpected error kind: %v", err)
		} else if rep.OK() {
			require.NotNil(t, rep.Submission)
		}
		if !export.IsZip(b) {
			return // import reads anything else as a submission file
		}
		store := memEvidence{}
		_, ierr := export.Import(writeTemp(t, "fuzz.zip", b), store)
		if err == nil && rep.OK() {
			require.NoError(t, ierr, "verify calls it intact, so import takes it")
		} else {
			require.Error(t, ierr, "verify refuses it, so import does")
			require.Empty(t, store, "a refused pack leaves nothing behind")
		}
	})
}

// dirEvidence is an EvidenceSource over a folder of files named by hash.
type dirEvidence string

func (d dirEvidence) Open(sum string) (io.ReadCloser, error) {
	return os.Open(filepath.Join(string(d), sum))
}

const benchFileSize = 8 << 20

// benchEvidence writes n files of random bytes into dir and returns a draft
// that attaches them all.
func benchEvidence(b *testing.B, dir string, n int) *forms.Application {
	a, _ := richApp()
	a.Evidence = nil
	buf := make([]byte, benchFileSize)
	for i := range n {
		rand.NewChaCha8([32]byte{byte(i), byte(i >> 8)}).Read(buf)
		sum := sumOf(buf)
		require.NoError(b, os.WriteFile(filepath.Join(dir, sum), buf, 0o600))
		a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: fmt.Sprint("e", i), Type: "other", Title: fmt.Sprint("Letter ", i),
			File: &forms.Attachment{Name: fmt.Sprintf("letter-%d.pdf", i), Size: benchFileSize, SHA256: sum, IsPDF: true}})
	}
	return a
}

// BenchmarkPackExport40x8MB exports a draft with 40 evidence files of 8 MB
// (4 with -short) from files on disk to a pack on disk, and, in the same
// run, does the same work with standard tools (sha256sum, then zip -0) for
// comparison: the target is within 1.3× of the tools. peak-heap-MB shows
// that memory does not grow with the evidence (target under 100 MB).
func BenchmarkPackExport40x8MB(b *testing.B) {
	n := 40
	if testing.Short() {
		n = 4
	}
	dir := b.TempDir()
	a := benchEvidence(b, dir, n)
	out := filepath.Join(b.TempDir(), "pack.zip")
	b.Run("workbench", func(b *testing.B) {
		b.SetBytes(int64(n) * benchFileSize)
		b.ReportAllocs()
		stop := watchHeap()
		for b.Loop() {
			if err := export.ExportPack(out, a, dirEvidence(dir), packOpts()); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
	})
	b.Run("sha256sum+zip-0", func(b *testing.B) {
		for _, tool := range []string{"sha256sum", "zip"} {
			if _, err := exec.LookPath(tool); err != nil {
				b.Skip(tool + " not installed")
			}
		}
		b.SetBytes(int64(n) * benchFileSize)
		for b.Loop() {
			os.Remove(out)
			sums := exec.Command("sh", "-c", "sha256sum * > /dev/null")
			sums.Dir = dir
			if o, err := sums.CombinedOutput(); err != nil {
				b.Fatalf("sha256sum: %v %s", err, o)
			}
			zip := exec.Command("sh", "-c", "zip -q -0 "+out+" *")
			zip.Dir = dir
			if o, err := zip.CombinedOutput(); err != nil {
				b.Fatalf("zip: %v %s", err, o)
			}
		}
	})
}

// watchHeap samples the heap in use until the returned func is called,
// which gives the peak in bytes.
func watchHeap() func() uint64 {
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return peak
	}
}

func crc(b []byte) uint32 { return crc32.ChecksumIEEE(b) }
