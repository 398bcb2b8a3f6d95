package storage_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLibraryCRUD(t *testing.T) {
	s := openTemp(t)
	e := forms.LibraryEntry{LegalName: "University of Exampleton", ODSCode: "EE133",
		Security: forms.Security{DSPTStatus: forms.DSPTStandardsMet, DSPTValidUntil: forms.NewDate(2027, 6, 30)}}
	require.NoError(t, s.SaveLibraryEntry(&e))
	require.NotEmpty(t, e.ID)
	b := forms.LibraryEntry{LegalName: "another trust"}
	require.NoError(t, s.SaveLibraryEntry(&b))

	all, err := s.Library()
	require.NoError(t, err)
	assert.Equal(t, []forms.LibraryEntry{b, e}, all, "ordered by name, case-insensitively")

	e.Security.DSPTValidUntil = forms.NewDate(2025, 6, 30)
	require.NoError(t, s.SaveLibraryEntry(&e))
	got, err := s.LibraryEntry(e.ID)
	require.NoError(t, err)
	assert.Equal(t, e, got)

	require.NoError(t, s.DeleteLibraryEntry(b.ID))
	assert.ErrorIs(t, s.DeleteLibraryEntry(b.ID), forms.ErrNotFound)
	_, err = s.LibraryEntry(b.ID)
	assert.ErrorIs(t, err, forms.ErrNotFound)
}

func TestLibraryChangeShowsInEveryLinkedDraft(t *testing.T) {
	s := openTemp(t)
	e := forms.LibraryEntry{LegalName: "University of Exampleton",
		Security: forms.Security{DSPTStatus: forms.DSPTStandardsMet, DSPTValidUntil: forms.NewDate(2027, 6, 30)}}
	require.NoError(t, s.SaveLibraryEntry(&e))
	var ids []string
	for _, title := range []string{"Study A", "Study B"} {
		a := newDraft(title)
		a.Organisations[0].LibraryID = e.ID
		require.NoError(t, s.Create(a))
		ids = append(ids, a.ID)
	}
	e.Security.DSPTValidUntil = forms.NewDate(2026, 1, 31)
	require.NoError(t, s.SaveLibraryEntry(&e))
	for _, id := range ids {
		a, err := s.LoadWithLibrary(id)
		require.NoError(t, err)
		assert.Equal(t, forms.NewDate(2026, 1, 31), a.Organisations[0].Security.DSPTValidUntil, id)
	}
}

func TestImportLibraryIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	existing := forms.LibraryEntry{ID: "a", LegalName: "Old name"}
	require.NoError(t, s.SaveLibraryEntry(&existing))

	added, updated, err := s.ImportLibrary([]forms.LibraryEntry{{ID: "a", LegalName: "New name"}, {ID: "b", LegalName: "Trust"}})
	require.NoError(t, err)
	assert.Equal(t, [2]int{1, 1}, [2]int{added, updated})

	_, _, err = s.ImportLibrary([]forms.LibraryEntry{{ID: "c", LegalName: "C"}, {LegalName: "no id"}})
	require.Error(t, err)
	all, err := s.Library()
	require.NoError(t, err)
	var names []string
	for _, e := range all {
		names = append(names, e.LegalName)
	}
	assert.Equal(t, []string{"New name", "Trust"}, names)
}
