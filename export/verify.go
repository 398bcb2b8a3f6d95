package export

import (
	"bufio"
	"bytes"
	"encoding/hex"
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
	// SHA256 is the hash of the whole pack file: of the bytes judged.
	SHA256 string
	// Evidence holds the facts derived from each evidence file's bytes, by
	// its path in the pack.
	Evidence map[string]PDFFacts
	// More counts the problems past the first maxProblems, not listed: a
	// pack with thousands of faults is told by its first ones.
	More int
}

// maxProblems bounds the problems a report lists.
const maxProblems = 100

// OK reports whether the pack is intact.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

func (r *Report) add(file, format string, a ...any) {
	r.addProblem(Problem{File: file, Message: fmt.Sprintf(format, a...)})
}

func (r *Report) addProblem(p Problem) {
	if len(r.Problems) >= maxProblems {
		r.More++
		return
	}
	r.Problems = append(r.Problems, p)
}

// Verify checks a pack file as any BagIt tool would (every payload hash,
// the manifest complete in both directions, the tag manifest covering every
// tag file, the Payload-Oxum) and more: the archive's structure accounts
// for every byte, bag-info.txt says what the application says,
// submission.json reads under the schema, every attached file it lists is
// in the pack with the facts it states, and nothing else is. The pack is
// read once. A pack that cannot be read at all, or is refused as unsafe,
// gives an error; a readable pack with faults gives a Report listing them.
func Verify(path string) (*Report, error) {
	var rep *Report
	err := withPack(path, func(f *os.File, size int64) error {
		var err error
		rep, err = VerifyReader(f, size)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("verify %s: %w", path, err)
	}
	return rep, nil
}

// withPack opens a plain file for reading.
func withPack(path string, fn func(f *os.File, size int64) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("not a plain file")
	}
	return fn(f, st.Size())
}

// VerifyReader is Verify for a pack held in r.
func VerifyReader(ra io.ReaderAt, size int64) (*Report, error) {
	s, err := scanPack(ra, size, scanOptions{})
	if err != nil {
		return nil, err
	}
	return judge(s), nil
}

type manifestLine struct {
	sum  string
	path string
}

// judge checks what one pass over a pack found.
func judge(s *packScan) *Report {
	rep := &Report{SHA256: s.sha256, Evidence: map[string]PDFFacts{}}
	for _, name := range s.names {
		if f := s.files[name]; f.damage != nil {
			rep.add(name, "is %v", f.damage)
		} else if f.tooBig > 0 {
			rep.add(name, "is larger than the %d bytes it may have", f.tooBig)
		}
	}
	if b := s.files[bagitFile].body; !bytes.Equal(b, bagitBody) {
		rep.add(bagitFile, "is not %q", string(bagitBody))
	}
	listed := checkPayload(s, rep)
	checkTagManifest(s, rep)
	checkOxum(s, listed, rep)
	checkSubmission(s, listed, rep)
	checkBagInfo(s, listed, rep)
	return rep
}

// checkPayload checks the payload manifest in both directions and every
// payload hash, and returns the manifest (path → hash).
func checkPayload(s *packScan, rep *Report) map[string]string {
	payload, ok := readManifest(s, manifestFile, rep)
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
	for _, name := range s.names {
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
		if checkHash(s, path, listed[path], rep) {
			rep.Files++
			rep.Bytes += s.files[path].size
		}
	}
	return listed
}

// checkTagManifest checks that the tag manifest exists, covers every tag
// file (everything outside data/ but itself) and that each hash matches.
// Manifests of other algorithms are refused: we would not check them, and
// a BagIt tool that does would disagree with us.
func checkTagManifest(s *packScan, rep *Report) {
	tags, ok := readManifest(s, tagManifestFile, rep)
	if !ok {
		rep.add(tagManifestFile, "is missing: bag-info.txt and the manifest cannot be checked")
	}
	covered := map[string]bool{}
	for _, l := range tags {
		switch {
		case strings.HasPrefix(l.path, payloadDir):
			rep.add(l.path, "is a payload file listed in %s", tagManifestFile)
		case l.path == tagManifestFile:
			rep.add(l.path, "lists itself")
		case covered[l.path]:
			rep.add(l.path, "is listed twice in %s", tagManifestFile)
		default:
			covered[l.path] = true
			checkHash(s, l.path, l.sum, rep)
		}
	}
	for _, name := range s.names {
		if strings.HasPrefix(name, payloadDir) || name == tagManifestFile {
			continue
		}
		if (strings.HasPrefix(name, "manifest-") || strings.HasPrefix(name, "tagmanifest-")) && name != manifestFile {
			rep.add(name, "is a manifest of another kind; packs are checked with SHA-256 only, so this file would go unchecked")
			continue
		}
		if ok && !covered[name] {
			rep.add(name, "is a tag file that %s does not cover, so a change to it would go unseen", tagManifestFile)
			continue
		}
		// A pack is exactly what was exported: a tag file the app never
		// writes was added since, however well the tag manifest covers it.
		switch name {
		case bagitFile, bagInfoFile, manifestFile:
		case "fetch.txt":
			rep.add(name, "asks BagIt tools to download files into the pack from elsewhere; a pack carries all its files, so this was added after export")
		default:
			rep.add(name, "is not part of a pack (a pack holds only %s, %s, the two manifests and data/), so it was added after export", bagitFile, bagInfoFile)
		}
	}
}

