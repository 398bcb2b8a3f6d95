package storage_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSnapshotsKeepRevisions(t *testing.T) {
	s := openTemp(t)
	a := newDraft("v1")
	require.NoError(t, s.Create(a))
	first, err := s.Snapshot(a.ID, "asked")
	require.NoError(t, err)
	assert.Equal(t, a.ID, first.DraftID)
	assert.Equal(t, int64(1), first.Revision)
	assert.Equal(t, "asked", first.Reason)
	assert.False(t, first.Taken.IsZero())
	v1 := a.Clone()

	a.Overview.Title = "v2"
	require.NoError(t, s.Save(a))
	second, err := s.Snapshot(a.ID, "before export")
	require.NoError(t, err)
	assert.Equal(t, int64(2), second.Revision)

	list, err := s.Snapshots(a.ID)
	require.NoError(t, err)
	assert.Equal(t, []storage.SnapshotInfo{second, first}, list, "newest first")

	got, err := s.LoadSnapshot(first.ID)
	require.NoError(t, err)
	assert.Equal(t, v1, got)

	// Saving after a snapshot leaves the snapshot as it was.
	a.Overview.Title = "v3"
	require.NoError(t, s.Save(a))
	got, err = s.LoadSnapshot(second.ID)
	require.NoError(t, err)
	assert.Equal(t, "v2", got.Overview.Title)
}

func TestSnapshotsEmpty(t *testing.T) {
	s := openTemp(t)
	a := newDraft("x")
	require.NoError(t, s.Create(a))
	list, err := s.Snapshots(a.ID)
	require.NoError(t, err)
	assert.NotNil(t, list)
	assert.Empty(t, list)
}

func TestRestoreSnapshot(t *testing.T) {
	s := openTemp(t)
	a := newDraft("good title")
	require.NoError(t, s.Create(a))
	good, err := s.Snapshot(a.ID, "asked")
	require.NoError(t, err)
	goodBody := a.Clone()

	a.Overview.Title = "bad edit"
	a.Purpose.Objective = ""
	a.SetStage(forms.StageAssurance, forms.NewDate(2026, 11, 1))
	require.NoError(t, s.Save(a))
	require.NoError(t, s.Save(a)) // revision 3

	require.NoError(t, s.RestoreSnapshot(a.ID, good.ID))
	got, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(4), got.Revision, "a restore is a new revision")
	goodBody.Revision = 4
	assert.Equal(t, goodBody, got)
	list, err := s.List()
	require.NoError(t, err)
	assert.Equal(t, "good title", list[0].Title, "list columns follow the restored body")
	assert.Equal(t, goodBody.Overview.Stage, list[0].Stage)

	snaps, err := s.Snapshots(a.ID)
	require.NoError(t, err)
	require.Len(t, snaps, 2)
	before := snaps[0]
	assert.Equal(t, storage.ReasonBeforeRestore, before.Reason)
	assert.Equal(t, int64(3), before.Revision)
	undo, err := s.LoadSnapshot(before.ID)
	require.NoError(t, err)
	assert.Equal(t, a, undo, "the replaced content can be got back")
}

func TestSnapshotBadCases(t *testing.T) {
	s := openTemp(t)
	a, other := newDraft("a"), newDraft("other")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.Create(other))
	snap, err := s.Snapshot(other.ID, "asked")
	require.NoError(t, err)

	_, err = s.Snapshot("no-such-draft", "asked")
	assert.ErrorIs(t, err, forms.ErrNotFound)
	assert.ErrorContains(t, err, "snapshot draft no-such-draft")

	_, err = s.Snapshots("no-such-draft")
	assert.ErrorIs(t, err, forms.ErrNotFound)

	_, err = s.LoadSnapshot(snap.ID + 100)
	assert.ErrorIs(t, err, forms.ErrNotFound)
	assert.ErrorContains(t, err, "load snapshot")

	err = s.RestoreSnapshot(a.ID, snap.ID)
	assert.ErrorIs(t, err, forms.ErrNotFound, "a snapshot of another draft is not this draft's")
	err = s.RestoreSnapshot(a.ID, snap.ID+100)
	assert.ErrorIs(t, err, forms.ErrNotFound)
	err = s.RestoreSnapshot("no-such-draft", snap.ID)
	assert.ErrorIs(t, err, forms.ErrNotFound)

	got, err := s.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Revision, "failed restores change nothing")
	snaps, err := s.Snapshots(a.ID)
	require.NoError(t, err)
	assert.Empty(t, snaps, "and take no snapshot")
}
