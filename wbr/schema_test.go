package wbr

import (
	"flag"
	"os"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

var schemaOptions = schemagen.Options{
	Path:        "wbr/deck.schema.json",
	Title:       "Weekly Business Review deck",
	Description: "The metrics a Weekly Business Review walks: inputs and outputs, how each is aggregated from daily data and compared, their owners and plans, and the sections of the deck.",
	PkgPath:     "github.com/dayone-go/mechanisms/wbr",
	Dir:         ".",
}

func TestSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, Schema(), Deck{}, schemaOptions, "deck.schema.json", *update)
}

func check(data []byte) error {
	d, err := Parse(data)
	if err != nil {
		return err
	}
	return d.Validate()
}

func TestSchemaAgreesWithGo(t *testing.T) {
	schematest.Agree(t, Schema(), "testdata", check)
}

func TestTemplateMutationsRefused(t *testing.T) {
	tmpl, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	schematest.MutationsRefused(t, Schema(), tmpl, check)
}

const (
	templatePath = "../examples/templates/deck.yaml"
	samplePath   = "../examples/templates/deck-data.csv"
)
