package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

var libraryCmd = &Command{Name: "library", Args: "list | export FILE [--mask-identifiers] | import FILE",
	Summary: "list, export or import the organisation library (FILE.zip carries its documents)", Run: runLibrary}

func runLibrary(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	mask := maskFlag(fs)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) == 0 || (pos[0] == "list") != (len(pos) == 1) || len(pos) > 2 {
		fs.Usage()
		return ExitUsage
	}
	access := Reads
	if pos[0] == "import" {
		access = Adds
		if err := env.notWhileWindowOpen("the organisations imported", "Import the library in the window (Organisation library → Import…)"); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
	}
	st, err := env.OpenStore(access)
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	defer st.Close()
	switch pos[0] {
	case "list":
		lib, err := st.Library()
		if err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		if len(lib) == 0 {
			fmt.Fprintln(env.Stdout, "The library is empty.")
			return ExitOK
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tODS\tDSPT VALID UNTIL")
		for _, e := range lib {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.ID, clip(forms.MaskNHSNumbers(e.Name()), 48), e.ODSCode, e.Security.DSPTValidUntil)
		}
		tw.Flush()
	case "export":
		lib, err := st.Library()
		if err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		if err := checkOutName(pos[1]); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		var masked []forms.FoundIdentifier
		if *mask {
			masked = forms.FindNHSNumbers(forms.LibraryParts(lib)...)
			lib = forms.MaskedCopy(lib)
		}
		missing, err := exportLibrary(pos[1], lib, st, env)
		if code, ok := refused(env, err); ok {
			return code
		}
		if err != nil {
			return fail(env, ExitUsage, "export library: %v", err)
		}
		fmt.Fprintf(env.Stdout, "Exported %d organisations to %s.\n", len(lib), pos[1])
		maskedNote(env, masked)
		for _, m := range missing {
			fmt.Fprintf(env.Stderr, "dars-workbench: not in the store, left out: %s\n", m)
		}
	case "import":
		entries, err := importLibrary(pos[1], st)
		if err != nil {
			return fail(env, ExitUsage, "import %s: %v", pos[1], err)
		}
		added, updated, err := st.ImportLibrary(entries)
		if err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "Imported %s: %d added, %d updated.\n", pos[1], added, updated)
	default:
		fs.Usage()
		return ExitUsage
	}
	return ExitOK
}

// exportLibrary writes FILE.json as the bare library file and anything else
// as a pack with the security documents.
func exportLibrary(path string, lib []forms.LibraryEntry, st *storage.Store, env *Env) (missing []string, err error) {
	if strings.HasSuffix(strings.ToLower(path), ".json") {
		b, err := forms.EncodeLibrary(lib)
		if err != nil {
			return nil, err
		}
		return nil, os.WriteFile(path, b, 0o644)
	}
	// Refused before the file is created or emptied.
	if err := forms.GuardLibrary("The library pack", lib); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	missing, err = export.WriteLibraryPack(f, lib, st, env.Now())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return missing, err
}

// importLibrary reads a library file or pack, by its first bytes.
func importLibrary(path string, st *storage.Store) ([]forms.LibraryEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	if export.IsZip(head[:n]) {
		return export.ReadLibraryPack(f, info.Size(), st)
	}
	limit := int64(forms.LibraryJSONLimits.MaxBytes)
	if info.Size() > limit {
		return nil, fmt.Errorf("the file is %s; a library file is at most %s", forms.HumanBytes(info.Size()), forms.HumanBytes(limit))
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("the file grew past %s while it was read", forms.HumanBytes(limit))
	}
	return forms.DecodeLibrary(b)
}
