package export

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// ErrNotVerified is returned when a pack opened for review fails its checks.
var ErrNotVerified = errors.New("the pack did not pass its checks")

// Opened is a pack a reviewer has opened: verified, with its application
// and the hash that a review of it will carry.
type Opened struct {
	Path string
	// SHA256 is the hash of the whole pack file, so a review names exactly
	// what was read.
	SHA256     string
	Submission *Submission
	Report     *Report
}

// OpenForReview verifies a pack with the same checks as Verify and hashes
// the whole file in the same pass, so the hash a review carries names the
// bytes that were judged. A pack that is not intact gives ErrNotVerified
// with the Report listing every problem (which file, expected and found
// hash), so the reviewer sees what is wrong rather than a pack shown as if
// it were fine.
func OpenForReview(path string) (*Opened, error) {
	var rep *Report
	err := withPack(path, func(f *os.File, size int64) error {
		var err error
		rep, err = VerifyReader(f, size)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("open pack %s: %w", path, err)
	}
	o := &Opened{Path: path, SHA256: rep.SHA256, Submission: rep.Submission, Report: rep}
	if !rep.OK() {
		return o, fmt.Errorf("%w: %s", ErrNotVerified, problemList(rep))
	}
	return o, nil
}

func problemList(rep *Report) string {
	lines := make([]string, 0, len(rep.Problems)+1)
	for _, p := range rep.Problems {
		lines = append(lines, p.String())
	}
	if rep.More > 0 {
		lines = append(lines, fmt.Sprintf("and %d more", rep.More))
	}
	return strings.Join(lines, "; ")
}

// ExtractEvidence copies one attached file out of a pack into dir, checking
// its hash again as it goes (the pack may have changed since it was opened),
// and returns the path written. The file keeps its own name, made safe.
func ExtractEvidence(packPath string, att *forms.Attachment, dir string) (string, error) {
	if att == nil || att.SHA256 == "" {
		return "", errors.New("this evidence item has no file attached")
	}
	f, err := os.Open(packPath)
	if err != nil {
		return "", fmt.Errorf("open pack %s: %w", packPath, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	z, err := openZip(f, st.Size(), packLimits)
	if err != nil {
		return "", err
	}
	want := strings.ToLower(att.SHA256)
	name := evidencePath(func(p string) bool { _, ok := z.byName[p]; return ok }, want, att.Name)
	rc, err := z.open(name)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	out := filepath.Join(dir, strings.TrimPrefix(name, evidenceDir))
	w, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(w, h), rc)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out)
		return "", fmt.Errorf("extract %s: %w", name, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		os.Remove(out)
		return "", fmt.Errorf("%w: %s (expected SHA-256 %s, found %s)", ErrPackDamaged, name, want, got)
	}
	return out, nil
}
