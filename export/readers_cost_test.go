package export_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// The worst inputs each reader accepts up to its limits, and what reading
// them costs. TestReaderCostsAtLimits asserts the memory bound (100 MB more
// than before the read) and logs memory and time; the benchmarks below
// give the time figures for make bench.

// nulls is a JSON array of n nulls: each becomes a zero struct when decoded.
func nulls(n int) string { return "[" + strings.Repeat("null,", n-1) + "null]" }

// structLists are the lists of structs in a submission, each written as
// null in an empty draft.
var structLists = []string{"organisations", "people", "locations", "evidence", "products", "consent_materials",
	"consultation", "flows", "nodes", "risks", "comments", "unmatched_answers"}

// worstSubmission fills a submission to its limits: the most values, each
// a whole struct (as many as the lists may hold, the largest first), and
// the rest of its bytes in one answer.
func worstSubmission(base []byte) []byte {
	lim := export.SubmissionJSONLimits
	b := base
	left := lim.MaxValues - 400
	for _, name := range structLists {
		n := min(forms.MaxListItems, left)
		if n <= 0 {
			break
		}
		before := len(b)
		b = bytes.Replace(b, []byte(`"`+name+`": null`), []byte(`"`+name+`": `+nulls(n)), 1)
		if len(b) != before {
			left -= n + 1
		}
	}
	room := lim.MaxBytes - len(b) - 64
	return bytes.Replace(b, []byte(`"objective": ""`), []byte(`"objective": "`+strings.Repeat("a", room)+`"`), 1)
}

// oneLongList puts all the values a submission may hold into one list: it
// is decoded, then refused for the list's length.
func oneLongList(base []byte) []byte {
	return bytes.Replace(base, []byte(`"organisations": null`), []byte(`"organisations": `+nulls(export.SubmissionJSONLimits.MaxValues-400)), 1)
}

func worstReview(t testing.TB) []byte {
	r := forms.NewReview(forms.NewApplication("Worst", forms.Date{}), "Reviewer", "IG lead")
	b, err := export.EncodeReview(&export.ReviewFile{SchemaVersion: export.ReviewSchemaVersion, PackSHA256: strings.Repeat("a", 64), Review: *r})
	require.NoError(t, err)
	lim := export.ReviewJSONLimits
	out := bytes.Replace(b, []byte(`"comments": []`), []byte(`"comments": `+nulls(lim.MaxValues-100)), 1)
	require.NotEqual(t, b, out)
	return out
}

func worstLibrary() []byte {
	lim := forms.LibraryJSONLimits
	return []byte(`{"format":"` + forms.LibraryFormat + `","version":1,"organisations":` + nulls(lim.MaxValues-10) + `}`)
}

// worstPDFs are evidence at the inspection's limits: an object stream held
// whole (8 MB) and read token by token, and one that decodes to the whole
// decoding budget.
func worstPDFs() [][]byte {
	body := bytes.Repeat([]byte("<< /Type /Annot /Rect [1 2 3 4] /F 4 >>\n"), (8<<20-4096)/41)
	raw := append([]byte("6 0\n"), body...)
	held := rawObjStm(raw, "", false)
	var big bytes.Buffer
	big.WriteString("6 0\n")
	for big.Len() < 40<<20 {
		big.WriteString("<< /Type /Annot /Rect [1 2 3 4] /F 4 >>\n")
	}
	budget := rawObjStm(big.Bytes(), "/Filter /FlateDecode", true)
	return [][]byte{held, budget}
}

var oxumRe = regexp.MustCompile(`Payload-Oxum: [0-9]+\.[0-9]+`)

// worstPack is an intact pack at the readers' limits: the worst
// submission, and the worst PDFs as evidence.
func worstPack(t testing.TB) []byte {
	a := forms.NewApplication("Worst", forms.Date{})
	ev := memEvidence{}
	for i, pdf := range worstPDFs() {
		item := forms.EvidenceItem{ID: fmt.Sprint(i), Type: forms.EvOther, Title: fmt.Sprint("Evidence ", i), Status: forms.EvidenceFinal}
		attach(ev, &item, fmt.Sprintf("worst-%d.pdf", i), pdf)
		a.Evidence = append(a.Evidence, item)
	}
	pack := packBytes(t, a, ev)
	pack = rezip(t, pack, func(n string, b []byte) []byte {
		if n == "data/submission.json" {
			return worstSubmission(b)
		}
		return b
	}, nil)
	return rebagOxum(t, pack)
}

