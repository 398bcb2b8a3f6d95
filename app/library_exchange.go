package app

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// maxLibraryFile bounds a library file read as JSON: a library is kilobytes.
var maxLibraryFile = forms.LibraryJSONLimits.MaxBytes

// readLibraryFile reads a library file or pack. A pack (ZIP) is spooled to
// a private temporary file so its documents stream into the store without
// being held in memory.
func readLibraryFile(r io.Reader, es EvidenceStore) ([]forms.LibraryEntry, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	if !export.IsZip(head) {
		b, err := io.ReadAll(io.LimitReader(br, int64(maxLibraryFile)+1))
		if err != nil {
			return nil, err
		}
		if len(b) > maxLibraryFile {
			return nil, fmt.Errorf("the file is over %s; a library file is much smaller", forms.HumanBytes(int64(maxLibraryFile)))
		}
		return forms.DecodeLibrary(b)
	}
	if es == nil {
		return nil, fmt.Errorf("this store keeps no files, so a library pack cannot be imported")
	}
	tmp, err := os.CreateTemp("", "dars-library-*.zip")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	size, err := io.Copy(tmp, io.LimitReader(br, export.MaxLibraryPackBytes+1))
	if err != nil {
		return nil, err
	}
	if size > export.MaxLibraryPackBytes {
		return nil, fmt.Errorf("the file is larger than %s; a library pack is smaller", forms.HumanBytes(export.MaxLibraryPackBytes))
	}
	bs, ok := es.(export.BlobStore)
	if !ok {
		return nil, fmt.Errorf("this store cannot take documents from a pack")
	}
	return export.ReadLibraryPack(tmp, size, bs)
}

func (w *libraryWindow) onImport() {
	es, _ := w.u.evidenceStore()
	w.u.chooseOpen(w.win, fileRequest{Kind: kindLibrary, Title: "Import an organisation library", Confirm: "Import",
		Types: []fileType{typeLibrary}}, func(path string) {
		r, err := os.Open(path)
		if err != nil {
			showError(w.win, "Could not open the file", err)
			return
		}
		name := filepath.Base(path)
		w.status.SetText("Reading " + name + "…")
		// Tracked: reading a pack stores its documents.
		w.u.bg.run(func() func(bool) {
			entries, err := readLibraryFile(r, es)
			r.Close()
			return func(live bool) {
				switch {
				case live && w.isOpen():
					w.confirmImport(name, entries, err)
				case err != nil:
					w.u.tell(live, nil, lateNotice{"Could not import " + name, err.Error(), true})
				case live:
					w.u.tell(live, nil, lateNotice{"Library not imported", "The library window was closed before " + name + " was read, so nothing was imported.", false})
				}
			}
		})
	})
}

// isOpen reports whether this library window is still the open one.
func (w *libraryWindow) isOpen() bool { return w.u.libraryWin == w }

// reportWindow is this window while open, else the start window.
func (w *libraryWindow) reportWindow() fyne.Window {
	if w.isOpen() {
		return w.win
	}
	return nil
}

func (w *libraryWindow) confirmImport(name string, entries []forms.LibraryEntry, err error) {
	w.status.SetText("")
	if err != nil {
		showError(w.win, "Could not import "+name, err)
		return
	}
	known := map[string]bool{}
	for _, e := range w.entries {
		known[e.ID] = true
	}
	replace := 0
	for _, e := range entries {
		if known[e.ID] {
			replace++
		}
	}
	msg := fmt.Sprintf("Import %s from %s? %d new, %d replacing entries already here.", plural(len(entries), "organisation"), name, len(entries)-replace, replace)
	dialog.ShowConfirm("Import library", msg, func(ok bool) {
		if !ok {
			return
		}
		added, updated, err := w.ls.ImportLibrary(entries)
		if err != nil {
			showError(w.win, "Could not import the library", err)
			return
		}
		w.reload("")
		w.u.libraryChanged()
		w.status.SetText(fmt.Sprintf("Imported: %d added, %d updated.", added, updated))
	}, w.win)
}

// onExport writes the library: as a pack with its documents (.zip, the
// default) or as the bare library file (.json).
func (w *libraryWindow) onExport() {
	var found []forms.FoundIdentifier
	var of []int
	for i, p := range forms.LibraryParts(w.entries) {
		for _, f := range forms.FindNHSNumbers(p) {
			found, of = append(found, f), append(of, i)
		}
	}
	entries := w.entries
	open := func(i int) { w.reload(entries[of[i]].ID) }
	identifierGate(w.win, gateRequest{what: "The library export", found: found, open: open, write: w.chooseExport})
}

func (w *libraryWindow) chooseExport(mask bool) {
	entries := w.entries
	if mask {
		entries = forms.MaskedCopy(entries)
	}
	es, _ := w.u.evidenceStore()
	stamp := w.u.now()
	w.u.chooseSave(w.win, fileRequest{Kind: kindLibrary, Title: "Export the organisation library", Confirm: "Export",
		Types: []fileType{typeLibrary}, Name: "organisation-library.zip"}, func(path string) {
		name := filepath.Base(path)
		wc, err := createAtomic(path)
		if err != nil {
			showError(w.win, "Could not write the library", err)
			return
		}
		w.status.SetText("Writing " + name + "…")
		w.u.bg.run(func() func(bool) {
			missing, err := writeLibraryFile(wc, name, entries, es, stamp)
			err = finishWrite(wc, err)
			return func(live bool) {
				if err != nil {
					if live && w.isOpen() {
						w.status.SetText("")
					}
					w.u.tell(live, w.reportWindow(), lateNotice{"Could not write the library", err.Error(), true})
					return
				}
				msg := fmt.Sprintf("Exported %s to %s.", plural(len(entries), "organisation"), path)
				if len(missing) > 0 {
					msg += " Not in the store, so left out: " + strings.Join(missing, "; ") + "."
				}
				if live && w.isOpen() {
					w.status.SetText(msg)
				}
			}
		})
	})
}

func writeLibraryFile(wr io.Writer, name string, entries []forms.LibraryEntry, es EvidenceStore, stamp time.Time) ([]string, error) {
	if strings.HasSuffix(strings.ToLower(name), ".json") || es == nil {
		b, err := forms.EncodeLibrary(entries)
		if err != nil {
			return nil, err
		}
		_, err = wr.Write(b)
		return nil, err
	}
	return export.WriteLibraryPack(wr, entries, es, stamp)
}
