package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A date that is not one says how to write it under the field, keeping the
// last good date; a calendar is one click away and writes the day picked.
func TestDateFieldsExplainThemselves(t *testing.T) {
	a := forms.Example()
	e := openSection(t, a, forms.SectionOverview)
	start := e.fields["overview.requested_start"].(*widget.Entry)
	var advice *widget.Label
	for _, o := range test.LaidOutObjects(e.body.Content) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && !l.Visible() {
			advice = l
			break
		}
	}
	require.NotNil(t, advice, "each date has its advice line, hidden while the date is good")

	cases := map[string]struct {
		text, advice string
		kept         forms.Date
	}{
		"UK order":          {"31/03/2028", "Use YYYY-MM-DD: 31/03/2028 would be 2028-03-31.", forms.NewDate(2027, 4, 1)},
		"not a date":        {"soon", "Use YYYY-MM-DD (e.g. 2027-04-01).", forms.NewDate(2027, 4, 1)},
		"still being typed": {"2028-0", "", forms.NewDate(2027, 4, 1)},
		"a date":            {"2028-05-02", "", forms.NewDate(2028, 5, 2)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a.Overview.RequestedFrom = forms.NewDate(2027, 4, 1)
			start.SetText(tc.text)
			assert.Equal(t, tc.kept, a.Overview.RequestedFrom)
			if tc.advice == "" {
				assert.False(t, shown(e, advice) && advice.Visible(), "no advice")
				return
			}
			// The advice under this field is the one that shows.
			found := false
			for _, o := range test.LaidOutObjects(e.body.Content) {
				if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text == tc.advice {
					found = true
				}
			}
			assert.True(t, found, "%q shows %q under the field", tc.text, tc.advice)
		})
	}
	shootAfter := func() { shoot(t, e.win, "date-advice.png") }
	start.SetText("31/03/2028")
	shootAfter()

	// The calendar button sits in the field and writes the day chosen.
	pick, ok := start.ActionItem.(*widget.Button)
	require.True(t, ok, "a calendar button in the field")
	test.Tap(pick)
	top := e.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "the calendar opens")
	var day *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == "17" {
			day = b
		}
	}
	require.NotNil(t, day)
	shoot(t, e.win, "date-picker.png")
	test.Tap(day)
	assert.Nil(t, e.win.Canvas().Overlays().Top(), "choosing a day closes the calendar")
	assert.Equal(t, 17, a.Overview.RequestedFrom.Time().Day())
	assert.Equal(t, a.Overview.RequestedFrom.String(), start.Text)
}

// In a pack under review the calendar opens nothing.
func TestDatePickerIsReadOnlyInAPack(t *testing.T) {
	test.NewTempApp(t)
	d := forms.NewDate(2027, 4, 1)
	in := newDateInput(&d, nil)
	w := test.NewWindow(in.object)
	w.Resize(fyne.NewSize(400, 300))
	in.entry.Disable()
	test.Tap(in.pick)
	assert.Nil(t, w.Canvas().Overlays().Top())
}

// dataGPNoteShown reports whether the Data section shows its PAG note.
func (e *Editor) dataGPNoteShown() bool {
	for _, o := range test.LaidOutObjects(e.body.Content) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.HasPrefix(l.Text, "GP data is in the request") {
			return shown(e, l)
		}
	}
	return false
}

// Ticking a box that brings a note in above it leaves the box where it was
// on screen: the page scrolls by the note's height.
func TestTickingABoxKeepsItInPlace(t *testing.T) {
	a := forms.Example()
	e := openSection(t, a, forms.SectionData)
	e.win.Resize(fyne.NewSize(1260, 780))
	gp := e.fields["data.products[1].gp_data"].(*widget.Check)
	e.scrollTo(gp)
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(gp).Y
	test.Tap(gp) // GP data: a note on PAG review appears at the top of the section
	require.True(t, a.Data.Products[1].GPData)
	require.True(t, e.dataGPNoteShown(), "the note is shown above")
	e.body.Refresh() // as the next frame lays the screen out
	assert.InDelta(t, before, d.AbsolutePositionForObject(gp).Y, 1, "the box stays under the pointer")
	test.Tap(gp)
	e.body.Refresh()
	assert.InDelta(t, before, d.AbsolutePositionForObject(gp).Y, 1, "and again when the note goes")
}
