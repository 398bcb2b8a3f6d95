package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
)

// editPack changes entries of the rich pack and rewrites both manifests to
// match, as someone covering their tracks would: what is left for verify to
// find is what no checksum shows.
func editPack(t *testing.T, edit func(name string, body []byte) []byte, extra map[string][]byte) []byte {
	t.Helper()
	return rebagOxum(t, rezip(t, richPack(), edit, extra))
}

func replaceIn(file, old, new string) func(string, []byte) []byte {
	return func(n string, b []byte) []byte {
		if n == file {
			if !bytes.Contains(b, []byte(old)) {
				panic(fmt.Sprintf("%s does not hold %q", file, old))
			}
			return bytes.Replace(b, []byte(old), []byte(new), 1)
		}
		return b
	}
}

// problemsOf verifies a pack that must read, and lists its problems.
func problemsOf(t *testing.T, pack []byte) string {
	t.Helper()
	rep, err := verifyBytes(t, pack)
	require.NoError(t, err)
	var lines []string
	for _, p := range rep.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// coveredTagFile adds a tag file and lists it in the tag manifest, as a
// BagIt tool adding one would: covered, it is still not what was exported.
func coveredTagFile(t *testing.T, pack []byte, name, body string) []byte {
	pack = rezip(t, pack, nil, map[string][]byte{name: []byte(body)})
	return rezip(t, pack, func(n string, b []byte) []byte {
		if n == "tagmanifest-sha256.txt" {
			return append(b, fmt.Sprintf("%s  %s\n", sumOf([]byte(body)), name)...)
		}
		return b
	}, nil)
}

func TestVerifyJudgesTheBag(t *testing.T) {
	good := richPack()
	withoutTagManifest := rezip(t, good, func(n string, b []byte) []byte {
		if n == "tagmanifest-sha256.txt" {
			return nil
		}
		return b
	}, nil)
	uncovered := rezip(t, good, nil, map[string][]byte{"notes.txt": []byte("a tag file nobody listed")})
	otherManifest := rezip(t, good, nil, map[string][]byte{"manifest-md5.txt": []byte("00000000000000000000000000000000  data/submission.json\n")})
	cases := map[string]struct {
		pack []byte
		want string
	}{
		"no tag manifest":          {withoutTagManifest, "tagmanifest-sha256.txt: is missing"},
		"tag file not covered":     {uncovered, "notes.txt: is a tag file that tagmanifest-sha256.txt does not cover"},
		"manifest of another kind": {otherManifest, "manifest-md5.txt: is a manifest of another kind"},
		"a covered tag file added": {coveredTagFile(t, good, "notes.txt", "approved, says the applicant"), "notes.txt: is not part of a pack"},
		"fetch.txt added":          {coveredTagFile(t, good, "fetch.txt", "https://example.org/x.pdf 10 data/evidence/x.pdf\n"), "fetch.txt: asks BagIt tools to download files"},
		"bag-info changed, manifests rewritten": {
			editPack(t, replaceIn("bag-info.txt", "Contact-Name: ", "Contact-Name: Mallory for "), nil),
			`bag-info.txt: says "Contact-Name: Mallory for`,
		},
		"bag-info line added": {
			editPack(t, func(n string, b []byte) []byte {
				if n == "bag-info.txt" {
					return append(b, "Internal-Sender-Description: approved by NHS England\n"...)
				}
				return b
			}, nil),
			`bag-info.txt: says "Internal-Sender-Description: approved by NHS England"`,
		},
		"bag-info line dropped": {
			editPack(t, func(n string, b []byte) []byte {
				if n == "bag-info.txt" {
					return bytes.Replace(b, []byte("DARS-Reference: "), []byte("Nothing: "), 1)
				}
				return b
			}, nil),
			`bag-info.txt: lacks "DARS-Reference:`,
		},
		"bagit.txt changed": {
			editPack(t, replaceIn("bagit.txt", "1.0", "0.97"), nil),
			"bagit.txt: is not",
		},
		"a payload file no evidence names": {
			editPack(t, nil, map[string][]byte{"data/evidence/0000-run-me.exe": []byte("MZ")}),
			"data/evidence/0000-run-me.exe: is not part of the application",
		},
		"application.pdf replaced by a scripted one": {
			editPack(t, func(n string, b []byte) []byte {
				if n == "data/application.pdf" {
					return []byte("%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (x) >> >>\nendobj\n%%EOF\n")
				}
				return b
			}, nil),
			"data/application.pdf: is not a PDF DARS Workbench writes: it contains JavaScript",
		},
		"dpia.pdf missing": {
			editPack(t, func(n string, b []byte) []byte {
				if n == "data/dpia.pdf" {
					return nil
				}
				return b
			}, nil),
			"data/dpia.pdf: is missing: every pack holds it",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Contains(t, problemsOf(t, c.pack), c.want)
		})
	}
}

