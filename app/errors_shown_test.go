package app

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// unreadableLibrary is a store whose organisation library cannot be read.
type unreadableLibrary struct{ *storage.Store }

func (unreadableLibrary) Library() ([]forms.LibraryEntry, error) {
	return nil, errors.New("database disk image is malformed")
}

func TestUnreadableLibraryIsShown(t *testing.T) {
	u, st := newTestUI(t)
	u.store = unreadableLibrary{st}
	ed := openExample(t, u, st, nil)

	top := ed.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "opening a draft says the library could not be read")
	assert.Contains(t, texts(top), "organisation library could not be read")
	assert.Contains(t, texts(top), "malformed")

	// The deadlines window says so instead of leaving the library's dates out.
	u.showDeadlines()
	t.Cleanup(u.deadlinesWin.win.Close)
	assert.Contains(t, u.deadlinesWin.summary.Text, "malformed")
}

func TestUnreadableProductCatalogueIsShown(t *testing.T) {
	saved := productsErr
	t.Cleanup(func() { productsErr = saved })
	productsErr = forms.ErrBadCatalogue

	e := openSection(t, draftWithGroups(), forms.SectionData)
	note := labelWith(e.body.Content, "The product catalogue could not be read")
	require.NotNil(t, note)
	assert.True(t, shown(e, note))
}
