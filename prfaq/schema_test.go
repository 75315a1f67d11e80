package prfaq

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
	Path:        "prfaq/prfaq.schema.json",
	Title:       schemaTitle,
	Description: schemaDescription,
	PkgPath:     "github.com/dayone-go/mechanisms/prfaq",
	Dir:         ".",
}

func check(data []byte) error {
	d, err := Parse(data)
	if err != nil {
		return err
	}
	return d.Validate()
}

func TestSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, Schema(), PRFAQ{}, schemaOpts, "prfaq.schema.json", *update)
}

func TestSchemaAgreesWithGo(t *testing.T) {
	schematest.Agree(t, Schema(), "testdata", check)
}

func TestTemplateMutationsRefused(t *testing.T) {
	tmpl, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	schematest.MutationsRefused(t, Schema(), tmpl, check)
}

func TestSchemaIsACopy(t *testing.T) {
	a := Schema()
	a[0] = 'x'
	require.NotEqual(t, a[0], Schema()[0])
}
