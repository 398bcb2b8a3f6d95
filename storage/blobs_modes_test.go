//go:build unix

package storage_test

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBlobModesIgnoreUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	s := openTemp(t)
	b, err := s.PutBlob(bytes.NewReader([]byte("consent form v3.1")))
	require.NoError(t, err)
	p, err := s.BlobPath(b.SHA256)
	require.NoError(t, err)
	for path, want := range map[string]os.FileMode{s.BlobDir(): 0o700, filepath.Dir(p): 0o700, p: 0o600} {
		st, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, want, st.Mode().Perm(), path)
	}
}
