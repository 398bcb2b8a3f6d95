package cli

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/darsworkbench/dars-workbench/forms"
)

var libraryCmd = &Command{Name: "library", Args: "list | export FILE | import FILE",
	Summary: "list, export or import the organisation library"}

func init() {
	libraryCmd.Run = runLibrary
	commands = append(commands, libraryCmd)
}

// maxLibraryFile bounds what an import reads: a library is kilobytes.
const maxLibraryFile = 10 << 20

func runLibrary(env *Env, args []string) int {
	fs := newFlags(env, libraryCmd)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) == 0 || (pos[0] == "list") != (len(pos) == 1) || len(pos) > 2 {
		fs.Usage()
		return ExitUsage
	}
	st, err := env.OpenStore()
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
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.ID, clip(e.Name(), 48), e.ODSCode, e.Security.DSPTValidUntil)
		}
		tw.Flush()
	case "export":
		lib, err := st.Library()
		if err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		b, err := forms.EncodeLibrary(lib)
		if err == nil {
			err = os.WriteFile(pos[1], b, 0o644)
		}
		if err != nil {
			return fail(env, ExitUsage, "export library: %v", err)
		}
		fmt.Fprintf(env.Stdout, "Exported %d organisations to %s.\n", len(lib), pos[1])
	case "import":
		f, err := os.Open(pos[1])
		if err != nil {
			return fail(env, ExitUsage, "import library: %v", err)
		}
		b, err := io.ReadAll(io.LimitReader(f, maxLibraryFile+1))
		f.Close()
		if err == nil && len(b) > maxLibraryFile {
			err = fmt.Errorf("%s is over %s; a library file is much smaller", pos[1], forms.HumanBytes(maxLibraryFile))
		}
		if err != nil {
			return fail(env, ExitUsage, "import library: %v", err)
		}
		entries, err := forms.DecodeLibrary(b)
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
