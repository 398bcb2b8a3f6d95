package forms

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Every string a model holds is scanned for identifiers, and every string
// of a copy made for a masked export is masked, by walking the value with
// reflection: a field added to any model later (a draft, a library entry, a
// review, a diagram) is covered without anyone remembering to list it.
// Each type's walk is planned once, so a walk pays no reflection on types
// or tags.

// textPlan says how to reach the strings of one type; nil means the type
// holds none (numbers, flags, dates).
type textPlan struct {
	kind   reflect.Kind
	fields []textField // struct
	elem   *textPlan   // slice, array, pointer, map value
	key    *textPlan   // map key
}

type textField struct {
	index int
	name  string // "" for an embedded struct whose fields stand in its place
	plan  *textPlan
}

var textPlans sync.Map // reflect.Type → *textPlan (or a nil *textPlan)

func planText(t reflect.Type) *textPlan {
	if p, ok := textPlans.Load(t); ok {
		return p.(*textPlan)
	}
	building := map[reflect.Type]*textPlan{}
	p := buildPlan(t, building)
	textPlans.Store(t, p)
	return p
}

// buildPlan plans t; building holds the types being planned, so that a type
// that contains itself (through a pointer or slice) is planned once.
func buildPlan(t reflect.Type, building map[reflect.Type]*textPlan) *textPlan {
	if p, ok := building[t]; ok {
		return p
	}
	if p, ok := textPlans.Load(t); ok {
		return p.(*textPlan)
	}
	p := &textPlan{kind: t.Kind()}
	building[t] = p
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return p
	case reflect.Slice, reflect.Array, reflect.Pointer:
		if p.elem = buildPlan(t.Elem(), building); p.elem == nil {
			return nil
		}
		return p
	case reflect.Map:
		p.key, p.elem = buildPlan(t.Key(), building), buildPlan(t.Elem(), building)
		if p.key == nil && p.elem == nil {
			return nil
		}
		return p
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue // Date and time.Time keep their state unexported
			}
			fp := buildPlan(f.Type, building)
			if fp == nil {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
				// Embedded: its fields read as the outer struct's, as in JSON.
			case name == "" || name == "-":
				name = snakeCase(f.Name)
			}
			p.fields = append(p.fields, textField{index: i, name: name, plan: fp})
		}
		if len(p.fields) == 0 {
			return nil
		}
		return p
	}
	return nil
}

// snakeCase turns a Go field name into the form JSON names take here:
// "DraftTitle" → "draft_title".
func snakeCase(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// notText reports whether a string is one the app made to name or check
// something, never text a person typed: a UUID or a hexadecimal hash.
func notText(s string) bool {
	if len(s) == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-' {
		return isHexString(s[:8]) && isHexString(s[9:13]) && isHexString(s[14:18]) && isHexString(s[19:23]) && isHexString(s[24:])
	}
	return len(s) >= 32 && isHexString(s)
}

func isHexString(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; !isDigit(s[i]) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// textVisitor is called with each string and the path that leads to it.
// A list of strings is visited line by line, then once more as its lines
// joined by spaces, with bounds the offsets of the joins: the lines of a
// diagram box were wrapped at spaces, so joining them so reads the text as
// it was written, and a number broken across lines is found.
type textVisitor func(path *textPath, s string, bounds []int)

// textPath is where a walk is: the field names, list indexes and map keys
// that lead there. It is written out ("purpose.objective",
// "people[3].name") only when asked, which is when a string holds an
// identifier: the readiness check walks every string on every keystroke.
type textPath struct{ segs []pathSeg }

type pathSeg struct {
	name  string // a field's name, or a map key already in brackets
	index int    // a list index, when name is ""
}

func (p *textPath) push(s pathSeg) { p.segs = append(p.segs, s) }
func (p *textPath) pop()           { p.segs = p.segs[:len(p.segs)-1] }

func (p *textPath) String() string {
	var b []byte
	for _, s := range p.segs {
		switch {
		case s.name == "":
			b = appendIndex(b, s.index)
		case s.name[0] == '[':
			b = append(b, s.name...)
		default:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, s.name...)
		}
	}
	return string(b)
}

