package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

var (
	// ErrExists is returned by Create for an ID already in use.
	ErrExists = errors.New("a draft with this ID already exists")
	// ErrNotInBin is returned by Purge for a draft that has not been deleted:
	// only drafts in the bin can be removed for good.
	ErrNotInBin = errors.New("draft is not in the bin; delete it first")
	// ErrEmptyTitle is returned by Rename for a blank title.
	ErrEmptyTitle = errors.New("title is empty; give the draft a name")
)

// DraftInfo is what the start screen lists for a draft.
type DraftInfo struct {
	ID       string
	Title    string
	Stage    forms.Stage
	Revision int64
	Created  time.Time
	Updated  time.Time
	Deleted  time.Time // zero unless the draft is in the bin
}

// Create stores a new draft at revision 1. An empty a.ID is given a fresh
// one; a.Revision is set to 1.
func (s *Store) Create(a *forms.Application) error {
	if a == nil {
		return errors.New("create draft: no draft given")
	}
	if a.ID == "" {
		a.ID = forms.NewID()
	}
	if err := s.create(a, nil); err != nil {
		return fmt.Errorf("create draft %s: %w", a.ID, err)
	}
	return nil
}

// create stores a new draft; then, if given, runs in the same transaction.
func (s *Store) create(a *forms.Application, then func(*sql.Tx) error) error {
	old := a.Revision
	a.Revision = 1
	body, err := forms.Encode(a)
	if err != nil {
		a.Revision = old
		return err
	}
	now := s.stamp()
	err = s.inTx(func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM drafts WHERE id = ?`, a.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrExists
		}
		_, err := tx.Exec(`INSERT INTO drafts (id, title, stage, revision, body, created, updated)
			VALUES (?, ?, ?, 1, ?, ?, ?)`, a.ID, a.Overview.Title, string(a.Overview.Stage), string(body), now, now)
		if err != nil || then == nil {
			return err
		}
		return then(tx)
	})
	if err != nil {
		a.Revision = old
	}
	return err
}

// List returns the drafts not in the bin, most recently edited first.
func (s *Store) List() ([]DraftInfo, error) {
	d, err := s.list(`WHERE deleted IS NULL ORDER BY updated DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("list drafts: %w", err)
	}
	return d, nil
}