// A pack whose submission states facts about an evidence file that its
// bytes do not bear out is refused, naming the file; import takes the
// facts from the bytes.
func TestVerifyDerivesEvidenceFacts(t *testing.T) {
	a, _ := richApp()
	protocol := "data/evidence/" + export.EvidencePackName(a.Evidence[0].File.SHA256, a.Evidence[0].File.Name)
	scripted := []byte("%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (x) >> >>\nendobj\n%%EOF\n")
	lie := func(field string, value any) []byte {
		return editPack(t, func(n string, b []byte) []byte {
			if n != "data/submission.json" {
				return b
			}
			var doc map[string]any
			require.NoError(t, json.Unmarshal(b, &doc))
			file := doc["application"].(map[string]any)["evidence"].([]any)[0].(map[string]any)["file"].(map[string]any)
			file[field] = value
			out, err := json.MarshalIndent(doc, "", "  ")
			require.NoError(t, err)
			return out
		}, nil)
	}
	cases := map[string]struct {
		pack []byte
		want string
	}{
		"says it is not a PDF": {lie("is_pdf", false), "that it is not a PDF but it is"},
		"says it is encrypted": {lie("encrypted", true), "that it is encrypted but it is not"},
		"says it has a script": {lie("active_content", true), "that it has scripts or actions but it has none"},
		"states a wrong size":  {lie("size", 12), "a size of 12 bytes"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := problemsOf(t, c.pack)
			assert.Contains(t, got, c.want)
			store := memEvidence{}
			_, err := export.Import(writeTemp(t, "pack.zip", c.pack), store)
			require.ErrorIs(t, err, export.ErrPackDamaged)
			assert.Empty(t, store, "nothing is kept from a refused pack")
		})
	}
	// The same lie, consistently told (file renamed to match its new hash),
	// is caught by the facts.
	renamed := editPack(t, func(n string, body []byte) []byte {
		if n == "data/submission.json" {
			var doc map[string]any
			require.NoError(t, json.Unmarshal(body, &doc))
			file := doc["application"].(map[string]any)["evidence"].([]any)[0].(map[string]any)["file"].(map[string]any)
			file["sha256"] = sumOf(scripted)
			file["size"] = len(scripted)
			out, err := json.MarshalIndent(doc, "", "  ")
			require.NoError(t, err)
			return out
		}
		if n == protocol {
			return nil
		}
		return body
	}, map[string][]byte{"data/evidence/" + export.EvidencePackName(sumOf(scripted), a.Evidence[0].File.Name): scripted})
	assert.Contains(t, problemsOf(t, renamed), "states that it has no scripts or actions but it contains JavaScript")
}

// Import keeps the facts it derived, and keeps the files only once the
// whole pack is judged intact.
func TestImportTakesFactsFromTheBytes(t *testing.T) {
	a, ev := richApp()
	store := memEvidence{}
	got, err := export.Import(writeTemp(t, "pack.zip", packBytes(t, a, ev)), store)
	require.NoError(t, err)
	assert.Equal(t, 2, got.EvidenceStored)
	assert.Len(t, store, 2)
	f := got.App.Evidence[0].File
	assert.True(t, f.IsPDF)
	assert.False(t, f.ActiveContent)
	assert.Empty(t, f.NotFullyInspected)
}
