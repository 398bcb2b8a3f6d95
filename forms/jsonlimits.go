package forms

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// JSONLimits bound what a reader of one kind of JSON file accepts, so that
// any input costs memory and time in proportion to its size and no more.
// encoding/json alone allows 10,000 levels of nesting, and a few bytes per
// element ("[null,null,…]") become a few hundred bytes of Go struct each.
type JSONLimits struct {
	// What names the kind of file in messages: "a submission file".
	What string
	// MaxBytes is the largest file read.
	MaxBytes int
	// MaxDepth is how deeply objects and arrays may nest; the model itself
	// nests fewer than ten levels.
	MaxDepth int
	// MaxValues bounds the count of all values (objects, arrays, strings,
	// numbers, true, false, null), which bounds the structs decoded.
	MaxValues int
}

// MaxListItems bounds every list in a decoded file: organisations,
// people, evidence, flows, comments. Real drafts hold tens (formstest.Large,
// beyond any real application, has 100 people). An empty item, "{}" or
// null, is three bytes in the file but a whole struct once decoded and a
// kilobyte once written again, so without this bound a 4 MB file would
// become 50 MB of JSON in the database.
const MaxListItems = 1000

// CheckListLengths refuses a decoded value holding a list longer than
// MaxListItems, naming the list by its JSON path.
func CheckListLengths(v any, what string) error {
	return checkLists(reflect.ValueOf(v), "", what)
}

func checkLists(v reflect.Value, path, what string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkLists(v.Elem(), path, what)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case name == "-":
				continue
			case name == "" && f.Anonymous:
				name = path // an embedded struct's fields are its parent's
			case name == "":
				name = f.Name
			case path != "":
				name = path + "." + name
			}
			if err := checkLists(v.Field(i), name, what); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil
		}
		if v.Len() > MaxListItems {
			return overLimit("%s has %s items; %s holds at most %s in one list", path, groupThousands(v.Len()), what, groupThousands(MaxListItems))
		}
		for i := range v.Len() {
			if err := checkLists(v.Index(i), path+"["+strconv.Itoa(i)+"]", what); err != nil {
				return err
			}
		}
	}
	return nil
}

// The readers' limits. Each is many times what the largest real file needs
// (formstest.Large, beyond any real application, is 0.5 MB with 9,000
// values) and small enough that decoding the worst file costs well under
// 100 MB: 50,000 values of the model's largest struct (an organisation,
// 304 bytes in a library) are 15 MB.
var (
	DraftJSONLimits   = JSONLimits{What: "a draft", MaxBytes: 4_000_000, MaxDepth: 32, MaxValues: 50_000}
	LibraryJSONLimits = JSONLimits{What: "a library file", MaxBytes: 4_000_000, MaxDepth: 32, MaxValues: 50_000}
)

// ErrJSONLimit marks a file refused by a reader's limits: too large, nested
// too deeply or holding too many values.
var ErrJSONLimit = errors.New("over the reader's limits")

// limitError says which limit a file broke; it is ErrJSONLimit.
type limitError struct{ msg string }

func (e *limitError) Error() string        { return e.msg }
func (e *limitError) Is(target error) bool { return target == ErrJSONLimit }

func overLimit(format string, a ...any) error { return &limitError{fmt.Sprintf(format, a...)} }

// sizes says two sizes so that they differ when they do.
func sizes(n, limit int) (string, string) {
	a, b := HumanBytes(int64(n)), HumanBytes(int64(limit))
	if a == b {
		return groupThousands(n) + " bytes", groupThousands(limit) + " bytes"
	}
	return a, b
}

// CheckJSON reads b once, in time and memory linear in its length, and
// refuses it when it breaks lim or when an object names a key twice.
// encoding/json keeps the last of two equal keys silently (and matches keys
// ignoring case, so "Title" and "title" are equal there too): a hand-edited
// file would lose a value without a word. Syntax errors are left to the
// decoder, which reports them with their position.
func CheckJSON(b []byte, lim JSONLimits) error {
	if lim.MaxBytes > 0 && len(b) > lim.MaxBytes {
		got, most := sizes(len(b), lim.MaxBytes)
		return overLimit("the file is %s; %s is at most %s", got, lim.What, most)
	}
	g := jsonGuard{b: b, lim: lim}
	return g.run()
}

type jsonFrame struct {
	object  bool
	wantKey bool
	index   int
	key     string // the last key read, as written, for messages
	keys    []string
	set     map[string]struct{}
}

type jsonGuard struct {
	b      []byte
	lim    JSONLimits
	stack  []jsonFrame
	depth  int
	values int
	fold   []byte
}

// smallObject is how many keys an object holds before its keys go into a map.
const smallObject = 16

