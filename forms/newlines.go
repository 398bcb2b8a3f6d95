package forms

import (
	"reflect"
	"strings"
)

// Text typed or pasted on Windows, or written there by another tool, ends
// its lines with CR LF (old Mac text with a bare CR). Kept as it came, a
// stray CR counts as a character, splits words in comparisons and reaches
// PDFs as a glyph the font lacks. Every decoder of a file we read, and every
// text field of the window, passes its text through these.

// NormaliseNewlines turns CR LF and bare CR into LF.
func NormaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// NormaliseLine is NormaliseNewlines for a one-line field: a line break
// pasted into it becomes a space (as Fyne does for LF), so it stays one line.
func NormaliseLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.ReplaceAll(NormaliseNewlines(s), "\n", " ")
}

// NormaliseText applies NormaliseNewlines to every string reachable from v
// (a pointer to a decoded draft, library, review or submission), in place.
func NormaliseText(v any) {
	normaliseValue(reflect.ValueOf(v))
}

func normaliseValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			normaliseValue(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				normaliseValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			normaliseValue(v.Index(i))
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			// Map values cannot be changed in place: copy, fix, put back.
			val := reflect.New(iter.Value().Type()).Elem()
			val.Set(iter.Value())
			normaliseValue(val)
			v.SetMapIndex(iter.Key(), val)
		}
	case reflect.String:
		if v.CanSet() {
			if s := v.String(); strings.Contains(s, "\r") {
				v.SetString(NormaliseNewlines(s))
			}
		}
	}
}
