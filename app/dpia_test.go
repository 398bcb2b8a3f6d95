package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// openDPIA opens the worked example in a draft window on a fresh database
// and shows its DPIA section, keeping the screen's state for the test.
func openDPIA(t *testing.T, edit func(a *forms.Application)) (*Editor, *dpiaView) {
	t.Helper()
	test.NewTempApp(t)
	store, err := storage.Open(filepath.Join(t.TempDir(), "drafts.db"))
	require.NoError(t, err)
	a := forms.Example()
	if edit != nil {
		edit(a)
	}
	require.NoError(t, store.Create(a))
	u := New(fyne.CurrentApp(), store)
	queueReports(u)
	e := newEditor(u, a)
	t.Cleanup(func() {
		e.save.close()
		_ = store.Close()
	})
	// As showSection does, keeping hold of the view.
	e.current, e.fields, e.listeners = forms.SectionDPIA, map[string]fyne.CanvasObject{}, nil
	v := buildDPIAView(e)
	e.body.Content = v.object
	e.body.Refresh()
	e.win.Resize(fyne.NewSize(1180, 760))
	return e, v
}

// objects lists every object drawn under o.
func dpiaObjects[T any](o fyne.CanvasObject) []T {
	var out []T
	for _, x := range test.LaidOutObjects(o) {
		if v, ok := x.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

func dpiaButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range dpiaObjects[*widget.Button](o) {
		if b.Text == text {
			return b
		}
	}
	require.Failf(t, "no button", "%q", text)
	return nil
}

func dpiaHasFinding(e *Editor, id string) bool {
	for _, f := range e.Findings() {
		if f.CheckID == id {
			return true
		}
	}
	return false
}

func TestDPIAViewShowsTheExample(t *testing.T) {
	e, v := openDPIA(t, nil)
	assert.True(t, strings.HasPrefix(v.screening.Text, "Required:"), v.screening.Text)
	// Screening answers the application settles are ticked and locked.
	assert.True(t, v.answers[0].Checked)
	assert.True(t, v.answers[0].Disabled())
	assert.Contains(t, v.implied[0].Text, "pseudonymised health data")
	assert.False(t, v.answers[1].Disabled(), "large scale is the user's to answer")
	assert.Contains(t, v.derived[0].Text, "NHS England supplies Hospital Episode Statistics")
	assert.Contains(t, v.facts.Text, "Lawful basis: Article 6(1)(e) public task")

	m := v.register
	assert.Equal(t, []int{3, 4}, m.before.numbers(forms.Possible, forms.Severe))
	assert.Equal(t, []int{1, 2, 5}, m.before.numbers(forms.Possible, forms.Significant))
	assert.Equal(t, []int{3, 4}, m.after.numbers(forms.Remote, forms.Severe))
	assert.Len(t, dpiaObjects[*card](m.list), 5)
	assert.Equal(t, "Risk 3: Re-identification of pseudonymised records", m.cards[2].Title)
	assert.Equal(t, "Overall risk: High · residual risk: Medium", m.summary[2].Text)
	opened(t, e, "dpia.risks[2]")
	assert.Equal(t, "High", m.overall[2].Text)
	assert.Equal(t, "Medium", m.residual[2].Text)
	assert.False(t, dpiaHasFinding(e, "dpia-signed"))
}

func TestDPIAViewAddFromLibraryCopiesAnEditableRisk(t *testing.T) {
	e, v := openDPIA(t, nil)
	r := v.register
	var label string
	for _, o := range r.library.Options {
		if strings.HasPrefix(o, "Loss or interception in transit") {
			label = o
		}
	}
	require.NotEmpty(t, label, r.library.Options)
	r.library.SetSelected(label)
	test.Tap(dpiaButton(t, r.object, "Add from library"))

	d := &e.App().DPIA
	require.Len(t, d.Risks, 6)
	assert.Equal(t, "loss-in-transit", d.Risks[5].LibraryID)
	assert.Equal(t, "Risk 6: Loss or interception in transit", r.cards[5].Title)
	assert.Equal(t, []int{6}, r.before.numbers(forms.Remote, forms.Severe))
	assert.NotContains(t, r.library.Options, label, "an added risk is no longer offered first")

	// The copy is the user's: editing it leaves the library alone.
	title := opened(t, e, "dpia.risks[5].title").(*widget.Entry)
	title.SetText("")
	test.Type(title, "Cohort file lost on the way to NHS England")
	assert.Equal(t, "Cohort file lost on the way to NHS England", d.Risks[5].Title)
	assert.Equal(t, "Risk 6: Cohort file lost on the way to NHS England", r.cards[5].Title)
	l, _ := forms.LibraryRiskByID("loss-in-transit")
	assert.Equal(t, "Loss or interception in transit", l.Title)
}

func TestDPIAViewAssessmentMovesTheRiskInTheMatrix(t *testing.T) {
	e, v := openDPIA(t, nil)
	r := v.register
	opened(t, e, "dpia.risks[0].likelihood").(*widget.Select).SetSelected("Probable")
	assert.Equal(t, []int{1}, r.before.numbers(forms.Probable, forms.Significant))
	assert.Equal(t, "High", r.overall[0].Text)

	opened(t, e, "dpia.risks[0].effect").(*widget.Select).SetSelected("Accepted")
	opened(t, e, "dpia.risks[0].residual_likelihood").(*widget.Select).SetSelected("Probable")
	opened(t, e, "dpia.risks[0].residual_severity").(*widget.Select).SetSelected("Severe")
	assert.Equal(t, []int{1}, r.after.numbers(forms.Probable, forms.Severe))
	assert.Contains(t, r.residual[0].Text, "consult the ICO")
	assert.True(t, dpiaHasFinding(e, "dpia-prior-consultation"))

	opened(t, e, "dpia.risks[0].effect").(*widget.Select).SetSelected("Eliminated")
	assert.Nil(t, r.after.numbers(forms.Probable, forms.Severe))
	assert.False(t, dpiaHasFinding(e, "dpia-prior-consultation"))
}

func TestDPIAViewRemovesARiskAfterConfirming(t *testing.T) {
	e, v := openDPIA(t, nil)
	r := v.register
	opened(t, e, "dpia.risks[1]")
	test.Tap(dpiaButton(t, r.cards[1], "Remove risk"))
	top := e.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "a confirmation is asked")
	test.Tap(dpiaButton(t, top, "Yes"))
	d := &e.App().DPIA
	require.Len(t, d.Risks, 4)
	assert.Equal(t, "Re-identification of pseudonymised records", d.Risks[1].Title)
	assert.Equal(t, "Risk 2: Re-identification of pseudonymised records", r.cards[1].Title)
	assert.Equal(t, []int{2, 3}, r.before.numbers(forms.Possible, forms.Severe))
}

