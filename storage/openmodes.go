package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNoDatabase is returned by OpenExisting and OpenReadOnly for a path that
// holds no DARS Workbench database yet: commands that only read, or that
// change drafts already there, never create one.
var ErrNoDatabase = errors.New("no database there yet")

// OpenExisting opens a database that must already exist, read-write: for
// commands that change drafts already in it (an export's snapshot, a
// review's comments), where a new empty database could only be a mistake.
func OpenExisting(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		err = mustExist(abs)
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return Open(path)
}

// OpenReadOnly opens an existing database for reading only. Nothing is
// written: the connection is read-only and query_only. When no -wal file
// lies beside the database (the app is not running and closed cleanly) it is
// opened immutable, so SQLite does not create -wal and -shm files either;
// when one does, the WAL may hold the newest edits, and SQLite reads them
// through the files already there.
//
// The one exception is a database an older version wrote: its schema is
// brought up to date first (the same transactional step the window takes on
// opening), since this version cannot read the old layout.
func OpenReadOnly(path string) (*Store, error) {
	s, err := openReadOnly(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

func openReadOnly(p string) (*Store, error) {
	if p == "" {
		return nil, errors.New("no path given")
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	if err := mustExist(abs); err != nil {
		return nil, err
	}
	migs, err := migrations()
	if err != nil {
		return nil, err
	}
	latest := migs[len(migs)-1].version
	if err := checkHeader(abs, latest); err != nil {
		return nil, err
	}
	db, version, err := openQueryOnly(abs, latest)
	if err != nil {
		return nil, err
	}
	if version < int64(latest) {
		db.Close()
		if err := upgrade(abs); err != nil {
			return nil, err
		}
		if db, _, err = openQueryOnly(abs, latest); err != nil {
			return nil, err
		}
	}
	return &Store{db: db, path: abs}, nil
}

// openQueryOnly opens abs for reading and checks it is ours; it returns the
// schema version it found.
func openQueryOnly(abs string, latest int) (*sql.DB, int64, error) {
	q := "mode=ro&_pragma=query_only(1)&_pragma=busy_timeout(5000)"
	if _, err := os.Lstat(abs + "-wal"); errors.Is(err, fs.ErrNotExist) {
		q += "&immutable=1"
	}
	db, err := sql.Open("sqlite", fileURI(abs)+"?"+q)
	if err != nil {
		return nil, 0, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	var appID, version, objects int64
	err = db.QueryRow("PRAGMA application_id").Scan(&appID)
	if err != nil {
		err = fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if err == nil {
		err = db.QueryRow("PRAGMA user_version").Scan(&version)
	}
	if err == nil {
		err = checkIDs(appID, version, latest)
	}
	if err == nil && appID == 0 {
		if err = db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&objects); err == nil {
			if objects > 0 {
				err = fmt.Errorf("%w: it holds another program's tables", ErrNotOurs)
			} else {
				err = fmt.Errorf("%w: the file holds no drafts yet", ErrNoDatabase)
			}
		}
	}
	if err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, version, nil
}

// upgrade brings an older database's schema up to date.
func upgrade(abs string) error {
	s, err := open(abs)
	if err != nil {
		return err
	}
	return s.Close()
}

// mustExist refuses a path with no database file, or an empty one (which
// Open would take as new).
func mustExist(abs string) error {
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrNoDatabase
	case err != nil:
		return err
	case st.IsDir():
		return fmt.Errorf("%w: it is a folder", ErrNotOurs)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%w: not a regular file", ErrNotOurs)
	case st.Size() == 0:
		return fmt.Errorf("%w: the file is empty", ErrNoDatabase)
	}
	return nil
}
