package prfaq

import _ "embed"

//go:generate go test -run ^TestSchemaUpToDate$ -update

// The schema's title and description, stated here with the type they
// describe; the generator (run by go generate through schema_test.go) reads
// them from these constants.
const (
	schemaTitle       = "PR/FAQ"
	schemaDescription = "A Working Backwards PR/FAQ: the press release of a product not yet built, written as if it had launched, the five customer questions it starts from, and the FAQs customers and stakeholders would ask."
)

//go:embed prfaq.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of a PR/FAQ document, the
// same file as prfaq/prfaq.schema.json in the repository. It states every
// field rule except the ones listed as Go-only in the package documentation.
// The result is a copy the caller may change.
func Schema() []byte { return append([]byte(nil), schema...) }
