package formstest

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms"
)

// PlantEverywhere writes text into every free-text string of a draft:
// titles, names, file names, enumerations (free entry is kept), every entry
// of every repeating group. Every empty list gets an entry and every absent
// optional group is made, so no field is missed; it walks the model by
// reflection, so a field added later is planted too. text gets the field's
// path ("data.products[0].fields[1].reason"). It returns the paths planted.
//
// References between entries (IDs, hashes, links, derivation keys) are left
// as they are: nobody types them, and changing them would break the draft.
func PlantEverywhere(a *forms.Application, text func(path string) string) []string {
	return Plant(a, text)
}

// Plant is PlantEverywhere for any model reached through a pointer to a
// struct: a library entry, a review.
func Plant(v any, text func(path string) string) []string {
	var planted []string
	plant(reflect.ValueOf(v).Elem(), "", text, &planted)
	return planted
}

// reference reports whether a field holds a reference rather than text.
func reference(name string) bool {
	switch name {
	case "id", "sha256", "satisfies", "derivation_key", "from", "to", "field", "accessed_by", "dismissed", "section":
		return true
	}
	return strings.HasSuffix(name, "_id") || strings.HasSuffix(name, "_refs")
}

func plant(v reflect.Value, path string, text func(string) string, planted *[]string) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		fv := v.Field(i)
		if name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct {
			plant(fv, path, text, planted) // embedded: its fields are the outer's
			continue
		}
		if name == "" || name == "-" {
			continue
		}
		p := name
		if path != "" {
			p = path + "." + name
		}
		switch ft := f.Type; {
		case ft.Kind() == reflect.String:
			if !reference(name) {
				fv.SetString(text(p))
				*planted = append(*planted, p)
			}
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			if reference(name) || (name == "products" && strings.HasPrefix(path, "data_flow")) {
				continue // a flow's products name the draft's products
			}
			if fv.Len() == 0 {
				fv.Set(reflect.Append(fv, reflect.Zero(ft.Elem())))
			}
			for j := 0; j < fv.Len(); j++ {
				ep := fmt.Sprintf("%s[%d]", p, j)
				fv.Index(j).SetString(text(ep))
				*planted = append(*planted, ep)
			}
		case ft.Kind() == reflect.Struct:
			plant(fv, p, text, planted)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			if fv.Len() == 0 {
				fv.Set(reflect.Append(fv, reflect.Zero(ft.Elem())))
			}
			for j := 0; j < fv.Len(); j++ {
				plant(fv.Index(j), fmt.Sprintf("%s[%d]", p, j), text, planted)
			}
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			if fv.IsNil() {
				fv.Set(reflect.New(ft.Elem()))
			}
			plant(fv.Elem(), p, text, planted)
		}
	}
}
