package decision

import (
	_ "embed" // the committed schemas travel inside the binary
)

//go:generate go test -run ^TestSchemaUpToDate$ -update

//go:embed decision.schema.json
var decisionSchema []byte

//go:embed policy.schema.json
var policySchema []byte

// Schema returns the JSON Schema (draft 2020-12) of a Decision document, the
// same file committed as decision/decision.schema.json. It returns a copy.
func Schema() []byte { return append([]byte(nil), decisionSchema...) }

// PolicySchema returns the JSON Schema (draft 2020-12) of a Policy
// document, the same file committed as decision/policy.schema.json. It
// returns a copy.
func PolicySchema() []byte { return append([]byte(nil), policySchema...) }