func (g *jsonGuard) run() error {
	b := g.b
	for i := 0; i < len(b); {
		c := b[i]
		switch c {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
		case '{', '[':
			if err := g.value(i); err != nil {
				return err
			}
			g.depth++
			if g.lim.MaxDepth > 0 && g.depth > g.lim.MaxDepth {
				return overLimit("line %s: the data is nested too deeply (more than %d levels); %s never is", jsonLineCol(b, int64(i)), g.lim.MaxDepth, g.lim.What)
			}
			g.push(c == '{')
			i++
		case '}', ']':
			if g.depth == 0 {
				return nil // unbalanced: the decoder says where
			}
			g.depth--
			g.stack = g.stack[:len(g.stack)-1]
			g.after()
			i++
		case '"':
			end, ok := stringEnd(b, i)
			if !ok {
				return nil
			}
			if f := g.top(); f != nil && f.object && f.wantKey {
				if err := g.key(f, b[i+1:end]); err != nil {
					return err
				}
				f.wantKey = false
			} else {
				if err := g.value(i); err != nil {
					return err
				}
				g.after()
			}
			i = end + 1
		default:
			// A number, true, false or null: one value up to a delimiter.
			if err := g.value(i); err != nil {
				return err
			}
			g.after()
			j := i + 1
			for j < len(b) && !isJSONDelim(b[j]) {
				j++
			}
			i = j
		}
	}
	return nil
}

func isJSONDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

func (g *jsonGuard) top() *jsonFrame {
	if len(g.stack) == 0 {
		return nil
	}
	return &g.stack[len(g.stack)-1]
}

// value counts one value starting at offset i.
func (g *jsonGuard) value(i int) error {
	g.values++
	if g.lim.MaxValues > 0 && g.values > g.lim.MaxValues {
		return overLimit("line %s: it holds more than %s values; %s holds far fewer", jsonLineCol(g.b, int64(i)), groupThousands(g.lim.MaxValues), g.lim.What)
	}
	return nil
}

// push opens an object or array, reusing the frame's key storage.
func (g *jsonGuard) push(object bool) {
	if len(g.stack) < cap(g.stack) {
		g.stack = g.stack[:len(g.stack)+1]
	} else {
		g.stack = append(g.stack, jsonFrame{})
	}
	f := &g.stack[len(g.stack)-1]
	f.object, f.wantKey, f.index, f.key = object, object, 0, ""
	f.keys = f.keys[:0]
	if f.set != nil {
		clear(f.set)
	}
}

// after moves the enclosing container past one value.
func (g *jsonGuard) after() {
	f := g.top()
	if f == nil {
		return
	}
	if f.object {
		f.wantKey = true
	} else {
		f.index++
	}
}

func (g *jsonGuard) key(f *jsonFrame, raw []byte) error {
	name := unescapeJSON(raw)
	g.fold = appendFoldedKey(g.fold[:0], name)
	folded := string(g.fold)
	dup := false
	if f.set != nil {
		_, dup = f.set[folded]
	} else {
		for _, k := range f.keys {
			if k == folded {
				dup = true
				break
			}
		}
	}
	if dup {
		where := "at the top level"
		if p := g.path(); p != "" {
			where = "in " + p
		}
		return fmt.Errorf("the key %q appears twice %s; keep one", name, where)
	}
	f.key = name
	if f.set == nil && len(f.keys) < smallObject {
		f.keys = append(f.keys, folded)
		return nil
	}
	if f.set == nil {
		f.set = make(map[string]struct{}, 2*smallObject)
	}
	if len(f.keys) > 0 {
		for _, k := range f.keys {
			f.set[k] = struct{}{}
		}
		f.keys = f.keys[:0]
	}
	f.set[folded] = struct{}{}
	return nil
}

// path names the innermost open object, e.g. organisations[2].security; it
// is built only for a message.
func (g *jsonGuard) path() string {
	var sb strings.Builder
	for i := 0; i < len(g.stack)-1; i++ {
		f := &g.stack[i]
		if f.object {
			if sb.Len() > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(f.key)
		} else {
			sb.WriteString("[" + strconv.Itoa(f.index) + "]")
		}
	}
	return sb.String()
}

// stringEnd returns the index of the quote closing the string opened at i.
func stringEnd(b []byte, i int) (int, bool) {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j, true
		}
	}
	return 0, false
}

// unescapeJSON decodes a string's escapes as encoding/json does (an
// unpaired surrogate becomes U+FFFD).
func unescapeJSON(raw []byte) string {
	if !strings.ContainsRune(string(raw), '\\') {
		return string(raw)
	}
	var sb strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch raw[i] {
		case 'b':
			sb.WriteByte('\b')
		case 'f':
			sb.WriteByte('\f')
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		case 'u':
			r, n := hex4(raw[i+1:])
			if n == 0 {
				sb.WriteByte('u')
				continue
			}
			i += n
			if utf16.IsSurrogate(r) {
				r2, n2 := rune(-1), 0
				if i+2 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
					r2, n2 = hex4(raw[i+3:])
				}
				if dec := utf16.DecodeRune(r, r2); n2 > 0 && dec != unicode.ReplacementChar {
					r = dec
					i += 2 + n2
				} else {
					r = unicode.ReplacementChar
				}
			}
			sb.WriteRune(r)
		default:
			sb.WriteByte(raw[i])
		}
	}
	return sb.String()
}

func hex4(b []byte) (rune, int) {
	if len(b) < 4 {
		return 0, 0
	}
	v, err := strconv.ParseUint(string(b[:4]), 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(v), 4
}

// appendFoldedKey folds a key as encoding/json does when it matches keys to
// fields: ASCII upper case, and each other rune to the smallest of its
// simple case-folding orbit.
func appendFoldedKey(out []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
		default:
			for {
				r2 := unicode.SimpleFold(r)
				if r2 <= r {
					r = r2
					break
				}
				r = r2
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