func walkText(v reflect.Value, p *textPlan, path *textPath, visit textVisitor) {
	switch p.kind {
	case reflect.String:
		if s := v.String(); s != "" && !notText(s) {
			visit(path, s, nil)
		}
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := v.Elem()
		if ep := planText(e.Type()); ep != nil {
			walkText(e, ep, path, visit)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), p.elem, path, visit)
		}
	case reflect.Struct:
		for _, f := range p.fields {
			if f.name == "" { // embedded: its fields read as the outer struct's
				walkText(v.Field(f.index), f.plan, path, visit)
				continue
			}
			path.push(pathSeg{name: f.name})
			walkText(v.Field(f.index), f.plan, path, visit)
			path.pop()
		}
	case reflect.Slice, reflect.Array:
		if p.elem.kind == reflect.String {
			walkLines(v, path, visit)
			return
		}
		for i := 0; i < v.Len(); i++ {
			path.push(pathSeg{index: i})
			walkText(v.Index(i), p.elem, path, visit)
			path.pop()
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keyText(keys[i]) < keyText(keys[j]) })
		for _, k := range keys {
			path.push(pathSeg{name: "[" + MaskNHSNumbers(keyText(k)) + "]"})
			if p.key != nil {
				walkText(k, p.key, path, visit)
			}
			if p.elem != nil {
				walkText(v.MapIndex(k), p.elem, path, visit)
			}
			path.pop()
		}
	}
}

func keyText(k reflect.Value) string {
	if k.Kind() == reflect.String {
		return k.String()
	}
	return strconv.Quote(k.String())
}

// walkLines visits a list of strings line by line, then as one text when
// some line ends in a digit and the next starts with one (separators
// aside), as a number broken across lines does. A list of IDs (a risk's
// node references) is not text: two IDs side by side are no number.
func walkLines(v reflect.Value, path *textPath, visit textVisitor) {
	n, across, prevEnds := v.Len(), false, false
	for i := 0; i < n; i++ {
		s := v.Index(i).String()
		text := s != "" && !notText(s)
		if text {
			path.push(pathSeg{index: i})
			visit(path, s, nil)
			path.pop()
		}
		across = across || (prevEnds && text && lineEdgeIsDigit(s, false))
		prevEnds = text && lineEdgeIsDigit(s, true)
	}
	if across {
		joined, bounds := joinLines(v)
		visit(path, joined, bounds)
	}
}

// lineEdgeIsDigit reports whether a line starts (or, with last, ends) with a
// digit, past spaces and separators.
func lineEdgeIsDigit(s string, last bool) bool {
	for k := 0; k < len(s); k++ {
		i := k
		if last {
			i = len(s) - 1 - k
		}
		switch c := s[i]; {
		case isDigit(c) || c >= 0x80:
			return true
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t':
		default:
			return false
		}
	}
	return false
}

// joinLines joins a list of strings with spaces and says where.
func joinLines(v reflect.Value) (string, []int) {
	var b strings.Builder
	bounds := make([]int, 0, v.Len()-1)
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			bounds = append(bounds, b.Len())
			b.WriteByte(' ')
		}
		b.WriteString(v.Index(i).String())
	}
	return b.String(), bounds
}

// crosses reports whether a hit spans one of the joins.
func crosses(h IdentifierHit, bounds []int) bool {
	for _, b := range bounds {
		if h.Start < b && b < h.End {
			return true
		}
	}
	return false
}

func appendIndex(path []byte, i int) []byte {
	path = append(path, '[')
	path = strconv.AppendInt(path, int64(i), 10)
	return append(path, ']')
}

// scanValue lists the identifiers in every string of v.
func scanValue(v any) []FieldIdentifierHit { return scanValueWith(v, ScanText) }

