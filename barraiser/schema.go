package barraiser

import _ "embed"

//go:generate go test -run ^TestSchemaUpToDate$ -update

//go:embed loop.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of a Loop document, the
// committed file barraiser/loop.schema.json. Each call returns a fresh copy.
func Schema() []byte { return append([]byte(nil), schema...) }
