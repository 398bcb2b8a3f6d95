package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

const schemaPath = "schema/submission.schema.json"

// enumValues is what the schema allows for an enumerated type: its values,
// and "" for "not answered yet" (drafts may be incomplete).
func enumValues(c []forms.Choice) []string {
	v := forms.Values(c)
	for _, s := range v {
		if s == "" {
			return v
		}
	}
	return append(v, "")
}

type schemaGen struct {
	defs    map[string]any
	enums   map[reflect.Type][]forms.Choice
	missing []string
}

func (g *schemaGen) ref(t reflect.Type) map[string]any {
	return map[string]any{"$ref": "#/$defs/" + t.Name()}
}

func (g *schemaGen) of(t reflect.Type) map[string]any {
	switch t {
	case reflect.TypeFor[time.Time]():
		return map[string]any{"type": "string", "format": "date-time"}
	case reflect.TypeFor[forms.Date]():
		if _, ok := g.defs["Date"]; !ok {
			g.defs["Date"] = map[string]any{
				"description": "A calendar date as year-month-day, or \"\" when not given.",
				"type":        "string", "pattern": `^([0-9]{4}-[0-9]{2}-[0-9]{2})?$`,
			}
		}
		return g.ref(t)
	}
	switch t.Kind() {
	case reflect.String:
		if t.PkgPath() == "" {
			return map[string]any{"type": "string"}
		}
		choices, ok := g.enums[t]
		if !ok {
			g.missing = append(g.missing, t.String())
			return map[string]any{"type": "string"}
		}
		if _, ok := g.defs[t.Name()]; !ok {
			var desc []string
			for _, c := range choices {
				desc = append(desc, fmt.Sprintf("%q means %s", c.Value, c.Label))
			}
			g.defs[t.Name()] = map[string]any{
				"description": strings.Join(desc, "; ") + ". \"\" means not answered yet.",
				"type":        "string", "enum": enumValues(choices),
			}
		}
		return g.ref(t)
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		// encoding/json writes an empty Go slice as null.
		return map[string]any{"type": []string{"array", "null"}, "items": g.of(t.Elem())}
	case reflect.Pointer:
		return map[string]any{"anyOf": []any{g.of(t.Elem()), map[string]any{"type": "null"}}}
	case reflect.Struct:
		if _, ok := g.defs[t.Name()]; !ok {
			g.defs[t.Name()] = true // placeholder against recursion
			g.defs[t.Name()] = g.object(t)
		}
		return g.ref(t)
	}
	panic("schema: no mapping for " + t.String())
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = g.of(f.Type)
		// An omitempty field is optional: files from before it lack it.
		if !strings.Contains(","+opts+",", ",omitempty,") {
			required = append(required, name)
		}
	}
	return map[string]any{
		"type": "object", "properties": props, "required": required,
		"additionalProperties": false,
	}
}

// generateSchema derives the schema from export.Submission and the forms model.
func generateSchema(t *testing.T) []byte {
	g := &schemaGen{defs: map[string]any{}, enums: export.EnumChoices()}
	env := g.object(reflect.TypeFor[export.Submission]())
	props := env["properties"].(map[string]any)
	props["schema_version"] = map[string]any{"const": export.SchemaVersion}
	props["application"] = g.ref(reflect.TypeFor[forms.Application]())
	props["draft_id"] = map[string]any{"type": "string", "minLength": 1}
	assert.Empty(t, g.missing, "enumerated types with no choice list: add them to enumChoices in export/enums.go")
	// A struct keeps "$schema" and the title at the top, where readers look.
	root := struct {
		Schema      string         `json:"$schema"`
		ID          string         `json:"$id"`
		Title       string         `json:"title"`
		Description string         `json:"description"`
		Type        string         `json:"type"`
		Properties  map[string]any `json:"properties"`
		Required    any            `json:"required"`
		Additional  bool           `json:"additionalProperties"`
		Defs        map[string]any `json:"$defs"`
	}{
		Schema:      "https://json-schema.org/draft/2020-12/schema",
		ID:          "https://github.com/darsworkbench/dars-workbench/export/schema/submission.schema.json",
		Title:       "DARS Workbench submission file",
		Description: fmt.Sprintf("submission.json version %d: one DARS application draft as exported by DARS Workbench, inside an envelope naming the schema and app versions, the draft's ID and revision, and the export time.", export.SchemaVersion),
		Type:        "object",
		Properties:  props,
		Required:    env["required"],
		Defs:        g.defs,
	}
	b, err := json.MarshalIndent(root, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

func TestSchemaIsCurrent(t *testing.T) {
	want := generateSchema(t)
	if *update {
		require.NoError(t, os.WriteFile(schemaPath, want, 0o644))
	}
	assert.Equal(t, string(want), string(export.Schema()),
		"the schema is out of date with the model: run go test ./export -run TestSchemaIsCurrent -update")
}

// The schema's enumerations are the forms choice lists, value for value.
func TestSchemaEnumsMatchForms(t *testing.T) {
	var s struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(export.Schema(), &s))
	for typ, choices := range export.EnumChoices() {
		t.Run(typ.Name(), func(t *testing.T) {
			def, ok := s.Defs[typ.Name()]
			require.True(t, ok, "schema has no $defs/%s", typ.Name())
			assert.Equal(t, enumValues(choices), def.Enum)
		})
	}
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.Schema()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	require.NoError(t, c.AddResource("submission.schema.json", doc))
	sch, err := c.Compile("submission.schema.json")
	require.NoError(t, err)
	return sch
}

func validateAgainstSchema(t testing.TB, sch *jsonschema.Schema, b []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return sch.Validate(inst)
}
