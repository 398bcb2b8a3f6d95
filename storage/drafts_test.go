package storage_test

import (
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func titles(list []storage.DraftInfo) []string {
	out := []string{}
	for _, d := range list {
		out = append(out, d.Title)
	}
	return out
}

func TestCreateAndLoad(t *testing.T) {
	s := openTemp(t)
	a := newDraft("Kidney outcomes")
	a.Revision = 7 // ignored: a new draft starts at 1
	start := time.Now()
	require.NoError(t, s.Create(a))
	assert.Equal(t, int64(1), a.Revision)

	got, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, a, got)

	list, err := s.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	d := list[0]
	assert.Equal(t, a.ID, d.ID)
	assert.Equal(t, "Kidney outcomes", d.Title)
	assert.Equal(t, forms.StagePreliminary, d.Stage)
	assert.Equal(t, int64(1), d.Revision)
	assert.WithinDuration(t, start, d.Created, time.Minute)
	assert.Equal(t, d.Created, d.Updated)
	assert.True(t, d.Deleted.IsZero())
}

func TestCreateGivesMissingID(t *testing.T) {
	s := openTemp(t)
	a := forms.NewApplication("No ID yet", forms.NewDate(2026, 11, 23))
	a.ID = ""
	require.NoError(t, s.Create(a))
	assert.NotEmpty(t, a.ID)
	_, err := s.Load(a.ID)
	assert.NoError(t, err)
}

func TestCreateRefusesBadInput(t *testing.T) {
	s := openTemp(t)
	a := newDraft("first")
	require.NoError(t, s.Create(a))

	again := newDraft("second")
	again.ID = a.ID
	err := s.Create(again)
	assert.ErrorIs(t, err, storage.ErrExists)
	assert.ErrorContains(t, err, "create draft "+a.ID)
	assert.Equal(t, int64(0), again.Revision, "a failed create leaves the revision alone")

	assert.Error(t, s.Create(nil))

	got, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, "first", got.Overview.Title, "the existing draft is kept")
}

func TestLoadUnknown(t *testing.T) {
	s := openTemp(t)
	_, err := s.Load("no-such-draft")
	assert.ErrorIs(t, err, forms.ErrNotFound)
	assert.ErrorContains(t, err, "load draft no-such-draft")
}

func TestSaveBumpsRevisionAndKeepsListInStep(t *testing.T) {
	s := openTemp(t)
	a := newDraft("before")
	require.NoError(t, s.Create(a))
	created, err := s.List()
	require.NoError(t, err)

	a.Overview.Title = "after"
	a.SetStage(forms.StageSubmission, forms.NewDate(2026, 11, 23))
	a.Purpose.Objective = "Changed objective"
	require.NoError(t, s.Save(a))
	assert.Equal(t, int64(2), a.Revision)
	require.NoError(t, s.Save(a))
	assert.Equal(t, int64(3), a.Revision)

	got, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, a, got)
	assert.Equal(t, int64(3), got.Revision, "the stored body carries its own revision")

	list, err := s.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "after", list[0].Title)
	assert.Equal(t, forms.StageSubmission, list[0].Stage)
	assert.Equal(t, int64(3), list[0].Revision)
	assert.Equal(t, created[0].Created, list[0].Created)
	assert.True(t, list[0].Updated.After(created[0].Updated))
}

// A copy loaded before someone else saved still saves after the stored
// revision, never over or below it.
func TestSaveFromStaleCopyTakesNextRevision(t *testing.T) {
	s := openTemp(t)
	a := newDraft("shared")
	require.NoError(t, s.Create(a))
	stale := a.Clone()
	require.NoError(t, s.Save(a))
	require.NoError(t, s.Save(a))

	stale.Overview.Summary = "from the stale copy"
	require.NoError(t, s.Save(stale))
	assert.Equal(t, int64(4), stale.Revision)
	got, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, stale, got)
}

func TestSaveRefusesBadInput(t *testing.T) {
	s := openTemp(t)
	unknown := newDraft("never created")
	unknown.Revision = 5
	err := s.Save(unknown)
	assert.ErrorIs(t, err, forms.ErrNotFound)
	assert.ErrorContains(t, err, "save draft "+unknown.ID)
	assert.Equal(t, int64(5), unknown.Revision, "a failed save leaves the revision alone")
	assert.Error(t, s.Save(nil))
	list, err := s.List()
	require.NoError(t, err)
	assert.Empty(t, list, "save never creates")
}

func TestListNewestEditFirst(t *testing.T) {
	s := openTemp(t)
	var drafts []*forms.Application
	for _, title := range []string{"A", "B", "C"} {
		a := newDraft(title)
		require.NoError(t, s.Create(a))
		drafts = append(drafts, a)
	}
	list, err := s.List()
	require.NoError(t, err)
	assert.Equal(t, []string{"C", "B", "A"}, titles(list))

	require.NoError(t, s.Save(drafts[0]))
	list, err = s.List()
	require.NoError(t, err)
	assert.Equal(t, []string{"A", "C", "B"}, titles(list))
}

