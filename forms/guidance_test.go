package forms_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseGuidance(t *testing.T) {
	md := "# Purpose\n\nWhy the data is needed.\n\n## purpose.objective\nRequirements: R-U2, R-U1\n\nSay what you want to find.\nKeep it short.\n\nExample: To measure kidney disease.\n\n## purpose.category\nPick one.\n"
	g := forms.ParseGuidance(md)
	assert.Equal(t, "Purpose", g.Title)
	assert.Equal(t, "Why the data is needed.", g.Intro)
	require.Len(t, g.Fields, 2)
	assert.Equal(t, forms.FieldGuidance{
		Path: "purpose.objective", Requirements: []string{"R-U2", "R-U1"},
		Text: "Say what you want to find.\nKeep it short.", Example: "To measure kidney disease.",
	}, g.Fields[0])
	assert.Equal(t, forms.FieldGuidance{Path: "purpose.category", Text: "Pick one."}, g.Fields[1])
}

func TestGuidanceFieldLookup(t *testing.T) {
	g := forms.ParseGuidance("## organisations[].security\nRequirements: R-O3\nAssurance.\n## organisations\nAll of them.\n")
	tests := map[string]struct {
		path string
		want string
		ok   bool
	}{
		"generic":              {"organisations[].security", "organisations[].security", true},
		"concrete index":       {"organisations[2].security", "organisations[].security", true},
		"falls back to parent": {"organisations[12].security.dspt_status", "organisations[].security", true},
		"falls back to group":  {"organisations[3].name", "organisations", true},
		"unknown":              {"purpose.objective", "", false},
		"empty":                {"", "", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			f, ok := g.Field(tc.path)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, f.Path)
		})
	}
}

func TestGuidanceMarkdown(t *testing.T) {
	f := forms.FieldGuidance{Text: "Name it.", Example: "Kidney study", Requirements: []string{"R-P2"}}
	assert.Equal(t, "Name it.\n\n**Example:** Kidney study\n\n*Serves R-P2.*", f.Markdown())
}

// Every section has guidance, and every field it names exists in the model,
// cites at least one known requirement and shows an example.
func TestEmbeddedGuidance(t *testing.T) {
	paths := map[string]bool{}
	for _, p := range forms.FieldPaths() {
		paths[p] = true
	}
	for _, s := range forms.Sections {
		t.Run(string(s.ID), func(t *testing.T) {
			md, ok := assets.Guidance(string(s.ID))
			require.True(t, ok, "no guidance file for section %s", s.ID)
			g := forms.ParseGuidance(md)
			assert.Equal(t, s.Title, g.Title)
			assert.NotEmpty(t, g.Intro)
			assert.NotEmpty(t, g.Fields)
			seen := map[string]bool{}
			for _, f := range g.Fields {
				assert.True(t, paths[f.Path], "%s names %q, which is not a field of the model", s.ID, f.Path)
				assert.False(t, seen[f.Path], "%s explains %q twice", s.ID, f.Path)
				seen[f.Path] = true
				assert.NotEmpty(t, f.Requirements, "%s: %q cites no requirement", s.ID, f.Path)
				assert.NotEmpty(t, f.Text, "%s: %q has no explanation", s.ID, f.Path)
				assert.NotEmpty(t, f.Example, "%s: %q has no example", s.ID, f.Path)
			}
		})
	}
}

// FieldPaths must cover every path the worked example's JSON has, so that it
// is a fair yardstick for guidance and findings.
func TestFieldPathsCoverExample(t *testing.T) {
	b, err := forms.Encode(forms.Example())
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	paths := map[string]bool{}
	for _, p := range forms.FieldPaths() {
		paths[p] = true
	}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				assert.True(t, paths[p], "FieldPaths lacks %q", p)
				walk(p, c)
			}
		case []any:
			for _, c := range x {
				walk(prefix+"[]", c)
			}
		}
	}
	walk("", v)
	assert.Contains(t, forms.FieldPaths(), "organisations[].security.dspt_status")
}

func FuzzParseGuidance(f *testing.F) {
	for _, s := range forms.Sections {
		md, _ := assets.Guidance(string(s.ID))
		f.Add(md)
	}
	f.Add("## \nRequirements:\nExample:\n# x\n## a[].b\r\nExample: y\r\n")
	f.Fuzz(func(t *testing.T, md string) {
		g := forms.ParseGuidance(md)
		for _, fg := range g.Fields {
			if strings.Contains(fg.Path, "\n") {
				t.Fatalf("path spans lines: %q", fg.Path)
			}
			// Only paths already in generic form are looked up verbatim.
			if fg.Path == "" || forms.GenericPath(fg.Path) != fg.Path {
				continue
			}
			if _, ok := g.Field(fg.Path); !ok {
				t.Fatalf("field %q parsed but not found", fg.Path)
			}
		}
	})
}
