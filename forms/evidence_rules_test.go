package forms_test

import (
	"strings"
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var evToday = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func reqKeys(rs []forms.Requirement) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Key)
	}
	return out
}

func TestRequiredEvidence(t *testing.T) {
	cases := map[string]struct {
		edit func(a *forms.Application)
		want []string
	}{
		"worked example (consent, research, funded)": {func(a *forms.Application) {}, []string{
			"consent-information-sheet-v2.0", "consent-consent-form-v2.0", "consent-information-sheet-v3.1", "consent-consent-form-v3.1",
			"protocol", "rec-favourable-opinion", "iras", "funding", "privacy-notice", "dpia", "data-flow-map",
		}},
		"s251 route, not research, identifiable": {func(a *forms.Application) {
			a.Legal.CLDC = forms.CLDCS251
			a.Purpose.IsResearch = false
		}, []string{"s251-application", "s251-approval", "s251-reviewed-documents", "s251-current", "privacy-notice", "dpia", "data-flow-map"}},
		"consent with no materials listed": {func(a *forms.Application) {
			a.Legal.ConsentMaterials = nil
			a.Purpose.IsResearch = false
		}, []string{"consent-information-sheet", "consent-form", "privacy-notice", "dpia", "data-flow-map"}},
		"aggregate HES only: no DPIA or map (R-D4)": {func(a *forms.Application) {
			a.Legal.CLDC = forms.CLDCNone
			a.Purpose.IsResearch = false
			a.Data.Products = a.Data.Products[:1]
			a.Data.AggregatedHESOnly = true
		}, nil},
		"research without REC or funding, nothing identifiable": {func(a *forms.Application) {
			a.Legal.CLDC = forms.CLDCNone
			a.Data.Products = a.Data.Products[:2]
			a.Purpose.RECNeeded = false
			a.Purpose.IRASReference = ""
			a.Purpose.FundingStatus = "not-needed"
		}, []string{"protocol", "dpia", "data-flow-map"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			assert.Equal(t, tc.want, reqKeys(forms.RequiredEvidence(a)))
		})
	}
}

func TestRequiredEvidenceMatching(t *testing.T) {
	a := forms.Example()
	rs := forms.RequiredEvidence(a)
	for _, r := range rs {
		if r.Key == "dpia" || r.Key == "data-flow-map" {
			assert.NotEmpty(t, r.MetBy, "the example's own %s meets it", r.Key)
			assert.Equal(t, -1, r.Item)
			continue
		}
		require.GreaterOrEqual(t, r.Item, 0, r.Key)
		assert.Equal(t, r.Type, a.Evidence[r.Item].Type, r.Key)
		if r.Version != "" {
			assert.Equal(t, r.Version, a.Evidence[r.Item].Version, r.Key)
		}
	}
	done, total := forms.EvidenceProgress(a)
	assert.Equal(t, 11, total)
	assert.Equal(t, 11, done)

	// An item that names its requirement wins over one that merely has the type.
	a.Legal.CLDC = forms.CLDCS251
	a.Evidence = append(a.Evidence,
		forms.EvidenceItem{ID: "x1", Type: forms.EvS251, Title: "CAG register entry", Status: forms.EvidenceFinal, Satisfies: "s251-current"},
		forms.EvidenceItem{ID: "x2", Type: forms.EvS251, Title: "Original application", Status: forms.EvidenceDraft},
	)
	byKey := map[string]forms.Requirement{}
	for _, r := range forms.RequiredEvidence(a) {
		byKey[r.Key] = r
	}
	assert.Equal(t, "x1", a.Evidence[byKey["s251-current"].Item].ID)
	assert.Equal(t, "x2", a.Evidence[byKey["s251-application"].Item].ID)
	assert.Equal(t, -1, byKey["s251-approval"].Item)
	assert.False(t, byKey["s251-approval"].Met(a))
}

func TestNewEvidenceForMeetsItsRequirement(t *testing.T) {
	a := forms.Example()
	a.Evidence = nil
	for _, r := range forms.RequiredEvidence(a) {
		a.Evidence = append(a.Evidence, forms.NewEvidenceFor(r))
	}
	for _, r := range forms.RequiredEvidence(a) {
		assert.True(t, r.Met(a), r.Key)
	}
	done, total := forms.EvidenceProgress(a)
	assert.Equal(t, 2, done, "new items are drafts; the DPIA and map are written in the app")
	assert.Equal(t, 11, total)
}

