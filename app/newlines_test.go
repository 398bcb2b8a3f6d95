package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
)

// Text pasted from Windows carries CR LF; whichever widget it lands in, the
// draft keeps LF (and a one-line field a space).
func TestPastedWindowsTextKeepsNoCR(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Pasted")
	e := openOnly(t, u)
	title := e.fields["overview.title"].(*widget.Entry)
	test.Type(title, " x")
	title.SetText("Kidney outcomes\r\nafter cancer")
	assert.Equal(t, "Kidney outcomes after cancer", e.app.Overview.Title)

	e.app.Purpose.Objective = "First.\r\n\r\nSecond.\rThird." // as a widget without the helpers would leave it
	e.Changed()
	assert.Equal(t, "First.\n\nSecond.\nThird.", e.app.Purpose.Objective)
}
