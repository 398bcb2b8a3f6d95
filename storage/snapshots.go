package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// ReasonBeforeRestore is the reason recorded on the snapshot RestoreSnapshot
// takes of the draft it is about to replace.
const ReasonBeforeRestore = "before restore"

// ReasonExported is the reason recorded on the snapshot of what an export
// wrote, naming the pack.
func ReasonExported(pack string) string { return "exported as " + pack }

// SnapshotInfo describes one saved revision of a draft.
type SnapshotInfo struct {
	ID       int64
	DraftID  string
	Revision int64
	Reason   string // why it was taken: asked for, before export, before restore
	Taken    time.Time
}

// Snapshot keeps a copy of the draft as stored now, with its revision.
func (s *Store) Snapshot(id, reason string) (SnapshotInfo, error) {
	var info SnapshotInfo
	err := s.inTx(func(tx *sql.Tx) error {
		var err error
		info, err = snapshotTx(tx, id, reason, s.stamp())
		return err
	})
	if err != nil {
		return SnapshotInfo{}, fmt.Errorf("snapshot draft %s: %w", id, err)
	}
	return info, nil
}

// SnapshotOf keeps a, a copy of a stored draft, in the draft's history at
// a.Revision. An export calls it once the pack is in place, with the copy it
// wrote, so the history shows exactly what was sent and a failed export
// leaves nothing behind.
func (s *Store) SnapshotOf(a *forms.Application, reason string) (SnapshotInfo, error) {
	if a == nil {
		return SnapshotInfo{}, errors.New("snapshot: no draft given")
	}
	info, err := s.snapshotOf(a, reason)
	if err != nil {
		return SnapshotInfo{}, fmt.Errorf("snapshot draft %s: %w", a.ID, err)
	}
	return info, nil
}

func (s *Store) snapshotOf(a *forms.Application, reason string) (SnapshotInfo, error) {
	body, err := forms.Encode(a)
	if err != nil {
		return SnapshotInfo{}, err
	}
	now := s.stamp()
	info := SnapshotInfo{DraftID: a.ID, Revision: a.Revision, Reason: reason, Taken: time.Unix(0, now)}
	err = s.inTx(func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM drafts WHERE id = ?`, a.ID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return forms.ErrNotFound
		}
		return tx.QueryRow(`INSERT INTO snapshots (draft_id, revision, reason, body, taken)
			VALUES (?, ?, ?, ?, ?) RETURNING id`, a.ID, a.Revision, reason, string(body), now).Scan(&info.ID)
	})
	if err != nil {
		return SnapshotInfo{}, err
	}
	return info, nil
}

func snapshotTx(tx *sql.Tx, id, reason string, now int64) (SnapshotInfo, error) {
	info := SnapshotInfo{DraftID: id, Reason: reason, Taken: time.Unix(0, now)}
	err := tx.QueryRow(`INSERT INTO snapshots (draft_id, revision, reason, body, taken)
		SELECT id, revision, ?, body, ? FROM drafts WHERE id = ?
		RETURNING id, revision`, reason, now, id).Scan(&info.ID, &info.Revision)
	if err != nil {
		return SnapshotInfo{}, notFound(err)
	}
	return info, nil
}

// Snapshots lists a draft's snapshots, newest first.
func (s *Store) Snapshots(id string) ([]SnapshotInfo, error) {
	out, err := s.snapshots(id)
	if err != nil {
		return nil, fmt.Errorf("list snapshots of draft %s: %w", id, err)
	}
	return out, nil
}

func (s *Store) snapshots(id string) ([]SnapshotInfo, error) {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM drafts WHERE id = ?`, id).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, forms.ErrNotFound
	}
	rows, err := s.db.Query(`SELECT id, draft_id, revision, reason, taken FROM snapshots
		WHERE draft_id = ? ORDER BY id DESC`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []SnapshotInfo{}
	for rows.Next() {
		var si SnapshotInfo
		var taken int64
		if err := rows.Scan(&si.ID, &si.DraftID, &si.Revision, &si.Reason, &taken); err != nil {
			return nil, err
		}
		si.Taken = time.Unix(0, taken)
		out = append(out, si)
	}
	return out, rows.Err()
}

// LoadSnapshot returns the draft as it was when the snapshot was taken.
func (s *Store) LoadSnapshot(snapshotID int64) (*forms.Application, error) {
	var body string
	err := s.db.QueryRow(`SELECT body FROM snapshots WHERE id = ?`, snapshotID).Scan(&body)
	if err != nil {
		return nil, fmt.Errorf("load snapshot %d: %w", snapshotID, notFound(err))
	}
	a, err := forms.DecodeOwn([]byte(body))
	if err != nil {
		return nil, fmt.Errorf("load snapshot %d: %w", snapshotID, err)
	}
	return a, nil
}

// RestoreSnapshot makes a snapshot's content the draft's next revision,
// first taking a snapshot of what it replaces so the restore can be undone.
// Both happen in one transaction.
func (s *Store) RestoreSnapshot(draftID string, snapshotID int64) error {
	now := s.stamp()
	err := s.inTx(func(tx *sql.Tx) error {
		var body string
		err := tx.QueryRow(`SELECT body FROM snapshots WHERE id = ? AND draft_id = ?`, snapshotID, draftID).Scan(&body)
		if err != nil {
			return fmt.Errorf("snapshot %d: %w", snapshotID, notFound(err))
		}
		a, err := forms.DecodeOwn([]byte(body))
		if err != nil {
			return fmt.Errorf("snapshot %d: %w", snapshotID, err)
		}
		before, err := snapshotTx(tx, draftID, ReasonBeforeRestore, now)
		if err != nil {
			return err
		}
		a.ID = draftID
		a.Revision = before.Revision + 1
		b, err := forms.Encode(a)
		if err != nil {
			return err
		}
		return putBody(tx, a, b, now)
	})
	if err != nil {
		return fmt.Errorf("restore draft %s from snapshot %d: %w", draftID, snapshotID, err)
	}
	return nil
}