func TestEvidenceChecks(t *testing.T) {
	pdf := func(mut func(f *forms.Attachment)) *forms.Attachment {
		f := &forms.Attachment{Name: "protocol.pdf", Size: 120_000, SHA256: "ab", IsPDF: true}
		mut(f)
		return f
	}
	cases := map[string]struct {
		edit func(a *forms.Application)
		want []string
	}{
		"complete example": {func(a *forms.Application) {}, nil},
		"consent version missing": {func(a *forms.Application) {
			a.Evidence = a.Evidence[:3] // drops v2.0 documents, IRAS, funding, DPIA, map, privacy notice
		}, []string{"evidence-consent-missing", "evidence-consent-missing", "evidence-consent-missing", "evidence-funding-missing", "evidence-research-missing", "evidence-privacy-notice-missing"}},
		"no DPIA or map written, none attached": {func(a *forms.Application) {
			a.Evidence = append(a.Evidence[:8], a.Evidence[10:]...)
			a.DPIA.Need = ""
			a.DataFlow = forms.DataFlowMap{}
		}, []string{"evidence-dpia-flow-missing", "evidence-dpia-flow-missing"}},
		"DPIA and map attached instead of written": {func(a *forms.Application) {
			a.DPIA.Need = ""
			a.DataFlow = forms.DataFlowMap{}
		}, nil},
		"s251 with nothing": {func(a *forms.Application) {
			a.Legal.CLDC = forms.CLDCS251
		}, []string{"evidence-s251-missing", "evidence-s251-missing", "evidence-s251-missing", "evidence-s251-missing"}},
		"identifiable without privacy notice": {func(a *forms.Application) {
			a.Evidence = a.Evidence[:10]
		}, []string{"evidence-privacy-notice-missing"}},
		"item marked missing does not count": {func(a *forms.Application) {
			a.Evidence[0].Status = forms.EvidenceMissing
		}, []string{"evidence-research-missing"}},
		"draft item": {func(a *forms.Application) {
			a.Evidence[0].Status = forms.EvidenceDraft
		}, []string{"evidence-not-final"}},
		"expired item": {func(a *forms.Application) {
			a.Evidence[1].ValidUntil = forms.NewDate(2026, 11, 22)
		}, []string{"evidence-expired"}},
		"valid until today is not expired": {func(a *forms.Application) {
			a.Evidence[1].ValidUntil = forms.NewDate(2026, 11, 23)
		}, nil},
		"hand-added item without title": {func(a *forms.Application) {
			a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: "h", Type: forms.EvOther, Status: forms.EvidenceDraft})
		}, []string{"evidence-item-described", "evidence-not-final"}},
		"not a PDF": {func(a *forms.Application) {
			a.Evidence[0].File = pdf(func(f *forms.Attachment) { f.Name, f.IsPDF = "protocol.docx", false })
		}, []string{"evidence-file-not-pdf"}},
		"exactly 10 MB is allowed": {func(a *forms.Application) {
			a.Evidence[0].File = pdf(func(f *forms.Attachment) { f.Size = forms.MaxUploadBytes })
		}, nil},
		"one byte over 10 MB": {func(a *forms.Application) {
			a.Evidence[0].File = pdf(func(f *forms.Attachment) { f.Size = forms.MaxUploadBytes + 1 })
		}, []string{"evidence-file-too-large"}},
		"encrypted and scripted": {func(a *forms.Application) {
			a.Evidence[0].File = pdf(func(f *forms.Attachment) { f.Encrypted, f.ActiveContent = true, true })
		}, []string{"evidence-file-active-content", "evidence-file-encrypted"}},
		"not fully inspected": {func(a *forms.Application) {
			a.Evidence[0].File = pdf(func(f *forms.Attachment) { f.NotFullyInspected = "a stream uses the JBIG2Decode filter" })
		}, []string{"evidence-file-not-inspected"}},
		"not a PDF, so not inspected as one": {func(a *forms.Application) {
			a.Evidence[0].File = pdf(func(f *forms.Attachment) { f.IsPDF, f.NotFullyInspected = false, "x" })
		}, []string{"evidence-file-not-pdf"}},
	}
	fired := map[string]bool{}
	for name, tc := range cases {
		for _, id := range tc.want {
			fired[id] = true
		}
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			var got []string
			for _, f := range forms.Evaluate(a, evToday) {
				// The example carries no files; that advice has its own test.
				if f.Section == forms.SectionEvidence && f.CheckID != "evidence-file-attached" {
					got = append(got, f.CheckID)
				}
			}
			assert.ElementsMatch(t, tc.want, got)
		})
	}
	fired["evidence-file-attached"] = true // TestEvidenceFileAttachedAdvice
	for _, c := range forms.AllChecks() {
		if c.Section == forms.SectionEvidence {
			assert.True(t, fired[c.ID], "no case makes %s fire", c.ID)
		}
	}
}

