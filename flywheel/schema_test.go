package flywheel

import (
	"flag"
	"os"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

var schemaOptions = schemagen.Options{
	Path:        "flywheel/flywheel.schema.json",
	Title:       "Flywheel",
	Description: "A growth flywheel as a causal loop graph: nodes, and links with a polarity, a weight and a delay.",
	PkgPath:     "github.com/dayone-go/mechanisms/flywheel",
	Dir:         ".",
}

func TestSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, Schema(), Flywheel{}, schemaOptions, "flywheel.schema.json", *update)
}

// check parses and validates the way a caller does.
func check(data []byte) error {
	f, err := Parse(data)
	if err != nil {
		return err
	}
	return f.Validate()
}

func TestSchemaAgreesWithGo(t *testing.T) {
	schematest.Agree(t, Schema(), "testdata", check)
}

const templatePath = "../examples/templates/flywheel.yaml"

func TestTemplateMutationsRefused(t *testing.T) {
	tmpl, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	schematest.MutationsRefused(t, Schema(), tmpl, check)
}

func TestSchemaCopy(t *testing.T) {
	a := Schema()
	a[0] = 'x'
	assert.NotEqual(t, a[0], Schema()[0], "Schema must return a copy")
}
