package cli

import (
	"fmt"
	"path/filepath"

	"github.com/darsworkbench/dars-workbench/app/instance"
	"github.com/darsworkbench/dars-workbench/storage"
)

// notWhileWindowOpen refuses a command that changes drafts or library
// entries in place while the window has the same database open: the window
// holds its own copy of what it shows, and its next save would overwrite
// the change without a word (a review's comments imported here, then lost
// when the draft's window autosaves). what names the change; instead says
// how to make it in the window.
func (env *Env) notWhileWindowOpen(what, instead string) error {
	dir, err := instance.Dir()
	if err != nil {
		return nil
	}
	held, db, err := instance.Holding(dir)
	if err != nil || !held {
		return nil
	}
	p := env.DBPath
	if p == "" {
		if p, err = storage.DefaultPath(); err != nil {
			return nil
		}
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if db != "" && db != p {
		return nil // the window has another database open
	}
	return fmt.Errorf("DARS Workbench is open on this database, and its next save would overwrite %s. %s, or close the window and run this again. Nothing was changed", what, instead)
}
