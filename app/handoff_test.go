package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
	"github.com/darsworkbench/dars-workbench/storage"
)

// openHandOff opens the worked example and its hand-off window, with the
// documents listed.
func openHandOff(t *testing.T) (*UI, *storage.Store, *Editor, *handoffWindow) {
	t.Helper()
	u, st := newTestUI(t)
	u.start.onExample()
	e := openOnly(t, u)
	e.onHandOff()
	require.NotNil(t, e.handoff)
	settle(u)
	require.True(t, e.handoff.docsReady)
	t.Cleanup(func() {
		if !e.closed {
			e.onClose()
		}
		settle(u)
	})
	return u, st, e, e.handoff
}

func key(l *keyList, k fyne.KeyName) { l.TypedKey(&fyne.KeyEvent{Name: k}) }

func storedTicks(t *testing.T, st *storage.Store, id string) map[string]forms.HandOffTick {
	t.Helper()
	ticks, err := st.HandOffTicks(id)
	require.NoError(t, err)
	m := map[string]forms.HandOffTick{}
	for _, tk := range ticks {
		m[tk.Key] = tk
	}
	return m
}

func rowNamed(t *testing.T, p *handoffPane, where string) int {
	t.Helper()
	for i, r := range p.rows {
		if r.Where() == where {
			return i
		}
	}
	t.Fatalf("no row %q", where)
	return -1
}

func TestHandOffListsEveryAnswerWithProgress(t *testing.T) {
	_, _, e, h := openHandOff(t)
	n := len(forms.HandOffAnswers(e.App()))
	assert.Len(t, h.answersP.rows, n)
	assert.True(t, strings.HasPrefix(h.summary.Text, "0 of "+itoa(n)+" answers entered"), h.summary.Text)
	assert.Zero(t, h.bar.Value)
	// Headings for each section and group come before their answers.
	assert.Equal(t, "Overview", h.answersP.view[0].heading)
	assert.Equal(t, 0, h.answersP.view[1].item)
	var headings []string
	for _, v := range h.answersP.view {
		if v.heading != "" {
			headings = append(headings, v.heading)
		}
	}
	assert.Contains(t, headings, "Civil Registrations of Death")
	assert.Contains(t, headings, "People")
	// Documents: the protocol has no file and says so; the DPIA is written
	// from the draft.
	require.NotEmpty(t, h.docsP.rows)
	assert.Equal(t, "No file attached: attach the PDF in Evidence.", h.docsP.rows[0].File.ToDo)
	found := false
	for _, r := range h.docsP.rows {
		found = found || r.File.UploadName == "dpia.pdf"
	}
	assert.True(t, found)
}

func TestHandOffKeyboardTickAndCopy(t *testing.T) {
	u, st, e, h := openHandOff(t)
	p := h.answersP
	require.Equal(t, 0, p.sel, "the window opens on the first answer not entered")
	assert.Equal(t, "Overview › Title", p.where.Text)
	key(p.list, fyne.KeyUp)
	assert.Equal(t, 0, p.sel, "↑ stops at the first answer, not on its heading")
	key(p.list, fyne.KeyDown)
	assert.Equal(t, "Overview › Summary", p.where.Text)

	// Return copies the whole answer; Space ticks it and moves on.
	key(p.list, fyne.KeyReturn)
	assert.Equal(t, e.App().Overview.Summary, u.fyne.Clipboard().Content())
	assert.Contains(t, h.status.Text, "Copied “Summary”")
	key(p.list, fyne.KeySpace)
	assert.Equal(t, forms.Entered, p.rows[1].State)
	assert.Equal(t, "Overview › Requested access from", p.where.Text)
	assert.Contains(t, h.summary.Text, "1 of ")
	settle(u)
	ticks := storedTicks(t, st, e.App().ID)
	require.Contains(t, ticks, "overview.summary")
	assert.Equal(t, p.rows[1].Hash(), ticks["overview.summary"].SHA256)

	// Ctrl+N goes to the next answer not entered, over the ticked summary.
	key(p.list, fyne.KeyUp)
	key(p.list, fyne.KeyUp)
	h.current().selectNext()
	assert.Equal(t, "Overview › Requested access from", p.where.Text)

	// Space on a ticked answer takes the tick away and stays.
	key(p.list, fyne.KeyUp)
	assert.True(t, p.tick.Checked)
	key(p.list, fyne.KeySpace)
	assert.Equal(t, "Overview › Summary", p.where.Text)
	assert.False(t, p.tick.Checked)
	settle(u)
	assert.NotContains(t, storedTicks(t, st, e.App().ID), "overview.summary")

	// Showing only what is not yet entered, a tick hands the place to the
	// next one.
	p.filter.SetSelected(showNotEntered)
	assert.Equal(t, "Overview › Summary", p.where.Text)
	key(p.list, fyne.KeySpace)
	assert.Equal(t, "Overview › Requested access from", p.where.Text)
	assert.Equal(t, -1, p.viewIndex(1), "the ticked summary is no longer shown")
	shoot(t, h.win, "handoff-keyboard.png")
}

