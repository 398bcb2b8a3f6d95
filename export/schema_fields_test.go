package export_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// formatLines describes the submission format as an older reader sees it:
// one line per JSON field with its type, and one per enumerated type with
// its values. Labels and comments are left out: they change no file.
func formatLines() []string {
	enums := export.EnumChoices()
	var lines []string
	seenEnum := map[reflect.Type]bool{}
	var walk func(t reflect.Type, path string, depth int)
	walk = func(t reflect.Type, path string, depth int) {
		if depth > 12 {
			return
		}
		switch {
		case t == reflect.TypeFor[time.Time]():
			lines = append(lines, path+": date-time")
			return
		case t == reflect.TypeFor[forms.Date]():
			lines = append(lines, path+": date")
			return
		}
		switch t.Kind() {
		case reflect.String:
			if c, ok := enums[t]; ok {
				lines = append(lines, path+": enum "+t.Name())
				if !seenEnum[t] {
					seenEnum[t] = true
					lines = append(lines, "enum "+t.Name()+": "+strings.Join(forms.Values(c), "|"))
				}
				return
			}
			lines = append(lines, path+": string")
		case reflect.Bool:
			lines = append(lines, path+": bool")
		case reflect.Int, reflect.Int32, reflect.Int64:
			lines = append(lines, path+": integer")
		case reflect.Float64:
			lines = append(lines, path+": number")
		case reflect.Slice:
			walk(t.Elem(), path+"[]", depth+1)
		case reflect.Pointer:
			walk(t.Elem(), path+"?", depth+1)
		case reflect.Struct:
			for f := range t.Fields() {
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if !f.IsExported() || name == "-" {
					continue
				}
				if name == "" {
					name = f.Name
				}
				p := name
				if path != "" {
					p = path + "." + name
				}
				walk(f.Type, p, depth+1)
			}
		default:
			lines = append(lines, fmt.Sprintf("%s: %s", path, t.Kind()))
		}
	}
	walk(reflect.TypeFor[export.Submission](), "", 0)
	sort.Strings(lines)
	return lines
}
