package export_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

func appPDF(t testing.TB, a *forms.Application) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, export.WriteApplicationPDF(&buf, a, fixedTime))
	return buf.Bytes()
}

// golden compares got with testdata/name, rewriting it under -update. A
// mismatch leaves the new output in testdata/failed/ to look at.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file: run go test ./export -update")
	if !bytes.Equal(want, got) {
		failed := filepath.Join("testdata", "failed", name)
		require.NoError(t, os.MkdirAll(filepath.Dir(failed), 0o755))
		require.NoError(t, os.WriteFile(failed, got, 0o644))
		t.Errorf("%s differs from the golden file; the new output is in %s (run -update if the change is intended)", name, failed)
	}
}

func TestApplicationPDFGolden(t *testing.T) {
	a, _ := richApp()
	golden(t, "application.pdf", appPDF(t, a))
	var buf bytes.Buffer
	require.NoError(t, export.WriteDPIAPDF(&buf, a, fixedTime))
	golden(t, "dpia.pdf", buf.Bytes())
}

func TestApplicationPDFIsReproducible(t *testing.T) {
	a, _ := richApp()
	assert.True(t, bytes.Equal(appPDF(t, a), appPDF(t, a.Clone())))
}

// unprinted lists model fields application.pdf does not print: identifiers,
// references between parts (printed as the names they point at), and what
// dpia.pdf or the review screens show.
var unprinted = map[string]bool{
	"ID": true, "OrganisationID": true, "LocationID": true, "LibraryID": true,
	"AccessedBy": true, "FlowRefs": true, "From": true, "To": true, "Revision": true,
	"Comments": true, "Risks": true, "SignOff": true, "Description": true,
	"Consultation": true, "Necessity": true, "StageHistory": true,
	"Frequency": true, "Derived": true,
}

// Every name in unprinted is a field of the model: a renamed field would
// otherwise drop out of the check without a word.
func TestUnprintedNamesModelFields(t *testing.T) {
	fields := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			walk(ty.Elem())
		case reflect.Struct:
			if seen[ty] {
				return
			}
			seen[ty] = true
			for i := range ty.NumField() {
				fields[ty.Field(i).Name] = true
				walk(ty.Field(i).Type)
			}
		}
	}
	walk(reflect.TypeOf(forms.Application{}))
	for name := range unprinted {
		assert.True(t, fields[name], "unprinted names %q, which no model field is called", name)
	}
}

// answers collects every answer a reader should find in application.pdf,
// as printed: choice values as their labels, dates in the human form.
func answers(v reflect.Value, name string, out *[]string) {
	if unprinted[name] {
		return
	}
	enums := export.EnumChoices()
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			answers(v.Elem(), name, out)
		}
	case reflect.Struct:
		if d, ok := v.Interface().(forms.Date); ok {
			if h := d.Human(); h != "" {
				*out = append(*out, h)
			}
			return
		}
		for i := range v.NumField() {
			answers(v.Field(i), v.Type().Field(i).Name, out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			answers(v.Index(i), name, out)
		}
	case reflect.String:
		s := v.String()
		if s == "" {
			return
		}
		if c, ok := enums[v.Type()]; ok {
			s = forms.LabelOf(c, s)
		}
		*out = append(*out, s)
	}
}

var footerRe = regexp.MustCompile(`DARS-NIC-123456-AB1C2-v1\.0·revision\d+Page\d+of\d+`)

func despace(s string) string { return strings.Join(strings.Fields(s), "") }

func TestApplicationPDFReadsAsWritten(t *testing.T) {
	a, _ := richApp()
	a.Overview.LeadApplicant = "Siân Ŵyn"
	a.Purpose.Objective = "To ask “why” – and ‘how’ — of kidney outcomes. " + longText(21000)
	a.Purpose.ExpectedBenefits = "Benefit → measured by referral rates ✓"
	pdf := appPDF(t, a)
	qpdfCheck(t, pdf)
	text := pdfText(t, pdf)
	// Footers sit between the pages of a long answer: take them out.
	flat := footerRe.ReplaceAllString(despace(pdfRawText(t, pdf)), "")
	var want []string
	answers(reflect.ValueOf(a).Elem(), "", &want)
	require.Greater(t, len(want), 100)
	for _, w := range want {
		w = strings.NewReplacer("→", "->", "✓", "(yes)").Replace(w)
		assert.Contains(t, flat, despace(w))
	}
	n := pageCount(t, pdf)
	assert.Contains(t, text, fmt.Sprintf("Page %d of %d", n, n))
	assert.Contains(t, text, "Siân Ŵyn")
	assert.Contains(t, text, "To ask “why” – and ‘how’ — of kidney outcomes.")
	assert.Contains(t, text, "Not answered") // e.g. the privacy notice has no file
	for _, s := range []string{"Contents", "Readiness findings", "Evidence index", "Data flow map"} {
		assert.Contains(t, text, s)
	}
}

