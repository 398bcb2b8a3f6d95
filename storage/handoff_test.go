package storage_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

func tickFor(t *testing.T, a *forms.Application, label string) forms.HandOffTick {
	t.Helper()
	for _, it := range forms.HandOffAnswers(a) {
		if it.Label == label {
			return it.Tick(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
		}
	}
	t.Fatalf("no answer labelled %q", label)
	return forms.HandOffTick{}
}

func ticked(t *testing.T, s *storage.Store, id string) map[string]forms.HandOffTick {
	t.Helper()
	ticks, err := s.HandOffTicks(id)
	require.NoError(t, err)
	m := map[string]forms.HandOffTick{}
	for _, tk := range ticks {
		m[tk.Key] = tk
	}
	return m
}

func TestHandOffTicksAreKeptBesideTheDraft(t *testing.T) {
	s := openTemp(t)
	a := newDraft("Ticks")
	require.NoError(t, s.Create(a))
	title, objective := tickFor(t, a, "Title"), tickFor(t, a, "Objective")
	require.NoError(t, s.SetHandOffTicks(a.ID, title, objective))
	assert.Len(t, ticked(t, s, a.ID), 2)

	// Autosave and snapshots leave them alone; a restore brings back the
	// old text but not old ticks, so the answer shows as changed.
	snap, err := s.Snapshot(a.ID, "before edit")
	require.NoError(t, err)
	a.Purpose.Objective = "A new objective."
	require.NoError(t, s.Save(a))
	got := ticked(t, s, a.ID)
	require.Contains(t, got, objective.Key)
	assert.Equal(t, objective.SHA256, got[objective.Key].SHA256)
	assert.Equal(t, title.Where, got[title.Key].Where)
	assert.True(t, title.At.Equal(got[title.Key].At))
	require.NoError(t, s.RestoreSnapshot(a.ID, snap.ID))
	assert.Len(t, ticked(t, s, a.ID), 2)

	// Ticking again replaces the tick; removing takes it away.
	a.Overview.Title = "New title"
	again := tickFor(t, a, "Title")
	require.NoError(t, s.SetHandOffTicks(a.ID, again))
	assert.Equal(t, again.SHA256, ticked(t, s, a.ID)[title.Key].SHA256)
	require.NoError(t, s.RemoveHandOffTicks(a.ID, title.Key))
	assert.NotContains(t, ticked(t, s, a.ID), title.Key)
	require.NoError(t, s.RemoveHandOffTicks(a.ID))
	assert.Empty(t, ticked(t, s, a.ID))

	_, err = s.HandOffTicks("no-such-draft")
	assert.ErrorIs(t, err, forms.ErrNotFound)
	assert.ErrorIs(t, s.SetHandOffTicks("no-such-draft", title), forms.ErrNotFound)
}

func TestDuplicateCarriesTicksMarkedAsCopied(t *testing.T) {
	s := openTemp(t)
	a := newDraft("Original")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.SetHandOffTicks(a.ID, tickFor(t, a, "Title"), tickFor(t, a, "Summary")))

	c, err := s.Duplicate(a.ID)
	require.NoError(t, err)
	got := ticked(t, s, c.ID)
	require.Len(t, got, 2)
	for _, tk := range got {
		assert.Equal(t, a.ID, tk.CopiedFrom)
	}
	// The original's own ticks are not marked.
	for _, tk := range ticked(t, s, a.ID) {
		assert.Empty(t, tk.CopiedFrom)
	}
	require.NoError(t, s.KeepCopiedTicks(c.ID))
	for _, tk := range ticked(t, s, c.ID) {
		assert.Empty(t, tk.CopiedFrom)
	}
}

func TestPurgeRemovesTicks(t *testing.T) {
	s := openTemp(t)
	a := newDraft("Purged")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.SetHandOffTicks(a.ID, tickFor(t, a, "Title")))
	require.NoError(t, s.Delete(a.ID))
	assert.Len(t, ticked(t, s, a.ID), 1, "a draft in the bin keeps its ticks")
	require.NoError(t, s.Purge(a.ID))
	// A new draft under the same ID starts with none.
	require.NoError(t, s.Create(a))
	assert.Empty(t, ticked(t, s, a.ID))
}

func TestTicksAreReadByAReadOnlyStore(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ro.db")
	s, err := storage.Open(p)
	require.NoError(t, err)
	a := newDraft("Read-only")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.SetHandOffTicks(a.ID, tickFor(t, a, "Title")))
	require.NoError(t, s.Close())

	ro, err := storage.OpenReadOnly(p)
	require.NoError(t, err)
	defer ro.Close()
	assert.Len(t, ticked(t, ro, a.ID), 1)
	assert.Error(t, ro.SetHandOffTicks(a.ID, tickFor(t, a, "Summary")), "a read-only store refuses to tick")
}

func TestUploadDirStaysInsideTheDataFolder(t *testing.T) {
	s := openTemp(t)
	base := filepath.Join(filepath.Dir(s.Path()), "uploads")
	for _, id := range []string{forms.NewID(), "../../etc", `..\..\x`, "", "con", "a/b", string(make([]byte, 100))} {
		d := s.UploadDir(id)
		rel, err := filepath.Rel(base, d)
		require.NoError(t, err)
		assert.Equal(t, filepath.Base(d), rel, "%q gives %s", id, d)
		assert.NotContains(t, rel, string(os.PathSeparator))
	}
	assert.Equal(t, s.UploadDir("abc"), s.UploadDir("abc"))
	assert.NotEqual(t, s.UploadDir("../a"), s.UploadDir("../b"))
}
