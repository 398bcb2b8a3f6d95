package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// openedPack writes the rich example's pack to a temp file and opens it for review.
func openedPack(t *testing.T) (*export.Opened, *forms.Application) {
	t.Helper()
	a, ev := richApp()
	path := writeTemp(t, "pack.zip", packBytes(t, a, ev))
	o, err := export.OpenForReview(path)
	require.NoError(t, err)
	return o, a
}

func sampleReview(t *testing.T) *export.ReviewFile {
	t.Helper()
	o, _ := openedPack(t)
	app := o.Submission.Application
	r := forms.NewReview(app, "Gwen Ashby", "IG lead, School of Medicine")
	_, err := r.Comment(app, forms.SectionPurpose, "purpose.objective", forms.CommentMustChange, "Name the treatments you will compare – “anthracyclines” at least.")
	require.NoError(t, err)
	_, err = r.Comment(app, forms.SectionLegal, "", forms.CommentQuestion, "Does the 2015 consent form cover linkage to HES?")
	require.NoError(t, err)
	_, err = r.Comment(app, forms.SectionOrganisations, "organisations[0].security.dspt_status", forms.CommentApproved, "DSPT checked on the public register.")
	require.NoError(t, err)
	r.SetNoConcerns(forms.SectionCohort, true)
	earlier := forms.ReviewComment{ID: "c-earlier", Section: forms.SectionEvidence, Kind: forms.CommentQuestion,
		Text: "Is the 2015 consent form attached?", AwaitingReviewer: true, AnswerRound: 1}
	require.NoError(t, r.Reopen(earlier, "The 2015 form does not mention linkage.", forms.NewDate(2026, 11, 25)))
	return export.NewReviewFile(o, r, "0.1.0", fixedTime.Add(48*time.Hour))
}

func TestOpenForReviewHashesTheWholePack(t *testing.T) {
	o, a := openedPack(t)
	b, err := os.ReadFile(o.Path)
	require.NoError(t, err)
	assert.Equal(t, sumOf(b), o.SHA256)
	assert.Equal(t, a.ID, o.Submission.DraftID)
	assert.Equal(t, a.Overview.Title, o.Submission.Application.Overview.Title)
	assert.True(t, o.Report.OK())
}

// tamper returns a copy of the rich pack with one thing changed.
func tamperedPacks(t *testing.T) map[string]struct {
	pack []byte
	file string
} {
	a, ev := richApp()
	good := packBytes(t, a, ev)
	rec := "data/evidence/1773713bee31-REC opinion.pdf"
	return map[string]struct {
		pack []byte
		file string
	}{
		"a changed byte in the evidence": {rezip(t, good, func(n string, b []byte) []byte {
			if n == rec {
				b = bytes.Clone(b)
				b[3] ^= 0x01
			}
			return b
		}, nil), rec},
		"a removed manifest line": {rezip(t, good, func(n string, b []byte) []byte {
			if n == "manifest-sha256.txt" {
				var keep []string
				for _, l := range strings.Split(string(b), "\n") {
					if !strings.Contains(l, "REC opinion") {
						keep = append(keep, l)
					}
				}
				return []byte(strings.Join(keep, "\n"))
			}
			return b
		}, nil), rec},
		"an edited submission.json": {rezip(t, good, func(n string, b []byte) []byte {
			if n == "data/submission.json" {
				return bytes.Replace(b, []byte("Long-term kidney outcomes"), []byte("Long-term liver outcomes"), 1)
			}
			return b
		}, nil), "data/submission.json"},
	}
}

func TestOpenForReviewRefusesTamperedPacksNamingTheFile(t *testing.T) {
	for name, tc := range tamperedPacks(t) {
		t.Run(name, func(t *testing.T) {
			o, err := export.OpenForReview(writeTemp(t, "pack.zip", tc.pack))
			require.ErrorIs(t, err, export.ErrNotVerified)
			assert.Contains(t, err.Error(), tc.file)
			require.NotNil(t, o)
			var files []string
			for _, p := range o.Report.Problems {
				files = append(files, p.File)
			}
			assert.Contains(t, files, tc.file)
		})
	}
}

