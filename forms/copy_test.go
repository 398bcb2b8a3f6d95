package forms_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

// A copy reads as the original does, and no change made to the original
// afterwards, to any string, list entry, map or pointed-to value, shows in it.
func TestCopyIsDeep(t *testing.T) {
	for name, a := range map[string]*forms.Application{
		"example": forms.Example(),
		"large":   formstest.Large(),
		"empty":   forms.NewApplication("Empty", forms.Date{}),
		"every field and group": func() *forms.Application {
			a := forms.Example()
			formstest.PlantEverywhere(a, func(path string) string { return "text at " + path })
			return a
		}(),
	} {
		t.Run(name, func(t *testing.T) {
			want, err := forms.Encode(a)
			require.NoError(t, err)
			c := a.Copy()
			got, err := forms.Encode(c)
			require.NoError(t, err)
			require.Equal(t, string(want), string(got))

			mutate(reflect.ValueOf(a).Elem())
			after, err := forms.Encode(c)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(after), "the copy shares something with the original")
			changed, err := forms.Encode(a)
			require.NoError(t, err)
			assert.NotEqual(t, string(want), string(changed), "the test changed nothing")
		})
	}
}

// mutate changes every string reachable from v in place, and adds an entry
// to every map.
func mutate(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "!")
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				mutate(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			mutate(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			mutate(v.Elem())
		}
	case reflect.Map:
		if !v.IsNil() && v.Type().Key().Kind() == reflect.String {
			v.SetMapIndex(reflect.ValueOf("added by the test").Convert(v.Type().Key()), reflect.Zero(v.Type().Elem()))
		}
	}
}

// The model keeps nothing Copy cannot copy: no unexported lists, maps or
// pointers (a Date's time.Time is a value), no functions or channels.
func TestModelHoldsOnlyCopyableFields(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var check func(t reflect.Type, path string)
	check = func(ty reflect.Type, path string) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		switch ty.Kind() {
		case reflect.Func, reflect.Chan, reflect.UnsafePointer:
			t.Errorf("%s is a %s, which Copy cannot copy", path, ty.Kind())
		case reflect.Slice, reflect.Array, reflect.Pointer:
			check(ty.Elem(), path+"[]")
		case reflect.Map:
			check(ty.Key(), path+"{key}")
			check(ty.Elem(), path+"{}")
		case reflect.Struct:
			if ty == reflect.TypeOf(forms.Date{}) {
				return
			}
			for i := 0; i < ty.NumField(); i++ {
				f := ty.Field(i)
				if !f.IsExported() {
					switch f.Type.Kind() {
					case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface, reflect.Func, reflect.Chan:
						t.Errorf("%s.%s is unexported and holds a reference Copy would share", path, f.Name)
					}
					continue
				}
				check(f.Type, path+"."+f.Name)
			}
		}
	}
	check(reflect.TypeOf(forms.Application{}), "Application")
}

// BenchmarkCopyLarge is the autosave's copy of the large draft after each edit.
func BenchmarkCopyLarge(b *testing.B) {
	a := formstest.Large()
	b.ReportAllocs()
	for b.Loop() {
		a.Copy()
	}
}