// rebagOxum is rebag with bag-info's Payload-Oxum set to the payload.
func rebagOxum(t testing.TB, pack []byte) []byte {
	files := unzipAll(t, pack)
	var total, n int
	for name, b := range files {
		if strings.HasPrefix(name, "data/") {
			total += len(b)
			n++
		}
	}
	pack = rezip(t, pack, func(name string, b []byte) []byte {
		if name == "bag-info.txt" {
			return oxumRe.ReplaceAll(b, []byte(fmt.Sprintf("Payload-Oxum: %d.%d", total, n)))
		}
		return b
	}, nil)
	return rebag(t, pack)
}

// crowdedPack adds 9,900 small files with long names to a pack: the most
// entries a pack may hold. It is not intact (no evidence names them), but
// it is read in full.
func crowdedPack(t testing.TB, pack []byte) []byte {
	extra := map[string][]byte{}
	for i := 0; i < 9900; i++ {
		extra[fmt.Sprintf("data/evidence/%05d-%s.pdf", i, strings.Repeat("n", 200))] = []byte("%PDF-1.4\n%%EOF\n")
	}
	return rezip(t, pack, nil, extra)
}

// discardBlobs is a BlobStore that hashes and keeps nothing, so a measure
// of import counts the reader and not an in-memory store.
type discardBlobs struct{}

func (discardBlobs) Stage(r io.Reader) (string, int64, func(bool) error, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	return hex.EncodeToString(h.Sum(nil)), n, func(bool) error { return nil }, err
}

// readerCases are the readers at their limits, each reading its file as
// the app does, so the inputs are not in memory beforehand.
func readerCases(t testing.TB) map[string]func() error {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, b, 0o600))
		return path
	}
	empty := encodeSub(t, forms.NewApplication("Worst", forms.Date{}))
	sub := write("submission.json", worstSubmission(empty))
	v1, err := os.ReadFile(filepath.Join("testdata", "submission", "v1", "written-by-v1-empty.json"))
	require.NoError(t, err)
	old := write("submission-v1.json", worstSubmission(v1))
	var libPack bytes.Buffer
	src := memEvidence{}
	entry := forms.LibraryEntry{ID: "worst", LegalName: "Worst"}
	for i, pdf := range worstPDFs() {
		item := forms.EvidenceItem{ID: fmt.Sprint(i), Title: fmt.Sprint("Document ", i), Status: forms.EvidenceFinal}
		attach(src, &item, fmt.Sprintf("doc-%d.pdf", i), pdf)
		entry.SecurityDocuments = append(entry.SecurityDocuments, item)
	}
	_, err = export.WriteLibraryPack(&libPack, []forms.LibraryEntry{entry}, src, fixedTime)
	require.NoError(t, err)
	libPackPath := write("library.zip", libPack.Bytes())
	long := write("long-list.json", oneLongList(empty))
	deep := write("deep.json", []byte(strings.Repeat("[", export.SubmissionJSONLimits.MaxBytes)))
	review := write("review.json", worstReview(t))
	library := write("library.json", worstLibrary())
	pack := worstPack(t)
	packPath := write("worst.zip", pack)
	crowded := write("crowded.zip", crowdedPack(t, pack))
	pdfs := worstPDFs()
	held, budget := write("held.pdf", pdfs[0]), write("budget.pdf", pdfs[1])
	inspect := func(path string) (export.PDFFacts, error) {
		f, err := os.Open(path)
		if err != nil {
			return export.PDFFacts{}, err
		}
		defer f.Close()
		return export.InspectPDF(f)
	}
	refused := func(err error) error {
		if err == nil {
			return fmt.Errorf("accepted")
		}
		return nil
	}
	return map[string]func() error{
		"submission, most values and bytes":               func() error { _, err := export.ReadSubmission(sub); return err },
		"submission, all values in one list":              func() error { _, err := export.ReadSubmission(long); return refused(err) },
		"submission v1 (upgraded), most values and bytes": func() error { _, err := export.ReadSubmission(old); return err },
		"library pack, worst documents": func() error {
			f, err := os.Open(libPackPath)
			if err != nil {
				return err
			}
			defer f.Close()
			st, _ := f.Stat()
			_, err = export.ReadLibraryPack(f, st.Size(), discardBlobs{})
			return err
		},
		"submission, 4 MB of brackets": func() error { _, err := export.ReadSubmission(deep); return refused(err) },
		"draft (check, templates), most values and bytes": func() error {
			b, err := os.ReadFile(sub)
			if err != nil {
				return err
			}
			i := bytes.Index(b, []byte(`"application": `))
			_, err = forms.Decode(b[i+len(`"application": `) : len(b)-2])
			return err
		},
		// Both are refused after decoding (comments and organisations
		// without ids): the cost is the decoding.
		"review, most comments": func() error { _, err := export.ReadReview(review); return refused(err) },
		"library, most organisations": func() error {
			b, err := os.ReadFile(library)
			if err != nil {
				return err
			}
			_, err = forms.DecodeLibrary(b)
			return refused(err)
		},
		"pack verify, worst submission and PDFs": func() error {
			rep, err := export.Verify(packPath)
			if err == nil && !rep.OK() {
				err = fmt.Errorf("%v", rep.Problems)
			}
			return err
		},
		"pack verify, 10,000 entries": func() error { _, err := export.Verify(crowded); return err },
		"pack import, worst submission and PDFs": func() error {
			_, err := export.Import(packPath, discardBlobs{})
			return err
		},
		"PDF inspection, 8 MB object stream": func() error {
			f, err := inspect(held)
			if err == nil && f.Incomplete != "" {
				err = fmt.Errorf("%s", f.Incomplete)
			}
			return err
		},
		"PDF inspection, decoding budget": func() error {
			f, err := inspect(budget)
			if err == nil && f.Incomplete == "" {
				err = fmt.Errorf("not flagged")
			}
			return err
		},
	}
}

