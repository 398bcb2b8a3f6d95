// Package instance keeps the window to one running copy per user. Fyne
// writes its preferences file in place (truncate, then write) and every
// running copy reloads it whenever its folder changes, so a second copy
// reads a half-written file ("Preferences load error: EOF") and the two
// overwrite each other's settings. A lock held for the life of the window
// lets a second copy know, and say so, before it touches that file. The
// command-line tools take no lock: they never open Fyne's preferences.
package instance

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrRunning is returned by Claim while another copy holds the lock.
var ErrRunning = errors.New("another copy of DARS Workbench is already open")

// Lock is the claim of the running copy; the system drops it when the
// process ends, however it ends, so a crash leaves no stale lock.
type Lock struct {
	f    *os.File
	dir  string
	done chan struct{}
}

// Dir is where the lock lives: the user's configuration folder, apart from
// Fyne's own (whose changes every copy watches).
func Dir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "dars-workbench"), nil
}

// Claim takes the lock in dir, or returns ErrRunning (with the other copy's
// process ID, where it is known) when another copy holds it.
func Claim(dir string) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("prepare %s: %w", dir, err)
	}
	path := filepath.Join(dir, "window.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !held {
		b := make([]byte, 32)
		n, _ := f.ReadAt(b, 0)
		f.Close()
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n]))); err == nil && pid > 0 {
			return nil, fmt.Errorf("%w (process %d)", ErrRunning, pid)
		}
		return nil, ErrRunning
	}
	// The process ID helps a person who wonders which copy it is.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f, dir: dir, done: make(chan struct{})}, nil
}

// Record notes in the lock which database the window has open, so that a
// command that would change that database in place can tell (Holding).
func (l *Lock) Record(db string) {
	if l == nil || l.f == nil {
		return
	}
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	if err := l.f.Truncate(0); err == nil {
		l.f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"+db+"\n"), 0)
	}
}

// Holding reports whether a running copy holds the lock in dir, and the
// database it recorded ("" when none was recorded or it cannot be read).
// It never creates the lock file, and never keeps the lock.
func Holding(dir string) (held bool, db string, err error) {
	f, err := os.OpenFile(filepath.Join(dir, "window.lock"), os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return false, "", nil
	}
	if err != nil {
		return false, "", err
	}
	defer f.Close() // and with it the lock, if it was free and so taken
	free, err := tryLock(f)
	if err != nil || free {
		return false, "", err
	}
	b := make([]byte, 4096)
	n, _ := f.ReadAt(b, 0)
	if lines := strings.Split(string(b[:n]), "\n"); len(lines) > 1 {
		db = strings.TrimSpace(lines[1])
	}
	return true, db, nil
}

// Release lets another copy start.
func (l *Lock) Release() {
	if l != nil && l.f != nil {
		close(l.done)
		l.f.Close()
		l.f = nil
	}
}
