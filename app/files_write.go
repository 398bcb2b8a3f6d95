package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// atomicFile writes beside its target and takes the target's name only
// when the writing succeeded: a failed export leaves no half file behind,
// and an old file of that name stays whole until the new one is complete.
type atomicFile struct {
	*os.File
	path string
}

func createAtomic(path string) (*atomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &atomicFile{File: tmp, path: path}, nil
}

// Close finishes the file and puts it in place.
func (f *atomicFile) Close() error {
	if err := f.File.Sync(); err != nil {
		f.discard()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := f.File.Close(); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := os.Rename(f.File.Name(), f.path); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

func (f *atomicFile) discard() {
	f.File.Close()
	os.Remove(f.File.Name())
}

// finishWrite closes what was written to: a file written atomically is put
// in place only when err is nil, and thrown away otherwise.
func finishWrite(w io.WriteCloser, err error) error {
	if err != nil {
		if f, ok := w.(*atomicFile); ok {
			f.discard()
		} else {
			w.Close()
		}
		return err
	}
	return w.Close()
}

// writeFileAtomic writes b to path atomically.
func writeFileAtomic(path string, b []byte) error {
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	return finishWrite(f, err)
}
