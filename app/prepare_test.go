package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/storage"
)

// Prepare loads fonts on a goroutine of its own while the database opens
// and the first window is made; the race detector (make test runs this
// package under -race) fails the test if the two ever touch the same
// thing at once.
func TestPreparedAppBuildsTheStartWindowOnceItsFontsAreIn(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(appearancePref, appearanceDark)
	percent, _ := gcSettings()
	p := Prepare(a)
	resting, _ := gcSettings()
	assert.Equal(t, -1, resting, "the collector rests while the app starts")
	st, err := storage.Open(filepath.Join(t.TempDir(), "prepared.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	u := p.New(st)
	queueReports(u)

	assert.Nil(t, u.fonts, "the start window waited for the fonts")
	r, g, b, _ := u.fyne.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight).RGBA()
	assert.Less(t, r+g+b, uint32(3*0x8000), "the appearance chosen (dark) is the theme")
	u.start.win.Show()
	assert.True(t, u.start.empty.Visible(), "an empty database shows the empty state")
	require.NotNil(t, u.resumeGC, "ShowAndRun resumes the collector after the first frame")
	u.resumeGC()
	back, _ := gcSettings()
	assert.Equal(t, percent, back, "the collector's setting is back")
	p.Wait() // returns at once once loaded
}
