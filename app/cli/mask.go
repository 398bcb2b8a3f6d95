package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Nothing a command prints may carry an NHS number (R-C8): not a title, a
// finding that quotes an answer, nor an error that quotes a value read
// from a file ("status "943 476 5919" is not one of …"). Rather than each
// command remembering to mask what it prints, Run gives every command
// writers that hold its output and mask it on the way out, all at once so
// that a number broken across lines is masked too. JSON goes out through
// printJSON, which masks the strings of the value, so numbers stay numbers
// and the output stays JSON.

// maskedWriter holds what a command writes until it ends.
type maskedWriter struct {
	w   io.Writer
	buf bytes.Buffer
	// keep are the paths the user gave that read as holding an NHS
	// number ("/tmp/run1633530272/x.db"): the message must name them as
	// typed, and they came from the command line, not from a draft.
	keep []string
}

func (m *maskedWriter) Write(p []byte) (int, error) { return m.buf.Write(p) }

// flush writes what is held, masked.
func (m *maskedWriter) flush() {
	if m.buf.Len() == 0 {
		return
	}
	text := m.buf.String()
	m.buf.Reset()
	if len(m.keep) == 0 {
		_, _ = io.WriteString(m.w, forms.MaskNHSNumbers(text))
		return
	}
	// Each kept path stands aside as a mark without digits while the rest
	// is masked. NUL never occurs in what commands print.
	marks := make([]string, len(m.keep))
	var swap, back []string
	for i, k := range m.keep {
		marks[i] = "\x00" + strings.Repeat("k", i+1) + "\x00"
		swap, back = append(swap, k, marks[i]), append(back, marks[i], k)
	}
	text = strings.NewReplacer(swap...).Replace(text)
	_, _ = io.WriteString(m.w, strings.NewReplacer(back...).Replace(forms.MaskNHSNumbers(text)))
}

// kept lists the words of the command line (and the database path) that
// hold what reads as an NHS number, as given and as made absolute, the
// longest first.
func kept(env *Env, args []string) []string {
	var out []string
	for _, a := range append([]string{env.DBPath}, args...) {
		if a == "" || forms.MaskNHSNumbers(a) == a {
			continue
		}
		out = append(out, a, shellWord(a))
		if abs, err := filepath.Abs(a); err == nil {
			out = append(out, abs, shellWord(abs))
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return slices.Compact(out)
}

// masked runs a command with masking writers in place of env's.
func masked(env *Env, args []string, run func(env *Env) int) int {
	keep := kept(env, args)
	out, errOut := &maskedWriter{w: env.Stdout, keep: keep}, &maskedWriter{w: env.Stderr, keep: keep}
	defer errOut.flush()
	defer out.flush()
	e := *env
	e.Stdout, e.Stderr = out, errOut
	return run(&e)
}

// printJSON writes v as indented JSON for scripts, every NHS number in its
// strings masked.
func printJSON(env *Env, v any) error {
	w := env.Stdout
	if m, ok := w.(*maskedWriter); ok {
		m.flush()
		w = m.w
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(forms.MaskedCopy(v))
}