// ListDeleted returns the drafts in the bin, most recently deleted first.
func (s *Store) ListDeleted() ([]DraftInfo, error) {
	d, err := s.list(`WHERE deleted IS NOT NULL ORDER BY deleted DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("list deleted drafts: %w", err)
	}
	return d, nil
}

func (s *Store) list(where string) ([]DraftInfo, error) {
	rows, err := s.db.Query(`SELECT id, title, stage, revision, created, updated, deleted FROM drafts ` + where)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []DraftInfo{}
	for rows.Next() {
		var d DraftInfo
		var stage string
		var created, updated, deleted sql.NullInt64
		if err := rows.Scan(&d.ID, &d.Title, &stage, &d.Revision, &created, &updated, &deleted); err != nil {
			return nil, err
		}
		d.Stage = forms.Stage(stage)
		d.Created, d.Updated, d.Deleted = fromStamp(created), fromStamp(updated), fromStamp(deleted)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Load returns the stored draft, whether or not it is in the bin.
func (s *Store) Load(id string) (*forms.Application, error) {
	a, err := s.load(id)
	if err != nil {
		return nil, fmt.Errorf("load draft %s: %w", id, err)
	}
	return a, nil
}

func (s *Store) load(id string) (*forms.Application, error) {
	var body string
	err := s.db.QueryRow(`SELECT body FROM drafts WHERE id = ?`, id).Scan(&body)
	if err != nil {
		return nil, notFound(err)
	}
	return forms.DecodeOwn([]byte(body))
}

// Save stores a as the draft's next revision in one transaction and sets
// a.Revision to it. The caller must not change a while Save runs.
func (s *Store) Save(a *forms.Application) error {
	if a == nil {
		return errors.New("save draft: no draft given")
	}
	if err := s.save(a); err != nil {
		return fmt.Errorf("save draft %s: %w", a.ID, err)
	}
	return nil
}

func (s *Store) save(a *forms.Application) error {
	old := a.Revision
	// Encode before taking the write lock, guessing the stored revision is
	// the one a was loaded at; re-encode in the rare case it is not.
	a.Revision = old + 1
	body, err := forms.Encode(a)
	if err != nil {
		a.Revision = old
		return err
	}
	now := s.stamp()
	err = s.inTx(func(tx *sql.Tx) error {
		var stored int64
		if err := tx.QueryRow(`SELECT revision FROM drafts WHERE id = ?`, a.ID).Scan(&stored); err != nil {
			return notFound(err)
		}
		if stored != old {
			a.Revision = stored + 1
			if body, err = forms.Encode(a); err != nil {
				return err
			}
		}
		return putBody(tx, a, body, now)
	})
	if err != nil {
		a.Revision = old
	}
	return err
}

// putBody overwrites a draft's body with a, already encoded, at a.Revision.
func putBody(tx *sql.Tx, a *forms.Application, body []byte, now int64) error {
	_, err := tx.Exec(`UPDATE drafts SET title = ?, stage = ?, revision = ?, body = ?, updated = ? WHERE id = ?`,
		a.Overview.Title, string(a.Overview.Stage), a.Revision, string(body), now, a.ID)
	return err
}

// Rename changes a draft's title, as a new revision.
func (s *Store) Rename(id, title string) error {
	if err := s.rename(id, strings.TrimSpace(title)); err != nil {
		return fmt.Errorf("rename draft %s: %w", id, err)
	}
	return nil
}

func (s *Store) rename(id, title string) error {
	if title == "" {
		return ErrEmptyTitle
	}
	now := s.stamp()
	return s.inTx(func(tx *sql.Tx) error {
		a, err := loadTx(tx, id)
		if err != nil {
			return err
		}
		a.Overview.Title = title
		a.Revision++
		body, err := forms.Encode(a)
		if err != nil {
			return err
		}
		return putBody(tx, a, body, now)
	})
}

// Duplicate copies a draft under a new ID and the title "Copy of …",
// starting a fresh revision history. Its hand-off ticks go with it, marked
// as copied: a copy of the same application keeps its progress, and a copy
// meant for a new one is told to clear them (see copyTicks).
func (s *Store) Duplicate(id string) (*forms.Application, error) {
	a, err := s.load(id)
	if err != nil {
		return nil, fmt.Errorf("duplicate draft %s: %w", id, err)
	}
	a.ID = forms.NewID()
	a.Overview.Title = "Copy of " + a.Overview.Title
	if err := s.create(a, func(tx *sql.Tx) error { return copyTicks(tx, id, a.ID) }); err != nil {
		return nil, fmt.Errorf("duplicate draft %s: %w", id, err)
	}
	return a, nil
}

// Delete moves a draft to the bin. Deleting a draft already there does
// nothing.
func (s *Store) Delete(id string) error {
	if err := s.setDeleted(id, true); err != nil {
		return fmt.Errorf("delete draft %s: %w", id, err)
	}
	return nil
}

// Restore brings a draft back from the bin. Restoring a draft not in the
// bin does nothing.
func (s *Store) Restore(id string) error {
	if err := s.setDeleted(id, false); err != nil {
		return fmt.Errorf("restore draft %s: %w", id, err)
	}
	return nil
}

func (s *Store) setDeleted(id string, deleted bool) error {
	var res sql.Result
	var err error
	if deleted {
		res, err = s.db.Exec(`UPDATE drafts SET deleted = coalesce(deleted, ?) WHERE id = ?`, s.stamp(), id)
	} else {
		res, err = s.db.Exec(`UPDATE drafts SET deleted = NULL WHERE id = ?`, id)
	}
	if err != nil {
		return err
	}
	return mustHaveChanged(res)
}

// Purge removes a draft in the bin, and its snapshots, for good.
func (s *Store) Purge(id string) error {
	err := s.inTx(func(tx *sql.Tx) error {
		var deleted sql.NullInt64
		if err := tx.QueryRow(`SELECT deleted FROM drafts WHERE id = ?`, id).Scan(&deleted); err != nil {
			return notFound(err)
		}
		if !deleted.Valid {
			return ErrNotInBin
		}
		_, err := tx.Exec(`DELETE FROM drafts WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("purge draft %s: %w", id, err)
	}
	return nil
}

func loadTx(tx *sql.Tx, id string) (*forms.Application, error) {
	var body string
	if err := tx.QueryRow(`SELECT body FROM drafts WHERE id = ?`, id).Scan(&body); err != nil {
		return nil, notFound(err)
	}
	return forms.DecodeOwn([]byte(body))
}

// inTx runs f in one immediate transaction, committing if it returns nil.
func (s *Store) inTx(f func(*sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return forms.ErrNotFound
	}
	return err
}

func mustHaveChanged(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return forms.ErrNotFound
	}
	return nil
}
