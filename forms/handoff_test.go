package forms_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

var tickedAt = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func answerNamed(t *testing.T, items []forms.HandOffItem, where string) forms.HandOffItem {
	t.Helper()
	for _, it := range items {
		if it.Where() == where {
			return it
		}
	}
	t.Fatalf("no hand-off answer %q", where)
	return forms.HandOffItem{}
}

func TestHandOffAnswersHaveRealPathsAndUniqueKeys(t *testing.T) {
	planted := forms.Example()
	formstest.PlantEverywhere(planted, func(p string) string { return "«" + p + "»" })
	for name, a := range map[string]*forms.Application{"example": forms.Example(), "planted": planted, "large": formstest.Large()} {
		t.Run(name, func(t *testing.T) {
			items := forms.HandOffAnswers(a)
			require.NotEmpty(t, items)
			keys := map[string]string{}
			for i, it := range items {
				if prev, dup := keys[it.Key]; dup {
					t.Errorf("%s and %s share the key %q", prev, it.Where(), it.Key)
				}
				keys[it.Key] = it.Where()
				// FieldValue encodes the whole draft: on the large one,
				// look up a sample.
				if name == "large" && i%97 != 0 {
					continue
				}
				_, ok := forms.FieldValue(a, it.Path)
				assert.True(t, ok, "%s: path %q names nothing", it.Where(), it.Path)
				assert.Equal(t, it.Section, forms.SectionOfField(it.Path), "%s: path %q is in another section", it.Where(), it.Path)
			}
		})
	}
}

func TestHandOffAnswersFollowTheSectionOrder(t *testing.T) {
	items := forms.HandOffAnswers(forms.Example())
	order := map[forms.SectionID]int{}
	for i, s := range forms.Sections {
		order[s.ID] = i
	}
	for i := 1; i < len(items); i++ {
		assert.LessOrEqual(t, order[items[i-1].Section], order[items[i].Section], "%s comes after %s", items[i].Where(), items[i-1].Where())
	}
	first := answerNamed(t, items, "Data requested › Hospital Episode Statistics Admitted Patient Care (HES APC) › Fields requested › Diagnosis codes")
	assert.Equal(t, "To identify chronic kidney disease admissions.", first.Text)
	assert.Equal(t, "data.products[0].fields[0].reason", first.Path)
	p := answerNamed(t, items, "Organisations and people › People › Person 1 › Name")
	assert.Equal(t, "people[0].name", p.Path)
}

// TestTicksClearWhenAnswersChange: a tick holds while its answer stands,
// shows as changed once the answer is edited, holds again if the edit is
// undone, and follows its entry when a list is reordered.
func TestTicksClearWhenAnswersChange(t *testing.T) {
	a := forms.Example()
	items := forms.HandOffAnswers(a)
	objective := answerNamed(t, items, "Purpose and benefits › Objective")
	person := answerNamed(t, items, "Organisations and people › People › Person 2 › Role")
	field := answerNamed(t, items, "Data requested › Civil Registrations of Death › Fields requested › Date of death")
	ticks := []forms.HandOffTick{objective.Tick(tickedAt), person.Tick(tickedAt), field.Tick(tickedAt)}

	state := func(a *forms.Application, where string) forms.HandOffState {
		t.Helper()
		l := forms.NewHandOffList(forms.HandOffAnswers(a), nil, ticks)
		for _, r := range l.Answers {
			if r.Where() == where {
				return r.State
			}
		}
		t.Fatalf("no answer %q", where)
		return 0
	}
	for _, tc := range []struct {
		name  string
		edit  func(a *forms.Application)
		where string
		want  forms.HandOffState
	}{
		{"unchanged", func(*forms.Application) {}, objective.Where(), forms.Entered},
		{"edited", func(a *forms.Application) { a.Purpose.Objective += " Also adults." }, objective.Where(), forms.ChangedSinceEntered},
		{"edited and undone", func(a *forms.Application) {
			old := a.Purpose.Objective
			a.Purpose.Objective = "x"
			a.Purpose.Objective = old
		}, objective.Where(), forms.Entered},
		{"only spaces around it", func(a *forms.Application) { a.Purpose.Objective = "  " + a.Purpose.Objective + "\n" }, objective.Where(), forms.Entered},
		{"never ticked", func(*forms.Application) {}, "Purpose and benefits › Expected outputs", forms.NotEntered},
		{"people reordered", func(a *forms.Application) {
			a.People[0], a.People[1] = a.People[1], a.People[0]
		}, "Organisations and people › People › Person 1 › Role", forms.Entered},
		{"person's role edited", func(a *forms.Application) { a.People[1].Role += " (lead)" }, person.Where(), forms.ChangedSinceEntered},
		{"fields reordered", func(a *forms.Application) {
			f := a.Data.Products[1].Fields
			f[0], f[1] = f[1], f[0]
		}, field.Where(), forms.Entered},
		{"field's reason edited", func(a *forms.Application) { a.Data.Products[1].Fields[0].Reason = "Outcome." }, field.Where(), forms.ChangedSinceEntered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := a.Clone()
			tc.edit(b)
			assert.Equal(t, tc.want, state(b, tc.where))
		})
	}
}

