package forms_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

var testLimits = forms.JSONLimits{What: "a test file", MaxBytes: 1 << 20, MaxDepth: 8, MaxValues: 1000}

func TestCheckJSON(t *testing.T) {
	cases := map[string]struct {
		in   string
		want string // "" for no error
	}{
		"plain":                      {`{"a":1,"b":[1,2,{"c":null}],"d":"x"}`, ""},
		"same key in two objects":    {`[{"a":1},{"a":2}]`, ""},
		"duplicate":                  {`{"a":1,"a":2}`, `the key "a" appears twice at the top level`},
		"duplicate, other case":      {`{"title":"x","Title":"y"}`, `the key "Title" appears twice at the top level`},
		"duplicate, escaped":         {`{"title":"x","\u0074itle":"y"}`, `the key "title" appears twice`},
		"duplicate, Kelvin sign":     {`{"k":"x","\u212a":"y"}`, `appears twice`},
		"duplicate deep":             {`{"a":{"b":[{"c":1},{"c":1,"c":2}]}}`, `appears twice in a.b[1]`},
		"duplicate in a big object":  {`{` + manyKeys(40) + `,"k7":1}`, `the key "k7" appears twice`},
		"too deep":                   {strings.Repeat("[", 9) + strings.Repeat("]", 9), "nested too deeply (more than 8 levels); a test file never is"},
		"as deep as allowed":         {strings.Repeat("[", 8) + strings.Repeat("]", 8), ""},
		"too many values":            {"[" + strings.Repeat("0,", 1000) + "0]", "more than 1,000 values"},
		"too large":                  {`"` + strings.Repeat("x", 1<<20) + `"`, "the file is 1,048,578 bytes; a test file is at most 1,048,576 bytes"},
		"broken syntax is left over": {`{"a":`, ""},
		"unbalanced close":           {`]]]`, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := forms.CheckJSON([]byte(c.in), testLimits)
			if c.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			if !strings.Contains(c.want, "appears twice") {
				assert.ErrorIs(t, err, forms.ErrJSONLimit)
			}
		})
	}
}

func manyKeys(n int) string {
	var parts []string
	for i := 0; i < n; i++ {
		parts = append(parts, fmt.Sprintf(`"k%d":%d`, i, i))
	}
	return strings.Join(parts, ",")
}

// The largest real draft passes every reader's limits with room to spare.
func TestLargeDraftIsWithinLimits(t *testing.T) {
	b, err := forms.Encode(formstest.Large())
	require.NoError(t, err)
	require.NoError(t, forms.CheckJSON(b, forms.DraftJSONLimits))
	_, err = forms.Decode(b)
	require.NoError(t, err)
	assert.Less(t, len(b)*8, forms.DraftJSONLimits.MaxBytes)
}

// A file of nested brackets once cost memory with the square of its depth
// (16 GB for 400 KB). Now it is refused at once, whatever its size, and
// reading it costs a few kilobytes.
func TestDeepNestingIsRefusedCheaply(t *testing.T) {
	for _, open := range []string{"[", `{"a":`} {
		doc := []byte(strings.Repeat(open, 400_000/len(open)))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := forms.Decode(doc)
		runtime.ReadMemStats(&after)
		require.ErrorIs(t, err, forms.ErrBadDraft)
		assert.Contains(t, err.Error(), "nested too deeply")
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<10), "bytes allocated")
	}
}