func TestOpenForReviewRefusesWhatIsNotAPack(t *testing.T) {
	_, err := export.OpenForReview(writeTemp(t, "notes.zip", []byte("just text")))
	assert.ErrorIs(t, err, export.ErrUnsafePack)
	_, err = export.OpenForReview(filepath.Join(t.TempDir(), "missing.zip"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestExtractEvidence(t *testing.T) {
	o, a := openedPack(t)
	dir := t.TempDir()
	p, err := export.ExtractEvidence(o.Path, a.Evidence[0].File, dir)
	require.NoError(t, err)
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "%PDF-1.4 protocol for Siân Ŵyn\n", string(b))
	assert.Equal(t, dir, filepath.Dir(p))
	_, err = export.ExtractEvidence(o.Path, nil, dir)
	assert.Error(t, err)
}

func TestReviewRoundTrip(t *testing.T) {
	f := sampleReview(t)
	b, err := export.EncodeReview(f)
	require.NoError(t, err)
	got, err := export.DecodeReview(b)
	require.NoError(t, err)
	assert.Equal(t, f, got)
	assert.Equal(t, "pack.zip", got.PackFile)
	assert.Len(t, got.PackSHA256, 64)
	assert.Equal(t, int64(7), got.Revision)
}

func compileReviewSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.ReviewSchema()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	require.NoError(t, c.AddResource("review.schema.json", doc))
	sch, err := c.Compile("review.schema.json")
	require.NoError(t, err)
	return sch
}

func TestReviewFileValidatesAgainstItsSchema(t *testing.T) {
	sch := compileReviewSchema(t)
	b, err := export.EncodeReview(sampleReview(t))
	require.NoError(t, err)
	require.NoError(t, validateAgainstSchema(t, sch, b))

	empty := sampleReview(t)
	empty.Comments, empty.NoConcerns = nil, nil
	b, err = export.EncodeReview(empty)
	require.NoError(t, err)
	assert.NoError(t, validateAgainstSchema(t, sch, b), "an empty review is valid")

	for name, edit := range map[string]func(string) string{
		"bad kind":   func(s string) string { return strings.Replace(s, `"must-change"`, `"shout"`, 1) },
		"bad hash":   func(s string) string { return strings.Replace(s, `"pack_sha256": "`, `"pack_sha256": "x`, 1) },
		"extra key":  func(s string) string { return strings.Replace(s, `"reviewer":`, `"mood": "grumpy", "reviewer":`, 1) },
		"no section": func(s string) string { return strings.Replace(s, `"section": "legal"`, `"section": "appendix"`, 1) },
	} {
		b, err := export.EncodeReview(sampleReview(t))
		require.NoError(t, err)
		assert.Error(t, validateAgainstSchema(t, sch, []byte(edit(string(b)))), name)
	}
}

// jsonNames lists the JSON names of a struct's fields, promoted ones included.
func jsonNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, jsonNames(f.Type)...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

func TestReviewSchemaNamesEveryField(t *testing.T) {
	var doc struct {
		Required []string `json:"required"`
		Defs     map[string]struct {
			Required []string `json:"required"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(export.ReviewSchema(), &doc))
	sorted := func(s []string) []string { s = append([]string(nil), s...); sort.Strings(s); return s }
	assert.Equal(t, jsonNames(reflect.TypeFor[export.ReviewFile]()), sorted(doc.Required))
	assert.Equal(t, jsonNames(reflect.TypeFor[forms.ReviewComment]()), sorted(doc.Defs["Comment"].Required))
	assert.Equal(t, jsonNames(reflect.TypeFor[forms.CommentNote]()), sorted(doc.Defs["Reply"].Required))
	assert.Equal(t, jsonNames(reflect.TypeFor[forms.CommentVerdict]()), sorted(doc.Defs["Verdict"].Required))
	var sections []string
	for _, s := range forms.Sections {
		sections = append(sections, string(s.ID))
	}
	assert.Contains(t, string(export.ReviewSchema()), `"enum": ["`+strings.Join(sections, `", "`)+`"]`)
	assert.Contains(t, string(export.ReviewSchema()), `"enum": ["`+strings.Join(forms.Values(forms.CommentKindChoices), `", "`)+`"]`)
}

func TestDecodeReviewIsStrict(t *testing.T) {
	good, err := export.EncodeReview(sampleReview(t))
	require.NoError(t, err)
	cases := map[string]struct {
		edit func(string) string
		want string
	}{
		"duplicate key": {func(s string) string {
			return strings.Replace(s, `"reviewer": "Gwen Ashby",`, `"reviewer": "Gwen Ashby", "reviewer": "Someone",`, 1)
		}, "reviewer"},
		"unknown field":         {func(s string) string { return strings.Replace(s, `"reviewer":`, `"mood": "grumpy", "reviewer":`, 1) }, "mood"},
		"trailing data":         {func(s string) string { return s + "{}" }, "more data"},
		"newer version":         {func(s string) string { return strings.Replace(s, `"schema_version": 2`, `"schema_version": 9`, 1) }, "version 9"},
		"no version":            {func(s string) string { return strings.Replace(s, `"schema_version": 2,`, ``, 1) }, "schema_version"},
		"verdicts in version 1": {func(s string) string { return strings.Replace(s, `"schema_version": 2,`, `"schema_version": 1,`, 1) }, "verdicts"},
		"reopened without a note": {func(s string) string {
			return strings.Replace(s, `"note": "The 2015 form does not mention linkage."`, `"note": " "`, 1)
		}, "reopened"},
		"verdict on no comment": {func(s string) string { return strings.Replace(s, `"comment_id": "c-earlier"`, `"comment_id": ""`, 1) }, "which comment"},
		"verdict in no section": {func(s string) string {
			return strings.Replace(s, `"section": "evidence"`, `"section": "appendix"`, 1)
		}, "appendix"},
		"bad hash": {func(s string) string { return strings.Replace(s, `"pack_sha256": "`, `"pack_sha256": "ZZ`, 1) }, "pack_sha256"},
		"no draft": {func(s string) string {
			return strings.Replace(s, `"draft_id": "6f1c2a9e-3b7d-4c1e-9a55-0d2e8b7f4a10"`, `"draft_id": ""`, 1)
		}, "draft_id"},
		"bad kind":    {func(s string) string { return strings.Replace(s, `"must-change"`, `"shout"`, 1) }, "comment 1"},
		"empty text":  {func(s string) string { return strings.Replace(s, `"text": "Does the 2015`, `"text": " ", "x": "`, 1) }, "x"},
		"bad section": {func(s string) string { return strings.Replace(s, `"section": "legal"`, `"section": "appendix"`, 1) }, "appendix"},
		"bad field path": {func(s string) string {
			return strings.Replace(s, `"field": "purpose.objective"`, `"field": "../etc"`, 1)
		}, "field path"},
		"unknown no-concerns section": {func(s string) string {
			return strings.Replace(s, `"sections_without_concerns": [`, `"sections_without_concerns": ["appendix", `, 1)
		}, "appendix"},
		"invalid UTF-8": {func(s string) string { return strings.Replace(s, "Gwen", "G\xffwen", 1) }, "UTF-8"},
		"truncated":     {func(s string) string { return s[:len(s)/2] }, "truncated"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := export.DecodeReview([]byte(tc.edit(string(good))))
			require.ErrorIs(t, err, export.ErrBadReview)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func FuzzDecodeReview(f *testing.F) {
	f.Add([]byte(`{"schema_version":1}`))
	f.Add([]byte(`{"schema_version":1,"pack_sha256":"` + strings.Repeat("a", 64) + `","draft_id":"d","comments":[{"id":"c","section":"purpose","kind":"question","text":"?","author":"a"}]}`))
	f.Add([]byte(`{"comments":[{"field":"a[1].b"}],"comments":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := export.DecodeReview(b)
		if err != nil {
			return
		}
		// Whatever decodes must survive a round trip and attach cleanly.
		out, err := export.EncodeReview(r)
		require.NoError(t, err)
		again, err := export.DecodeReview(out)
		require.NoError(t, err)
		assert.Equal(t, len(r.Comments), len(again.Comments))
		_, err = forms.AttachReview(forms.Example(), &again.Review)
		require.NoError(t, err)
	})
}

func TestReviewPDFReadsAsWritten(t *testing.T) {
	f := sampleReview(t)
	var buf bytes.Buffer
	require.NoError(t, export.WriteReviewPDF(&buf, f))
	qpdfCheck(t, buf.Bytes())
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{
		"Review of a DARS application pack", f.Title, "Gwen Ashby, IG lead, School of Medicine",
		"Must change · Purpose › Objective", "Name the treatments you will compare – “anthracyclines” at least.",
		"The answer as reviewed: To measure how often chronic kidney disease",
		"Question · The whole section", "Approved · Organisations 1 › Security › DSPT status",
		"Sections reviewed with no concerns", "Cohort and linkage.",
		"1 must change, 1 question, 1 approved", "1 section reviewed, 1 comment reopened",
		"Answers to earlier comments", "Reopened · Evidence", "Is the 2015 consent form attached?",
		"Why: The 2015 form does not mention linkage.",
	} {
		assert.Contains(t, text, squash(want))
	}
	assert.Contains(t, despace(text), f.PackSHA256, "hashes may wrap")
	var again bytes.Buffer
	require.NoError(t, export.WriteReviewPDF(&again, f))
	assert.True(t, bytes.Equal(buf.Bytes(), again.Bytes()), "the same review gives the same bytes")
}

func TestChangesPDFReadsAsWritten(t *testing.T) {
	old, _ := richApp()
	new := old.Clone()
	new.Revision = 9
	new.Overview.Title = "Kidney outcomes after childhood cancer"
	new.Purpose.Objective = strings.Replace(old.Purpose.Objective, "which treatments", "which chemotherapy and radiotherapy treatments", 1)
	new.People = new.People[:1]
	new.Evidence[0].File = &forms.Attachment{Name: "protocol v5.pdf", SHA256: strings.Repeat("b", 64), IsPDF: true}
	c := forms.Compare(old, new)
	var buf bytes.Buffer
	require.NoError(t, export.WriteChangesPDF(&buf, c, export.ChangesInfo{Title: new.Overview.Title, From: "Revision 7", To: "Revision 9", At: fixedTime}))
	qpdfCheck(t, buf.Bytes())
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{
		"Summary of changes", "Revision 7", "Revision 9",
		"Changed: Overview › Title", "Was " + old.Overview.Title, "Now Kidney outcomes after childhood cancer",
		"Changed: Purpose › Objective", "which chemotherapy and radiotherapy treatments carry",
		"Removed: People 2", "Name: Tomás O'Neill",
		"Evidence files", "Study protocol", "protocol v5.pdf",
	} {
		assert.Contains(t, text, squash(want))
	}
	assert.Contains(t, despace(text), strings.Repeat("b", 64), "hashes may wrap")
}

func TestDecodeReviewExplainsAnEmptyFile(t *testing.T) {
	for name, in := range map[string]string{"empty": "", "blank lines": "\n\n"} {
		t.Run(name, func(t *testing.T) {
			_, err := export.DecodeReview([]byte(in))
			require.ErrorIs(t, err, export.ErrBadReview)
			assert.Contains(t, err.Error(), "the file is empty")
		})
	}
}

// Every review file an earlier release wrote still imports; one of the
// current version reads and writes back byte for byte.
func TestEveryReviewVersionStillImports(t *testing.T) {
	for v := 1; v <= export.ReviewSchemaVersion; v++ {
		files, _ := filepath.Glob(filepath.Join("testdata", "review", fmt.Sprintf("v%d", v), "*.json"))
		require.NotEmpty(t, files, "no review file written by version %d is kept in testdata/review/v%d", v, v)
		for _, path := range files {
			t.Run(filepath.Base(path), func(t *testing.T) {
				b, err := os.ReadFile(path)
				require.NoError(t, err)
				f, err := export.DecodeReview(b)
				require.NoError(t, err)
				assert.Equal(t, v, f.SchemaVersion)
				assert.Len(t, f.Comments, 3)
				draft := forms.Example()
				res, err := forms.AttachReview(draft, &f.Review)
				require.NoError(t, err)
				assert.Equal(t, 3, res.Added)
				assert.Equal(t, 1, res.Reviewed)
				if v < export.ReviewSchemaVersion {
					assert.Empty(t, f.Verdicts)
					return
				}
				assert.Equal(t, 1, res.Missing, "the verdict is on a comment this draft never had")
				again, err := export.EncodeReview(f)
				require.NoError(t, err)
				assert.Equal(t, string(b), string(again))
			})
		}
	}
}
