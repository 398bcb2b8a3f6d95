package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// PDFFacts is what InspectPDF learnt about a file: what the evidence checks
// need to judge an upload (R-E2).
type PDFFacts struct {
	IsPDF   bool
	Version string // from the header, e.g. "1.7"
	Size    int64
	// Encrypted is set when an /Encrypt entry is present (in the trailer or
	// a cross-reference stream): reviewers would need a password.
	Encrypted bool
	// What the file holds that acts when it is opened or used, found in
	// its own objects or inside object streams.
	JavaScript    bool
	Launch        bool // runs a program or opens a file
	SubmitForm    bool // sends form data somewhere
	ImportData    bool // reads form data from a file
	EmbeddedFiles bool // files carried inside the PDF
	RichMedia     bool // Flash, video or 3D content
	XFA           bool // an XFA form, which carries its own scripts
	RemoteGoTo    bool // a link that opens another or an embedded file
	OpenAction    bool // something happens on opening (often "show page 1")
	AutoActions   bool // /AA: actions on page or field events
	URI           bool // web links (reported, not held against the file)
	ObjectStreams int  // compressed object streams looked into
	// Incomplete says why the file could not be fully inspected (a filter
	// not understood, a budget spent, something hidden); empty when it was.
	Incomplete string
}

// ActiveContent reports what upload screening rejects: scripts and actions
// that run, launch, send or carry files. An /OpenAction or /AA alone is
// usually "show page 1" or a form's formatting; a script behind one is
// found as /JavaScript.
func (f PDFFacts) ActiveContent() bool { return len(f.Features()) > 0 }

// Features names the active content found, for messages.
func (f PDFFacts) Features() []string {
	var out []string
	for _, x := range []struct {
		on   bool
		name string
	}{
		{f.JavaScript, "JavaScript"}, {f.Launch, "a launch action"}, {f.SubmitForm, "a form that sends data"},
		{f.ImportData, "a form that imports data"}, {f.EmbeddedFiles, "embedded files"}, {f.RichMedia, "rich media"},
		{f.XFA, "an XFA form"}, {f.RemoteGoTo, "a link that opens another file"},
	} {
		if x.on {
			out = append(out, x.name)
		}
	}
	return out
}

// Describe says what is wrong with the file as an upload, or that it is a
// plain PDF.
func (f PDFFacts) Describe() string {
	var parts []string
	if !f.IsPDF {
		return "it is not a PDF"
	}
	if f.Encrypted {
		parts = append(parts, "it is encrypted")
	}
	if feats := f.Features(); len(feats) > 0 {
		parts = append(parts, "it contains "+strings.Join(feats, ", "))
	}
	if f.Incomplete != "" {
		parts = append(parts, "it could not be fully inspected: "+f.Incomplete)
	}
	if len(parts) == 0 {
		return "a plain PDF"
	}
	return strings.Join(parts, "; ")
}

// Attachment fills in the PDF facts of an attachment record.
func (f PDFFacts) Attachment(name, sha256 string) forms.Attachment {
	return forms.Attachment{Name: name, Size: f.Size, SHA256: sha256, IsPDF: f.IsPDF,
		Encrypted: f.Encrypted, ActiveContent: f.ActiveContent(), ActiveFeatures: f.Features(),
		NotFullyInspected: f.Incomplete}
}

// noteName records what a name found in the file means.
func (f *PDFFacts) noteName(n string) {
	switch n {
	case "Encrypt":
		f.Encrypted = true
	case "JS", "JavaScript":
		f.JavaScript = true
	case "Launch":
		f.Launch = true
	case "SubmitForm":
		f.SubmitForm = true
	case "ImportData":
		f.ImportData = true
	case "EmbeddedFile", "EmbeddedFiles", "FileAttachment":
		f.EmbeddedFiles = true
	case "RichMedia", "Flash", "3D":
		f.RichMedia = true
	case "XFA":
		f.XFA = true
	case "GoToR", "GoToE":
		f.RemoteGoTo = true
	case "OpenAction":
		f.OpenAction = true
	case "AA":
		f.AutoActions = true
	case "URI":
		f.URI = true
	}
}

