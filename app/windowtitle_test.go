package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A window's title leaves the app (task bars, window lists, any program
// may read it): an NHS number in a draft's title is masked there.
func TestWindowTitleMasksNHSNumbers(t *testing.T) {
	a := forms.Example()
	a.Overview.Title = "Follow-up of 943 476 5919"
	assert.Equal(t, "Follow-up of 943 *** **** — DARS Workbench", windowTitle(a))
}
