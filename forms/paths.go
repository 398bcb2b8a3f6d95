package forms

import (
	"reflect"
	"strings"
)

// FieldPaths lists every JSON field path of an Application, with repeating
// groups written "[]" ("organisations[].security.dspt_status"). Containers
// are listed as well as their leaves, so "organisations" and
// "organisations[].security" are both paths. Guidance, findings and the
// screens all name fields this way.
func FieldPaths() []string {
	var out []string
	walkPaths(reflect.TypeFor[Application](), "", &out)
	return out
}

func walkPaths(t reflect.Type, prefix string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		walkPaths(t.Elem(), prefix+"[]", out)
		return
	case reflect.Struct:
		if t == reflect.TypeFor[Date]() {
			return
		}
	default:
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		p := name
		if prefix != "" {
			p = prefix + "." + name
		}
		*out = append(*out, p)
		walkPaths(f.Type, p, out)
	}
}