func TestHandOffRowCopyAndTick(t *testing.T) {
	u, st, e, h := openHandOff(t)
	p := h.answersP
	i := rowNamed(t, p, "Purpose and benefits › Objective")
	v := p.viewIndex(i)
	obj := newHandoffRow().(*handoffRowObj)
	p.updateRow(v, obj)
	assert.Equal(t, "Objective", obj.label())
	assert.Equal(t, thousandsInt(int64(p.rows[i].Length())), obj.count.Text)
	test.Tap(obj.copyBtn)
	assert.Equal(t, e.App().Purpose.Objective, u.fyne.Clipboard().Content())
	assert.Equal(t, i, p.sel, "Copy chooses its row")
	test.Tap(obj.check)
	settle(u)
	assert.Contains(t, storedTicks(t, st, e.App().ID), "purpose.objective")
}

// A tick clears itself when the answer changes afterwards: the row says
// "changed since entered", the progress counts it, and ticking it again
// records the new text.
func TestHandOffTickClearsWhenTheAnswerChanges(t *testing.T) {
	u, st, e, h := openHandOff(t)
	p := h.answersP
	i := rowNamed(t, p, "Purpose and benefits › Objective")
	h.setTick(p.rows[i].HandOffItem, true)
	settle(u)
	assert.Equal(t, forms.Entered, p.rows[i].State)

	e.showSection(forms.SectionPurpose)
	test.Type(e.fields["purpose.objective"].(fyne.Focusable), " And adults.")
	h.refresh() // the window waits for typing to pause; do it now
	settle(u)
	assert.Equal(t, forms.ChangedSinceEntered, p.rows[i].State)
	assert.Contains(t, h.summary.Text, "1 changed since entered")
	p.filter.SetSelected(showChanged)
	require.Len(t, p.view, 2, "the section's heading and the one changed answer")
	obj := newHandoffRow().(*handoffRowObj)
	p.updateRow(p.viewIndex(i), obj)
	assert.Equal(t, "Objective — changed since entered", obj.label())
	p.list.Select(p.viewIndex(i))
	assert.Contains(t, p.state.Text, "Changed since it was entered")
	assert.False(t, p.tick.Checked)

	// Ticked again, it records the new text.
	test.Tap(p.tick)
	settle(u)
	assert.Equal(t, forms.Entered, p.rows[i].State)
	assert.Equal(t, forms.HandOffItem{Text: strings.TrimSpace(e.App().Purpose.Objective)}.Hash(), storedTicks(t, st, e.App().ID)["purpose.objective"].SHA256)
}

// Ticks are kept with the draft: they survive closing the window, closing
// the draft, a restored snapshot (which shows the answer as changed), and
// never reach a pack's submission file.
func TestHandOffTicksSurviveAndStayOutOfPacks(t *testing.T) {
	u, st, e, h := openHandOff(t)
	id := e.App().ID
	title := h.answersP.rows[rowNamed(t, h.answersP, "Overview › Title")]
	h.setTick(title.HandOffItem, true)
	settle(u)
	e.onSnapshot()
	h.close()
	assert.Nil(t, e.handoff)

	e.showSection(forms.SectionOverview)
	e.fields["overview.title"].(*widget.Entry).SetText("A new title")
	e.onClose()
	settle(u)
	e = u.openDraft(id)
	e.onHandOff()
	settle(u)
	h = e.handoff
	assert.Equal(t, forms.ChangedSinceEntered, h.answersP.rows[0].State)

	snaps, err := st.Snapshots(id)
	require.NoError(t, err)
	require.NoError(t, st.RestoreSnapshot(id, snaps[0].ID))
	e.onClose()
	settle(u)
	e = u.openDraft(id)
	e.onHandOff()
	settle(u)
	assert.Equal(t, forms.Entered, e.handoff.answersP.rows[0].State, "the restored title is the one entered")

	b, err := forms.Encode(e.App())
	require.NoError(t, err)
	assert.NotContains(t, string(b), title.Hash(), "a tick is not part of the draft")
}

