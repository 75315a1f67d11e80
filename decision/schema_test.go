package decision

import (
	"flag"
	"os"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

const pkgPath = "github.com/dayone-go/mechanisms/decision"

var (
	decisionOpts = schemagen.Options{
		Path:        "decision/decision.schema.json",
		Title:       "Decision",
		Description: "A decision record: options, the choice, reversibility, risks and people, classified as a one-way or two-way door under a policy.",
		PkgPath:     pkgPath,
		Dir:         ".",
	}
	policyOpts = schemagen.Options{
		Path:        "decision/policy.schema.json",
		Title:       "Decision policy",
		Description: "A company's policy for telling one-way doors (Type 1 decisions) from two-way doors (Type 2 decisions).",
		PkgPath:     pkgPath,
		Dir:         ".",
	}
)

func checkDecision(data []byte) error {
	d, err := Parse(data)
	if err != nil {
		return err
	}
	return d.Validate()
}

func checkPolicy(data []byte) error {
	p, err := ParsePolicy(data)
	if err != nil {
		return err
	}
	return p.Validate()
}

func TestSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, Schema(), Decision{}, decisionOpts, "decision.schema.json", *update)
	schematest.UpToDate(t, PolicySchema(), Policy{}, policyOpts, "policy.schema.json", *update)
}

func TestSchemaAgreesWithGo(t *testing.T) {
	t.Run("decision", func(t *testing.T) { schematest.Agree(t, Schema(), "testdata", checkDecision) })
	t.Run("policy", func(t *testing.T) { schematest.Agree(t, PolicySchema(), "testdata/policy", checkPolicy) })
}

func TestTemplateMutationsRefused(t *testing.T) {
	for _, tc := range []struct {
		file   string
		schema []byte
		check  schematest.Check
	}{
		{"../examples/templates/decision.yaml", Schema(), checkDecision},
		{"../examples/templates/policy.yaml", PolicySchema(), checkPolicy},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(tc.file)
			require.NoError(t, err)
			schematest.MutationsRefused(t, tc.schema, data, tc.check)
		})
	}
}

func TestSchemaReturnsCopy(t *testing.T) {
	a := Schema()
	a[0] = 'x'
	require.NotEqual(t, a[0], Schema()[0])
	b := PolicySchema()
	b[0] = 'x'
	require.NotEqual(t, b[0], PolicySchema()[0])
}
