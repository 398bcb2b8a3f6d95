package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFileURL(t *testing.T) {
	for name, tc := range map[string]struct{ goos, path, want string }{
		"linux":                {"linux", "/tmp/dars review/consent.pdf", "file:///tmp/dars%20review/consent.pdf"},
		"macOS":                {"darwin", "/Users/sian/Library/Caches/x.pdf", "file:///Users/sian/Library/Caches/x.pdf"},
		"windows drive":        {"windows", `C:\Users\Siân\AppData\Local\Temp\consent form.pdf`, "file:///C:/Users/Si%C3%A2n/AppData/Local/Temp/consent%20form.pdf"},
		"windows network":      {"windows", `\\fileserver\ig\pack.zip`, "file://fileserver/ig/pack.zip"},
		"windows hash in name": {"windows", `C:\Temp\a#1.pdf`, "file:///C:/Temp/a%231.pdf"},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, fileURL(tc.goos, tc.path).String())
		})
	}
}
