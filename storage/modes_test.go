//go:build unix

package storage_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenModesIgnoreUmask(t *testing.T) {
	old := syscall.Umask(0) // the most permissive umask: every mode must be set explicitly
	defer syscall.Umask(old)

	dir := filepath.Join(t.TempDir(), "data")
	p := filepath.Join(dir, "workbench.db")
	s, err := storage.Open(p)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Create(newDraft("private")))

	mode := func(p string) os.FileMode {
		st, err := os.Stat(p)
		require.NoError(t, err)
		return st.Mode().Perm()
	}
	assert.Equal(t, os.FileMode(0o700), mode(dir))
	for _, f := range []string{p, p + "-wal", p + "-shm"} {
		assert.Equal(t, os.FileMode(0o600), mode(f), f)
	}
}
