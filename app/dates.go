package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// dateInput is a date typed as 2027-04-01 with a calendar one click away
// (the button at its right) and, under it, what is wrong with text that is
// not a date ("Use YYYY-MM-DD: 31/03/2027 would be 2027-03-31."). Fyne's
// own DateEntry writes dates in the locale's form, not the one DARS and
// the submission file use.
type dateInput struct {
	date   *forms.Date
	entry  *widget.Entry
	advice *widget.Label
	pick   *widget.Button
	object fyne.CanvasObject
	popUp  *widget.PopUp
}

// newDateInput edits *p; changed runs after each new date is kept. Text
// that is not yet a date keeps the last good date.
func newDateInput(p *forms.Date, changed func()) *dateInput {
	d := &dateInput{date: p, entry: widget.NewEntry(), advice: Hint("")}
	d.advice.Importance = widget.DangerImportance
	d.advice.Hide()
	// The button goes in before anything refreshes the entry: its look is
	// made on the first refresh, with whatever action item it has then.
	d.pick = widget.NewButtonWithIcon("", flatIcon(theme.CalendarIcon()), d.onPick)
	d.pick.Importance = widget.LowImportance
	d.entry.ActionItem = d.pick
	// Set before the entry is drawn, not through SetText, which would draw
	// it at once (and again when the screen is laid out): a screen of dated
	// evidence items took a fifth longer to show.
	d.entry.Text = p.String()
	d.entry.PlaceHolder = "YYYY-MM-DD"
	d.entry.Validator = forms.ValidateDate
	d.entry.OnChanged = func(s string) {
		d.showAdvice(s)
		v, err := forms.ParseDate(s)
		if err != nil {
			return
		}
		*p = v
		if changed != nil {
			changed()
		}
	}
	d.showAdvice(d.entry.Text)
	d.object = container.NewVBox(d.entry, d.advice)
	return d
}

func (d *dateInput) showAdvice(s string) {
	msg := forms.DateAdvice(s)
	if msg == d.advice.Text && d.advice.Visible() == (msg != "") {
		return
	}
	d.advice.SetText(msg)
	Shown(d.advice, msg != "")
}

// onPick opens a calendar under the field (over it where the window has
// no room below) at the field's date, or this month; choosing a day writes
// it in and closes the calendar.
func (d *dateInput) onPick() {
	if d.entry.Disabled() {
		return // a pack under review is read-only
	}
	drv := fyne.CurrentApp().Driver()
	c := drv.CanvasForObject(d.entry)
	if c == nil {
		return
	}
	at := time.Now()
	if !d.date.IsZero() {
		at = d.date.Time()
	}
	cal := widget.NewCalendar(at, func(t time.Time) {
		d.entry.SetText(t.Format("2006-01-02"))
		if d.popUp != nil {
			d.popUp.Hide()
		}
		c.Focus(d.entry)
	})
	d.popUp = widget.NewPopUp(cal, c)
	below := fyne.NewPos(0, d.entry.Size().Height)
	if drv.AbsolutePositionForObject(d.entry).Y+below.Y+d.popUp.MinSize().Height > c.Size().Height {
		below = fyne.NewPos(0, -d.popUp.MinSize().Height)
	}
	d.popUp.ShowAtRelativePosition(below, d.entry)
}
