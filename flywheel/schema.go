package flywheel

import _ "embed" // the committed schema is compiled in

//go:generate go test -run ^TestSchemaUpToDate$ -update

//go:embed flywheel.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of a flywheel document, a
// fresh copy the caller may change. Its $id is
// https://raw.githubusercontent.com/dayone-go/mechanisms/main/flywheel/flywheel.schema.json.
func Schema() []byte { return append([]byte(nil), schema...) }
