package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The documents to upload to DARS Online. Each evidence file goes under the
// name the pack gives it (its hash's first 12 digits, then its own name), so
// what NHS England receives can be matched with the pack file by file. The
// DPIA and the data flow map, written from the draft itself, go as
// dpia.pdf and data-flow-map.pdf.

// DataFlowFileName is the data flow map's file name among the uploads.
const DataFlowFileName = "data-flow-map.pdf"

// fingerprintAt dates the renders a generated document's fingerprint is
// taken from: a fixed date, so that only what the document says moves it.
var fingerprintAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// HandOffDocuments lists the documents to upload, in the order of the
// evidence checklist: every evidence item (one without a file says what to
// do), then the evidence the answers call for that has no item yet, then the
// documents the draft writes itself. An evidence item for the DPIA or the
// data flow map with no file of its own is uploaded as the document the
// draft writes. Taking the generated documents' fingerprints renders them,
// so call it off the UI goroutine on a large draft.
func HandOffDocuments(a *forms.Application) ([]forms.HandOffItem, error) {
	plan := uploadPlan(a)
	out := make([]forms.HandOffItem, len(plan))
	for i, p := range plan {
		out[i] = p.item
		if p.gen != nil {
			fp, err := fingerprint(a, p.gen.write)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.gen.name, err)
			}
			out[i].File.Fingerprint = fp
		}
	}
	return out, nil
}

// planned is one document to upload and, for a generated one, its writer.
type planned struct {
	item forms.HandOffItem
	gen  *generator
}

func uploadPlan(a *forms.Application) []planned {
	// The generated documents the answers call for, by evidence type.
	gens := map[forms.EvidenceType]forms.Requirement{}
	var order []forms.EvidenceType
	for _, r := range forms.RequiredEvidence(a) {
		if _, ok := generators[r.Type]; ok && r.MetBy != "" {
			gens[r.Type] = r
			order = append(order, r.Type)
		}
	}
	own := map[forms.EvidenceType]bool{}
	for _, e := range a.Evidence {
		if e.File != nil && e.File.SHA256 != "" {
			own[e.Type] = true
		}
	}
	var out []planned
	claimed := map[forms.EvidenceType]bool{}
	for i, e := range a.Evidence {
		if r, ok := gens[e.Type]; ok && (e.File == nil || e.File.SHA256 == "") && !own[e.Type] && !claimed[e.Type] {
			claimed[e.Type] = true
			g := generators[e.Type]
			it := forms.HandOffGenerated(r, g.name, "")
			it.Path = fmt.Sprintf("evidence[%d].file", i)
			if t := strings.TrimSpace(e.Title); t != "" {
				it.Label, it.File.Title = t, t
			}
			it.File.Version = strings.TrimSpace(e.Version)
			out = append(out, planned{it, &g})
			continue
		}
		name := ""
		if e.File != nil && e.File.SHA256 != "" {
			name = EvidencePackName(e.File.SHA256, e.File.Name)
		}
		out = append(out, planned{item: forms.HandOffEvidence(i, e, forms.EvidenceKey(a, i), name)})
	}
	for _, r := range forms.RequiredEvidence(a) {
		if r.MetBy == "" && r.Item < 0 {
			out = append(out, planned{item: forms.HandOffRequired(r)})
		}
	}
	for _, t := range order {
		if claimed[t] || own[t] {
			continue
		}
		g := generators[t]
		out = append(out, planned{forms.HandOffGenerated(gens[t], g.name, ""), &g})
	}
	return out
}

// generator writes a document from the draft, unguarded: the callers guard.
type generator struct {
	name  string
	write func(w io.Writer, a *forms.Application, at time.Time) error
}

var generators = map[forms.EvidenceType]generator{
	forms.EvDPIA:        {DPIAFileName, writeDPIAPDF},
	forms.EvDataFlowMap: {DataFlowFileName, writeDataFlowPDF},
}