func TestApplicationPDFMarksDraftBlockers(t *testing.T) {
	empty := forms.NewApplication("", forms.NewDate(2026, 11, 1))
	blockers := forms.Count(forms.Evaluate(empty, fixedTime), "").Blockers
	require.Positive(t, blockers)
	text := pdfText(t, appPDF(t, empty))
	assert.Contains(t, text, fmt.Sprintf("DRAFT: %d blockers", blockers))
	assert.Contains(t, text, "Untitled application · revision 0")
	assert.Greater(t, strings.Count(text, "Not answered"), 10)

	ready := forms.Example()
	require.Zero(t, forms.Count(forms.Evaluate(ready, fixedTime), "").Blockers, "the worked example should pass its blockers")
	assert.NotContains(t, pdfText(t, appPDF(t, ready)), "DRAFT:")
}

// bigApp is a draft of about 150 pages: long prose answers, as real DARS
// objectives are, and many products, organisations and evidence items.
func bigApp() *forms.Application {
	a, _ := richApp()
	u := &a.Purpose
	u.Objective, u.ProcessingActivities, u.ExpectedOutputs = longText(25000), longText(22000), longText(20000)
	u.ExpectedOutcomes, u.ExpectedBenefits, u.PublishedDataNote = longText(20000), longText(20000), longText(8000)
	a.Overview.Summary = longText(6000)
	base := a.Data.Products[0]
	for i := range 70 {
		p := base
		p.ID = fmt.Sprint("bp", i)
		p.Name = fmt.Sprintf("Data product %d", i+1)
		p.YearsReason = longText(1500)
		p.Fields = nil
		for f := range 25 {
			p.Fields = append(p.Fields, forms.ProductField{Name: fmt.Sprintf("Field %d", f+1), Reason: "Needed to identify the outcome and time it from treatment."})
		}
		a.Data.Products = append(a.Data.Products, p)
	}
	for i := range 12 {
		o := a.Organisations[0]
		o.ID, o.Name = fmt.Sprint("bo", i), fmt.Sprintf("Partner organisation %d", i+1)
		a.Organisations = append(a.Organisations, o)
	}
	for i := range 60 {
		a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: fmt.Sprint("be", i), Type: "other", Title: fmt.Sprintf("Supporting letter %d", i+1), Status: "final",
			File: &forms.Attachment{Name: fmt.Sprintf("letter-%d.pdf", i+1), Size: 123456, SHA256: strings.Repeat("ab", 32)}})
	}
	return a
}

func TestBigApplicationPDF(t *testing.T) {
	pdf := appPDF(t, bigApp())
	qpdfCheck(t, pdf)
	n := pageCount(t, pdf)
	assert.InDelta(t, 150, n, 40, "bigApp should stay about 150 pages for the benchmark")
	// The contents run over several pages; its page numbers still hold.
	for _, title := range []string{"Data product 70", "Partner organisation 12", "Evidence index"} {
		assertTOCPage(t, pdf, title)
	}
}

// BenchmarkApplicationPDF150Pages: the target is under 2 s per document.
func BenchmarkApplicationPDF150Pages(b *testing.B) {
	a := bigApp()
	for b.Loop() {
		var buf bytes.Buffer
		if err := export.WriteApplicationPDF(&buf, a, fixedTime); err != nil {
			b.Fatal(err)
		}
		if n := bytes.Count(buf.Bytes(), []byte("/Type /Page\n")); n < 120 {
			b.Fatalf("only %d pages", n)
		}
		b.SetBytes(int64(buf.Len()))
	}
}
