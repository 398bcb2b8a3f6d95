package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnwrap(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"joins a paragraph":    {"one\ntwo\nthree", "one two three"},
		"keeps paragraphs":     {"one\ntwo\n\nthree", "one two\n\nthree"},
		"keeps list items":     {"Items:\n- a\n- b", "Items:\n- a\n- b"},
		"trims trailing space": {"one  \ntwo", "one two"},
		"empty":                {"", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { assert.Equal(t, tc.want, unwrap(tc.in)) })
	}
}
