package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

var dpiaCmd = &Command{Name: "dpia", Args: "DRAFT-ID [--pdf FILE [--mask-identifiers]]", Summary: "show a draft's DPIA screening and risk register; --pdf writes it as a PDF", Run: runDPIA}

// runDPIA prints whether a DPIA is required and the risk register, before
// and after measures. It exits 1 when a high risk remains after measures,
// because processing may then not start before the ICO is consulted.
func runDPIA(c *Command, env *Env, args []string) int {
	fs := newFlags(env, c)
	pdf := fs.String("pdf", "", "write the DPIA as a PDF to `FILE`")
	mask := maskFlag(fs)
	pos, ok := parse(fs, args)
	if !ok {
		return ExitUsage
	}
	if len(pos) != 1 {
		fs.Usage()
		return ExitUsage
	}
	if *pdf != "" {
		if err := checkOutPath(*pdf, "dpia.pdf"); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
		if err := checkOutName(*pdf); err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
	}
	st, err := env.OpenStore(Reads)
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	defer st.Close()
	a, err := st.LoadWithLibrary(pos[0])
	if errors.Is(err, forms.ErrNotFound) {
		return fail(env, ExitUsage, "no draft %s: `dars-workbench list` shows the drafts", pos[0])
	}
	if err != nil {
		return fail(env, ExitUsage, "%v", err)
	}
	var masked []forms.FoundIdentifier
	if *pdf != "" {
		w := a
		if *mask {
			masked, w = forms.FindNHSNumbers(forms.Part{Value: a}), forms.MaskedCopy(a)
		}
		err := writeDPIAPDF(*pdf, w, env.Now())
		if code, ok := refused(env, err); ok {
			return code
		}
		if err != nil {
			return fail(env, ExitUsage, "%v", err)
		}
	}
	fmt.Fprintln(env.Stdout, forms.ScreenDPIA(a).Reason)
	d := &a.DPIA
	if len(d.Risks) == 0 {
		fmt.Fprintln(env.Stdout, "No risks in the register.")
	} else {
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "\nNO\tRISK\tBEFORE\tEFFECT\tAFTER\tMEASURES")
		for i := range d.Risks {
			r := &d.Risks[i]
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\n", i+1, clip(r.Title, 48), dpiaDash(r.Overall().Label()), dpiaDash(r.Effect.Label()), dpiaDash(r.Residual().Label()), len(r.Measures))
		}
		tw.Flush()
	}
	if *pdf != "" {
		fmt.Fprintln(env.Stdout, "Wrote", *pdf)
		maskedNote(env, masked)
	}
	if d.HighestResidual() == forms.RiskHigh {
		fmt.Fprintln(env.Stdout, "A high risk remains after measures: consult the ICO before processing starts (UK GDPR Article 36).")
		return ExitFailed
	}
	return ExitOK
}

func dpiaDash(s string) string {
	if s == "" || s == "Not assessed" || s == "Not decided" {
		return "-"
	}
	return s
}

// writeDPIAPDF writes beside the target and renames, so a failed render
// never leaves a half-written PDF under the chosen name.
func writeDPIAPDF(path string, a *forms.Application, now time.Time) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".dpia-*.pdf")
	if err != nil {
		return writeHint(path, err)
	}
	defer os.Remove(f.Name())
	if err := export.WriteDPIAPDF(f, a, now); err != nil {
		f.Close()
		if errors.Is(err, forms.ErrNHSNumbers) {
			return err
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return writeHint(path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return writeHint(path, err)
	}
	return nil
}
