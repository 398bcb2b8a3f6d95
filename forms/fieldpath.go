package forms

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// Field paths ("organisations[2].security.dspt_status") name a place in the
// JSON form of a draft. Comments and comparisons work on that form rather
// than on the Go structs, so that they follow every field the model gains
// without a line of code here.

// generic is the draft as plain JSON values (maps, slices, strings,
// json.Number, bools, nil).
func generic(a *Application) map[string]any {
	b, err := Encode(a)
	if err != nil {
		panic("forms: encode of an in-memory draft failed: " + err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		panic("forms: decode of our own encoding failed: " + err.Error())
	}
	return m
}

// FieldValue is the value at a field path as text: a string as it is, yes
// or no for a checkbox, a list joined with commas, a group as its fields one
// per line. ok is false when the path names nothing in this draft (an entry
// removed since, or a mistyped path).
func FieldValue(a *Application, path string) (string, bool) {
	if path == "" {
		return "", false
	}
	var v any = generic(a)
	for _, part := range strings.Split(path, ".") {
		name, idx, indexed := strings.Cut(part, "[")
		m, ok := v.(map[string]any)
		if !ok {
			return "", false
		}
		if v, ok = m[name]; !ok {
			return "", false
		}
		if indexed {
			i, err := strconv.Atoi(strings.TrimSuffix(idx, "]"))
			list, ok := v.([]any)
			if err != nil || !ok || i < 0 || i >= len(list) {
				return "", false
			}
			v = list[i]
		}
	}
	return textOf(v), true
}

// textOf renders a JSON value for a person.
func textOf(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case json.Number:
		return x.String()
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := textOf(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var lines []string
		for _, k := range keys {
			if s := textOf(x[k]); s != "" && s != "no" {
				lines = append(lines, FieldLabel(k)+": "+s)
			}
		}
		return strings.Join(lines, "\n")
	}
	return ""
}

// FieldLabel turns a JSON field name into words: "dspt_status" → "DSPT status".
func FieldLabel(name string) string {
	words := strings.Split(name, "_")
	for i, w := range words {
		if up, ok := acronyms[w]; ok {
			words[i] = up
		}
	}
	s := strings.Join(words, " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var acronyms = map[string]string{
	"dars": "DARS", "dspt": "DSPT", "dsfc": "DSFC", "dsa": "DSA", "cag": "CAG", "s251": "s251",
	"rec": "REC", "iras": "IRAS", "tra": "TRA", "cldc": "CLDC", "gp": "GP", "hes": "HES",
	"url": "URL", "iso27001": "ISO 27001", "sha256": "SHA-256", "id": "ID", "dpia": "DPIA",
}

// PathLabel names a field path for a person: "organisations[1].security.dspt_status"
// reads "Organisations 2 › Security › DSPT status".
func PathLabel(path string) string {
	if path == "" {
		return "The whole section"
	}
	parts := strings.Split(path, ".")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		name, idx, indexed := strings.Cut(p, "[")
		label := FieldLabel(name)
		if indexed {
			if i, err := strconv.Atoi(strings.TrimSuffix(idx, "]")); err == nil {
				label += " " + strconv.Itoa(i+1)
			}
		}
		out = append(out, label)
	}
	return strings.Join(out, " › ")
}