// Each reader of a draft's JSON at its limits: the cost grows with the
// size of the input and never with the square of anything.
func BenchmarkCheckJSONDepth(b *testing.B) {
	lim := forms.JSONLimits{What: "x", MaxDepth: 1 << 30}
	for _, depth := range []int{1_000, 10_000, 100_000} {
		doc := []byte(strings.Repeat("[", depth) + strings.Repeat("]", depth))
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if err := forms.CheckJSON(doc, lim); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCheckJSONSize(b *testing.B) {
	lim := forms.JSONLimits{What: "x"}
	for _, n := range []int{1_000, 10_000, 100_000} {
		var sb strings.Builder
		sb.WriteString("[")
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteString(",")
			}
			fmt.Fprintf(&sb, `{"id":"%d","title":"Item \u00e9 %d","n":%d,"ok":true,"list":[1,2,3]}`, i, i, i)
		}
		sb.WriteString("]")
		doc := []byte(sb.String())
		b.Run(fmt.Sprintf("objects=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if err := forms.CheckJSON(doc, lim); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeDraftAtLimits decodes the worst drafts the limits allow:
// the most values, each the largest struct the model has, and the largest
// file as one long answer.
func BenchmarkDecodeDraftAtLimits(b *testing.B) {
	for name, doc := range WorstDrafts() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := forms.Decode(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// WorstDrafts are drafts at the edge of DraftJSONLimits: the most empty
// structs its lists may hold, and the largest file as one long answer.
func WorstDrafts() map[string][]byte {
	base, err := forms.Encode(forms.NewApplication("Worst", forms.Date{}))
	if err != nil {
		panic(err)
	}
	lim := forms.DraftJSONLimits
	lists := base
	for _, name := range []string{"organisations", "people", "locations", "evidence", "products", "consent_materials",
		"consultation", "flows", "nodes", "risks", "comments"} {
		lists = bytes.Replace(lists, []byte(`"`+name+`": null`), []byte(`"`+name+`": `+"["+strings.Repeat("{},", forms.MaxListItems-1)+"{}]"), 1)
	}
	long := strings.Repeat("x", lim.MaxBytes-len(base)-100)
	str := bytes.Replace(base, []byte(`"objective": ""`), []byte(`"objective": "`+long+`"`), 1)
	if bytes.Equal(lists, base) || bytes.Equal(str, base) {
		panic("WorstDrafts: the template changed")
	}
	return map[string][]byte{"most-structs": lists, "longest-answer": str}
}

// FuzzCheckJSON compares the guard with encoding/json: whatever it lets
// through is within the limits, counted independently.
func FuzzCheckJSON(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":null}],"c":"d"}`))
	f.Add([]byte(`[[[[[[[[[[]]]]]]]]]]`))
	f.Add([]byte(`{"A":1,"a":2}`))
	f.Add([]byte(`{"\ud800":1,"\ufffd":2}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		lim := forms.JSONLimits{What: "x", MaxBytes: 4096, MaxDepth: 6, MaxValues: 64}
		err := forms.CheckJSON(b, lim)
		if err != nil || !json.Valid(b) {
			return
		}
		depth, maxDepth, values := 0, 0, 0
		dec := json.NewDecoder(bytes.NewReader(b))
		for {
			tok, terr := dec.Token()
			if errors.Is(terr, io.EOF) {
				break
			}
			if terr != nil {
				return
			}
			switch tok {
			case json.Delim('{'), json.Delim('['):
				values++
				depth++
				maxDepth = max(maxDepth, depth)
			case json.Delim('}'), json.Delim(']'):
				depth--
			default:
				values++ // keys too: an upper bound
			}
		}
		_ = values
		if maxDepth > lim.MaxDepth {
			t.Fatalf("depth %d passed a limit of %d", maxDepth, lim.MaxDepth)
		}
		var m any
		if uerr := json.Unmarshal(b, &m); uerr != nil {
			t.Fatalf("valid JSON failed to decode: %v", uerr)
		}
	})
}

// An empty item is three bytes in a file and a whole struct once decoded:
// every list is bounded, and the message names it.
func TestDecodeRefusesOverlongLists(t *testing.T) {
	a := forms.NewApplication("Lists", forms.Date{})
	a.People = make([]forms.Person, forms.MaxListItems)
	b, err := forms.Encode(a)
	require.NoError(t, err)
	_, err = forms.Decode(b)
	require.NoError(t, err, "a list may hold exactly the limit")

	over := bytes.Replace(b, []byte(`"people": [`), []byte(`"people": [{},`), 1)
	_, err = forms.Decode(over)
	require.ErrorIs(t, err, forms.ErrJSONLimit)
	assert.Contains(t, err.Error(), "people has 1,001 items; a draft holds at most 1,000 in one list")

	a.People = nil
	a.Data.Products = []forms.ProductRequest{{Fields: make([]forms.ProductField, forms.MaxListItems+1)}}
	err = forms.CheckListLengths(a, "a draft")
	require.ErrorIs(t, err, forms.ErrJSONLimit)
	assert.Contains(t, err.Error(), "data.products[0].fields has 1,001 items")
}
