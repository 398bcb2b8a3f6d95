package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Reading a file of an older schema version. Each step of upgrades turns a
// version-v document into version v+1; then every answer is read against
// the current model leniently (conform), because older files include ones
// typed by hand from NHS England's register: "Anonymised - ICO Code
// Compliant", "Frequent Adhoc Flow", a label instead of a value, a date as
// 01/04/2020. Nothing is refused and nothing is lost: what cannot be read
// is kept word for word in application.unmatched_answers, and every
// inference is reported in Submission.Converted.

// conversion collects what reading an older file inferred.
type conversion struct {
	notes     []string
	unmatched []forms.UnmatchedAnswer
}

func (c *conversion) note(format string, args ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
}

func (c *conversion) keep(path string, v any) {
	w := textOfJSON(v)
	if strings.TrimSpace(w) == "" {
		return
	}
	c.unmatched = append(c.unmatched, forms.UnmatchedAnswer{Field: path, Written: w})
	c.note("%s: %q fits none of its choices; kept word for word among the unmatched answers, and the field left for you to answer", path, w)
}

type upgradeStep func(doc map[string]any, c *conversion) error

// upgrades[v] turns a version-v file (as generic JSON) into version v+1.
// The chain runs on every older file, so adding a step is all a new version
// needs (see the rule at SchemaVersion).
var upgrades = map[int]upgradeStep{
	1: upgradeV1,
	2: upgradeV2,
	3: upgradeV3,
}

// upgradeV2: version 3 adds two optional facts to an attached file,
// active_features and not_fully_inspected, derived from its bytes. A
// version 2 file lacks them and reads as it is; an import derives them
// again from the files in the pack.
func upgradeV2(map[string]any, *conversion) error { return nil }

// upgradeV3: version 4 lets only the reviewer close a change or a question
// they asked: the applicant's answer waits for them (awaiting_reviewer,
// answer_round). Version 3 let the applicant resolve it alone, so such a
// "resolved" comment is read as answered and awaiting the reviewer, and
// said so; suggestions and approvals stay as they were.
func upgradeV3(doc map[string]any, c *conversion) error {
	app, ok := doc["application"].(map[string]any)
	if !ok {
		return nil
	}
	comments, _ := app["comments"].([]any)
	for i, x := range comments {
		m, ok := x.(map[string]any)
		if !ok {
			continue
		}
		kind, _ := m["kind"].(string)
		if resolved, _ := m["resolved"].(bool); !resolved || !(forms.ReviewComment{Kind: forms.CommentKind(kind)}).NeedsReviewer() {
			continue
		}
		m["resolved"], m["awaiting_reviewer"], m["answer_round"] = false, true, json.Number("1")
		c.note("application.comments[%d]: a %s marked resolved by the applicant now awaits the reviewer's confirmation", i, strings.ToLower(forms.CommentKind(kind).Label()))
	}
	return nil
}

func upgrade(b []byte, from int) ([]byte, *conversion, error) {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBadSubmission, err)
	}
	c := &conversion{}
	for v := from; v < readsUpTo; v++ {
		step, ok := upgrades[v]
		if !ok {
			return nil, nil, fmt.Errorf("%w: schema version %d can no longer be read; export it again from a DARS Workbench release of that time", ErrBadSubmission, v)
		}
		if err := step(doc, c); err != nil {
			return nil, nil, fmt.Errorf("%w: upgrade from schema version %d: %v", ErrBadSubmission, v, err)
		}
	}
	conformDoc(doc, c)
	if app, ok := doc["application"].(map[string]any); ok && len(c.unmatched) > 0 {
		list, _ := app["unmatched_answers"].([]any)
		for _, u := range c.unmatched {
			list = append(list, map[string]any{"field": u.Field, "written": u.Written})
		}
		app["unmatched_answers"] = list
	}
	doc["schema_version"] = readsUpTo
	out, err := json.Marshal(doc)
	return out, c, err
}