// factsDisagree says how an attachment record's facts differ from those
// derived from its bytes, or "" when they agree. When the bytes could not
// be fully inspected, not finding a script does not contradict a record
// that says there is one.
func factsDisagree(a forms.Attachment, size int64, f PDFFacts) string {
	var d []string
	yesNo := func(b bool, yes, no string) string {
		if b {
			return yes
		}
		return no
	}
	partial := f.Incomplete != ""
	if a.Size != size {
		d = append(d, fmt.Sprintf("a size of %d bytes but the file has %d", a.Size, size))
	}
	if a.IsPDF != f.IsPDF {
		d = append(d, yesNo(a.IsPDF, "that it is a PDF but it is not", "that it is not a PDF but it is"))
	}
	if a.Encrypted != f.Encrypted && !(partial && a.Encrypted) {
		d = append(d, yesNo(a.Encrypted, "that it is encrypted but it is not", "that it is not encrypted but it is"))
	}
	if a.ActiveContent != f.ActiveContent() && !(partial && a.ActiveContent) {
		d = append(d, yesNo(a.ActiveContent, "that it has scripts or actions but it has none",
			"that it has no scripts or actions but it contains "+strings.Join(f.Features(), ", ")))
	}
	return strings.Join(d, "; ")
}

// derivedAttachment is the record of a file read from a pack: the facts
// its bytes gave, and where they could not all be read, what the pack
// said it holds besides (a claim of a script is kept, never dropped).
func derivedAttachment(declared forms.Attachment, sha string, f PDFFacts) forms.Attachment {
	att := f.Attachment(declared.Name, sha)
	if f.Incomplete != "" {
		att.Encrypted = att.Encrypted || declared.Encrypted
		if declared.ActiveContent && !att.ActiveContent {
			att.ActiveContent = true
			att.ActiveFeatures = declared.ActiveFeatures
		}
	}
	return att
}

const headerSearchBytes = 1024

// InspectPDF reads r once, streaming, and reports whether it is a PDF, is
// encrypted, or holds scripts, actions or embedded files (R-E2). It reads
// the file as a PDF reader would, token by token, and looks inside object
// streams through any chain of the standard filters (Flate and LZW with
// their predictors, ASCIIHex, ASCII85, RunLength). It fails closed: when a
// filter cannot be decoded, a budget (bytes decoded, objects, nesting,
// time) runs out, or something is hidden where the token reading cannot
// follow it, Incomplete says why and the file is not reported clean. An
// error means r itself failed.
func InspectPDF(r io.Reader) (PDFFacts, error) {
	return inspectPDF(r, nil)
}

// inspectPDF is InspectPDF charging the structure it reads to a pack's
// budget, when pack is set.
func inspectPDF(r io.Reader, pack *atomic.Int64) (PDFFacts, error) {
	cr := &countingReader{r: r}
	er := &errReader{r: cr}
	br := getReader(er)
	defer putReader(br)
	var f PDFFacts
	head, _ := br.Peek(headerSearchBytes)
	if i := bytes.Index(head, []byte("%PDF-")); i >= 0 {
		f.IsPDF = true
		v := head[i+5:]
		n := 0
		for n < len(v) && n < 4 && (v[n] == '.' || (v[n] >= '0' && v[n] <= '9')) {
			n++
		}
		f.Version = string(v[:n])
		b := budgets.Get().(*pdfBudget)
		defer budgets.Put(b)
		*b = pdfBudget{inflated: maxInflated, deadline: time.Now().Add(maxInspectTime), pack: pack}
		s := newPDFScanner(br, true, &f, b)
		s.run()
		s.release()
		if f.Encrypted && f.ObjectStreams > 0 {
			// Their content was encrypted: whatever decoding it gave (an
			// error, or garbage read as tokens) says nothing.
			f.Incomplete = encryptedObjects
		}
	}
	_, _ = io.Copy(io.Discard, br)
	f.Size = cr.n
	if er.err != nil {
		return f, fmt.Errorf("inspect pdf: %w", er.err)
	}
	return f, nil
}
