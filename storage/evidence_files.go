package storage

import (
	"database/sql"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// DraftOwner and LibraryOwner name who an attached file belongs to: an
// evidence item of a draft, or a security document of a library entry.
func DraftOwner(draftID string) string   { return "draft:" + draftID }
func LibraryOwner(entryID string) string { return "library:" + entryID }

// FileVersion is one file an item has held; the current one has a zero Removed.
type FileVersion struct {
	ID       int64
	SHA256   string
	Name     string
	Size     int64
	Attached time.Time
	Removed  time.Time
	Reason   string // "replaced" or "detached" once removed
}

// AttachFile stores the file read from r and makes it the item's current
// file, keeping any previous one in the item's history (a replace). It
// returns the attachment with name, size and hash; the caller adds the PDF
// facts it inspects (storage does not read PDFs).
func (s *Store) AttachFile(owner, itemID, name string, r io.Reader) (forms.Attachment, error) {
	name = filepath.Base(strings.TrimSpace(name))
	if owner == "" || itemID == "" {
		return forms.Attachment{}, fmt.Errorf("attach %s: no item given", name)
	}
	b, err := s.PutBlob(r)
	if err != nil {
		return forms.Attachment{}, fmt.Errorf("attach %s: %w", name, err)
	}
	now := s.stamp()
	err = s.inTx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE evidence_files SET removed = ?, reason = 'replaced'
			WHERE owner = ? AND item_id = ? AND removed IS NULL`, now, owner, itemID); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO evidence_files (owner, item_id, sha256, name, size, attached)
			VALUES (?, ?, ?, ?, ?, ?)`, owner, itemID, b.SHA256, name, b.Size, now)
		return err
	})
	if err != nil {
		return forms.Attachment{}, fmt.Errorf("attach %s: %w", name, err)
	}
	return forms.Attachment{Name: name, Size: b.Size, SHA256: b.SHA256}, nil
}

// DetachFile ends the item's current file, keeping it in history. Detaching
// an item with no file is not an error.
func (s *Store) DetachFile(owner, itemID string) error {
	now := s.stamp()
	err := s.inTx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE evidence_files SET removed = ?, reason = 'detached'
			WHERE owner = ? AND item_id = ? AND removed IS NULL`, now, owner, itemID)
		return err
	})
	if err != nil {
		return fmt.Errorf("detach file of %s: %w", itemID, err)
	}
	return nil
}

// FileHistory lists every file the item has held, newest first.
func (s *Store) FileHistory(owner, itemID string) ([]FileVersion, error) {
	rows, err := s.db.Query(`SELECT id, sha256, name, size, attached, removed, reason
		FROM evidence_files WHERE owner = ? AND item_id = ? ORDER BY id DESC`, owner, itemID)
	if err != nil {
		return nil, fmt.Errorf("file history of %s: %w", itemID, err)
	}
	defer rows.Close()
	out := []FileVersion{}
	for rows.Next() {
		var v FileVersion
		var attached, removed sql.NullInt64
		if err := rows.Scan(&v.ID, &v.SHA256, &v.Name, &v.Size, &attached, &removed, &v.Reason); err != nil {
			return nil, fmt.Errorf("file history of %s: %w", itemID, err)
		}
		v.Attached, v.Removed = fromStamp(attached), fromStamp(removed)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("file history of %s: %w", itemID, err)
	}
	return out, nil
}

// CurrentFile returns the item's current file, or forms.ErrNotFound.
func (s *Store) CurrentFile(owner, itemID string) (FileVersion, error) {
	h, err := s.FileHistory(owner, itemID)
	if err != nil {
		return FileVersion{}, err
	}
	if len(h) == 0 || !h[0].Removed.IsZero() {
		return FileVersion{}, fmt.Errorf("current file of %s: %w", itemID, forms.ErrNotFound)
	}
	return h[0], nil
}
