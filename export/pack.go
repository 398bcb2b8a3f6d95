package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/darsworkbench/dars-workbench/forms"
)

// EvidenceSource gives the bytes of a stored evidence file by its SHA-256
// (lower-case hex). Storage implements it; export never reads the database.
type EvidenceSource interface {
	Open(sha256 string) (io.ReadCloser, error)
}

// PackOptions says who exports and when, and where progress goes.
type PackOptions struct {
	// AppVersion is written into submission.json and bag-info.txt.
	AppVersion string
	// At is the export time: it dates the files and the bag, and judges the
	// readiness findings printed in application.pdf.
	At time.Time
	// Progress, if set, is called as payload bytes are written (done of
	// total), from the exporting goroutine.
	Progress func(done, total int64)
}

// Names inside a pack. The layout is a BagIt 1.0 bag (RFC 8493) so that any
// BagIt tool can check it.
const (
	bagitFile       = "bagit.txt"
	bagInfoFile     = "bag-info.txt"
	manifestFile    = "manifest-sha256.txt"
	tagManifestFile = "tagmanifest-sha256.txt"
	payloadDir      = "data/"
	evidenceDir     = "data/evidence/"
	applicationPDF  = "application.pdf"
	dpiaPDF         = "dpia.pdf"
)

// ErrEvidenceMissing is returned when an attached file is not in the store.
var ErrEvidenceMissing = errors.New("evidence file missing from the store")