func TestDPIAViewMeasuresAndSignOff(t *testing.T) {
	e, v := openDPIA(t, nil)
	d := &e.App().DPIA
	opened(t, e, "dpia.risks[0]")
	test.Tap(dpiaButton(t, v.register.cards[0], "Add measure"))
	require.Len(t, d.Risks[0].Measures, 3)
	text := opened(t, e, "dpia.risks[0].measures[2].text").(*longText)
	test.Type(text, "Round all counts to the nearest 5")
	assert.Equal(t, "Round all counts to the nearest 5", d.Risks[0].Measures[2].Text)
	assert.True(t, dpiaHasFinding(e, "dpia-action-plan"), "the new measure has no owner yet")

	name := e.fields["dpia.sign_off.measures_approved_by.name"].(*widget.Entry)
	name.SetText("")
	assert.True(t, dpiaHasFinding(e, "dpia-signed"))
	test.Type(name, "Prof. Ada Example")
	assert.False(t, dpiaHasFinding(e, "dpia-signed"))
}

func TestDPIAViewScreeningAnswersAreKept(t *testing.T) {
	e, v := openDPIA(t, nil)
	test.Tap(v.answers[1])
	assert.True(t, e.App().DPIA.Screening.LargeScale)
	// An answer the application settles is not written into the draft.
	assert.False(t, e.App().DPIA.Screening.Invisible)
}

func TestDPIAViewOpeningChangesNothing(t *testing.T) {
	e, _ := openDPIA(t, nil)
	before, err := forms.Encode(forms.Example())
	require.NoError(t, err)
	a := e.App().Clone()
	a.ID, a.Revision = forms.Example().ID, 0
	after, err := forms.Encode(a)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
	assert.Equal(t, "Revision 1, not changed since opening", e.savedAt.Text)
	e.save.flush()
	stored, err := e.ui.store.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(1), stored.Revision, "nothing was saved")
}

func TestDPIAFindingsOpenAField(t *testing.T) {
	e, _ := openDPIA(t, func(a *forms.Application) {
		a.DPIA.Risks[0].Measures = nil
		a.DPIA.Risks[1].Likelihood = ""
		a.DPIA.Risks[1].Measures[0].Owner = ""
		a.DPIA.Risks[2].Effect, a.DPIA.Risks[2].ResidualLikelihood = forms.Accepted, forms.Probable
		a.DPIA.Risks[3].Effect = ""
		a.DPIA.Risks[4].NodeRefs = []string{"gone"}
		a.DPIA.SignOff = forms.DPIASignOff{DPOAdvice: forms.Signature{Name: "M", On: forms.NewDate(2026, 1, 1)}, DPOOutcome: ""}
		a.DPIA.LawfulBasis.Article6 = "6-1-a"
		a.DPIA.Consultation = nil
		a.DPIA.Need = ""
		a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "CloudCo", Role: forms.RoleProcessor})
	})
	seen := map[string]bool{}
	for _, f := range e.Findings() {
		if f.Section != forms.SectionDPIA {
			continue
		}
		seen[f.CheckID] = true
		assert.NotNil(t, e.lookupField(f.Field), "%s: %s", f.CheckID, f.Field)
	}
	assert.Len(t, seen, 13, "every DPIA check but dpia-started and dpia-risks fired: %v", seen)
}

