package export_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

// handOffFixtures are drafts that between them take every branch of
// application.pdf's sections: the worked example, the rich test draft, an
// empty draft, and drafts with a text planted in every field and each
// confidentiality route, so that every follow-up question is printed.
func handOffFixtures() map[string]*forms.Application {
	rich, _ := richApp()
	planted := func(route forms.CLDCRoute, on bool) *forms.Application {
		a := forms.Example()
		formstest.PlantEverywhere(a, func(p string) string { return "«" + p + "»" })
		a.Legal.CLDC = route
		a.Purpose.Commercial, a.Purpose.IsResearch, a.Purpose.RECNeeded = on, on, on
		a.Cohort.Needed, a.Cohort.Kind, a.Cohort.Sender = on, "existing", forms.SenderOther
		a.SubLicensing.Needed = on
		for i := range a.Organisations {
			o := &a.Organisations[i]
			o.DSFCSigned, o.Security.ISO27001, o.Security.CyberEssentialsPlus = on, on, on
		}
		a.Data.Products = append(a.Data.Products, forms.ProductRequest{ID: "p-unnamed"}, forms.ProductRequest{ID: "p-unnamed"})
		a.Data.Products[0].Fields = append(a.Data.Products[0].Fields, forms.ProductField{Name: "Twice"}, forms.ProductField{Name: "Twice", Reason: "again"}, forms.ProductField{})
		a.Organisations = append(a.Organisations, forms.Organisation{})
		a.Unmatched = []forms.UnmatchedAnswer{{Field: "application.territory", Written: "Scotland"}}
		return a
	}
	noLists := forms.Example()
	noLists.Data.Products, noLists.Organisations, noLists.People, noLists.Locations = nil, nil, nil, nil
	noLists.Legal.ConsentMaterials = nil
	mixed := planted(forms.CLDCMixture, true)
	mixed.Data.Products[1].Confidentiality = forms.CLDCConsent
	return map[string]*forms.Application{
		"worked example":       forms.Example(),
		"rich":                 rich,
		"empty":                forms.NewApplication("", forms.NewDate(2026, 11, 1)),
		"no lists":             noLists,
		"planted, other route": planted(forms.CLDCOther, true),
		"planted, s251":        planted(forms.CLDCS251, true),
		"planted, mixture":     mixed,
		"planted, all off":     planted(forms.CLDCStatutory, false),
		"planted, consent":     planted(forms.CLDCConsent, true),
		"large":                formstest.Large(),
	}
}

// leftOut are the printed answers the hand-off leaves out on purpose (see
// forms.HandOffLeftOut): section, then heading or question.
var leftOut = map[forms.SectionID]map[string]bool{
	forms.SectionOverview: {"DARS reference": true, "Current stage": true, "Stages reached": true, "Answers kept from an older file": true},
}

// documentSections are uploaded as documents rather than typed in.
var documentSections = map[forms.SectionID]bool{
	forms.SectionEvidence: true, forms.SectionDataFlow: true, forms.SectionDPIA: true, forms.SectionLifecycle: true,
}

// TestHandOffCoversEveryPrintedAnswer reads every answer application.pdf's
// section walk prints and finds the hand-off answer for it: same section,
// heading, question and text. Each hand-off answer is used once, and none is
// left over, so the two lists are the same answers.
func TestHandOffCoversEveryPrintedAnswer(t *testing.T) {
	for name, a := range handOffFixtures() {
		t.Run(name, func(t *testing.T) {
			printed, err := export.PrintedSections(a)
			require.NoError(t, err)
			items := forms.HandOffAnswers(a)
			used := make([]bool, len(items))
			find := func(sec forms.SectionID, group, entry, label, text string) bool {
				for i, it := range items {
					if !used[i] && it.Section == sec && it.Group == group && (entry == "*" || it.Entry == entry) && it.Label == label && it.Text == text {
						used[i] = true
						return true
					}
				}
				return false
			}
			for _, s := range forms.Sections {
				if documentSections[s.ID] {
					continue
				}
				group, sub, skipping := "", "", false
				for _, p := range printed[s.ID] {
					switch {
					case p.Level == 2:
						group, sub = p.Heading, ""
						skipping = leftOut[s.ID][p.Heading]
					case p.Level == 3:
						sub = p.Heading
					case skipping || leftOut[s.ID][p.Question]:
					case p.Columns != nil:
						tg := group
						if sub != "" {
							tg = sub
						}
						for r, row := range p.Rows {
							if p.Columns[0] == "Field requested" {
								assert.True(t, find(s.ID, group, "Fields requested", fieldLabel(row[0], r), notGiven(row[1])),
									"%s › %s: field %q has no hand-off answer", s.Title, group, row[0])
								continue
							}
							entry := entryOf(items, s.ID, tg, p.Columns, row)
							for c, cell := range row {
								assert.True(t, find(s.ID, tg, entry, p.Columns[c], notGiven(cell)),
									"%s › %s row %d: %s = %q has no hand-off answer", s.Title, tg, r+1, p.Columns[c], cell)
							}
						}
					default:
						assert.True(t, find(s.ID, group, "*", p.Question, p.Answer),
							"%s › %s: %q = %q has no hand-off answer", s.Title, group, p.Question, clipText(p.Answer))
					}
				}
			}
			for i, it := range items {
				assert.True(t, used[i], "hand-off answer %s = %q is not printed in application.pdf", it.Where(), clipText(it.Text))
			}
		})
	}
}