// ExportPack writes the pack of a draft to dest atomically: it is written
// to a temporary file in the same folder, flushed to disk and renamed, so a
// crash or error never leaves a partial pack under dest's name.
func ExportPack(dest string, app *forms.Application, ev EvidenceSource, opt PackOptions) (err error) {
	// Refused before the temporary file exists, so a refusal leaves nothing.
	if err := guardDraft("The pack", app); err != nil {
		return err
	}
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.partial")
	if err != nil {
		return fmt.Errorf("export pack to %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = WritePack(tmp, app, ev, opt); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("export pack: flush %s: %w", tmp.Name(), err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("export pack: close %s: %w", tmp.Name(), err)
	}
	if err = os.Rename(tmp.Name(), dest); err != nil {
		return fmt.Errorf("export pack: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable; not every system can open a folder for
// syncing (Windows), and the pack is complete either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// packEntry is one payload file of the bag.
type packEntry struct {
	name string // under data/
	sum  string
	size int64
}

// WritePack streams the pack of a draft to w: submission.json, the PDFs and
// every attached evidence file, with the BagIt manifests. Evidence is copied
// in chunks, so memory does not grow with its size; each file's hash is
// checked against the draft as it is copied.
func WritePack(w io.Writer, app *forms.Application, ev EvidenceSource, opt PackOptions) error {
	if err := guardDraft("The pack", app); err != nil {
		return err
	}
	return writePack(w, app, ev, opt)
}

func writePack(w io.Writer, app *forms.Application, ev EvidenceSource, opt PackOptions) error {
	at := opt.At.UTC().Truncate(time.Second)
	app, err := withEvidenceFacts(app, ev)
	if err != nil {
		return err
	}
	sub, err := encodeSubmission(NewSubmission(app, opt.AppVersion, at))
	if err != nil {
		return err
	}
	if err := forms.CheckJSON(sub, SubmissionJSONLimits); err != nil {
		return fmt.Errorf("export pack: the draft is too large for a pack that can be checked (%w); shorten the longest answers", err)
	}
	if err := forms.CheckListLengths(app, "a draft"); err != nil {
		return fmt.Errorf("export pack: the draft is too large for a pack that can be checked (%w)", err)
	}
	var appPDF, dpia bytes.Buffer
	if err := writeApplicationPDF(&appPDF, app, at); err != nil {
		return fmt.Errorf("export pack: application.pdf: %w", err)
	}
	if err := writeDPIAPDF(&dpia, app, at); err != nil {
		return fmt.Errorf("export pack: dpia.pdf: %w", err)
	}
	files := evidenceFiles(app)
	total := int64(len(sub) + appPDF.Len() + dpia.Len())
	for _, f := range files {
		if f.size > packLimits.entry {
			return fmt.Errorf("export pack: %s is %s, more than the %s a pack may carry in one file; DARS takes 10 MB (R-E2): reduce it or split it", f.name, forms.HumanBytes(f.size), forms.HumanBytes(packLimits.entry))
		}
		total += f.size
	}
	if total > packLimits.total {
		return fmt.Errorf("export pack: the files add up to %s, more than the %s a pack may carry; DARS takes 10 MB a file (R-E2): reduce the largest", forms.HumanBytes(total), forms.HumanBytes(packLimits.total))
	}
	var done int64
	progress := func(n int64) {
		done += n
		if opt.Progress != nil {
			opt.Progress(done, total)
		}
	}

	zw := zip.NewWriter(w)
	var manifest []packEntry
	addBytes := func(name string, b []byte, deflate bool) error {
		sum := sha256.Sum256(b)
		if err := writeEntry(zw, payloadDir+name, at, deflate, bytes.NewReader(b)); err != nil {
			return err
		}
		manifest = append(manifest, packEntry{name, hex.EncodeToString(sum[:]), int64(len(b))})
		progress(int64(len(b)))
		return nil
	}
	if err := addBytes(SubmissionFile, sub, true); err != nil {
		return err
	}
	// PDF streams are compressed already: storing them again saves time.
	if err := addBytes(applicationPDF, appPDF.Bytes(), false); err != nil {
		return err
	}
	if err := addBytes(dpiaPDF, dpia.Bytes(), false); err != nil {
		return err
	}
	for _, f := range files {
		if err := copyEvidence(zw, ev, f, at, progress); err != nil {
			return err
		}
		manifest = append(manifest, f)
	}

	tags, err := tagFiles(app, opt, at, manifest)
	if err != nil {
		return err
	}
	for _, t := range tags {
		if err := writeEntry(zw, t.name, at, true, bytes.NewReader(t.body)); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export pack: %w", err)
	}
	return nil
}

// withEvidenceFacts returns the draft with each attachment's facts (PDF,
// encrypted, active content, fully inspected) derived again from the
// stored bytes, so the pack states what its reader will find whichever
// version of the inspection recorded them when the file was attached. The
// draft itself is not changed; it is copied only when a fact differs.
func withEvidenceFacts(app *forms.Application, ev EvidenceSource) (*forms.Application, error) {
	out := app
	for i, e := range app.Evidence {
		if e.File == nil || e.File.SHA256 == "" {
			continue
		}
		att, err := inspectStored(ev, e.File)
		if err != nil {
			continue // copyEvidence says which file is missing
		}
		att.Size = e.File.Size // a changed size is caught as the file is copied
		if sameFacts(*att, *e.File) {
			continue
		}
		if out == app {
			out = app.Clone()
		}
		out.Evidence[i].File = att
	}
	return out, nil
}

func sameFacts(a, b forms.Attachment) bool {
	return a.IsPDF == b.IsPDF && a.Encrypted == b.Encrypted && a.ActiveContent == b.ActiveContent &&
		a.NotFullyInspected == b.NotFullyInspected && strings.Join(a.ActiveFeatures, "\x00") == strings.Join(b.ActiveFeatures, "\x00")
}

func copyEvidence(zw *zip.Writer, ev EvidenceSource, f packEntry, at time.Time, progress func(int64)) error {
	rc, err := ev.Open(f.sum)
	if err != nil {
		return fmt.Errorf("export pack: %s: %w (%v); attach the file again", f.name, ErrEvidenceMissing, err)
	}
	defer rc.Close()
	h := sha256.New()
	counted := &countingReader{r: rc, on: progress}
	if err := writeEntry(zw, payloadDir+f.name, at, false, io.TeeReader(counted, h)); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != f.sum || counted.n != f.size {
		return fmt.Errorf("export pack: %s: the stored file has changed or is damaged (expected SHA-256 %s and %d bytes, found %s and %d bytes); attach the file again", f.name, f.sum, f.size, got, counted.n)
	}
	return nil
}

type countingReader struct {
	r  io.Reader
	n  int64
	on func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if n > 0 && c.on != nil {
		c.on(int64(n))
	}
	return n, err
}

func writeEntry(zw *zip.Writer, name string, at time.Time, deflate bool, r io.Reader) error {
	hdr := &zip.FileHeader{Name: name, Modified: at, Method: zip.Store}
	if deflate {
		hdr.Method = zip.Deflate
	}
	hdr.SetMode(0o644)
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		return fmt.Errorf("export pack: %s: %w", name, err)
	}
	if _, err := io.Copy(w, r); err != nil {
		return fmt.Errorf("export pack: %s: %w", name, err)
	}
	return nil
}

// evidenceFiles lists the attached files of a draft, once each, under names
// that are safe on every system and unique (prefixed by their hash).
func evidenceFiles(app *forms.Application) []packEntry {
	seen := map[string]bool{}
	var out []packEntry
	for _, e := range app.Evidence {
		if e.File == nil || e.File.SHA256 == "" {
			continue
		}
		name := EvidencePackName(e.File.SHA256, e.File.Name)
		if seen[strings.ToLower(name)] {
			continue
		}
		seen[strings.ToLower(name)] = true
		out = append(out, packEntry{name: "evidence/" + name, sum: strings.ToLower(e.File.SHA256), size: e.File.Size})
	}
	return out
}

// PackSuffix ends the names suggested for packs: still a .zip to every tool
// and system, and a name the desktop can tell from other zip files to open
// it with DARS Workbench on a double-click (app/desktop's MIME type).
const PackSuffix = ".dars.zip"

// PackFileName suggests a file name for a draft's pack: its DARS reference
// (or title), revision and the export date, e.g.
// DARS-NIC-123456-AB1C2-v1.0-rev7-2026-11-23.dars.zip.
func PackFileName(app *forms.Application, at time.Time) string {
	name := app.Overview.DARSReference
	if name == "" {
		name = orUntitled(app.Overview.Title)
	}
	name = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*%`, r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, name)), " ")
	name = cutAtWord(name, 60)
	full := fmt.Sprintf("%s-rev%d-%s%s", name, app.Revision, at.Format("2006-01-02"), PackSuffix)
	// Colons and slashes made spaces, or a cut, can make an NHS number the
	// guard never saw in the title ("Cohort 943:476:5919"): a file name
	// never carries one (R-C8).
	if m := forms.MaskNHSNumbers(full); m != full {
		full = strings.ReplaceAll(m, "*", "_")
	}
	return full
}

// cutAtWord shortens a name to at most max characters, ending at the end
// of a word where one ends in the second half (a title cut mid-word reads
// as a typo), and never on a dangling separator.
func cutAtWord(name string, max int) string {
	r := []rune(name)
	if len(r) <= max {
		return name
	}
	cut := max
	for i := max; i > max/2; i-- {
		if unicode.IsSpace(r[i]) || r[i] == '-' || r[i] == '_' {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(r[:cut]), func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsPunct(c)
	})
}

// EvidencePackName is the file name an attachment gets under
// data/evidence/: the first 12 digits of its hash, then its own name made
// safe (no folders, no characters Windows or zip tools refuse).
func EvidencePackName(sum, name string) string {
	prefix := hashPrefix(sum)
	n := prefix + "-" + safeFileName(name)
	if forms.MaskNHSNumbers(n) != n {
		// The hash's digits (with the name's) read as an NHS number, as
		// about one hash in 400 does ("ab9434765919-"): the prefix is
		// spelt without digits, 0–9 as g–p, so the pack never carries one.
		n = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return 'g' + r - '0'
			}
			return r
		}, prefix) + "-" + safeFileName(name)
	}
	return n
}

func hashPrefix(sum string) string {
	prefix := strings.ToLower(sum)
	if len(prefix) > 12 {
		prefix = prefix[:12]
	}
	return prefix
}

// evidencePath is where a pack holds an attachment: under the name
// EvidencePackName gives, or in a pack written by an earlier release the name it gave
// then, when has says the pack holds that one.
func evidencePath(has func(path string) bool, sum, name string) string {
	p := evidenceDir + EvidencePackName(sum, name)
	if !has(p) {
		if old := evidenceDir + hashPrefix(sum) + "-" + sanitizeFileName(name); old != p && has(old) {
			return old
		}
	}
	return p
}

type tagFile struct {
	name string
	body []byte
}

// bagitBody is bagit.txt, the same in every pack.
var bagitBody = []byte("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")

// tagFiles builds bagit.txt, bag-info.txt and the two manifests.
func tagFiles(app *forms.Application, opt PackOptions, at time.Time, payload []packEntry) ([]tagFile, error) {
	var bytesTotal int64
	for _, p := range payload {
		bytesTotal += p.size
	}
	sort.Slice(payload, func(i, j int) bool { return payload[i].name < payload[j].name })
	var manifest strings.Builder
	for _, p := range payload {
		fmt.Fprintf(&manifest, "%s  %s\n", p.sum, encodeBagPath(payloadDir+p.name))
	}
	tags := []tagFile{
		{bagitFile, bagitBody},
		{bagInfoFile, bagInfo(app, opt.AppVersion, at, fmt.Sprintf("%d.%d", bytesTotal, len(payload)))},
		{manifestFile, []byte(manifest.String())},
	}
	var tm strings.Builder
	for _, t := range tags {
		sum := sha256.Sum256(t.body)
		fmt.Fprintf(&tm, "%s  %s\n", hex.EncodeToString(sum[:]), t.name)
	}
	return append(tags, tagFile{tagManifestFile, []byte(tm.String())}), nil
}

// bagInfo is bag-info.txt: what the application says about itself, so that
// verify can tell from the application whether it was changed.
func bagInfo(app *forms.Application, appVersion string, at time.Time, payloadOxum string) []byte {
	var info strings.Builder
	infoLine := func(k, v string) {
		v = strings.Join(strings.Fields(v), " ")
		if v != "" {
			fmt.Fprintf(&info, "%s: %s\n", k, v)
		}
	}
	infoLine("Source-Organization", app.Overview.LeadOrg)
	infoLine("Contact-Name", app.Overview.LeadApplicant)
	infoLine("External-Description", "DARS application pack: "+orUntitled(app.Overview.Title))
	infoLine("External-Identifier", app.ID)
	infoLine("DARS-Reference", app.Overview.DARSReference)
	infoLine("Draft-Revision", fmt.Sprint(app.Revision))
	infoLine("Bagging-Date", at.UTC().Format("2006-01-02"))
	infoLine("Bag-Software-Agent", "DARS Workbench "+appVersion)
	infoLine("Payload-Oxum", payloadOxum)
	return []byte(info.String())
}

// encodeBagPath percent-encodes what RFC 8493 asks: CR, LF and %.
func encodeBagPath(p string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(p)
}

func decodeBagPath(p string) string {
	return strings.NewReplacer("%0D", "\r", "%0d", "\r", "%0A", "\n", "%0a", "\n", "%25", "%").Replace(p)
}
