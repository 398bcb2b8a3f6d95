package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

func libraryWithDocs(ev memEvidence) []forms.LibraryEntry {
	e := forms.LibraryEntry{ID: "uoe", LegalName: "University of Exampleton", ODSCode: "EE133",
		Security: forms.Security{DSPTStatus: forms.DSPTStandardsMet, DSPTValidUntil: forms.NewDate(2027, 6, 30)}}
	for _, d := range []struct{ title, body string }{{"DSPT 2026 publication", "%PDF-1.7 dspt"}, {"ISO 27001 certificate", "%PDF-1.7 iso"}} {
		item := forms.EvidenceItem{ID: d.title, Type: "dspt-evidence", Title: d.title, Status: forms.EvidenceFinal}
		attach(ev, &item, d.title+".pdf", []byte(d.body))
		e.SecurityDocuments = append(e.SecurityDocuments, item)
	}
	return []forms.LibraryEntry{e, {ID: "trust", LegalName: "Example NHS Foundation Trust"}}
}

func writePack(t *testing.T, entries []forms.LibraryEntry, src memEvidence) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	missing, err := export.WriteLibraryPack(&buf, entries, src, fixedTime)
	require.NoError(t, err)
	return buf.Bytes(), missing
}

func TestLibraryPackRoundTrip(t *testing.T) {
	src := memEvidence{}
	entries := libraryWithDocs(src)
	pack, missing := writePack(t, entries, src)
	assert.Empty(t, missing)
	assert.True(t, export.IsZip(pack))

	dst := memEvidence{}
	got, err := export.ReadLibraryPack(bytes.NewReader(pack), int64(len(pack)), dst)
	require.NoError(t, err)
	assert.Equal(t, entries, got)
	assert.Len(t, dst, 2, "both documents are in the receiving store")
	for sum, b := range src {
		assert.Equal(t, b, dst[sum])
	}

	again, _ := writePack(t, entries, src)
	assert.Equal(t, pack, again, "the same library gives the same bytes")
}

func TestLibraryPackNamesDocumentsItCannotFind(t *testing.T) {
	src := memEvidence{}
	entries := libraryWithDocs(src)
	for sum := range src {
		delete(src, sum)
		break
	}
	pack, missing := writePack(t, entries, src)
	assert.Len(t, missing, 1)
	_, err := export.ReadLibraryPack(bytes.NewReader(pack), int64(len(pack)), memEvidence{})
	assert.ErrorIs(t, err, export.ErrBadLibraryPack, "a pack without a named document is refused")
	assert.Contains(t, err.Error(), "is missing")
}

func TestLibraryPackRefusesTamperedDocument(t *testing.T) {
	src := memEvidence{}
	entries := libraryWithDocs(src)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	js, err := forms.EncodeLibrary(entries)
	require.NoError(t, err)
	w, _ := zw.Create("library.json")
	_, _ = w.Write(js)
	for sum := range src {
		w, _ := zw.Create("documents/" + sum)
		_, _ = w.Write([]byte("%PDF-1.7 something else entirely"))
	}
	require.NoError(t, zw.Close())
	_, err = export.ReadLibraryPack(bytes.NewReader(buf.Bytes()), int64(buf.Len()), memEvidence{})
	assert.ErrorIs(t, err, export.ErrBadLibraryPack)
	assert.Contains(t, err.Error(), "not the one recorded")
}

func TestLibraryPackRefusesOtherFiles(t *testing.T) {
	for name, b := range map[string][]byte{
		"not a zip":       []byte("hello"),
		"zip, no library": zipOf(t, map[string]string{"notes.txt": "x"}),
		"bad library":     zipOf(t, map[string]string{"library.json": `{"format":"other"}`}),
	} {
		_, err := export.ReadLibraryPack(bytes.NewReader(b), int64(len(b)), memEvidence{})
		assert.ErrorIs(t, err, export.ErrBadLibraryPack, name)
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, _ = w.Write([]byte(body))
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func FuzzReadLibraryPack(f *testing.F) {
	src := memEvidence{}
	var buf bytes.Buffer
	if _, err := export.WriteLibraryPack(&buf, libraryWithDocs(src), src, fixedTime); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(zipOf(f, map[string]string{"library.json": `{"format":"dars-workbench-organisation-library","version":1,"organisations":[]}`}))
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, err := export.ReadLibraryPack(bytes.NewReader(b), int64(len(b)), memEvidence{})
		if err == nil && entries == nil {
			t.Fatal("no error and no library")
		}
	})
}

// A library pack is judged whole, like a pack: a document's stated facts
// must match its bytes, every document must be named, and a refused pack
// leaves nothing in the store.
func TestLibraryPackIsJudgedOnItsBytes(t *testing.T) {
	src := memEvidence{}
	entries := libraryWithDocs(src)
	pack, _ := writePack(t, entries, src)
	files := unzipAll(t, pack)
	relibrary := func(edit func(lib map[string]any)) map[string]string {
		var lib map[string]any
		require.NoError(t, json.Unmarshal([]byte(files["library.json"]), &lib))
		edit(lib)
		b, err := json.Marshal(lib)
		require.NoError(t, err)
		out := map[string]string{}
		for k, v := range files {
			out[k] = v
		}
		out["library.json"] = string(b)
		return out
	}
	firstFile := func(lib map[string]any) map[string]any {
		org := lib["organisations"].([]any)[0].(map[string]any)
		return org["security_documents"].([]any)[0].(map[string]any)["file"].(map[string]any)
	}
	extra := map[string]string{}
	for k, v := range files {
		extra[k] = v
	}
	extra["documents/"+sumOf([]byte("MZ payload"))] = "MZ payload"
	cases := map[string]struct {
		files map[string]string
		want  string
	}{
		"says not a PDF":   {relibrary(func(l map[string]any) { firstFile(l)["is_pdf"] = false }), "that it is not a PDF but it is"},
		"says scripted":    {relibrary(func(l map[string]any) { firstFile(l)["active_content"] = true }), "has scripts or actions but it has none"},
		"unnamed document": {extra, "no organisation names it"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			z := zipOf(t, c.files)
			dst := memEvidence{}
			_, err := export.ReadLibraryPack(bytes.NewReader(z), int64(len(z)), dst)
			require.ErrorIs(t, err, export.ErrBadLibraryPack)
			assert.Contains(t, err.Error(), c.want)
			assert.Empty(t, dst, "nothing is kept from a refused library pack")
		})
	}
	// Its structure is checked as a pack's is.
	z := zipOf(t, map[string]string{"library.json": files["library.json"], "documents/../x": "x"})
	_, err := export.ReadLibraryPack(bytes.NewReader(z), int64(len(z)), memEvidence{})
	assert.ErrorContains(t, err, "leads out of the pack's folder")
}

func unzipAll(t testing.TB, b []byte) map[string]string {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		require.NoError(t, err)
		out[f.Name] = string(body)
	}
	return out
}