func TestHandOffCopyMasksNHSNumbers(t *testing.T) {
	u, _, e, h := openHandOff(t)
	e.App().Purpose.Objective = "Trace 943 476 5919 first."
	h.refresh()
	settle(u)
	p := h.answersP
	p.list.Select(p.viewIndex(rowNamed(t, p, "Purpose and benefits › Objective")))
	assert.True(t, p.warn.Visible())
	assert.NotContains(t, p.preview.Text, "476 5919")
	p.copySelected()
	assert.Equal(t, "Trace 943 *** **** first.", u.fyne.Clipboard().Content())
	assert.Contains(t, h.status.Text, "masked")
}

func TestHandOffOpenFolderWritesTheUploads(t *testing.T) {
	u, st, e, h := openHandOff(t)
	es, _ := u.evidenceStore()
	att, err := es.AttachFile(storage.DraftOwner(e.App().ID), "e1", "protocol.pdf", strings.NewReader("%PDF-1.4 protocol\n"))
	require.NoError(t, err)
	att.IsPDF = true
	e.App().Evidence[0].File = &att
	e.Changed()
	h.refresh()
	settle(u)
	var opened string
	h.openFolder = func(dir string) error { opened = dir; return nil }
	h.onOpenFolder()
	settle(u)
	require.Equal(t, st.UploadDir(e.App().ID), opened)
	entries, err := os.ReadDir(opened)
	require.NoError(t, err)
	var names []string
	for _, en := range entries {
		names = append(names, en.Name())
	}
	assert.Contains(t, names, h.docsP.rows[0].File.UploadName)
	assert.Contains(t, names, "dpia.pdf")
	assert.True(t, h.docsP.folderRow.Visible())

	// Copy name copies the upload name; the document ticks like an answer.
	h.tabs.SelectIndex(1)
	d := h.docsP
	d.list.Select(d.viewIndex(0))
	d.copySelected()
	assert.Equal(t, h.docsP.rows[0].File.UploadName, u.fyne.Clipboard().Content())
	d.toggleSelected()
	assert.Equal(t, forms.Entered, d.rows[0].State)
	assert.Contains(t, h.summary.Text, "1 of ")
	assert.Contains(t, d.preview.Text, "SHA-256: "+att.SHA256)

	// An item with no file cannot be ticked, and says what to do.
	d.list.Select(d.viewIndex(1))
	assert.True(t, d.tick.Disabled())
	assert.Contains(t, d.preview.Text, "attach the PDF in Evidence")
}

// Recording the submission: the stage moves to application submission on
// the date given, the reference is kept (a malformed one warned about,
// not refused), an "As submitted" snapshot is taken and Compare offers it
// first.
func TestHandOffRecordsTheSubmission(t *testing.T) {
	u, st, e, h := openHandOff(t)
	// Everything ticked at once, as a person ticking each would leave it.
	var all []forms.HandOffTick
	for _, r := range append(append([]forms.HandOffRow{}, h.list.Answers...), h.list.Documents...) {
		if r.Tickable() {
			all = append(all, r.Tick(u.now()))
		}
	}
	require.NoError(t, st.SetHandOffTicks(e.App().ID, all...))
	h.ticks = all
	h.apply()
	require.True(t, h.list.Progress().Done())
	assert.Equal(t, 1.0, h.bar.Value)
	s := h.submit
	assert.Equal(t, widget.HighImportance, s.record.Importance)
	s.date.SetText("2026-12-01")
	s.ref.SetText("DARS-NIC-654321-ZZ9Z")
	assert.Contains(t, s.refNote.Text, "check it")
	test.Tap(s.record)
	settle(u)

	a := e.App()
	assert.Equal(t, forms.StageSubmission, a.Overview.Stage)
	on, ok := a.StageReached(forms.StageSubmission)
	require.True(t, ok)
	assert.Equal(t, "2026-12-01", on.String())
	assert.Equal(t, "DARS-NIC-654321-ZZ9Z", a.Overview.DARSReference)
	stored, err := st.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, forms.StageSubmission, stored.Overview.Stage)
	snaps, err := st.Snapshots(a.ID)
	require.NoError(t, err)
	require.NotEmpty(t, snaps)
	assert.Equal(t, forms.ReasonAsSubmitted, snaps[0].Reason)
	got, err := st.LoadSnapshot(snaps[0].ID)
	require.NoError(t, err)
	assert.Equal(t, "DARS-NIC-654321-ZZ9Z", got.Overview.DARSReference, "the snapshot is the draft as submitted")
	assert.Contains(t, s.recorded.Text, "Recorded as submitted on 1 Dec 2026 as DARS-NIC-654321-ZZ9Z")
	assert.True(t, s.compare.Visible())

	// A later snapshot does not push "As submitted" out of Compare's choice.
	e.onSnapshot()
	cw, err := e.newCompareWindow()
	require.NoError(t, err)
	assert.Contains(t, cw.from.Selected, forms.ReasonAsSubmitted)
	cw.win.Close()
}

