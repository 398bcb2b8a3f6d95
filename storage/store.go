// Package storage keeps drafts in a single SQLite file: the drafts
// themselves (as the stable JSON of forms.Encode), the bin, and their
// snapshot history. Every change is one transaction committed with
// synchronous=FULL, so an edit reported saved survives a crash or power cut.
package storage

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as a DARS Workbench database ("DARS").
const ApplicationID = 0x44415253

var (
	// ErrNotOurs is returned by Open for a file that is not a DARS Workbench
	// database: not SQLite at all, or another program's database.
	ErrNotOurs = errors.New("not a DARS Workbench database; choose another file or a new name")
	// ErrTooNew is returned by Open for a database written by a newer version
	// of the app, which this version must not change.
	ErrTooNew = errors.New("database was written by a newer version of DARS Workbench; install the newer version to open it")
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open database. Its methods are safe for concurrent use: they
// share one connection, so writes are serialised.
type Store struct {
	db   *sql.DB
	path string

	mu        sync.Mutex
	lastStamp int64
}

// dsnParams sets durability and concurrency for the one connection:
// _txlock=immediate takes the write lock at BEGIN, so a transaction never
// fails half-way with SQLITE_BUSY.
const dsnParams = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(5000)&_txlock=immediate"

// Open opens the database at path, creating it (and its directory, 0700) if
// needed, and brings its schema up to date. A file that is not ours, or that
// a newer version wrote, is refused with ErrNotOurs or ErrTooNew and left
// exactly as it was.
func Open(path string) (*Store, error) {
	s, err := open(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

func open(p string) (*Store, error) {
	if p == "" {
		return nil, errors.New("no path given")
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	migs, err := migrations()
	if err != nil {
		return nil, err
	}
	latest := migs[len(migs)-1].version

	created, err := prepareFile(abs)
	if err != nil {
		return nil, err
	}
	if created {
		// SQLite would replay a WAL left behind by a deleted database into
		// the new one: whatever that WAL holds is not ours to adopt.
		if st, err := os.Stat(abs + "-wal"); err == nil && st.Size() > 0 {
			return nil, fmt.Errorf("%w: %s is left over from another database; move it away first", ErrNotOurs, filepath.Base(abs)+"-wal")
		}
	} else {
		if err := checkHeader(abs, latest); err != nil {
			return nil, err
		}
		if err := probe(abs, latest); err != nil {
			return nil, err
		}
	}

	db, err := sql.Open("sqlite", fileURI(abs)+"?"+dsnParams)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	s := &Store{db: db, path: abs}
	if err := s.migrate(migs); err != nil {
		db.Close()
		return nil, err
	}
	if created {
		// SQLite gives -wal and -shm the database file's mode; make sure
		// even if an older SQLite or another process created them first.
		for _, suffix := range []string{"-wal", "-shm"} {
			if err := chmodPrivate(abs+suffix, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
				db.Close()
				return nil, err
			}
		}
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// prepareFile creates the directory (0700) and an empty database file (0600)
// when they do not exist, whatever the umask. It reports whether the file
// was new or empty, so there is nothing in it to check.
func prepareFile(p string) (bool, error) {
	dir := filepath.Dir(p)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return false, err
		}
		if err := chmodPrivate(dir, 0o700); err != nil {
			return false, err
		}
	} else if err != nil {
		return false, err
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		f.Close()
		return true, chmodPrivate(p, 0o600)
	}
	if !errors.Is(err, fs.ErrExist) {
		return false, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return false, err
	}
	if !st.Mode().IsRegular() {
		return false, fmt.Errorf("%w: not a regular file", ErrNotOurs)
	}
	return st.Size() == 0, nil
}

// checkHeader reads the SQLite header directly, without opening the file
// with SQLite, so that a foreign file is refused before SQLite could touch
// it (opening in WAL mode rewrites the header).
func checkHeader(p string, latest int) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: not a SQLite file", ErrNotOurs)
		}
		return err
	}
	if !bytes.Equal(h[:16], []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%w: not a SQLite file", ErrNotOurs)
	}
	return checkIDs(int64(binary.BigEndian.Uint32(h[68:72])), int64(binary.BigEndian.Uint32(h[60:64])), latest)
}

func checkIDs(appID, version int64, latest int) error {
	if appID != 0 && appID != ApplicationID {
		return fmt.Errorf("%w: it belongs to another program (application id %#x)", ErrNotOurs, appID)
	}
	if version > int64(latest) {
		return fmt.Errorf("%w (schema %d; this version knows up to %d)", ErrTooNew, version, latest)
	}
	return nil
}

// probe asks SQLite itself, read-only, for the identifiers (which a WAL file
// may hold newer copies of) and whether an unmarked database already holds
// someone else's tables.
func probe(p string, latest int) error {
	db, err := sql.Open("sqlite", fileURI(p)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var appID, version, objects int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("%w: %v", ErrNotOurs, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if err := checkIDs(appID, version, latest); err != nil {
		return err
	}
	if appID == 0 {
		if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
			return err
		}
		if objects > 0 {
			return fmt.Errorf("%w: it holds another program's tables", ErrNotOurs)
		}
	}
	return nil
}

// fileURI makes an SQLite URI of an absolute path, escaping the characters
// that would otherwise end the path.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	if runtime.GOOS == "windows" {
		p = "/" + p // file:///C:/…
	}
	return "file://" + p
}

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order. Their numbers must
// run 1, 2, 3… without gaps, so adding one is adding the next file.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var migs []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		if n != len(migs)+1 {
			return nil, fmt.Errorf("migration %s: expected number %04d", e.Name(), len(migs)+1)
		}
		b, err := migrationFS.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		migs = append(migs, migration{version: n, name: e.Name(), sql: string(b)})
	}
	if len(migs) == 0 {
		return nil, errors.New("no migrations embedded")
	}
	return migs, nil
}

// migrate applies each migration newer than the database with its
// user_version bump in one immediate transaction, so a crash leaves the
// schema either before or after a step, never half-way.
func (s *Store) migrate(migs []migration) error {
	for _, m := range migs {
		if err := s.applyMigration(m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	// A newer app may have upgraded the file since the checks in open.
	var version int64
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	return checkIDs(ApplicationID, version, migs[len(migs)-1].version)
}

func (s *Store) applyMigration(m migration) error {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Read inside the write lock: another process may have migrated since.
	var appID, version int64
	if err := tx.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return err
	}
	if err := tx.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if appID != 0 && appID != ApplicationID {
		return fmt.Errorf("%w: it belongs to another program (application id %#x)", ErrNotOurs, appID)
	}
	if version >= int64(m.version) {
		return nil
	}
	if m.version == 1 {
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(m.sql); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// stamp returns the current time in Unix nanoseconds, strictly increasing
// within this Store so that "newest edit first" has no ties.
func (s *Store) stamp() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := time.Now().UnixNano()
	if n <= s.lastStamp {
		n = s.lastStamp + 1
	}
	s.lastStamp = n
	return n
}

func fromStamp(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64)
}
