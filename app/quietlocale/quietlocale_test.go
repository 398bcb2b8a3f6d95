package quietlocale_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/app/quietlocale"
	"github.com/stretchr/testify/assert"
)

func TestFix(t *testing.T) {
	type want struct {
		key, value string
		ok         bool
	}
	set := want{"LANGUAGE", "en", true}
	for name, tc := range map[string]struct {
		goos string
		env  map[string]string
		want want
	}{
		"C.UTF-8 in LANG":                    {"linux", map[string]string{"LANG": "C.UTF-8"}, set},
		"C.utf8 in LANG":                     {"linux", map[string]string{"LANG": "C.utf8"}, set},
		"POSIX with a codeset":               {"linux", map[string]string{"LANG": "POSIX.UTF-8"}, set},
		"C with a modifier":                  {"linux", map[string]string{"LANG": "C@euro"}, set},
		"C.UTF-8 in LC_ALL over a real LANG": {"linux", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, set},
		"C.UTF-8 in LC_MESSAGES":             {"freebsd", map[string]string{"LC_MESSAGES": "C.UTF-8"}, set},
		"LC_ALL decides over a C LANG":       {"linux", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "C.UTF-8"}, want{}},
		"LANGUAGE already chosen":            {"linux", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "cy"}, want{}},
		"bare C is understood":               {"linux", map[string]string{"LANG": "C"}, want{}},
		"bare POSIX is understood":           {"linux", map[string]string{"LANG": "POSIX"}, want{}},
		"nothing set":                        {"linux", nil, want{}},
		"a real locale":                      {"linux", map[string]string{"LANG": "en_GB.UTF-8"}, want{}},
		"a language starting with C":         {"linux", map[string]string{"LANG": "Cy_GB.UTF-8"}, want{}},
		"Windows asks the system":            {"windows", map[string]string{"LANG": "C.UTF-8"}, want{}},
		"macOS asks the system":              {"darwin", map[string]string{"LANG": "C.UTF-8"}, want{}},
	} {
		t.Run(name, func(t *testing.T) {
			k, v, ok := quietlocale.Fix(tc.goos, func(k string) string { return tc.env[k] })
			assert.Equal(t, tc.want, want{k, v, ok})
		})
	}
}
