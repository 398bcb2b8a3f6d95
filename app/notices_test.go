package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/assets"
)

func TestThirdPartyLicencesWindow(t *testing.T) {
	u, _ := newTestUI(t)
	w := u.showNotices()
	defer w.Close()
	list, ok := w.Content().(*widget.List)
	require.True(t, ok)
	n := list.Length()
	assert.Greater(t, n, 1000, "every licence, line by line")
	assert.Contains(t, menuLabels(helpMenu(u, u.start.win)), "Third-party licences")
}

func menuLabels(m *fyne.Menu) []string {
	var out []string
	for _, it := range m.Items {
		out = append(out, it.Label)
	}
	return out
}

func TestWrapColumns(t *testing.T) {
	assert.Equal(t, []string{"short", "", "one two", "three", "abcdefghij", "klm"},
		wrapColumns([]string{"short", "", "one two three", "abcdefghijklm"}, 10))
	for _, l := range wrapColumns(strings.Split(assets.ThirdPartyNotices, "\n"), noticeColumns) {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), noticeColumns)
	}
}