var heapObjects = "/memory/classes/heap/objects:bytes"

// measure runs fn and returns the most heap it held above what was in use
// before, sampled every millisecond, and the wall and CPU time it took.
func measure(fn func() error) (peak uint64, wall, cpu time.Duration, err error) {
	runtime.GC()
	sample := []metrics.Sample{{Name: heapObjects}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: heapObjects}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > base {
				peak = max(peak, v-base)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	cpu0 := processCPU()
	start := time.Now()
	err = fn()
	wall = time.Since(start)
	cpu = processCPU() - cpu0
	close(done)
	wg.Wait()
	return peak, wall, cpu, err
}

// Every reader stays under 100 MB of extra memory on its worst input.
func TestReaderCostsAtLimits(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector multiplies memory; make unit runs this without it")
	}
	if testing.Short() {
		t.Skip("builds 60 MB of inputs")
	}
	for name, fn := range readerCases(t) {
		t.Run(name, func(t *testing.T) {
			peak, wall, cpu, err := measure(fn)
			require.NoError(t, err)
			t.Logf("%-50s peak %5.1f MB  wall %6v  cpu %6v", name, float64(peak)/(1<<20), wall.Round(time.Millisecond), cpu.Round(time.Millisecond))
			assert.Less(t, peak, uint64(100<<20), "extra memory")
		})
	}
}

// BenchmarkReadersAtLimits gives each reader's time on its worst input.
func BenchmarkReadersAtLimits(b *testing.B) {
	for name, fn := range readerCases(b) {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerifyPackSize verifies packs of 1, 10 and 100 evidence files
// of 1 MB each: the time grows with the size, byte for byte.
func BenchmarkVerifyPackSize(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		a := forms.NewApplication("Size", forms.Date{})
		ev := memEvidence{}
		for i := 0; i < n; i++ {
			item := forms.EvidenceItem{ID: fmt.Sprint(i), Type: forms.EvOther, Title: fmt.Sprint("Evidence ", i), Status: forms.EvidenceFinal}
			body := append([]byte(fmt.Sprintf("%%PDF-1.4\n%% file %d\n", i)), bytes.Repeat([]byte("1 0 0 1 72 720 cm "), (1<<20)/19)...)
			attach(ev, &item, fmt.Sprintf("e%d.pdf", i), body)
			a.Evidence = append(a.Evidence, item)
		}
		pack := packBytes(b, a, ev)
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(pack)))
			for b.Loop() {
				rep, err := export.VerifyReader(bytes.NewReader(pack), int64(len(pack)))
				if err != nil || !rep.OK() {
					b.Fatal(err, rep.Problems)
				}
			}
		})
	}
}