// scanValueWith is scanValue with the scanner given: ScanText, or one that
// remembers its answers (Evaluator).
func scanValueWith(v any, scan func(string) []IdentifierHit) []FieldIdentifierHit {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return nil
	}
	p := planText(rv.Type())
	if p == nil {
		return nil
	}
	var out []FieldIdentifierHit
	path := &textPath{segs: make([]pathSeg, 0, 16)}
	walkText(rv, p, path, func(path *textPath, s string, bounds []int) {
		for _, h := range scan(s) {
			if bounds != nil && !crosses(h, bounds) {
				continue // within one line: reported with that line
			}
			out = append(out, FieldIdentifierHit{Field: path.String(), Hit: h})
		}
	})
	return out
}

// MaskedCopy returns a copy of v in which every NHS number in every string
// is masked (MaskNHSNumbers), for an export the user chose to write with
// identifiers masked. What holds no text (numbers, dates, flags) is shared
// with v, so the copy is for reading.
func MaskedCopy[T any](v T) T {
	src := reflect.ValueOf(&v).Elem()
	p := planText(src.Type())
	if p == nil {
		return v
	}
	dst := reflect.New(src.Type()).Elem()
	maskInto(dst, src, p)
	return dst.Interface().(T)
}

func maskInto(dst, src reflect.Value, p *textPlan) {
	if p == nil {
		dst.Set(src)
		return
	}
	switch p.kind {
	case reflect.String:
		if s := src.String(); notText(s) {
			dst.SetString(s)
		} else {
			dst.SetString(MaskNHSNumbers(s))
		}
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		e := src.Elem()
		c := reflect.New(e.Type()).Elem()
		maskInto(c, e, planText(e.Type()))
		dst.Set(c)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		c := reflect.New(src.Type().Elem())
		maskInto(c.Elem(), src.Elem(), p.elem)
		dst.Set(c)
	case reflect.Struct:
		dst.Set(src) // unexported state and fields without text
		for _, f := range p.fields {
			maskInto(dst.Field(f.index), src.Field(f.index), f.plan)
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		fallthrough
	case reflect.Array:
		if p.elem.kind == reflect.String && maskLines(dst, src) {
			return
		}
		for i := 0; i < src.Len(); i++ {
			maskInto(dst.Index(i), src.Index(i), p.elem)
		}
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		for _, k := range src.MapKeys() {
			nk, nv := reflect.New(k.Type()).Elem(), reflect.New(src.Type().Elem()).Elem()
			maskInto(nk, k, p.key)
			maskInto(nv, src.MapIndex(k), p.elem)
			m.SetMapIndex(nk, nv)
		}
		dst.Set(m)
	}
}

// maskLines masks a list of lines as the guard reads them: each line, and
// the lines joined by spaces, so that a number broken across lines is
// masked too. Masking changes digits into '*' one character for one, so
// the lines come back as they were cut.
func maskLines(dst, src reflect.Value) bool {
	if src.Len() < 2 {
		return false
	}
	lines := make([][]rune, src.Len())
	for i := range lines {
		s := src.Index(i).String()
		if notText(s) {
			return false
		}
		lines[i] = []rune(MaskNHSNumbers(s))
	}
	for round := 0; round < 16; round++ {
		var joined []rune
		for i, l := range lines {
			if i > 0 {
				joined = append(joined, ' ')
			}
			joined = append(joined, l...)
		}
		text := string(joined)
		hits := ScanText(text)
		changed := false
		for _, h := range hits {
			if h.Kind != IdentNHSNumber {
				continue
			}
			// Rune offsets of the hit, then every digit after the third.
			from := utf8RuneCount(text[:h.Start])
			to := from + utf8RuneCount(text[h.Start:h.End])
			seen := 0
			for k := from; k < to; k++ {
				if kind, _ := runeKind(joined[k]); kind == kDigit || (joined[k] >= '0' && joined[k] <= '9') {
					if seen >= 3 {
						joined[k] = '*'
						changed = true
					}
					seen++
				}
			}
		}
		if !changed {
			break
		}
		k := 0
		for i := range lines {
			copy(lines[i], joined[k:k+len(lines[i])])
			k += len(lines[i]) + 1
			lines[i] = []rune(MaskNHSNumbers(string(lines[i])))
		}
	}
	for i, l := range lines {
		dst.Index(i).SetString(string(l))
	}
	return true
}

func utf8RuneCount(s string) int { return len([]rune(s)) }
