package wbr

import _ "embed"

//go:generate go test -run ^TestSchemaUpToDate$ -update

//go:embed deck.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of a Deck. The copy is the
// caller's to keep.
func Schema() []byte { return append([]byte(nil), schema...) }