// conformDoc reads every answer of doc against the current model.
func conformDoc(doc map[string]any, c *conversion) {
	t := reflect.TypeFor[Submission]()
	for f := range t.Fields() {
		name := jsonName(f)
		if name == "" || name == "schema_version" {
			continue
		}
		if v, ok := doc[name]; ok {
			doc[name] = conform(v, f.Type, name, c)
		}
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if !f.IsExported() || name == "-" {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

// dateLayouts are the ways people write a date by hand, day first as in
// the UK.
var dateLayouts = []string{"02/01/2006", "2/1/2006", "02-01-2006", "2.1.2006", "2 January 2006", "2 Jan 2006", "January 2, 2006", "2006/01/02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-1-2",
	// A month alone is read as its first day, and said so.
	"January 2006", "Jan 2006", "01/2006", "2006-01"}

// conform returns v read as a value of type t at path: enumerations matched
// by value, label or spelling; dates, booleans and numbers read from text;
// a list written as one text split; fields the model does not have kept as
// unmatched answers. What it cannot read it keeps (and empties the field).
func conform(v any, t reflect.Type, path string, c *conversion) any {
	if v == nil {
		return nil
	}
	switch t {
	case reflect.TypeFor[time.Time]():
		return v
	case reflect.TypeFor[forms.Date]():
		s, ok := v.(string)
		if !ok {
			c.keep(path, v)
			return ""
		}
		if _, err := forms.ParseDate(s); err == nil {
			return v
		}
		for _, l := range dateLayouts {
			if d, err := time.Parse(l, strings.TrimSpace(s)); err == nil {
				out := forms.DateOf(d).String()
				c.note("%s: the date %q read as %s", path, s, out)
				return out
			}
		}
		c.keep(path, v)
		return ""
	}
	switch t.Kind() {
	case reflect.String:
		s, isText := v.(string)
		if !isText {
			if list, ok := v.([]any); ok && allText(list) {
				s = joinText(list)
			} else if _, ok := v.(map[string]any); ok {
				c.keep(path, v)
				return ""
			} else {
				s = textOfJSON(v)
			}
		}
		choices, isEnum := enums[t]
		if !isEnum {
			if !isText {
				c.note("%s: %s read as the text %q", path, textOfJSON(v), s)
			}
			return s
		}
		if strings.TrimSpace(s) == "" {
			return ""
		}
		for _, ch := range choices {
			if ch.Value == s {
				return s
			}
		}
		if val, ok := forms.MatchChoice(choices, enumSpellings[t], s); ok {
			// A choice's own label in other case or punctuation is no
			// inference worth reporting; another spelling is.
			if k := forms.SpellingKey(s); k != forms.SpellingKey(val) && k != forms.SpellingKey(forms.LabelOf(choices, val)) {
				c.note("%s: %q read as %q (%s)", path, s, val, forms.LabelOf(choices, val))
			}
			return val
		}
		c.keep(path, s)
		return ""
	case reflect.Bool:
		switch x := v.(type) {
		case bool:
			return x
		case string:
			switch strings.ToLower(strings.TrimSpace(x)) {
			case "yes", "y", "true", "ticked", "x":
				c.note("%s: %q read as yes", path, x)
				return true
			case "no", "n", "false", "", "none":
				c.note("%s: %q read as no", path, x)
				return false
			}
		case json.Number:
			if x.String() == "0" || x.String() == "1" {
				c.note("%s: %s read as %s", path, x, map[bool]string{true: "yes", false: "no"}[x.String() == "1"])
				return x.String() == "1"
			}
		}
		c.keep(path, v)
		return false
	case reflect.Int, reflect.Int32, reflect.Int64:
		switch x := v.(type) {
		case json.Number:
			if _, err := x.Int64(); err == nil {
				return x
			}
		case string:
			if n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
				c.note("%s: %q read as the number %d", path, x, n)
				return n
			}
		}
		c.keep(path, v)
		return 0
	case reflect.Slice:
		switch x := v.(type) {
		case []any:
			for i := range x {
				x[i] = conform(x[i], t.Elem(), fmt.Sprintf("%s[%d]", path, i), c)
			}
			if t.Elem().Kind() == reflect.String {
				// An element that could not be read is kept, not left blank.
				out := x[:0]
				for _, e := range x {
					if e != "" {
						out = append(out, e)
					}
				}
				return out
			}
			return x
		case string:
			if t.Elem().Kind() == reflect.String {
				parts := splitList(x)
				list := make([]any, 0, len(parts))
				for _, p := range parts {
					list = append(list, p)
				}
				if len(parts) > 0 {
					c.note("%s: %q read as a list of %d", path, x, len(parts))
				}
				return conform(list, t, path, c)
			}
		}
		c.keep(path, v)
		return nil
	case reflect.Pointer:
		return conform(v, t.Elem(), path, c)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			c.keep(path, v)
			return nil
		}
		// In the model's order, then the keys it does not know, so the
		// notes read in the order of the form.
		seen := map[string]bool{}
		for f := range t.Fields() {
			name := jsonName(f)
			if name == "" {
				continue
			}
			for k, val := range m {
				if strings.EqualFold(k, name) && !seen[k] {
					seen[k] = true
					m[k] = conform(val, f.Type, joinPath(path, name), c)
				}
			}
		}
		var unknown []string
		for k := range m {
			if !seen[k] {
				unknown = append(unknown, k)
			}
		}
		sort.Strings(unknown)
		for _, k := range unknown {
			c.keep(joinPath(path, k), m[k])
			delete(m, k)
		}
		return m
	}
	return v
}

func allText(list []any) bool {
	for _, e := range list {
		if _, ok := e.(string); !ok {
			return false
		}
	}
	return true
}

func joinText(list []any) string {
	parts := make([]string, 0, len(list))
	for _, e := range list {
		if s := strings.TrimSpace(e.(string)); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

// splitList reads a list typed as one text: "NHS number, date of birth;
// postcode" or one item a line.
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\n' })
	var out []string
	for _, p := range f {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func textOfJSON(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}
