package export

import _ "embed"

// schemaJSON is the JSON Schema (draft 2020-12) of submission.json. It is
// generated from the Go types by the export tests (go test ./export
// -run TestSchemaIsCurrent -update) so it cannot drift from the model.
//
//go:embed schema/submission.schema.json
var schemaJSON []byte

// Schema returns the JSON Schema of the current submission file version.
func Schema() []byte { return append([]byte(nil), schemaJSON...) }
