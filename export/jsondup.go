package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// checkDuplicateKeys refuses an object that names a key twice.
// encoding/json keeps the last value silently, so a hand-edited file with
// two "objective" keys would lose one of them without a word.
func checkDuplicateKeys(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	type frame struct {
		object bool
		keys   map[string]bool
		path   string
		index  int
		key    string
		// wantKey is true in an object when the next string is a key.
		wantKey bool
	}
	var stack []*frame
	childPath := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.object {
			if f.path == "" {
				return f.key
			}
			return f.path + "." + f.key
		}
		return f.path + "[" + strconv.Itoa(f.index) + "]"
	}
	// afterValue moves the enclosing container past one value.
	afterValue := func() {
		if len(stack) == 0 {
			return
		}
		f := stack[len(stack)-1]
		if f.object {
			f.wantKey = true
		} else {
			f.index++
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// Syntax errors are reported, with positions, by the decoder proper.
			return nil
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				f := &frame{object: t == '{', path: childPath(), wantKey: t == '{'}
				if f.object {
					f.keys = map[string]bool{}
				}
				stack = append(stack, f)
			case '}', ']':
				stack = stack[:len(stack)-1]
				afterValue()
			}
		case string:
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
				f := stack[n-1]
				if f.keys[t] {
					where := "at the top level"
					if f.path != "" {
						where = "in " + f.path
					}
					return fmt.Errorf("the key %q appears twice %s; keep one", t, where)
				}
				f.keys[t] = true
				f.key = t
				f.wantKey = false
				continue
			}
			afterValue()
		default:
			afterValue()
		}
	}
}
