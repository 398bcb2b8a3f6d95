package storage

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Hand-off ticks are the applicant's progress in DARS Online. They are kept
// in a table of their own, keyed by draft and answer, rather than in the
// draft's body: they describe the portal, not the application, so a
// restored snapshot must not bring back old ticks (the portal still holds
// what was entered), an autosave must not race with a tick, and a pack sent
// to a reviewer has no business carrying them.

// HandOffTicks returns a draft's ticks.
func (s *Store) HandOffTicks(draftID string) ([]forms.HandOffTick, error) {
	if err := s.mustHaveDraft(draftID); err != nil {
		return nil, fmt.Errorf("read the hand-off ticks of draft %s: %w", draftID, err)
	}
	rows, err := s.db.Query(`SELECT item_key, sha256, where_, ticked, copied_from FROM handoff_ticks
		WHERE draft_id = ? ORDER BY ticked, item_key`, draftID)
	if err != nil {
		return nil, fmt.Errorf("read the hand-off ticks of draft %s: %w", draftID, err)
	}
	defer rows.Close()
	out := []forms.HandOffTick{}
	for rows.Next() {
		var t forms.HandOffTick
		var at int64
		if err := rows.Scan(&t.Key, &t.SHA256, &t.Where, &at, &t.CopiedFrom); err != nil {
			return nil, fmt.Errorf("read the hand-off ticks of draft %s: %w", draftID, err)
		}
		t.At = time.Unix(0, at)
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the hand-off ticks of draft %s: %w", draftID, err)
	}
	return out, nil
}

// SetHandOffTicks records ticks, replacing any of the same keys.
func (s *Store) SetHandOffTicks(draftID string, ticks ...forms.HandOffTick) error {
	err := s.inTx(func(tx *sql.Tx) error {
		if err := haveDraftTx(tx, draftID); err != nil {
			return err
		}
		for _, t := range ticks {
			at := t.At
			if at.IsZero() {
				at = time.Unix(0, s.stamp())
			}
			if _, err := tx.Exec(`INSERT INTO handoff_ticks (draft_id, item_key, sha256, where_, ticked, copied_from)
				VALUES (?, ?, ?, ?, ?, '')
				ON CONFLICT (draft_id, item_key) DO UPDATE SET sha256 = excluded.sha256, where_ = excluded.where_,
					ticked = excluded.ticked, copied_from = ''`,
				draftID, t.Key, t.SHA256, t.Where, at.UnixNano()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record hand-off ticks of draft %s: %w", draftID, err)
	}
	return nil
}

// RemoveHandOffTicks removes the ticks of the given keys, or every tick of
// the draft when no key is given.
func (s *Store) RemoveHandOffTicks(draftID string, keys ...string) error {
	err := s.inTx(func(tx *sql.Tx) error {
		if err := haveDraftTx(tx, draftID); err != nil {
			return err
		}
		if len(keys) == 0 {
			_, err := tx.Exec(`DELETE FROM handoff_ticks WHERE draft_id = ?`, draftID)
			return err
		}
		for _, k := range keys {
			if _, err := tx.Exec(`DELETE FROM handoff_ticks WHERE draft_id = ? AND item_key = ?`, draftID, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("remove hand-off ticks of draft %s: %w", draftID, err)
	}
	return nil
}

// KeepCopiedTicks accepts the ticks a duplicate was given as its own.
func (s *Store) KeepCopiedTicks(draftID string) error {
	if _, err := s.db.Exec(`UPDATE handoff_ticks SET copied_from = '' WHERE draft_id = ?`, draftID); err != nil {
		return fmt.Errorf("keep the copied hand-off ticks of draft %s: %w", draftID, err)
	}
	return nil
}

// copyTicks gives a duplicate the ticks of its original, marked as copied
// from it.
func copyTicks(tx *sql.Tx, from, to string) error {
	_, err := tx.Exec(`INSERT INTO handoff_ticks (draft_id, item_key, sha256, where_, ticked, copied_from)
		SELECT ?, item_key, sha256, where_, ticked, ? FROM handoff_ticks WHERE draft_id = ?`, to, from, from)
	return err
}

// UploadDir is the folder the documents to upload to DARS Online are
// written to for a draft: beside the database, inside the app's own
// private folder, so nothing the user keeps is ever overwritten.
func (s *Store) UploadDir(draftID string) string {
	// A draft ID read from a file could hold anything: the folder name must
	// not climb out of uploads/ or name a device (Windows' "con").
	name := "draft-" + draftID
	if draftID == "" || len(draftID) > 64 || strings.IndexFunc(draftID, func(r rune) bool {
		return !(r == '-' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z'))
	}) >= 0 {
		sum := sha256.Sum256([]byte(draftID))
		name = "draft-" + hex.EncodeToString(sum[:8])
	}
	return filepath.Join(filepath.Dir(s.path), "uploads", name)
}

func (s *Store) mustHaveDraft(id string) error {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM drafts WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return forms.ErrNotFound
	}
	return nil
}

func haveDraftTx(tx *sql.Tx, id string) error {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM drafts WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return forms.ErrNotFound
	}
	return nil
}