func TestEvidenceFindingsSayWhatToDo(t *testing.T) {
	a := forms.Example()
	a.Legal.CLDC = forms.CLDCS251
	a.Evidence[0].File = &forms.Attachment{Name: "p.docx", Size: 12_500_000}
	fs := forms.Evaluate(a, evToday)
	var n int
	for _, f := range fs {
		if f.Section != forms.SectionEvidence {
			continue
		}
		n++
		assert.NotEmpty(t, f.Field, f.CheckID)
		assert.NotEmpty(t, f.Requirements, f.CheckID)
	}
	assert.Greater(t, n, 5)
	got := map[string]string{}
	for _, f := range fs {
		got[f.CheckID] = f.Message
	}
	assert.Contains(t, got["evidence-file-too-large"], "12.5 MB")
	assert.Contains(t, got["evidence-s251-missing"], "R-L6")
	assert.Equal(t, "legal_basis.cldc_route", fieldOf(fs, "evidence-s251-missing"))
	assert.Equal(t, "evidence[0].file", fieldOf(fs, "evidence-file-not-pdf"))
}

func fieldOf(fs []forms.Finding, id string) string {
	for _, f := range fs {
		if f.CheckID == id {
			return f.Field
		}
	}
	return ""
}

func TestEvidenceFileAttachedAdvice(t *testing.T) {
	attach := func(a *forms.Application) {
		for i := range a.Evidence {
			a.Evidence[i].File = &forms.Attachment{Name: "doc.pdf", Size: 1000, SHA256: "ab", IsPDF: true}
		}
	}
	for name, tc := range map[string]struct {
		edit      func(a *forms.Application)
		wantField string
		wantText  string
	}{
		"all attached": {attach, "", ""},
		"one missing": {func(a *forms.Application) {
			attach(a)
			a.Evidence[2].File = nil
		}, "evidence[2].file", "has no file attached"},
		"many missing, counted once": {func(a *forms.Application) {}, "evidence[0].file", "final items"},
		"drafts and IRAS numbers are not asked for files": {func(a *forms.Application) {
			attach(a)
			a.Evidence[0].File, a.Evidence[0].Status = nil, forms.EvidenceDraft
			a.Evidence = append(a.Evidence, forms.EvidenceItem{ID: "i", Type: forms.EvIRAS, Title: "IRAS 312345", Status: forms.EvidenceFinal})
		}, "", ""},
	} {
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			var got []forms.Finding
			for _, f := range forms.Evaluate(a, evToday) {
				if f.CheckID == "evidence-file-attached" {
					got = append(got, f)
				}
			}
			if tc.wantField == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, forms.Advice, got[0].Severity)
			assert.Equal(t, tc.wantField, got[0].Field)
			assert.Contains(t, got[0].Message, tc.wantText)
		})
	}
}

// The file findings say what was found, so the user knows what to look for.
func TestEvidenceFileFindingsNameWhatWasFound(t *testing.T) {
	a := forms.Example()
	a.Evidence[0].File = &forms.Attachment{Name: "p.pdf", Size: 1000, SHA256: strings.Repeat("a", 64), IsPDF: true,
		ActiveContent: true, ActiveFeatures: []string{"JavaScript", "embedded files", "an XFA form"}}
	a.Evidence[1].File = &forms.Attachment{Name: "q.pdf", Size: 1000, SHA256: strings.Repeat("b", 64), IsPDF: true,
		NotFullyInspected: "a stream uses the JBIG2Decode filter, which cannot be read here"}
	got := map[string]forms.Finding{}
	for _, f := range forms.Evaluate(a, evToday) {
		got[f.CheckID] = f
	}
	assert.Contains(t, got["evidence-file-active-content"].Message, "JavaScript, embedded files and an XFA form")
	nf := got["evidence-file-not-inspected"]
	assert.Equal(t, forms.Warning, nf.Severity)
	assert.Equal(t, []string{"R-E2"}, nf.Requirements)
	assert.Equal(t, "evidence[1].file", nf.Field)
	assert.Contains(t, nf.Message, "JBIG2Decode")
	assert.Contains(t, nf.Message, "not known to be free of scripts")
}
