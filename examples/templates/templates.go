// Package templates embeds the example documents teams copy: one filled-in
// template per document kind, each starting with its $schema so editors
// validate it, and the sample data of the WBR deck.
//
// The review tool reviews these when run with no arguments; tests of each
// mechanism check that its template is valid and reviews cleanly.
package templates

import "embed"

// FS holds every template: decision.yaml and decision.md (a MADR 4 record),
// policy.yaml, prfaq.yaml and prfaq.md, loop.yaml, deck.yaml with
// deck-data.csv, and flywheel.yaml.
//
//go:embed *.yaml *.csv *.md
var FS embed.FS