// fingerprint is the SHA-256 of a generated document rendered at a fixed
// date and revision, so it changes only when its content does.
func fingerprint(a *forms.Application, write func(io.Writer, *forms.Application, time.Time) error) (string, error) {
	c := a.Clone()
	c.Revision = 0
	h := sha256.New()
	if err := write(h, c, fingerprintAt); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// WriteDataFlowPDF writes the data flow map alone, for upload (R-T6): the
// diagram, then its parties and flows as tables.
func WriteDataFlowPDF(w io.Writer, a *forms.Application, at time.Time) error {
	if err := guardDraft("The data flow map", a); err != nil {
		return err
	}
	return writeDataFlowPDF(w, a, at)
}

func writeDataFlowPDF(w io.Writer, a *forms.Application, at time.Time) error {
	title := orUntitled(a.Overview.Title)
	info := DocInfo{Title: "Data flow map: " + title, Subject: "Data flow map", Author: a.Overview.LeadApplicant, Created: at, Footer: "Data flow map · " + footerText(a)}
	return RenderDoc(w, info, func(d *Doc) error {
		d.Heading(1, "Data flow map")
		d.Answer("Application", title)
		d.Answer("DARS reference", a.Overview.DARSReference)
		drawDataFlow(d, a)
		return d.Err()
	})
}

// UploadFile is one file written to the upload folder.
type UploadFile struct {
	Name   string
	Size   int64
	SHA256 string
}

// WriteUploadSet writes the documents to upload into dir under their upload
// names, for the applicant to drag into the portal: evidence copied from the
// store (its hash checked as it is copied), the generated documents written
// at at. A file already there with the right content is left alone; any
// other file in dir is removed, so the folder holds exactly the set. dir is
// the app's own folder (see storage.UploadDir), never one the user chose.
func WriteUploadSet(dir string, a *forms.Application, ev EvidenceSource, at time.Time) ([]UploadFile, error) {
	if err := guardDraft("The documents to upload", a); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("write the documents to upload: %w", err)
	}
	var out []UploadFile
	keep := map[string]bool{}
	for _, p := range uploadPlan(a) {
		name := p.item.File.UploadName
		if name == "" || keep[name] {
			continue
		}
		keep[name] = true
		if p.gen == nil {
			f := UploadFile{Name: name, Size: p.item.File.Size, SHA256: p.item.File.SHA256}
			if err := copyUpload(dir, f, ev); err != nil {
				return nil, err
			}
			out = append(out, f)
			continue
		}
		var buf bytes.Buffer
		if err := p.gen.write(&buf, a, at); err != nil {
			return nil, fmt.Errorf("write %s: %w", name, err)
		}
		sum := sha256.Sum256(buf.Bytes())
		f := UploadFile{Name: name, Size: int64(buf.Len()), SHA256: hex.EncodeToString(sum[:])}
		if err := putUpload(dir, name, bytes.NewReader(buf.Bytes()), f); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("write the documents to upload: %w", err)
	}
	for _, en := range entries {
		if !keep[en.Name()] && en.Type().IsRegular() {
			os.Remove(filepath.Join(dir, en.Name()))
		}
	}
	return out, nil
}

// copyUpload copies an evidence file out of the store unless the folder
// already holds it.
func copyUpload(dir string, f UploadFile, ev EvidenceSource) error {
	if sameFile(filepath.Join(dir, f.Name), f) {
		return nil
	}
	rc, err := ev.Open(f.SHA256)
	if err != nil {
		return fmt.Errorf("%s: %w (%v); attach the file again", f.Name, ErrEvidenceMissing, err)
	}
	defer rc.Close()
	return putUpload(dir, f.Name, rc, f)
}

// putUpload writes r to dir/name by way of a temporary file, checking it is
// the file expected, so a half-written or damaged copy never has the name.
func putUpload(dir, name string, r io.Reader, want UploadFile) (err error) {
	if sameFile(filepath.Join(dir, name), want) {
		return nil
	}
	tmp, err := os.CreateTemp(dir, ".upload-*.partial")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), r)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want.SHA256 || n != want.Size {
		return fmt.Errorf("write %s: the stored file has changed or is damaged (expected SHA-256 %s and %d bytes, found %s and %d bytes); attach the file again", name, want.SHA256, want.Size, got, n)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// sameFile reports whether path already holds the expected file.
func sameFile(path string, want UploadFile) bool {
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() != want.Size {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == want.SHA256
}
