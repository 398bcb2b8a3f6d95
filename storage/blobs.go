package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/darsworkbench/dars-workbench/forms"
)

// ErrBadHash is returned for a name that is not a SHA-256 in lower-case hex.
var ErrBadHash = errors.New("not a SHA-256 file hash")

// Blob is a file kept in the content-addressed store.
type Blob struct {
	SHA256 string
	Size   int64
}

// BlobDir is where attached files live: blobs/ beside the database.
func (s *Store) BlobDir() string { return filepath.Join(filepath.Dir(s.path), "blobs") }

// copyBuffer is large enough that hashing, not system calls, sets the pace.
const copyBuffer = 256 << 10

// PutBlob copies r into the store, hashing it on the way, and returns its
// hash and size. The bytes stream through a temporary file that is renamed
// into place, so a file is never held whole in memory, a crash never leaves
// a half-written blob under a real name, and the same file stored twice is
// kept once.
func (s *Store) PutBlob(r io.Reader) (Blob, error) {
	b, err := s.putBlob(r)
	if err != nil {
		return Blob{}, fmt.Errorf("store file: %w", err)
	}
	return b, nil
}

func (s *Store) putBlob(r io.Reader) (Blob, error) {
	b, keep, err := s.stage(r)
	if err != nil {
		return Blob{}, err
	}
	return b, keep(true)
}

// stage copies r into a temporary file in the blob folder and returns its
// hash and keep, which flushes it to disk and renames it into place (true)
// or removes it (false). Only a kept file is flushed: an import stages a
// pack's files before it knows whether it will keep any.
func (s *Store) stage(r io.Reader) (Blob, func(bool) error, error) {
	dir := s.BlobDir()
	if err := mkdirPrivate(dir); err != nil {
		return Blob{}, nil, err
	}
	tmp, err := os.CreateTemp(dir, ".incoming-*")
	if err != nil {
		return Blob{}, nil, err
	}
	fail := func(err error) (Blob, func(bool) error, error) {
		tmp.Close()
		os.Remove(tmp.Name())
		return Blob{}, nil, err
	}
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(tmp, h), r, make([]byte, copyBuffer))
	if err != nil {
		return fail(err)
	}
	if err := chmodPrivate(tmp.Name(), 0o600); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	b := Blob{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}
	done := false
	keep := func(keep bool) error {
		if done {
			return nil
		}
		done = true
		final := s.blobPath(b.SHA256)
		if !keep {
			return os.Remove(tmp.Name())
		}
		if st, err := os.Stat(final); err == nil && st.Size() == n {
			return os.Remove(tmp.Name())
		}
		if err := syncFile(tmp.Name()); err != nil {
			os.Remove(tmp.Name())
			return err
		}
		if err := mkdirPrivate(filepath.Dir(final)); err != nil {
			os.Remove(tmp.Name())
			return err
		}
		if err := os.Rename(tmp.Name(), final); err != nil {
			os.Remove(tmp.Name())
			return err
		}
		return nil
	}
	return b, keep, nil
}

// syncFile flushes a written file to disk.
func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Put stores r and returns its hash and size.
func (s *Store) Put(r io.Reader) (sha256 string, size int64, err error) {
	b, err := s.PutBlob(r)
	return b.SHA256, b.Size, err
}

// Stage copies r aside in the store, hashing it, without making it part of
// the store: keep(true) adds it, keep(false) drops it. It satisfies the
// export packs' BlobStore, so an import keeps a pack's files only when the
// pack is intact.
func (s *Store) Stage(r io.Reader) (sha256 string, size int64, keep func(bool) error, err error) {
	b, k, err := s.stage(r)
	if err != nil {
		return "", 0, nil, fmt.Errorf("store file: %w", err)
	}
	return b.SHA256, b.Size, k, nil
}

// Open returns the stored file with the given hash. It satisfies the
// export packs' EvidenceSource.
func (s *Store) Open(sha string) (io.ReadCloser, error) {
	p, err := s.BlobPath(sha)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("open stored file %s: %w", short(sha), err)
	}
	return f, nil
}

// BlobPath returns the path of a stored file, for opening it in the system
// viewer. forms.ErrNotFound means the store does not hold it.
func (s *Store) BlobPath(sha string) (string, error) {
	if !validHash(sha) {
		return "", fmt.Errorf("stored file %q: %w", sha, ErrBadHash)
	}
	p := s.blobPath(sha)
	if _, err := os.Stat(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("stored file %s: %w", short(sha), forms.ErrNotFound)
		}
		return "", err
	}
	return p, nil
}

func (s *Store) blobPath(sha string) string {
	return filepath.Join(s.BlobDir(), sha[:2], sha)
}

func validHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// mkdirPrivate creates dir (0700, whatever the umask) if it is missing.
func mkdirPrivate(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return chmodPrivate(dir, 0o700)
}
