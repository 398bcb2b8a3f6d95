package forms

import (
	"reflect"
	"strconv"
	"strings"
)

// FieldIdentifierHit is an identifier found in one field of a draft.
type FieldIdentifierHit struct {
	Field string // JSON path, e.g. "data.products[2].fields[0].reason"
	Hit   IdentifierHit
}

// ScanApplication scans every free-text field of a draft, repeating groups
// included (R-C8). It walks the model by reflection so that a field added
// later is scanned without anyone remembering to list it.
func ScanApplication(a *Application) []FieldIdentifierHit {
	var out []FieldIdentifierHit
	path := make([]byte, 0, 64)
	appPlan.walk(reflect.ValueOf(a).Elem(), path, &out)
	return out
}

// notText lists JSON names of string fields that hold identifiers the app
// made, hashes or references between entries, never text a person typed.
var notText = map[string]bool{"id": true, "sha256": true, "accessed_by": true, "flow_refs": true, "from": true, "to": true}

type fieldKind int

const (
	fkString fieldKind = iota
	fkStrings
	fkStruct
	fkStructs
	fkPtrStruct
)

type planField struct {
	index int
	name  string
	kind  fieldKind
	sub   *typePlan
}

// typePlan is the precomputed list of a struct type's fields worth
// visiting, so each evaluation pays for no reflection on types or tags.
type typePlan struct{ fields []planField }

var (
	stringType = reflect.TypeOf("")
	appPlan    = planFor(reflect.TypeOf(Application{}))
)

func planFor(t reflect.Type) *typePlan {
	p := &typePlan{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || notText[name] || strings.HasSuffix(name, "_id") {
			continue
		}
		pf := planField{index: i, name: name}
		ft := f.Type
		switch {
		case ft == stringType:
			pf.kind = fkString
		case ft.Kind() == reflect.Slice && ft.Elem() == stringType:
			pf.kind = fkStrings
		case ft.Kind() == reflect.Struct:
			pf.kind, pf.sub = fkStruct, planFor(ft)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			pf.kind, pf.sub = fkStructs, planFor(ft.Elem())
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			pf.kind, pf.sub = fkPtrStruct, planFor(ft.Elem())
		default:
			continue // numbers, flags and enumerations hold no free text
		}
		if pf.sub != nil && len(pf.sub.fields) == 0 {
			continue // e.g. Date
		}
		p.fields = append(p.fields, pf)
	}
	return p
}

func (p *typePlan) walk(v reflect.Value, path []byte, out *[]FieldIdentifierHit) {
	for _, f := range p.fields {
		fv := v.Field(f.index)
		fp := path
		if len(fp) > 0 {
			fp = append(fp, '.')
		}
		fp = append(fp, f.name...)
		switch f.kind {
		case fkString:
			scanField(fv.String(), fp, out)
		case fkStrings:
			for i := 0; i < fv.Len(); i++ {
				scanField(fv.Index(i).String(), appendIndex(fp, i), out)
			}
		case fkStruct:
			f.sub.walk(fv, fp, out)
		case fkStructs:
			for i := 0; i < fv.Len(); i++ {
				f.sub.walk(fv.Index(i), appendIndex(fp, i), out)
			}
		case fkPtrStruct:
			if !fv.IsNil() {
				f.sub.walk(fv.Elem(), fp, out)
			}
		}
	}
}

func appendIndex(path []byte, i int) []byte {
	path = append(path, '[')
	path = strconv.AppendInt(path, int64(i), 10)
	return append(path, ']')
}

func scanField(s string, path []byte, out *[]FieldIdentifierHit) {
	for _, h := range ScanText(s) {
		*out = append(*out, FieldIdentifierHit{Field: string(path), Hit: h})
	}
}

func (c *Context) identifierHits() []FieldIdentifierHit {
	if !c.scanned {
		c.idHits, c.scanned = ScanApplication(c.App), true
	}
	return c.idHits
}

func identifierHitsOf(c *Context, sev Severity) []Hit {
	var hs []Hit
	for _, fh := range c.identifierHits() {
		if fh.Hit.Severity == sev {
			hs = append(hs, Hit{Field: fh.Field, Message: "\"" + fh.Hit.Shown + "\": " + fh.Hit.Message()})
		}
	}
	return hs
}

// Both checks file their findings under the section of the field they
// point at (Section ""), since identifiers can be pasted anywhere.
func identifierChecks() []Check {
	return []Check{
		{
			ID: "patient-identifiers", Requirements: []string{"R-C8"}, Severity: Blocker,
			Title: "No free-text answer holds an NHS number",
			Eval:  func(c *Context) []Hit { return identifierHitsOf(c, Blocker) },
		},
		{
			ID: "patient-identifiers-possible", Requirements: []string{"R-C8"}, Severity: Warning,
			Title: "No free-text answer holds a date of birth or postcode of a person",
			Eval:  func(c *Context) []Hit { return identifierHitsOf(c, Warning) },
		},
	}
}