func TestHandOffRecordAskesBeforeRecordingWithTicksMissing(t *testing.T) {
	u, _, e, h := openHandOff(t)
	s := h.submit
	assert.Contains(t, s.progress.Text, "Still to enter")
	test.Tap(s.record)
	settle(u)
	assert.NotEqual(t, forms.StageSubmission, e.App().Overview.Stage, "nothing is recorded before the user confirms")
	s.date.SetText("1 December")
	s.onRecord()
	assert.NotEqual(t, forms.StageSubmission, e.App().Overview.Stage)
}

func TestHandOffCopiedTicksAreOfferedToClear(t *testing.T) {
	u, st := newTestUI(t)
	u.start.onExample()
	e := openOnly(t, u)
	e.onHandOff()
	settle(u)
	h := e.handoff
	for _, r := range h.list.Answers[:3] {
		h.setTick(r.HandOffItem, true)
	}
	settle(u)
	e.onClose()
	settle(u)
	c, err := st.Duplicate(e.App().ID)
	require.NoError(t, err)
	ec := u.openDraft(c.ID)
	ec.onHandOff()
	settle(u)
	hc := ec.handoff
	assert.Equal(t, 2, hc.list.Progress().AnswersEntered)
	assert.Equal(t, 1, hc.list.Progress().Changed, "the copy's title is “Copy of …”: not what was entered")
	require.Len(t, hc.notices.Objects, 1)
	hc.ticks = nil // as "Clear all ticks" confirmed does
	hc.writes.push(func() error { return st.RemoveHandOffTicks(c.ID) }, hc.writeFailed)
	hc.apply()
	settle(u)
	assert.Empty(t, storedTicks(t, st, c.ID))
	assert.Empty(t, hc.notices.Objects)
	assert.Len(t, storedTicks(t, st, e.App().ID), 3, "the original keeps its own")
	ec.onClose()
	settle(u)
}

func itoa(n int) string { return strconv.Itoa(n) }

// A real-sized draft at its largest: thousands of answers, a 200,000-character
// objective. Rows show a line, the detail the first few thousand characters,
// and Copy the whole text.
func TestHandOffOnAHugeDraft(t *testing.T) {
	u, st := newTestUI(t)
	a := forms.Example()
	a.ID = forms.NewID()
	a.Purpose.Objective = strings.Repeat("The cohort objective text. ", 200000/27+1)[:200000]
	base := a.Data.Products[0]
	for i := range 40 {
		p := base
		p.ID, p.Name = fmt.Sprint("big", i), fmt.Sprintf("Data product %d", i+1)
		p.Fields = nil
		for f := range 25 {
			p.Fields = append(p.Fields, forms.ProductField{Name: fmt.Sprintf("Field %d", f+1), Reason: "Needed to time the outcome from treatment."})
		}
		a.Data.Products = append(a.Data.Products, p)
	}
	require.NoError(t, st.Create(a))
	e := u.openDraft(a.ID)
	e.onHandOff()
	settle(u)
	h := e.handoff
	p := h.answersP
	assert.Greater(t, len(p.rows), 1000)
	i := rowNamed(t, p, "Purpose and benefits › Objective")
	p.list.Select(p.viewIndex(i))
	assert.LessOrEqual(t, utf8.RuneCountInString(p.preview.Text), previewRunes+100)
	assert.Contains(t, p.preview.Text, "Copy copies the whole answer")
	obj := newHandoffRow().(*handoffRowObj)
	p.updateRow(p.viewIndex(i), obj)
	assert.LessOrEqual(t, utf8.RuneCountInString(obj.text.Segments[1].(*widget.TextSegment).Text), 161)
	assert.Equal(t, "199,999", obj.count.Text, "the trailing space is not part of the answer")
	p.copySelected()
	assert.True(t, strings.TrimSpace(a.Purpose.Objective) == u.fyne.Clipboard().Content(), "Copy copies the whole answer")
	shoot(t, h.win, "handoff-huge.png")
	e.onClose()
	settle(u)
}

