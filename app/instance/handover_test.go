package instance_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/app/instance"
)

// A pack given to a second copy reaches the running one, as an absolute
// path, once; the second copy learns that it was taken.
func TestAPackGivenToASecondCopyOpensInTheRunningOne(t *testing.T) {
	dir := t.TempDir()
	l, err := instance.Claim(dir)
	require.NoError(t, err)
	got := make(chan string, 4)
	served := make(chan struct{})
	go func() { l.Serve(10*time.Millisecond, func(p string) { got <- p }); close(served) }()

	t.Chdir(t.TempDir())
	require.True(t, instance.HandOver(dir, "review me.dars.zip", 5*time.Second))
	want, _ := filepath.Abs("review me.dars.zip")
	select {
	case p := <-got:
		assert.Equal(t, want, p)
	case <-time.After(5 * time.Second):
		t.Fatal("the running copy never opened the pack")
	}
	require.True(t, instance.HandOver(dir, "/packs/second.dars.zip", 5*time.Second), "and the next one")
	select {
	case p := <-got:
		assert.Equal(t, "/packs/second.dars.zip", p)
	case <-time.After(5 * time.Second):
		t.Fatal("the second request was not opened")
	}

	l.Release()
	select {
	case <-served:
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not end when the lock was released")
	}
	assert.Empty(t, got, "each request is opened once")
}

// With no copy taking requests (an older version, or a stuck one), the
// second copy gives up in time and leaves nothing behind to be opened later.
func TestAHandOverNobodyTakesIsWithdrawn(t *testing.T) {
	dir := t.TempDir()
	l, err := instance.Claim(dir)
	require.NoError(t, err)
	defer l.Release()
	start := time.Now()
	assert.False(t, instance.HandOver(dir, "/packs/a.dars.zip", 200*time.Millisecond))
	assert.Less(t, time.Since(start), 3*time.Second)
	left, _ := filepath.Glob(filepath.Join(dir, "requests", "*"))
	assert.Empty(t, left)
}

// A request older than a minute when a copy starts was never answered:
// that copy does not open it out of the blue.
func TestAStaleRequestIsNotOpenedAtStart(t *testing.T) {
	dir := t.TempDir()
	rd := filepath.Join(dir, "requests")
	require.NoError(t, os.MkdirAll(rd, 0o700))
	old := filepath.Join(rd, "1.open")
	require.NoError(t, os.WriteFile(old, []byte("/packs/old.dars.zip"), 0o600))
	then := time.Now().Add(-time.Hour)
	require.NoError(t, os.Chtimes(old, then, then))
	// Half-written or foreign files are not requests.
	require.NoError(t, os.WriteFile(filepath.Join(rd, "2.tmp"), []byte("/packs/partial"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(rd, "3.open"), nil, 0o600))

	l, err := instance.Claim(dir)
	require.NoError(t, err)
	got := make(chan string, 4)
	go l.Serve(10*time.Millisecond, func(p string) { got <- p })
	require.True(t, instance.HandOver(dir, "/packs/new.dars.zip", 5*time.Second))
	select {
	case p := <-got:
		assert.Equal(t, "/packs/new.dars.zip", p)
	case <-time.After(5 * time.Second):
		t.Fatal("the new request was not opened")
	}
	l.Release()
	time.Sleep(50 * time.Millisecond)
	assert.Empty(t, got)
	left, _ := filepath.Glob(filepath.Join(rd, "*.open"))
	assert.Empty(t, left, "stale and empty requests are cleared, not read again and again")
}
