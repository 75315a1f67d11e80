package barraiser

import (
	"flag"
	"os"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

var schemaOpts = schemagen.Options{
	Path:        "barraiser/loop.schema.json",
	Title:       "Bar raiser hiring loop",
	Description: "One candidate's interview loop: interviewers with their assigned leadership principles, feedback with votes and rated evidence, the debrief, and the cohort the candidate must be better than half of.",
	PkgPath:     "github.com/dayone-go/mechanisms/barraiser",
	Dir:         ".",
}

func check(data []byte) error {
	l, err := Parse(data)
	if err != nil {
		return err
	}
	return l.Validate()
}

func TestSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, Schema(), Loop{}, schemaOpts, "loop.schema.json", *update)
}

func TestSchemaAgreesWithValidate(t *testing.T) {
	schematest.Agree(t, Schema(), "testdata", check)
}

func TestTemplateMutationsRefused(t *testing.T) {
	tmpl, err := os.ReadFile("../examples/templates/loop.yaml")
	require.NoError(t, err)
	schematest.MutationsRefused(t, Schema(), tmpl, check)
}