// BenchmarkHandOffRefreshLarge is the window's work once typing pauses in a
// large draft: list the answers, apply the ticks, lay out the rows.
func BenchmarkHandOffRefreshLarge(b *testing.B) {
	test.NewTempApp(b)
	st, err := storage.Open(filepath.Join(b.TempDir(), "bench.db"))
	require.NoError(b, err)
	defer st.Close()
	u := New(fyne.CurrentApp(), st)
	queueReports(u)
	a := formstest.Large()
	require.NoError(b, st.Create(a))
	e := u.openDraft(a.ID)
	e.onHandOff()
	settle(u)
	h := e.handoff
	for _, r := range h.list.Answers[:len(h.list.Answers)/2] {
		h.ticks = append(h.ticks, r.Tick(u.now()))
	}
	for b.Loop() {
		h.refreshAnswers()
	}
	e.onClose()
	settle(u)
}

// The window follows the draft: its title, and the reference box while the
// user has not typed another reference there.
func TestHandOffFollowsTheDraft(t *testing.T) {
	u, _, e, h := openHandOff(t)
	e.showSection(forms.SectionOverview)
	e.fields["overview.dars_reference"].(*widget.Entry).SetText("DARS-NIC-111111-AAAAA")
	e.fields["overview.title"].(*widget.Entry).SetText("Renamed study")
	h.refresh()
	settle(u)
	assert.Equal(t, "DARS-NIC-111111-AAAAA", h.submit.ref.Text)
	assert.Contains(t, h.win.Title(), "Renamed study")
	h.submit.ref.SetText("DARS-NIC-222222-BBBBB")
	e.fields["overview.dars_reference"].(*widget.Entry).SetText("DARS-NIC-333333-CCCCC")
	h.refresh()
	settle(u)
	assert.Equal(t, "DARS-NIC-222222-BBBBB", h.submit.ref.Text, "what the user typed is kept")
}

// An edit in the draft's window reaches the hand-off once typing pauses,
// without anything asking for it.
func TestHandOffFollowsEditsOnItsOwn(t *testing.T) {
	u, _, e, h := openHandOff(t)
	h.delay = time.Millisecond
	i := rowNamed(t, h.answersP, "Purpose and benefits › Objective")
	h.setTick(h.answersP.rows[i].HandOffItem, true)
	e.showSection(forms.SectionPurpose)
	test.Type(e.fields["purpose.objective"].(fyne.Focusable), "Also: ")
	v, _ := reports.Load(u)
	q := v.(*reportQueue)
	require.Eventually(t, func() bool {
		q.drain()
		return h.answersP.rows[i].State == forms.ChangedSinceEntered
	}, 10*time.Second, 5*time.Millisecond)
	settle(u)
}

// Requirement codes are for the ⓘ text and the findings: the hand-off's
// labels and hints show none (the CLI keeps them).
func TestHandOffShowsNoRequirementCodes(t *testing.T) {
	u, _, e, h := openHandOff(t)
	e.App().Evidence[0].File = &forms.Attachment{Name: "scan.docx", Size: 20_000_000, SHA256: strings.Repeat("ab", 32)}
	h.refresh()
	settle(u)
	h.submit.ref.SetText("not a reference")
	h.tabs.SelectIndex(1)
	for i := range h.docsP.rows {
		h.docsP.list.Select(h.docsP.viewIndex(i))
		for _, o := range test.LaidOutObjects(h.win.Content()) {
			var text string
			switch w := o.(type) {
			case *widget.Label:
				text = w.Text
			case *widget.RichText:
				text = w.String()
			}
			assert.NotRegexp(t, requirementCodes, text, "%T", o)
		}
	}
	h.tabs.SelectIndex(2)
	for _, o := range test.LaidOutObjects(h.win.Content()) {
		if l, ok := o.(*widget.Label); ok {
			assert.NotRegexp(t, requirementCodes, l.Text)
		}
	}
	h.docsP.list.Select(h.docsP.viewIndex(0))
	assert.Contains(t, h.docsP.preview.Text, "DARS Online takes PDF only", "the problem is told, without its code")
	assert.Contains(t, forms.MaskNHSNumbers(h.docsP.rows[0].File.ToDo), "(R-E2)", "the model keeps the code, for the CLI")
}
