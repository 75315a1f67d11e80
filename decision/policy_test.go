package decision

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPolicyIsTheArticles(t *testing.T) {
	p := DefaultPolicy()
	require.NoError(t, p.Validate())
	// The article: customer experience, reputation and legal matters are
	// Type 1; business practices and pricing are Type 2; ~70% information.
	assert.Equal(t, []Area{CustomerExperience, Reputation, Legal}, p.OneWayAreas)
	assert.Equal(t, []Area{Pricing, BusinessPractice}, p.TwoWayAreas)
	assert.Equal(t, 0.7, *p.Information.TwoWay)
	// It matches the committed copy in testdata, which the schema checks.
	data, err := os.ReadFile("testdata/policy/valid/article.yaml")
	require.NoError(t, err)
	q, err := ParsePolicy(data)
	require.NoError(t, err)
	assert.Equal(t, p, q)
}

func TestDefaultPolicyIsFresh(t *testing.T) {
	p := DefaultPolicy()
	p.OneWayAreas[0] = Pricing
	*p.Information.TwoWay = 0.1
	q := DefaultPolicy()
	assert.Equal(t, CustomerExperience, q.OneWayAreas[0])
	assert.Equal(t, 0.7, *q.Information.TwoWay)
}

func TestPolicyProblems(t *testing.T) {
	const good = "currency: USD\noneWayAreas: [legal]\ntwoWayAreas: [pricing]\noneWayWhen: {impactAtLeast: 3}\nsmallGroupMax: 5\nhighRiskAtLeast: 12\ninformation: {twoWay: 0.7, oneWay: 0.9, stalled: 0.9}\n"
	p, err := ParsePolicy([]byte(good))
	require.NoError(t, err)
	require.NoError(t, p.Validate())
	for _, tc := range []struct {
		name, from, to, path, rule string
	}{
		{"both doors", "twoWayAreas: [pricing]", "twoWayAreas: [pricing, legal]", "/twoWayAreas/1", "area-both-doors"},
		{"one-way asks less", "oneWay: 0.9", "oneWay: 0.6", "/information/oneWay", "information-order"},
		{"stalled at two-way", "stalled: 0.9", "stalled: 0.7", "/information/stalled", "information-order"},
		{"currency", "currency: USD", "currency: usd", "/currency", "format"},
		{"group", "smallGroupMax: 5", "smallGroupMax: 51", "/smallGroupMax", "range"},
		{"risk", "highRiskAtLeast: 12", "highRiskAtLeast: 26", "/highRiskAtLeast", "range"},
		{"affordable", "smallGroupMax: 5", "smallGroupMax: 5\naffordableLoss: -1", "/affordableLoss", "range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(good, tc.from, tc.to, 1)
			require.NotEqual(t, good, doc)
			p, err := ParsePolicy([]byte(doc))
			require.NoError(t, err)
			var ve *ValidationError
			require.ErrorAs(t, p.Validate(), &ve)
			assert.Equal(t, "policy", ve.Kind)
			require.Len(t, ve.Problems, 1, "%v", ve)
			assert.Equal(t, tc.path, ve.Problems[0].Path)
			assert.Equal(t, tc.rule, ve.Problems[0].Rule)
		})
	}
	_, err = ParsePolicy([]byte(good + "oneWayAreas2: []\n"))
	assert.ErrorContains(t, err, `policy: line 8, column 1: /oneWayAreas2: unknown key "oneWayAreas2"; did you mean "oneWayAreas"?`)
	var nilPolicy *Policy
	var ve *ValidationError
	require.ErrorAs(t, nilPolicy.Validate(), &ve)
	assert.Equal(t, KindPolicy, ve.Kind)
	assert.Equal(t, RuleNil, ve.Problems[0].Rule)
}

func TestPolicyTemplateIsValid(t *testing.T) {
	data, err := os.ReadFile("../examples/templates/policy.yaml")
	require.NoError(t, err)
	p, err := ParsePolicy(data)
	require.NoError(t, err)
	require.NoError(t, p.Validate())
	assert.Equal(t, policyOpts.ID(), p.Schema)
}
