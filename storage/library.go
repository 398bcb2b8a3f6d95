package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Library returns every organisation in the library, by name.
func (s *Store) Library() ([]forms.LibraryEntry, error) {
	rows, err := s.db.Query(`SELECT body FROM library ORDER BY legal_name COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("read library: %w", err)
	}
	defer rows.Close()
	out := []forms.LibraryEntry{}
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("read library: %w", err)
		}
		var e forms.LibraryEntry
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, fmt.Errorf("read library: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read library: %w", err)
	}
	return out, nil
}

// LibraryEntry returns one organisation, or forms.ErrNotFound.
func (s *Store) LibraryEntry(id string) (forms.LibraryEntry, error) {
	var body string
	var e forms.LibraryEntry
	if err := s.db.QueryRow(`SELECT body FROM library WHERE id = ?`, id).Scan(&body); err != nil {
		return e, fmt.Errorf("library entry %s: %w", id, notFound(err))
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		return e, fmt.Errorf("library entry %s: %w", id, err)
	}
	return e, nil
}

// SaveLibraryEntry adds or updates an organisation; an empty ID is given a
// fresh one.
func (s *Store) SaveLibraryEntry(e *forms.LibraryEntry) error {
	if e.ID == "" {
		e.ID = forms.NewID()
	}
	err := s.inTx(func(tx *sql.Tx) error {
		_, err := upsertLibrary(tx, *e, s.stamp())
		return err
	})
	if err != nil {
		return fmt.Errorf("save library entry %s: %w", e.ID, err)
	}
	return nil
}

// DeleteLibraryEntry removes an organisation. Drafts linked to it keep the
// values last applied and OverlayLibrary reports the link as dangling.
func (s *Store) DeleteLibraryEntry(id string) error {
	err := s.inTx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM library WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return forms.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete library entry %s: %w", id, err)
	}
	return nil
}

// ImportLibrary adds or replaces the given organisations, matched by ID, in
// one transaction: a shared file either goes in whole or not at all.
func (s *Store) ImportLibrary(entries []forms.LibraryEntry) (added, updated int, err error) {
	err = s.inTx(func(tx *sql.Tx) error {
		added, updated = 0, 0
		for _, e := range entries {
			isNew, err := upsertLibrary(tx, e, s.stamp())
			if err != nil {
				return err
			}
			if isNew {
				added++
			} else {
				updated++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("import library: %w", err)
	}
	return added, updated, nil
}

func upsertLibrary(tx *sql.Tx, e forms.LibraryEntry, now int64) (isNew bool, err error) {
	if strings.TrimSpace(e.ID) == "" {
		return false, fmt.Errorf("organisation %q has no id", e.LegalName)
	}
	body, err := json.Marshal(e)
	if err != nil {
		return false, err
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM library WHERE id = ?`, e.ID).Scan(&n); err != nil {
		return false, err
	}
	_, err = tx.Exec(`INSERT INTO library (id, legal_name, body, updated) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET legal_name = excluded.legal_name, body = excluded.body, updated = excluded.updated`,
		e.ID, e.LegalName, string(body), now)
	return n == 0, err
}

// LoadWithLibrary loads a draft and overlays its linked library entries, as
// every screen and check should see it (see forms.OverlayLibrary).
func (s *Store) LoadWithLibrary(id string) (*forms.Application, error) {
	a, err := s.Load(id)
	if err != nil {
		return nil, err
	}
	lib, err := s.Library()
	if err != nil {
		return nil, err
	}
	forms.OverlayLibrary(a, lib)
	return a, nil
}
