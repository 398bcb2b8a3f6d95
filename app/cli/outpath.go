package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// checkOutPath reports, before any work is done, why path cannot take a new
// file: a folder in its place, a missing or non-folder parent. example is a
// file name to suggest inside a folder. Only a write can tell whether the
// user may write there; writeHint words that failure.
func checkOutPath(path, example string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder: give a file name, e.g. %s", path, filepath.Join(path, example))
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder %s does not exist; create it or choose another folder", path, dir)
	case err != nil:
		return writeHint(path, err)
	case !st.IsDir():
		return fmt.Errorf("cannot write %s: %s is a file, not a folder; choose another folder", path, dir)
	}
	return nil
}

// writeHint words a failed write of path with what to do about it.
func writeHint(path string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("cannot write %s: permission denied; choose a folder you can write to", path)
	}
	return fmt.Errorf("cannot write %s: %w; check the path and that the disk has room", path, err)
}