func TestHandOffProgressAndRemovedAnswers(t *testing.T) {
	a := forms.Example()
	items := forms.HandOffAnswers(a)
	docs := []forms.HandOffItem{
		forms.HandOffEvidence(0, forms.EvidenceItem{ID: "e1", Title: "Protocol", File: &forms.Attachment{Name: "p.pdf", SHA256: "ab", Size: 3, IsPDF: true}}, "evidence[#e1].file", "ab-p.pdf"),
		forms.HandOffEvidence(1, forms.EvidenceItem{ID: "e2", Title: "REC opinion"}, "evidence[#e2].file", ""),
		forms.HandOffEvidence(2, forms.EvidenceItem{ID: "e3", Type: forms.EvIRAS, Title: "IRAS"}, "evidence[#e3].file", ""),
	}
	var ticks []forms.HandOffTick
	for _, it := range items[:5] {
		ticks = append(ticks, it.Tick(tickedAt))
	}
	ticks = append(ticks, docs[0].Tick(tickedAt))
	gone := forms.HandOffTick{Key: "locations[#gone].site", SHA256: forms.HandOffItem{Text: "Old site"}.Hash(), Where: "Territory and locations › Location 3 › Site"}
	ticks = append(ticks, gone)
	a.Overview.Title = "Changed"

	l := forms.NewHandOffList(forms.HandOffAnswers(a), docs, ticks)
	p := l.Progress()
	assert.Equal(t, len(items), p.Answers)
	assert.Equal(t, 4, p.AnswersEntered)
	assert.Equal(t, 1, p.Changed)
	assert.Equal(t, 1, p.Documents, "only a document with a file can be uploaded")
	assert.Equal(t, 1, p.DocumentsEntered)
	assert.Equal(t, 1, p.NoFile, "the IRAS reference has nothing to upload and is not counted missing")
	assert.False(t, p.Done())
	assert.Equal(t, []forms.HandOffTick{gone}, l.Removed)
	assert.Equal(t, "4 of "+itoa(len(items))+" answers entered · 1 of 1 document uploaded · 1 document with no file yet · 1 changed since entered", p.Summary())
	assert.InDelta(t, 5.0/float64(len(items)+1), p.Fraction(), 1e-9)

	// A new file under the same name clears the document's tick too.
	docs[0].File.SHA256 = "cd"
	l = forms.NewHandOffList(forms.HandOffAnswers(a), docs, ticks)
	assert.Equal(t, forms.ChangedSinceEntered, l.Documents[0].State)

	all := append([]forms.HandOffTick{}, ticks...)
	for _, it := range forms.HandOffAnswers(a) {
		all = append(all, it.Tick(tickedAt))
	}
	all = append(all, docs[0].Tick(tickedAt))
	done := forms.NewHandOffList(forms.HandOffAnswers(a), docs, all).Progress()
	assert.True(t, done.Done())
	assert.Equal(t, 1.0, done.Fraction())
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestHandOffFlagsNHSNumbersForMaskedCopy(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = "Follow up 943 476 5919 and others."
	l := forms.NewHandOffList(forms.HandOffAnswers(a), nil, nil)
	for _, r := range l.Answers {
		if r.Label == "Objective" {
			assert.Equal(t, 1, r.Identifiers)
			assert.NotContains(t, forms.MaskNHSNumbers(r.Text), "476 5919")
		} else {
			assert.Zero(t, r.Identifiers, r.Where())
		}
	}
}

func TestRecordSubmission(t *testing.T) {
	on := forms.NewDate(2026, time.December, 1)
	for _, tc := range []struct {
		name    string
		prepare func(a *forms.Application)
		ref     string
		wantRef string
	}{
		{"first time", func(a *forms.Application) {}, " DARS-NIC-654321-ZZ9Z9 ", "DARS-NIC-654321-ZZ9Z9"},
		{"stage chosen by hand before", func(a *forms.Application) {
			a.SetStage(forms.StageSubmission, forms.NewDate(2026, time.November, 2))
			a.SetStage(forms.StagePreliminary, forms.NewDate(2026, time.November, 3))
		}, "not a reference", "not a reference"},
		{"no reference given keeps the old one", func(a *forms.Application) {}, "", "DARS-NIC-123456-AB1C2-v1.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := forms.Example()
			tc.prepare(a)
			a.RecordSubmission(on, tc.ref)
			assert.Equal(t, forms.StageSubmission, a.Overview.Stage)
			got, ok := a.StageReached(forms.StageSubmission)
			require.True(t, ok)
			assert.Equal(t, on, got)
			n := 0
			for _, e := range a.Overview.StageHistory {
				if e.Stage == forms.StageSubmission {
					n++
				}
			}
			assert.Equal(t, 1, n, "the stage is recorded once")
			assert.Equal(t, tc.wantRef, a.Overview.DARSReference)
		})
	}
	assert.Error(t, forms.ValidateDARSReference("not a reference"), "a malformed reference is warned about (R-P6)")
}

// BenchmarkHandOffListLarge is the window's work after every edit: list the
// answers and apply the ticks.
func BenchmarkHandOffListLarge(b *testing.B) {
	a := formstest.Large()
	var ticks []forms.HandOffTick
	for _, it := range forms.HandOffAnswers(a) {
		ticks = append(ticks, it.Tick(tickedAt))
	}
	for b.Loop() {
		forms.NewHandOffList(forms.HandOffAnswers(a), nil, ticks).Progress()
	}
}
