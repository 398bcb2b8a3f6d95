package forms

import (
	"sort"
	"strconv"
	"strings"
)

// A comparison says what changed between two versions of an application
// (two revisions of a draft, or a draft and a pack), section by section, in
// the terms an amendment to DARS needs: what was added, removed or changed,
// word by word for long answers, and which evidence files were replaced.

// ChangeKind is what happened to a field or a file.
type ChangeKind string

const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Changed ChangeKind = "changed"
)

// longText is the length from which a changed answer is shown word by word.
const longText = 80

// FieldChange is one answer that differs.
type FieldChange struct {
	// Path is the field in the newer version (the older one for a removal),
	// so "open this field" works on the draft.
	Path  string
	Label string
	Kind  ChangeKind
	Old   string
	New   string
	// Words is the word diff of a long answer; nil for short ones.
	Words []WordOp
}

// SectionChanges lists the changes of one section.
type SectionChanges struct {
	Section SectionID
	Title   string
	Changes []FieldChange
}

// EvidenceChange is an attached file that came, went or was replaced.
type EvidenceChange struct {
	Title   string
	Kind    ChangeKind
	OldName string
	NewName string
	OldHash string
	NewHash string
}

// Comparison is every difference between an older and a newer version.
type Comparison struct {
	OldRevision int64
	NewRevision int64
	Sections    []SectionChanges
	Evidence    []EvidenceChange
}

// Empty reports whether the two versions hold the same answers and files.
func (c Comparison) Empty() bool { return len(c.Sections) == 0 && len(c.Evidence) == 0 }

// Count is the number of changed answers and files.
func (c Comparison) Count() int {
	n := len(c.Evidence)
	for _, s := range c.Sections {
		n += len(s.Changes)
	}
	return n
}

// Compare finds what changed from old to new. Entries of a repeating group
// (organisations, products, …) are matched by their ID, so adding an
// organisation at the top does not read as every organisation changed.
// Identifiers, revisions and review comments are bookkeeping, not answers,
// and are left out; evidence files are compared by their SHA-256.
func Compare(old, new *Application) Comparison {
	fo, eo := flatten(old)
	fn, en := flatten(new)
	bySec := map[SectionID][]FieldChange{}
	// An entry that is new or gone as a whole is one change, not one per answer.
	var whole []string
	add := func(ch FieldChange) {
		ch.Label = PathLabel(ch.Path)
		sec := SectionOfField(ch.Path)
		bySec[sec] = append(bySec[sec], ch)
	}
	for k, e := range en {
		if _, ok := eo[k]; !ok {
			add(FieldChange{Path: e.path, Kind: Added, New: e.text})
			whole = append(whole, k)
		}
	}
	for k, e := range eo {
		if _, ok := en[k]; !ok {
			add(FieldChange{Path: e.path, Kind: Removed, Old: e.text})
			whole = append(whole, k)
		}
	}
	inWhole := func(k string) bool {
		for _, w := range whole {
			if strings.HasPrefix(k, w+".") || strings.HasPrefix(k, w+"[") {
				return true
			}
		}
		return false
	}
	keys := make([]string, 0, len(fo)+len(fn))
	for k := range fo {
		keys = append(keys, k)
	}
	for k := range fn {
		if _, ok := fo[k]; !ok {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if inWhole(k) {
			continue
		}
		o, inOld := fo[k]
		n, inNew := fn[k]
		var ch FieldChange
		switch {
		case inOld && inNew && o.text == n.text:
			continue
		case inOld && inNew:
			ch = FieldChange{Path: n.path, Kind: Changed, Old: o.text, New: n.text}
			if o.text == "" {
				ch.Kind = Added
			} else if n.text == "" {
				ch.Kind = Removed
			}
		case inNew:
			// A new entry's empty answers and unticked boxes are not news.
			if n.text == "" || n.text == "no" {
				continue
			}
			ch = FieldChange{Path: n.path, Kind: Added, New: n.text}
		default:
			if o.text == "" || o.text == "no" {
				continue
			}
			ch = FieldChange{Path: o.path, Kind: Removed, Old: o.text}
		}
		if ch.Kind == Changed && (len(ch.Old) >= longText || len(ch.New) >= longText) {
			ch.Words = WordDiff(ch.Old, ch.New)
		}
		add(ch)
	}
	cmp := Comparison{OldRevision: old.Revision, NewRevision: new.Revision}
	for _, s := range Sections {
		chs := bySec[s.ID]
		if len(chs) == 0 {
			continue
		}
		sort.Slice(chs, func(i, j int) bool { return pathLess(chs[i].Path, chs[j].Path) })
		cmp.Sections = append(cmp.Sections, SectionChanges{Section: s.ID, Title: s.Title, Changes: chs})
	}
	cmp.Evidence = compareEvidence(old.Evidence, new.Evidence)
	return cmp
}

// pathLess orders paths as a person reads them: indexes numerically.
func pathLess(a, b string) bool {
	pa, pb := splitPath(a), splitPath(b)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] == pb[i] {
			continue
		}
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		if ea == nil && eb == nil {
			return na < nb
		}
		return pa[i] < pb[i]
	}
	return len(pa) < len(pb)
}