// fieldLabel is the label of a requested field, as the hand-off names one
// with no name.
func fieldLabel(name string, i int) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("Field %d (no name)", i+1)
	}
	return name
}

func notGiven(s string) string {
	if s == "Not given" {
		return ""
	}
	return s
}

// entryOf finds the hand-off entry whose answers make up a table row.
func entryOf(items []forms.HandOffItem, sec forms.SectionID, group string, cols []string, row []string) string {
	entries := map[string]int{}
	for _, it := range items {
		if it.Section != sec || it.Group != group {
			continue
		}
		for c, cell := range row {
			if it.Label == cols[c] && it.Text == notGiven(cell) {
				entries[it.Entry]++
			}
		}
	}
	for e, n := range entries {
		if n == len(row) {
			return e
		}
	}
	return "(no entry has the whole row)"
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// TestHandOffCoversThePublicSummary: the Public summary chapter of
// application.pdf restates the answers as the Data Uses Register would
// publish them. Its facts (organisation type, controller basis, the datasets
// table) are worded from answers handed off in their own sections; its texts
// are the applicant's own, and each is handed off word for word, from the
// same field.
func TestHandOffCoversThePublicSummary(t *testing.T) {
	for name, a := range handOffFixtures() {
		t.Run(name, func(t *testing.T) {
			byPath := map[string]string{}
			for _, it := range forms.HandOffAnswers(a) {
				byPath[it.Path] = it.Text
			}
			for _, pt := range forms.BuildPublicEntry(a).Texts {
				got, ok := byPath[pt.Field]
				if assert.True(t, ok, "the published text %q (%s) is not handed off", pt.Label, pt.Field) {
					assert.Equal(t, strings.TrimSpace(pt.Text), got, pt.Field)
				}
			}
		})
	}
}

// TestHandOffDocumentsCoverTheEvidenceTable: every row of the evidence
// table is a document to upload, under the pack's name for its file; and
// the DPIA and data flow map the draft writes itself are documents too.
func TestHandOffDocumentsCoverTheEvidenceTable(t *testing.T) {
	for name, a := range handOffFixtures() {
		t.Run(name, func(t *testing.T) {
			docs, err := export.HandOffDocuments(a)
			require.NoError(t, err)
			own := map[forms.EvidenceType]bool{}
			for _, e := range a.Evidence {
				own[e.Type] = own[e.Type] || e.File != nil
			}
			for i, e := range a.Evidence {
				require.Greater(t, len(docs), i)
				d := docs[i]
				require.NotNil(t, d.File)
				assert.Equal(t, fmt.Sprintf("evidence[%d].file", i), d.Path)
				switch {
				case e.File != nil && e.File.SHA256 != "":
					assert.Equal(t, export.EvidencePackName(e.File.SHA256, e.File.Name), d.File.UploadName)
					assert.Equal(t, e.File.Size, d.File.Size)
					assert.True(t, d.Tickable())
				case d.File.Generated:
					assert.Contains(t, []forms.EvidenceType{forms.EvDPIA, forms.EvDataFlowMap}, e.Type, "only the DPIA and the map are written from the draft")
					assert.True(t, d.Tickable())
				default:
					assert.Empty(t, d.File.UploadName)
					assert.NotEmpty(t, d.File.ToDo, "an item with no file says what to do")
					assert.False(t, d.Tickable())
				}
			}
			var generated []string
			for _, d := range docs {
				if d.File.Generated {
					generated = append(generated, d.File.UploadName)
					assert.Len(t, d.File.Fingerprint, 64)
				}
			}
			var want []string
			if strings.TrimSpace(a.DPIA.Need) != "" && !a.Data.AggregatedHESOnly && !own[forms.EvDPIA] {
				want = append(want, "dpia.pdf")
			}
			if len(a.DataFlow.Flows) > 0 && !a.Data.AggregatedHESOnly && !own[forms.EvDataFlowMap] {
				want = append(want, "data-flow-map.pdf")
			}
			assert.ElementsMatch(t, want, generated)
		})
	}
}

// A generated document's tick clears when what it prints changes, and only
// then: its fingerprint does not move with the revision or the date.
func TestGeneratedDocumentFingerprint(t *testing.T) {
	a, _ := richApp()
	fp := func(a *forms.Application) map[string]string {
		docs, err := export.HandOffDocuments(a)
		require.NoError(t, err)
		m := map[string]string{}
		for _, d := range docs {
			if d.File.Generated {
				m[d.File.UploadName] = d.Hash()
			}
		}
		require.Len(t, m, 2)
		return m
	}
	before := fp(a)
	a.Revision++
	assert.Equal(t, before, fp(a), "a new revision alone changes neither document")
	a.DPIA.Need = "A different reason."
	after := fp(a)
	assert.NotEqual(t, before["dpia.pdf"], after["dpia.pdf"])
	a.DataFlow.Flows[0].Items = "Other items"
	assert.NotEqual(t, after["data-flow-map.pdf"], fp(a)["data-flow-map.pdf"])
}

func TestWriteUploadSet(t *testing.T) {
	a, ev := richApp()
	dir := filepath.Join(t.TempDir(), "uploads", "d1")
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	files, err := export.WriteUploadSet(dir, a, ev, at)
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		b, err := os.ReadFile(filepath.Join(dir, f.Name))
		require.NoError(t, err)
		assert.Equal(t, f.Size, int64(len(b)))
	}
	want := []string{
		export.EvidencePackName(a.Evidence[0].File.SHA256, a.Evidence[0].File.Name),
		export.EvidencePackName(a.Evidence[1].File.SHA256, a.Evidence[1].File.Name),
		"dpia.pdf", "data-flow-map.pdf",
	}
	assert.Equal(t, want, names)
	b, err := os.ReadFile(filepath.Join(dir, "data-flow-map.pdf"))
	require.NoError(t, err)
	qpdfCheck(t, b)
	assert.Contains(t, pdfText(t, b), "HES APC and deaths, linked to the cohort")

	// Writing again leaves the folder as the set: a stray file goes, a
	// file detached since goes, nothing else changes.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "stray.pdf"), []byte("x"), 0o600))
	a.Evidence[1].File = nil
	_, err = export.WriteUploadSet(dir, a, ev, at)
	require.NoError(t, err)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	assert.ElementsMatch(t, []string{want[0], "dpia.pdf", "data-flow-map.pdf"}, got)

	// A damaged store is refused, not copied under the upload name.
	sum := a.Evidence[0].File.SHA256
	ev[sum] = []byte("tampered")
	require.NoError(t, os.Remove(filepath.Join(dir, want[0])))
	_, err = export.WriteUploadSet(dir, a, ev, at)
	assert.ErrorContains(t, err, "changed or is damaged")
	assert.NoFileExists(t, filepath.Join(dir, want[0]))
}

func TestWriteUploadSetRefusesNHSNumbers(t *testing.T) {
	a, ev := richApp()
	a.DPIA.Need = "Patient 943 476 5919 was asked."
	dir := t.TempDir()
	_, err := export.WriteUploadSet(dir, a, ev, time.Now())
	assert.ErrorIs(t, err, forms.ErrNHSNumbers)
	entries, _ := os.ReadDir(dir)
	assert.Empty(t, entries)
	_, err = export.WriteUploadSet(dir, forms.MaskedCopy(a), ev, time.Now())
	require.NoError(t, err)
	var buf bytes.Buffer
	require.Error(t, export.WriteDataFlowPDF(&buf, a, time.Now()))
}

// BenchmarkHandOffDocumentsLarge: listing the documents renders the DPIA
// and the data flow map for their fingerprints; the window does it off the
// UI goroutine.
func BenchmarkHandOffDocumentsLarge(b *testing.B) {
	a := formstest.Large()
	for b.Loop() {
		if _, err := export.HandOffDocuments(a); err != nil {
			b.Fatal(err)
		}
	}
}
