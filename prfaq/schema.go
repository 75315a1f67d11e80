package prfaq

import _ "embed"

//go:generate go test -run ^TestSchemaUpToDate$ -update

//go:embed prfaq.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of a PR/FAQ document, the
// same file as prfaq/prfaq.schema.json in the repository. It states every
// field rule except the ones listed as Go-only in the package documentation.
// The result is a copy the caller may change.
func Schema() []byte { return append([]byte(nil), schema...) }
