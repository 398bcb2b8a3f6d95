package forms

import (
	"fmt"
	"strconv"
	"strings"
)

// HandOffEvidence makes the hand-off item of evidence item i; uploadName is
// the name its file is uploaded under ("" when it has none).
func HandOffEvidence(i int, e EvidenceItem, key, uploadName string) HandOffItem {
	title := strings.TrimSpace(e.Title)
	if title == "" {
		title = e.Type.Label()
	}
	f := &HandOffFile{Title: title, Version: strings.TrimSpace(e.Version), Type: e.Type.Label()}
	it := HandOffItem{Section: SectionEvidence, Label: title, Path: fmt.Sprintf("evidence[%d].file", i), Key: key, File: f}
	switch {
	case e.File != nil && e.File.SHA256 != "":
		f.UploadName, f.Size, f.SHA256 = uploadName, e.File.Size, strings.ToLower(e.File.SHA256)
		f.ToDo = uploadProblem(e.File)
		it.Text = uploadName
	case e.Type == EvIRAS:
		f.ToDo = "An IRAS reference is entered with the answers: nothing to upload."
		f.NoUpload = true
	case e.Status == EvidenceMissing:
		f.ToDo = "Marked missing: obtain it, then attach the PDF in Evidence."
	default:
		f.ToDo = "No file attached: attach the PDF in Evidence."
	}
	return it
}

// HandOffRequired makes the hand-off item of evidence the answers call for
// (R-E3) that the checklist has no item for yet.
func HandOffRequired(r Requirement) HandOffItem {
	title := r.Title
	if r.Version != "" {
		title += " version " + r.Version
	}
	return HandOffItem{
		Section: SectionEvidence, Label: title, Path: r.Field, Key: "required:" + r.Key,
		File: &HandOffFile{Title: title, Version: r.Version, Type: r.Type.Label(),
			ToDo: fmt.Sprintf("Not in the evidence checklist yet (%s): add it in Evidence and attach the PDF. %s", r.RequirementID, r.Because)},
	}
}

// HandOffGenerated makes the hand-off item of a document the draft writes
// itself (the DPIA, the data flow map): fingerprint changes whenever what
// the document prints changes, so its tick clears like an answer's.
func HandOffGenerated(r Requirement, uploadName, fingerprint string) HandOffItem {
	sec, _ := SectionByID(SectionOfField(r.Field))
	return HandOffItem{
		Section: SectionEvidence, Label: r.Title, Path: r.Field, Key: "generated:" + r.Key, Text: uploadName,
		File: &HandOffFile{Title: r.Title, Type: r.Type.Label(), UploadName: uploadName, Generated: true, Fingerprint: fingerprint,
			ToDo: "Written from this draft's " + sec.Title + " section when the folder is opened."},
	}
}

// EvidenceKey names evidence item i for its tick: by its ID when that is
// unique in the checklist.
func EvidenceKey(a *Application, i int) string {
	id := a.Evidence[i].ID
	if id != "" {
		n := 0
		for _, e := range a.Evidence {
			if e.ID == id {
				n++
			}
		}
		if n == 1 {
			return "evidence[#" + id + "].file"
		}
	}
	return "evidence[" + strconv.Itoa(i) + "].file"
}

// uploadProblem says why DARS Online may refuse a file (R-E2), or "".
func uploadProblem(f *Attachment) string {
	var p []string
	if !f.IsPDF {
		p = append(p, "DARS Online takes PDF only: attach a PDF copy")
	}
	if f.Size > MaxUploadBytes {
		p = append(p, fmt.Sprintf("at %s it is over the 10 MB limit: reduce or split it", HumanBytes(f.Size)))
	}
	if f.IsPDF && f.Encrypted {
		p = append(p, "it is password-protected: attach an unprotected copy")
	}
	if f.IsPDF && f.ActiveContent {
		p = append(p, "it holds scripts or embedded files, which upload screening may reject: print it to a new PDF")
	}
	if len(p) == 0 {
		return ""
	}
	s := strings.Join(p, "; ") + " (R-E2)."
	return strings.ToUpper(s[:1]) + s[1:]
}
