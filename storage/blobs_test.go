package storage_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func TestPutBlobIsContentAddressed(t *testing.T) {
	s := openTemp(t)
	data := []byte("%PDF-1.7\nprotocol v4\n")
	b1, err := s.PutBlob(bytes.NewReader(data))
	require.NoError(t, err)
	b2, err := s.PutBlob(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, storage.Blob{SHA256: sum(data), Size: int64(len(data))}, b1)
	assert.Equal(t, b1, b2)

	var files []string
	require.NoError(t, filepath.WalkDir(s.BlobDir(), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, filepath.Base(p))
		}
		return err
	}))
	assert.Equal(t, []string{sum(data)}, files, "stored once, no temporary files left")

	sha, size, err := s.Put(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, b1, storage.Blob{SHA256: sha, Size: size}, "Put is PutBlob for the pack importer")

	rc, err := s.Open(b1.SHA256)
	require.NoError(t, err)
	got, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Equal(t, data, got)
}

func TestOpenUnknownOrBadHash(t *testing.T) {
	s := openTemp(t)
	_, err := s.Open(sum([]byte("never stored")))
	assert.ErrorIs(t, err, forms.ErrNotFound)
	for _, bad := range []string{"", "../../etc/passwd", "ABCDEF", sum(nil)[:63] + "G"} {
		_, err := s.Open(bad)
		assert.ErrorIs(t, err, storage.ErrBadHash, bad)
	}
}

type brokenReader struct{ n int }

func (b *brokenReader) Read(p []byte) (int, error) {
	if b.n > 0 {
		b.n--
		return copy(p, "partial"), nil
	}
	return 0, io.ErrUnexpectedEOF
}

func TestPutBlobFailureLeavesNothing(t *testing.T) {
	s := openTemp(t)
	_, err := s.PutBlob(&brokenReader{n: 3})
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	entries, err := os.ReadDir(s.BlobDir())
	require.NoError(t, err)
	assert.Empty(t, entries)
}

func TestAttachReplaceDetachKeepsHistory(t *testing.T) {
	s := openTemp(t)
	owner := storage.DraftOwner("d1")
	v1, err := s.AttachFile(owner, "e1", "/home/me/protocol v1.pdf", bytes.NewReader([]byte("one")))
	require.NoError(t, err)
	assert.Equal(t, forms.Attachment{Name: "protocol v1.pdf", Size: 3, SHA256: sum([]byte("one"))}, v1)

	v2, err := s.AttachFile(owner, "e1", "protocol v2.pdf", bytes.NewReader([]byte("two!")))
	require.NoError(t, err)
	cur, err := s.CurrentFile(owner, "e1")
	require.NoError(t, err)
	assert.Equal(t, v2.SHA256, cur.SHA256)

	require.NoError(t, s.DetachFile(owner, "e1"))
	_, err = s.CurrentFile(owner, "e1")
	assert.ErrorIs(t, err, forms.ErrNotFound)

	h, err := s.FileHistory(owner, "e1")
	require.NoError(t, err)
	require.Len(t, h, 2)
	assert.Equal(t, []string{"protocol v2.pdf", "protocol v1.pdf"}, []string{h[0].Name, h[1].Name})
	assert.Equal(t, []string{"detached", "replaced"}, []string{h[0].Reason, h[1].Reason})
	assert.False(t, h[1].Removed.Before(h[1].Attached))

	// The old version's bytes stay readable from history.
	rc, err := s.Open(h[1].SHA256)
	require.NoError(t, err)
	rc.Close()

	other, err := s.FileHistory(storage.LibraryOwner("d1"), "e1")
	require.NoError(t, err)
	assert.Empty(t, other, "owners are kept apart")
}

// Attaching must stream: memory growth stays far below the file's size
// (the figure: under 16 MB for a 10 MB file).
func TestAttach10MBMemory(t *testing.T) {
	s := openTemp(t)
	path := writeRandomFile(t, 10_000_000)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	att, err := s.AttachFile(storage.DraftOwner("d"), "e", "big.pdf", f)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.Equal(t, int64(10_000_000), att.Size)
	grown := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d bytes while attaching 10 MB", grown)
	assert.Less(t, grown, uint64(16<<20))
}

func writeRandomFile(t testing.TB, n int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "input.bin")
	f, err := os.Create(p)
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(buf))
		for i := range buf[:k] {
			buf[i] = byte(r.Uint32())
		}
		_, err := f.Write(buf[:k])
		require.NoError(t, err)
		n -= k
	}
	require.NoError(t, f.Close())
	return p
}

// BenchmarkAttach10MB reports MB/s for storing a 10 MB file, to compare with
// sha256sum on the same file (make bench). Each round stores a new file
// (the first bytes differ) so the deduplication shortcut is not measured.
func BenchmarkAttach10MB(b *testing.B) {
	s := openTemp(b)
	path := writeRandomFile(b, 10_000_000)
	b.SetBytes(10_000_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		prefix := bytes.NewReader([]byte{byte(i), byte(i >> 8), byte(i >> 16)})
		if _, err := s.AttachFile(storage.DraftOwner("d"), "e", "big.pdf", io.MultiReader(prefix, io.LimitReader(f, 10_000_000-3))); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkHash10MB is the hashing alone, the figure sha256sum is compared with.
func BenchmarkHash10MB(b *testing.B) {
	path := writeRandomFile(b, 10_000_000)
	b.SetBytes(10_000_000)
	buf := make([]byte, 256<<10)
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		h := sha256.New()
		if _, err := io.CopyBuffer(h, f, buf); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkSha256sum10MB runs the system's sha256sum on the same kind of
// file in the same run, the yardstick for BenchmarkHash10MB and
// BenchmarkAttach10MB (the issue asks for at least 80% of its throughput).
// It includes starting the process, as a user's own check would.
func BenchmarkSha256sum10MB(b *testing.B) {
	tool, err := exec.LookPath("sha256sum")
	if err != nil {
		b.Skip("sha256sum not installed")
	}
	path := writeRandomFile(b, 10_000_000)
	b.SetBytes(10_000_000)
	for b.Loop() {
		if out, err := exec.Command(tool, path).CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}