func TestListEmpty(t *testing.T) {
	s := openTemp(t)
	list, err := s.List()
	require.NoError(t, err)
	assert.NotNil(t, list, "an empty list, not nil, so --json prints []")
	assert.Empty(t, list)
	deleted, err := s.ListDeleted()
	require.NoError(t, err)
	assert.NotNil(t, deleted)
	assert.Empty(t, deleted)
}

func TestRename(t *testing.T) {
	s := openTemp(t)
	a := newDraft("old name")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.Rename(a.ID, "  new name  "))

	got, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, "new name", got.Overview.Title)
	assert.Equal(t, int64(2), got.Revision, "a rename is a new revision")
	list, err := s.List()
	require.NoError(t, err)
	assert.Equal(t, []string{"new name"}, titles(list))

	assert.ErrorIs(t, s.Rename(a.ID, "   "), storage.ErrEmptyTitle)
	err = s.Rename("no-such-draft", "x")
	assert.ErrorIs(t, err, forms.ErrNotFound)
	assert.ErrorContains(t, err, "rename draft no-such-draft")
}

func TestDuplicate(t *testing.T) {
	s := openTemp(t)
	a := newDraft("Original")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.Save(a))
	_, err := s.Snapshot(a.ID, "asked")
	require.NoError(t, err)

	c, err := s.Duplicate(a.ID)
	require.NoError(t, err)
	assert.NotEqual(t, a.ID, c.ID)
	assert.Equal(t, "Copy of Original", c.Overview.Title)
	assert.Equal(t, int64(1), c.Revision)

	got, err := s.Load(c.ID)
	require.NoError(t, err)
	assert.Equal(t, c, got)
	want := a.Clone()
	want.ID, want.Revision, want.Overview.Title = c.ID, 1, c.Overview.Title
	assert.Equal(t, want, got, "everything else is copied")

	snaps, err := s.Snapshots(c.ID)
	require.NoError(t, err)
	assert.Empty(t, snaps, "history is not copied")
	orig, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, a, orig, "the original is untouched")

	_, err = s.Duplicate("no-such-draft")
	assert.ErrorIs(t, err, forms.ErrNotFound)
	assert.ErrorContains(t, err, "duplicate draft no-such-draft")
}

func TestDeleteRestoreAndPurge(t *testing.T) {
	s := openTemp(t)
	keep, bin := newDraft("keep"), newDraft("bin")
	require.NoError(t, s.Create(keep))
	require.NoError(t, s.Create(bin))
	_, err := s.Snapshot(bin.ID, "asked")
	require.NoError(t, err)

	err = s.Purge(bin.ID)
	assert.ErrorIs(t, err, storage.ErrNotInBin, "a draft must go to the bin before it can be purged")

	require.NoError(t, s.Delete(bin.ID))
	list, err := s.List()
	require.NoError(t, err)
	assert.Equal(t, []string{"keep"}, titles(list))
	deleted, err := s.ListDeleted()
	require.NoError(t, err)
	require.Equal(t, []string{"bin"}, titles(deleted))
	when := deleted[0].Deleted
	assert.False(t, when.IsZero())

	require.NoError(t, s.Delete(bin.ID), "deleting again does nothing")
	deleted, err = s.ListDeleted()
	require.NoError(t, err)
	assert.Equal(t, when, deleted[0].Deleted, "the first deletion time is kept")

	got, err := s.Load(bin.ID)
	require.NoError(t, err, "a draft in the bin can still be opened")
	assert.Equal(t, bin, got)

	require.NoError(t, s.Restore(bin.ID))
	require.NoError(t, s.Restore(bin.ID), "restoring again does nothing")
	list, err = s.List()
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"keep", "bin"}, titles(list))

	require.NoError(t, s.Delete(bin.ID))
	require.NoError(t, s.Purge(bin.ID))
	_, err = s.Load(bin.ID)
	assert.ErrorIs(t, err, forms.ErrNotFound)
	_, err = s.Snapshots(bin.ID)
	assert.ErrorIs(t, err, forms.ErrNotFound)
	deleted, err = s.ListDeleted()
	require.NoError(t, err)
	assert.Empty(t, deleted)

	for name, f := range map[string]func(string) error{"delete": s.Delete, "restore": s.Restore, "purge": s.Purge} {
		err := f("no-such-draft")
		assert.ErrorIs(t, err, forms.ErrNotFound, name)
		assert.ErrorContains(t, err, name+" draft no-such-draft")
	}
}
