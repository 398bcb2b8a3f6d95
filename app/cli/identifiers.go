package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Patient identifiers never leave the app (R-C8): every command that writes
// a file refuses while an NHS number would go into it, unless the user
// chooses --mask-identifiers, which writes each one as 943 *** ****.

const maskUsage = "write every NHS number masked (943 *** ****) instead of refusing to write"

func maskFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("mask-identifiers", false, maskUsage)
}

// refused reports a write refused for NHS numbers (exit 1), naming each
// place and the way through; ok is false for any other error.
func refused(env *Env, err error) (code int, ok bool) {
	var ie *forms.IdentifierError
	if !errors.As(err, &ie) {
		return 0, false
	}
	fmt.Fprintf(env.Stderr, "dars-workbench: %s\nA DARS application must never hold patient identifiers: delete them (dars-workbench check lists them),\nor add --mask-identifiers to write every NHS number masked (943 *** ****).\n", ie.Listing())
	return ExitFailed, true
}

// checkOutName refuses an output file whose own name holds an NHS number:
// masking cannot reach a name the user typed.
func checkOutName(path string) error {
	if found := forms.FindNHSNumbers(forms.Part{Name: "The file name", Value: filepath.Base(path)}); len(found) > 0 {
		return fmt.Errorf("the file name %s holds an NHS number (%s): choose another name", forms.MaskNHSNumbers(filepath.Base(path)), found[0].Shown)
	}
	return nil
}

// maskedNote says how many NHS numbers a masked write masked.
func maskedNote(env *Env, found []forms.FoundIdentifier) {
	if len(found) == 0 {
		return
	}
	fmt.Fprintf(env.Stdout, "%d NHS %s written masked (943 *** ****):\n", len(found), plural(len(found), "number", "numbers"))
	for _, f := range found {
		fmt.Fprintf(env.Stdout, "  %s\n", f)
	}
}

// flagIdentifiers prints a warning listing the NHS numbers in a draft just
// imported or opened, so they are seen before anything else.
func flagIdentifiers(env *Env, a *forms.Application, lead string) {
	found := forms.FindNHSNumbers(forms.Part{Value: a})
	if len(found) == 0 {
		return
	}
	fmt.Fprintf(env.Stdout, "WARNING: %s holds %d NHS %s, which a draft must never hold:\n", lead, len(found), plural(len(found), "number", "numbers"))
	for _, f := range found {
		fmt.Fprintf(env.Stdout, "  %s\n", f)
	}
}