// readManifest parses "<sha256> <path>" lines; ok is false when the file is absent.
func readManifest(s *packScan, name string, rep *Report) ([]manifestLine, bool) {
	f, ok := s.files[name]
	if !ok {
		return nil, false
	}
	if f.body == nil {
		return nil, true // damaged or too large: said already
	}
	var out []manifestLine
	sc := bufio.NewScanner(bytes.NewReader(f.body))
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
	if sc.Err() != nil {
		rep.add(name, "cannot be read: %v", sc.Err())
	}
	return out, true
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// checkHash compares a file's hash from the pass with the one listed.
func checkHash(s *packScan, path, want string, rep *Report) bool {
	f, ok := s.files[path]
	switch {
	case !ok:
		rep.add(path, "is listed in the manifest but missing from the pack")
		return false
	case f.damage != nil:
		return false // said already
	case f.sum != want:
		rep.addProblem(Problem{File: path, Expected: want, Found: f.sum, Message: "its content has changed"})
		return false
	}
	return true
}

// oxum is the Payload-Oxum the listed payload has: bytes.files.
func oxum(s *packScan, listed map[string]string) string {
	var total int64
	for path := range listed {
		if f, ok := s.files[path]; ok {
			total += f.size
		}
	}
	return fmt.Sprintf("%d.%d", total, len(listed))
}

func checkOxum(s *packScan, listed map[string]string, rep *Report) {
	f, ok := s.files[bagInfoFile]
	if !ok {
		rep.add(bagInfoFile, "is missing: the pack does not say what it holds")
		return
	}
	found := false
	for _, line := range strings.Split(string(f.body), "\n") {
		v, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "Payload-Oxum:")
		if !ok {
			continue
		}
		found = true
		octets, count, _ := strings.Cut(strings.TrimSpace(v), ".")
		if want := oxum(s, listed); octets+"."+count != want {
			rep.add(bagInfoFile, "Payload-Oxum says %s.%s (bytes.files) but the payload is %s", octets, count, want)
		}
		if _, err := strconv.ParseInt(octets, 10, 64); err != nil {
			rep.add(bagInfoFile, "Payload-Oxum %q is not bytes.files", strings.TrimSpace(v))
		}
	}
	if !found && f.body != nil {
		rep.add(bagInfoFile, "has no Payload-Oxum line")
	}
}

// checkBagInfo compares bag-info.txt with the one the pack's application
// gives: a changed title, contact or reference there is a changed pack,
// even when the tag manifest was rewritten to match.
func checkBagInfo(s *packScan, listed map[string]string, rep *Report) {
	f, ok := s.files[bagInfoFile]
	if !ok || f.body == nil || rep.Submission == nil {
		return
	}
	sub := rep.Submission
	want := bagInfo(sub.Application, sub.AppVersion, sub.ExportedAt, oxum(s, listed))
	got := string(f.body)
	if got == string(want) {
		return
	}
	wantLines := map[string]bool{}
	for _, l := range strings.Split(string(want), "\n") {
		wantLines[l] = true
	}
	gotLines := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		gotLines[l] = true
		if !wantLines[l] && !strings.HasPrefix(l, "Payload-Oxum:") {
			rep.add(bagInfoFile, "says %q, which is not what the pack's application says", strings.TrimRight(l, "\r"))
		}
	}
	for _, l := range strings.Split(string(want), "\n") {
		if !gotLines[l] && !strings.HasPrefix(l, "Payload-Oxum:") {
			rep.add(bagInfoFile, "lacks %q, which the pack's application says", l)
		}
	}
}

// checkSubmission reads data/submission.json strictly and checks that each
// attached file it names is in the pack with its hash and the facts it
// states, that the pack's own PDFs are there and plain, and that the
// payload holds nothing else.
func checkSubmission(s *packScan, listed map[string]string, rep *Report) {
	name := payloadDir + SubmissionFile
	f, ok := s.files[name]
	if !ok {
		rep.add(name, "is missing: the pack holds no application")
		return
	}
	if f.body == nil {
		return // damaged or too large: said already
	}
	sub, err := s.sub, s.subErr
	if sub == nil && err == nil {
		sub, err = DecodeSubmission(f.body)
	}
	if err != nil {
		rep.addProblem(Problem{File: name, Message: err.Error(), err: err})
		return
	}
	rep.Submission = sub
	for _, own := range []string{applicationPDF, dpiaPDF} {
		path := payloadDir + own
		pf, ok := s.files[path]
		switch {
		case !ok:
			rep.add(path, "is missing: every pack holds it")
		case pf.damage != nil || pf.facts == nil:
		case !pf.facts.IsPDF || pf.facts.Encrypted || pf.facts.ActiveContent() || pf.facts.Incomplete != "":
			rep.add(path, "is not a PDF DARS Workbench writes: %s", pf.facts.Describe())
		}
	}
	named := map[string]bool{name: true, payloadDir + applicationPDF: true, payloadDir + dpiaPDF: true}
	for _, e := range sub.Application.Evidence {
		if e.File == nil || e.File.SHA256 == "" {
			continue
		}
		want := strings.ToLower(e.File.SHA256)
		path := evidencePath(func(p string) bool { _, ok := listed[p]; return ok }, want, e.File.Name)
		named[path] = true
		sum, ok := listed[path]
		switch {
		case !ok:
			rep.add(path, "is missing: evidence %q names this file", e.Title)
			continue
		case sum != want:
			rep.addProblem(Problem{File: path, Expected: want, Found: sum,
				Message: fmt.Sprintf("is not the file evidence %q names", e.Title)})
			continue
		}
		pf := s.files[path]
		if pf == nil || pf.facts == nil || pf.damage != nil {
			continue
		}
		rep.Evidence[path] = *pf.facts
		if d := factsDisagree(*e.File, pf.size, *pf.facts); d != "" {
			rep.add(path, "evidence %q states %s; the pack cannot be trusted", e.Title, d)
		}
	}
	for _, n := range s.names {
		if _, ok := listed[n]; ok && !named[n] {
			rep.add(n, "is not part of the application: no evidence item names it")
		}
	}
}
