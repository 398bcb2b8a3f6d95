// Package exporttest makes files for tests in other packages.
package exporttest

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// PackCarrying writes to dest an intact pack whose submission.json holds a
// exactly as it is, NHS numbers included: the pack another tool, an older
// version or a hand would make, which this app refuses to write. It exports
// a masked copy (without evidence files), then puts the real submission in
// its place and bags it again, so that verify calls it intact.
func PackCarrying(a *forms.Application, dest string, at time.Time) error {
	a = a.Clone()
	for i := range a.Evidence {
		a.Evidence[i].File = nil
	}
	var masked bytes.Buffer
	if err := export.WritePack(&masked, forms.MaskedCopy(a), nil, export.PackOptions{AppVersion: "test", At: at}); err != nil {
		return err
	}
	sub, err := json.MarshalIndent(export.NewSubmission(a, "test", at), "", "  ")
	if err != nil {
		return err
	}
	// bag-info.txt names the draft as the submission does.
	info := func(b []byte) []byte {
		for _, v := range []string{a.Overview.Title, a.Overview.LeadOrg, a.Overview.LeadApplicant, a.Overview.DARSReference} {
			v = strings.Join(strings.Fields(v), " ")
			b = bytes.ReplaceAll(b, []byte(": "+forms.MaskNHSNumbers(v)+"\n"), []byte(": "+v+"\n"))
			b = bytes.ReplaceAll(b, []byte(" pack: "+forms.MaskNHSNumbers(v)+"\n"), []byte(" pack: "+v+"\n"))
		}
		return b
	}
	b, err := rebag(masked.Bytes(), map[string][]byte{"data/" + export.SubmissionFile: append(sub, '\n')}, info)
	if err != nil {
		return err
	}
	return os.WriteFile(dest, b, 0o644)
}

var oxum = regexp.MustCompile(`(?m)^Payload-Oxum: .*$`)

// rebag replaces payload files and writes the manifests, Payload-Oxum and
// tag manifest again.
func rebag(pack []byte, replace map[string][]byte, info func([]byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(pack), int64(len(pack)))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if r, ok := replace[f.Name]; ok {
			b = r
		}
		files[f.Name] = b
		names = append(names, f.Name)
	}
	sum := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	var payload []string
	var octets int
	for _, n := range names {
		if strings.HasPrefix(n, "data/") {
			payload = append(payload, n)
			octets += len(files[n])
		}
	}
	sort.Strings(payload)
	var manifest strings.Builder
	for _, n := range payload {
		fmt.Fprintf(&manifest, "%s  %s\n", sum(files[n]), n)
	}
	files["manifest-sha256.txt"] = []byte(manifest.String())
	files["bag-info.txt"] = oxum.ReplaceAll(info(files["bag-info.txt"]), []byte(fmt.Sprintf("Payload-Oxum: %d.%d", octets, len(payload))))
	var tags strings.Builder
	for _, n := range []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt"} {
		fmt.Fprintf(&tags, "%s  %s\n", sum(files[n]), n)
	}
	files["tagmanifest-sha256.txt"] = []byte(tags.String())

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
