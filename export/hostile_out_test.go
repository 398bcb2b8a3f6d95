package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// TestWriteHostileCorpus writes one file per class of hostile input into
// $DARS_HOSTILE_OUT, for running the real binary against them (verify,
// import, check, the window) under /usr/bin/time. It is skipped otherwise.
//
//	DARS_HOSTILE_OUT=/tmp/hostile go test ./export -run TestWriteHostileCorpus
func TestWriteHostileCorpus(t *testing.T) {
	dir := os.Getenv("DARS_HOSTILE_OUT")
	if dir == "" {
		t.Skip("set DARS_HOSTILE_OUT to a folder to write the corpus")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	name := regexp.MustCompile(`[^a-z0-9]+`)
	put := func(kind, label, ext string, b []byte) {
		file := kind + "-" + strings.Trim(name.ReplaceAllString(strings.ToLower(label), "-"), "-") + ext
		require.NoError(t, os.WriteFile(filepath.Join(dir, file), b, 0o644))
	}

	a, ev := richApp()
	good := packBytes(t, a, ev)
	put("ok", "intact pack", ".zip", good)

	for label, c := range craftedArchives(t) {
		put("zip", label, ".zip", c.zip)
	}

	// Bag rules: each edit covered by rewritten manifests.
	withoutTags := rezip(t, good, func(n string, b []byte) []byte {
		if n == "tagmanifest-sha256.txt" {
			return nil
		}
		return b
	}, nil)
	put("bag", "no tag manifest", ".zip", withoutTags)
	put("bag", "tag file not covered", ".zip", rezip(t, good, nil, map[string][]byte{"notes.txt": []byte("unlisted")}))
	put("bag", "bag-info changed", ".zip", editPack(t, replaceIn("bag-info.txt", "Contact-Name: ", "Contact-Name: Mallory for "), nil))
	put("bag", "unnamed payload file", ".zip", editPack(t, nil, map[string][]byte{"data/evidence/0000-run-me.exe": []byte("MZ")}))

	// Facts: the submission says one thing, the bytes another.
	protocol := "data/evidence/" + export.EvidencePackName(a.Evidence[0].File.SHA256, a.Evidence[0].File.Name)
	scripted := []byte("%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n")
	put("facts", "script declared absent", ".zip", editPack(t, func(n string, body []byte) []byte {
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
	}, map[string][]byte{"data/evidence/" + export.EvidencePackName(sumOf(scripted), a.Evidence[0].File.Name): scripted}))

	// Evidence that imports, flagged: a script hidden behind a filter
	// chain, and a PDF that cannot be fully inspected.
	evidencePack := func(pdf []byte) []byte {
		b := forms.Example()
		b.Overview.Title = "Evidence test"
		store := memEvidence{}
		attach(store, &b.Evidence[0], "protocol.pdf", pdf)
		return packBytes(t, b, store)
	}
	put("pdf", "script behind hex lzw flate", ".zip", evidencePack(objStmPDF(jsAction, []string{"ASCIIHexDecode", "LZWDecode", "FlateDecode"}, []string{"", "", "<< /Predictor 12 /Columns 7 >>"}, "")))
	put("pdf", "jbig2 object stream", ".zip", evidencePack(objStmPDF(jsAction, []string{"JBIG2Decode"}, []string{""}, "")))
	put("pdf", "object hidden in stream data", ".zip", evidencePack(hiddenInStream()))
	put("pdf", "script behind hex lzw flate", ".pdf", objStmPDF(jsAction, []string{"ASCIIHexDecode", "LZWDecode", "FlateDecode"}, []string{"", "", "<< /Predictor 12 /Columns 7 >>"}, ""))

	// JSON at and past the limits, bare and inside a pack.
	brackets := []byte(strings.Repeat("[", 400_000))
	put("json", "400 KB of brackets", ".json", brackets)
	put("json", "submission at its limits", ".json", worstSubmission(encodeSub(t, forms.NewApplication("Worst", forms.Date{}))))
	put("json", "review at its limits", ".json", worstReview(t))
	put("json", "library at its limits", ".json", worstLibrary())
	deepSub := bytes.Replace(encodeSub(t, forms.NewApplication("Deep", forms.Date{})), []byte(`"objective": ""`), []byte(`"objective": `+strings.Repeat("[", 400_000)), 1)
	put("json", "submission with deep objective", ".json", deepSub)
	put("pack", "400 KB of brackets as submission", ".zip", editPack(t, func(n string, b []byte) []byte {
		if n == "data/submission.json" {
			return brackets
		}
		return b
	}, nil))
	worst := worstPack(t)
	put("pack", "at its limits", ".zip", worst)
	put("pack", "10000 entries", ".zip", crowdedPack(t, worst))
}