func splitPath(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return r == '.' || r == '[' || r == ']' })
}

type leaf struct {
	path string // with positional indexes, for display and opening
	text string
}

// skipped are fields that are bookkeeping rather than answers.
var skipped = map[string]bool{"id": true, "revision": true, "comments": true, "file": true}

// flatten maps an identity key (entries keyed by their ID) to each leaf
// answer of a draft, and to each entry of a repeating group as a whole.
func flatten(a *Application) (leaves, entries map[string]leaf) {
	out := map[string]leaf{}
	entries = map[string]leaf{}
	var walk func(v any, key, path string)
	walk = func(v any, key, path string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if skipped[k] {
					continue
				}
				walk(e, join(key, k), join(path, k))
			}
		case []any:
			if !allObjects(x) {
				out[key] = leaf{path, textOf(x)}
				return
			}
			for i, e := range x {
				id := strconv.Itoa(i)
				if m := e.(map[string]any); m["id"] != nil && m["id"] != "" {
					id = "#" + textOf(m["id"])
				}
				k, p := key+"["+id+"]", path+"["+strconv.Itoa(i)+"]"
				entries[k] = leaf{p, entryText(e.(map[string]any))}
				walk(e, k, p)
			}
		default:
			out[key] = leaf{path, textOf(x)}
		}
	}
	walk(generic(a), "", "")
	return out, entries
}

// entryText shows a whole entry without its bookkeeping.
func entryText(m map[string]any) string {
	c := make(map[string]any, len(m))
	for k, v := range m {
		if !skipped[k] {
			c[k] = v
		}
	}
	return textOf(c)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func allObjects(list []any) bool {
	if len(list) == 0 {
		return false
	}
	for _, e := range list {
		if _, ok := e.(map[string]any); !ok {
			return false
		}
	}
	return true
}

func compareEvidence(old, new []EvidenceItem) []EvidenceChange {
	type file struct{ title, name, hash string }
	files := func(items []EvidenceItem) (map[string]file, []string) {
		m := map[string]file{}
		var order []string
		for i, e := range items {
			key := e.ID
			if key == "" {
				key = "#" + strconv.Itoa(i)
			}
			f := file{title: e.Title}
			if e.File != nil {
				f.name, f.hash = e.File.Name, strings.ToLower(e.File.SHA256)
			}
			m[key] = f
			order = append(order, key)
		}
		return m, order
	}
	fo, oo := files(old)
	fn, on := files(new)
	var out []EvidenceChange
	for _, k := range on {
		n, o := fn[k], fo[k]
		switch {
		case n.hash == o.hash:
			continue
		case o.hash == "":
			out = append(out, EvidenceChange{Title: n.title, Kind: Added, NewName: n.name, NewHash: n.hash})
		case n.hash == "":
			out = append(out, EvidenceChange{Title: n.title, Kind: Removed, OldName: o.name, OldHash: o.hash})
		default:
			out = append(out, EvidenceChange{Title: n.title, Kind: Changed, OldName: o.name, NewName: n.name, OldHash: o.hash, NewHash: n.hash})
		}
	}
	for _, k := range oo {
		if _, still := fn[k]; !still && fo[k].hash != "" {
			o := fo[k]
			out = append(out, EvidenceChange{Title: o.title, Kind: Removed, OldName: o.name, OldHash: o.hash})
		}
	}
	return out
}
