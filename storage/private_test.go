package storage

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestChmodOn(t *testing.T) {
	refused := errors.New("the share refuses attribute changes")
	for name, tc := range map[string]struct {
		goos   string
		called bool
		err    error
	}{
		"linux sets the mode":             {"linux", true, refused},
		"macOS sets the mode":             {"darwin", true, refused},
		"windows leaves it to the folder": {"windows", false, nil},
	} {
		t.Run(name, func(t *testing.T) {
			called := false
			err := chmodOn(tc.goos, func(p string, m fs.FileMode) error {
				called = true
				assert.Equal(t, "workbench.db", p)
				assert.Equal(t, fs.FileMode(0o600), m)
				return refused
			}, "workbench.db", 0o600)
			assert.Equal(t, tc.called, called)
			assert.Equal(t, tc.err, err)
		})
	}
}
