package flywheel

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func problems(t *testing.T, err error) []string {
	t.Helper()
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "want a *ValidationError, got %v", err)
	var out []string
	for _, p := range ve.Problems {
		see(p.Rule)
		out = append(out, p.Path+" "+p.Rule)
	}
	return out
}

func TestValidateInvalidDocuments(t *testing.T) {
	for file, want := range map[string][]string{
		"unknown-node.yaml":        {"/links/1/to unknown-reference"},
		"self-link.yaml":           {"/links/0 self-link"},
		"duplicate-link.yaml":      {"/links/1 duplicate-link"},
		"duplicate-id.yaml":        {"/links/0 self-link", "/links/1 duplicate-link", "/links/1 self-link", "/nodes/1/id duplicate-id"},
		"no-reinforcing-loop.yaml": {"/links no-reinforcing-loop"},
		"dag.yaml":                 {"/links no-reinforcing-loop"},
		"negative-weight.yaml":     {"/links/0/weight range"},
		"one-node.yaml":            {"/links/0 self-link", "/links/1 duplicate-link", "/links/1 self-link", "/nodes too-few"},
		"empty-id.yaml":            {"/links/0/from required", "/links/1/to required", "/nodes/0/id required"},
	} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "invalid", file))
			require.NoError(t, err)
			f, err := Parse(data)
			require.NoError(t, err)
			assert.Equal(t, want, problems(t, f.Validate()))
		})
	}
}

func TestParseRefusals(t *testing.T) {
	for file, want := range map[string]struct {
		sentinel error // nil when an enum's own error is wrapped
		text     string
	}{
		"bad-polarity.yaml": {nil, `line 6, column 32: /links/0/polarity: unknown polarity "positive"; allowed: +, -`},
		"bad-kind.yaml":     {nil, `/nodes/0/kind: unknown kind "flow"; allowed: variable, stock, lever`},
		"bare-minus.yaml":   {strict.ErrSyntax, "line 8"},
		"unknown-key.yaml":  {strict.ErrUnknownKey, `/nodes/0/size: unknown key "size"`},
		"nan-weight.yaml":   {strict.ErrType, "not finite"},
	} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "invalid", file))
			require.NoError(t, err)
			_, err = Parse(data)
			require.Error(t, err)
			var se *problem.Error
			require.True(t, errors.As(err, &se), "%v", err)
			ruleIDs(err)
			assert.Equal(t, "flywheel", se.Kind)
			assert.NotZero(t, se.Problems[0].Line, "%v", err)
			assert.Contains(t, err.Error(), want.text)
			if want.sentinel != nil {
				assert.ErrorIs(t, err, want.sentinel)
			}
		})
	}
}

func TestValidateNotAFlywheelMessage(t *testing.T) {
	data, err := os.ReadFile("testdata/invalid/no-reinforcing-loop.yaml")
	require.NoError(t, err)
	f, err := Parse(data)
	require.NoError(t, err)
	assert.Contains(t, f.Validate().Error(), "this is not a flywheel")
}

func TestValidateNonFiniteFromGo(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	f := ring(3, 1)
	f.Links[0].Weight = &nan
	f.Nodes[1].Initial = &inf
	got := problems(t, f.Validate())
	assert.Contains(t, got, "/links/0/weight finite")
	assert.Contains(t, got, "/nodes/1/initial finite")
}

func TestValidateTooManyNodes(t *testing.T) {
	f := ring(100_000, 1)
	assert.Contains(t, problems(t, f.Validate()), "/nodes too-many-items")
}

func TestValidateAcceptsValidDocuments(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*")
	require.NotEmpty(t, files)
	for _, file := range append(files, templatePath) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		f, err := Parse(data)
		require.NoError(t, err, file)
		assert.NoError(t, f.Validate(), file)
	}
}

// TestParseHugeDocument: a document of 100,000 nodes is within the
// decoder's limits but is refused by Validate, and every analysis refuses
// it without working on it.
func TestParseHugeDocument(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"name":"huge","nodes":[`)
	for i := 0; i < 100_000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"n%d"}`, i)
	}
	b.WriteString(`],"links":[{"from":"n0","to":"n1","polarity":"+"},{"from":"n1","to":"n0","polarity":"+"}]}`)
	f, err := Parse([]byte(b.String()))
	require.NoError(t, err)
	assert.Equal(t, []string{"/nodes too-many-items"}, problems(t, f.Validate()))
	_, err = f.Loops(LoopOptions{})
	assert.ErrorIs(t, err, ErrGraphTooLarge)
	_, err = f.Leverage()
	assert.ErrorIs(t, err, ErrGraphTooLarge)
	_, err = f.Simulate(SimOptions{})
	assert.ErrorIs(t, err, ErrGraphTooLarge)
	assert.Equal(t, RuleGraphTooLarge, f.Review(ReviewOptions{})[0].Rule)
}
