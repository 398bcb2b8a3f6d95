package instance

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A pack opened from the file manager while the window is already open
// (the reviewer's double-click) must not end at "already open": the second
// copy leaves the pack's path in the requests folder beside the lock, the
// running copy takes it and opens the pack, and the second copy waits to see
// it taken before it leaves quietly. A running copy that never takes it (an
// older version, or one that is stuck) leaves the request to time out, and
// the second copy says the app is open instead.

const requestExt = ".open"

func requestsDir(dir string) string { return filepath.Join(dir, "requests") }

// HandOver asks the copy holding the lock in dir to open pack, and reports
// whether it took the request within wait.
func HandOver(dir, pack string, wait time.Duration) bool {
	if abs, err := filepath.Abs(pack); err == nil {
		pack = abs
	}
	req, err := ask(dir, pack)
	if err != nil {
		return false
	}
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(req); errors.Is(err, os.ErrNotExist) {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Withdrawn, unless the running copy took it at the last moment.
	return errors.Is(os.Remove(req), os.ErrNotExist)
}

// ask writes the request whole before it can be seen: a temporary name,
// then a rename into place.
func ask(dir, pack string) (string, error) {
	rd := requestsDir(dir)
	if err := os.MkdirAll(rd, 0o700); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(rd, "*.tmp")
	if err != nil {
		return "", err
	}
	_, werr := f.WriteString(pack)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	req := strings.TrimSuffix(f.Name(), ".tmp") + requestExt
	if err := os.Rename(f.Name(), req); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return req, nil
}

// take removes the waiting requests and returns the packs they name, oldest
// first, leaving out those made before since (left by a copy that ended
// before anyone took them). A request it cannot remove is left alone, so it
// is never opened twice.
func take(dir string, since time.Time) []string {
	entries, err := os.ReadDir(requestsDir(dir))
	if err != nil {
		return nil
	}
	type req struct {
		path string
		at   time.Time
	}
	var reqs []req
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), requestExt) || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(requestsDir(dir), e.Name())
		info, err := e.Info()
		if err != nil {
			continue
		}
		b, err := os.ReadFile(p)
		if os.Remove(p) != nil || err != nil || len(b) == 0 || len(b) > 64<<10 || info.ModTime().Before(since) {
			continue
		}
		reqs = append(reqs, req{string(b), info.ModTime()})
	}
	for i := 1; i < len(reqs); i++ {
		for j := i; j > 0 && reqs[j].at.Before(reqs[j-1].at); j-- {
			reqs[j], reqs[j-1] = reqs[j-1], reqs[j]
		}
	}
	packs := make([]string, len(reqs))
	for i, r := range reqs {
		packs[i] = r.path
	}
	return packs
}

// Serve calls open, on Serve's goroutine, with each pack another copy asks
// this one to open, until the lock is released. Requests older than a
// minute when it starts were never answered and are dropped: the copy that
// made them has long since said the app was open.
func (l *Lock) Serve(every time.Duration, open func(pack string)) {
	if l == nil || l.f == nil {
		return
	}
	since := time.Now().Add(-time.Minute)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		for _, p := range take(l.dir, since) {
			open(p)
		}
		select {
		case <-l.done:
			return
		case <-t.C:
		}
	}
}