type dpiaClosingBuffer struct {
	bytes.Buffer
	closed bool
}

func (b *dpiaClosingBuffer) Close() error { b.closed = true; return nil }

func TestDPIAViewWritesThePDF(t *testing.T) {
	e, v := openDPIA(t, nil)
	e.ui.do = func(f func()) { f() } // done only reports on the channel
	var out dpiaClosingBuffer
	done := make(chan error, 1)
	v.writePDF(&out, func(err error) { done <- err })
	require.NoError(t, <-done)
	assert.True(t, out.closed)
	assert.True(t, bytes.HasPrefix(out.Bytes(), []byte("%PDF-")))
	assert.True(t, bytes.Contains(out.Bytes(), []byte("%%EOF")), "a complete PDF")
	assert.Greater(t, out.Len(), 20_000, "with fonts and six pages")
}

func TestDPIAViewPointsARiskAtTheDataFlowMap(t *testing.T) {
	e, _ := openDPIA(t, func(a *forms.Application) {
		a.DataFlow.Nodes = []forms.FlowNode{{ID: "n1", Label: "NHS England"}, {ID: "n2", Label: "Exampleton TRE"}}
		a.DataFlow.Flows = []forms.Flow{{ID: "f1", From: "n1", To: "n2"}}
	})
	g, ok := opened(t, e, "dpia.risks[1].flow_refs").(*widget.CheckGroup)
	require.True(t, ok, "risk 2 offers the parts of the map")
	assert.Equal(t, []string{"NHS England", "Exampleton TRE", "NHS England to Exampleton TRE"}, g.Options)
	g.SetSelected([]string{"Exampleton TRE", "NHS England to Exampleton TRE"})
	r := e.App().DPIA.Risks[1]
	assert.Equal(t, []string{"n2"}, r.NodeRefs)
	assert.Equal(t, []string{"f1"}, r.FlowRefs)
	assert.False(t, dpiaHasFinding(e, "dpia-flow-refs"))
}

// opened opens the risk card a path is in, as a finding about it does (the
// worked example's five risks start folded), and returns the field.
func opened(t *testing.T, e *Editor, path string) fyne.CanvasObject {
	t.Helper()
	e.Open(forms.SectionDPIA, path)
	obj, ok := e.fields[path]
	require.True(t, ok, "no field %s", path)
	return obj
}

// A register of more than three risks starts folded: each card shows its
// levels, and its questions are built when it is opened, by its button or
// by a finding about it.
func TestDPIARiskCardsStartFoldedAndOpen(t *testing.T) {
	e, v := openDPIA(t, nil)
	r := v.register
	require.Len(t, r.cards, 5)
	for i := range r.cards {
		assert.NotContains(t, e.fields, fmt.Sprintf("dpia.risks[%d].title", i), "risk %d is built folded", i+1)
		assert.True(t, r.summary[i].Visible())
	}
	assert.Equal(t, "Overall risk: Medium · residual risk: Low", r.summary[0].Text)
	e.scrollTo(r.cards[0])
	shoot(t, e.win, "dpia-risks-folded.png")

	test.Tap(dpiaButton(t, r.cards[2], "Show questions"))
	assert.Contains(t, e.fields, "dpia.risks[2].title")
	assert.False(t, r.summary[2].Visible(), "an open card shows its questions instead")
	e.scrollTo(r.cards[2])
	shoot(t, e.win, "dpia-risk-open.png")
	test.Tap(dpiaButton(t, r.cards[2], "Hide questions"))
	assert.True(t, r.summary[2].Visible())

	// A finding's path opens its card and puts the cursor in the field.
	e.Open(forms.SectionDPIA, "dpia.risks[4].measures[0].owner")
	owner, ok := e.fields["dpia.risks[4].measures[0].owner"].(*widget.Entry)
	require.True(t, ok)
	assert.Same(t, owner, e.win.Canvas().Focused())

	// Editing in an open card keeps the others as they were.
	test.Tap(dpiaButton(t, r.cards[4], "Add measure"))
	assert.False(t, r.folded[4], "the card edited stays open")
	assert.True(t, r.folded[1], "the others stay folded")
}
