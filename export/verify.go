package export

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a pack, naming the file and, for a hash
// mismatch, the expected and the found hash.
type Problem struct {
	File     string
	Expected string
	Found    string
	Message  string
	// err is the decoding error behind a problem with submission.json.
	err error
}

func (p Problem) String() string {
	s := p.File + ": " + p.Message
	if p.Expected != "" || p.Found != "" {
		s += fmt.Sprintf(" (expected SHA-256 %s, found %s)", p.Expected, p.Found)
	}
	return s
}

// Report is the outcome of checking a pack.
type Report struct {
	// Problems is empty for an intact pack.
	Problems []Problem
	// Files and Bytes count the payload files whose hashes were checked.
	Files int
	Bytes int64
	// Submission is the pack's decoded submission file, when it reads.
	Submission *Submission
}

// OK reports whether the pack is intact.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

func (r *Report) add(file, format string, a ...any) {
	r.Problems = append(r.Problems, Problem{File: file, Message: fmt.Sprintf(format, a...)})
}

// Verify checks a pack file as any BagIt tool would (every payload hash,
// the manifest complete in both directions, the tag manifest, the
// Payload-Oxum) and also that submission.json reads under the schema and
// that every attached file it lists is in the pack. A pack that cannot be
// read at all, or is refused as unsafe, gives an error; a readable pack
// with faults gives a Report listing them.
func Verify(path string) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", path, err)
	}
	r, err := VerifyReader(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", path, err)
	}
	return r, nil
}

// VerifyReader is Verify for a pack held in r.
func VerifyReader(ra io.ReaderAt, size int64) (*Report, error) {
	p, err := openPackReader(ra, size)
	if err != nil {
		return nil, err
	}
	rep, _, err := verifyPack(p)
	return rep, err
}

type manifestLine struct {
	sum  string
	path string
}

// verifyPack returns the report and the payload manifest (path → hash).
func verifyPack(p *packReader) (*Report, map[string]string, error) {
	rep := &Report{}
	if _, ok := p.files[bagitFile]; !ok {
		return nil, nil, unsafe("it has no %s: it is not a BagIt bag (is it a DARS Workbench pack?)", bagitFile)
	}
	if b, err := p.readSmall(bagitFile, 4096); err != nil || !bytes.HasPrefix(b, []byte("BagIt-Version: ")) {
		rep.add(bagitFile, "does not start with a BagIt-Version line")
	}
	payload, ok := readManifest(p, manifestFile, rep)
	if !ok {
		rep.add(manifestFile, "is missing: the payload cannot be checked")
	}
	listed := map[string]string{}
	for _, l := range payload {
		if !strings.HasPrefix(l.path, payloadDir) {
			rep.add(l.path, "is listed in %s but is not under %s", manifestFile, payloadDir)
			continue
		}
		if _, dup := listed[l.path]; dup {
			rep.add(l.path, "is listed twice in %s", manifestFile)
			continue
		}
		listed[l.path] = l.sum
	}
	for _, name := range p.names {
		if strings.HasPrefix(name, payloadDir) {
			if _, ok := listed[name]; !ok {
				rep.add(name, "is in the pack but not in %s (an extra file)", manifestFile)
			}
		}
	}
	paths := make([]string, 0, len(listed))
	for path := range listed {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		n, ok := checkHash(p, path, listed[path], rep)
		if ok {
			rep.Files++
			rep.Bytes += n
		}
	}
	if tags, ok := readManifest(p, tagManifestFile, rep); ok {
		for _, l := range tags {
			if strings.HasPrefix(l.path, payloadDir) {
				rep.add(l.path, "is a payload file listed in %s", tagManifestFile)
				continue
			}
			checkHash(p, l.path, l.sum, rep)
		}
	}
	checkOxum(p, listed, rep)
	checkSubmission(p, listed, rep)
	return rep, listed, nil
}

// readManifest parses "<sha256> <path>" lines; ok is false when the file is absent.
func readManifest(p *packReader, name string, rep *Report) ([]manifestLine, bool) {
	if _, ok := p.files[name]; !ok {
		return nil, false
	}
	b, err := p.readSmall(name, 16<<20)
	if err != nil {
		rep.add(name, "cannot be read: %v", err)
		return nil, true
	}
	var out []manifestLine
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		sum, path, found := strings.Cut(line, " ")
		path = strings.TrimLeft(path, " \t")
		if !found || len(sum) != 64 || !isHex(sum) || path == "" {
			rep.add(name, "line %d is not \"<SHA-256> <file>\": %q", n, line)
			continue
		}
		out = append(out, manifestLine{strings.ToLower(sum), decodeBagPath(path)})
	}
	return out, true
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// checkHash streams one entry through SHA-256.
func checkHash(p *packReader, path, want string, rep *Report) (int64, bool) {
	rc, _, err := p.open(path)
	if errors.Is(err, os.ErrNotExist) {
		rep.add(path, "is listed in the manifest but missing from the pack")
		return 0, false
	}
	if err != nil {
		rep.add(path, "cannot be read: %v", err)
		return 0, false
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, rc)
	if err != nil {
		rep.add(path, "is damaged: %v", err)
		return n, false
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		rep.Problems = append(rep.Problems, Problem{File: path, Expected: want, Found: got, Message: "its content has changed"})
		return n, false
	}
	return n, true
}

func checkOxum(p *packReader, listed map[string]string, rep *Report) {
	b, err := p.readSmall(bagInfoFile, 1<<20)
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(b), "\n") {
		v, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "Payload-Oxum:")
		if !ok {
			continue
		}
		octets, count, _ := strings.Cut(strings.TrimSpace(v), ".")
		var total int64
		for path := range listed {
			if f, ok := p.files[path]; ok {
				total += int64(f.UncompressedSize64)
			}
		}
		want := fmt.Sprintf("%d.%d", total, len(listed))
		if octets+"."+count != want {
			rep.add(bagInfoFile, "Payload-Oxum says %s.%s (bytes.files) but the payload is %s", octets, count, want)
		}
		if _, err := strconv.ParseInt(octets, 10, 64); err != nil {
			rep.add(bagInfoFile, "Payload-Oxum %q is not bytes.files", strings.TrimSpace(v))
		}
	}
}

// checkSubmission reads data/submission.json strictly and checks that each
// attached file it names is in the pack with its hash.
func checkSubmission(p *packReader, listed map[string]string, rep *Report) {
	name := payloadDir + SubmissionFile
	if _, ok := p.files[name]; !ok {
		rep.add(name, "is missing: the pack holds no application")
		return
	}
	b, err := p.readSmall(name, maxSubmission)
	if err != nil {
		rep.add(name, "cannot be read: %v", err)
		return
	}
	s, err := DecodeSubmission(b)
	if err != nil {
		rep.Problems = append(rep.Problems, Problem{File: name, Message: err.Error(), err: err})
		return
	}
	rep.Submission = s
	for _, e := range s.Application.Evidence {
		if e.File == nil || e.File.SHA256 == "" {
			continue
		}
		path := evidenceDir + EvidencePackName(e.File.SHA256, e.File.Name)
		sum, ok := listed[path]
		switch {
		case !ok:
			rep.add(path, "is missing: evidence %q names this file", e.Title)
		case sum != strings.ToLower(e.File.SHA256):
			rep.Problems = append(rep.Problems, Problem{File: path, Expected: strings.ToLower(e.File.SHA256), Found: sum,
				Message: fmt.Sprintf("is not the file evidence %q names", e.Title)})
		}
	}
}
