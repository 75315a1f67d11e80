package flywheel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummaryGolden(t *testing.T) {
	got := summary(template(t))
	path := filepath.Join("testdata", "template.summary.golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

func TestSummaryCases(t *testing.T) {
	dag := &Flywheel{Name: "dag", Nodes: []Node{{ID: "a"}, {ID: "b"}}, Links: []Link{{From: "a", To: "b"}}}
	assert.Equal(t, "dag: 0 loops, 0 reinforcing, 0 balancing\ngrowth factor 0 per step\nNothing comes back around: a push passes through the wheel once and is gone.\n", summary(dag))

	s := summary(complete(7))
	assert.Contains(t, s, "K_7: 2365 loops, 2365 reinforcing, 0 balancing\n")
	assert.Contains(t, s, "  … 2357 more\n")
	assert.Contains(t, s, "growth factor 6 per step, dominant loop R1\n")

	evil := hostileWheel()
	evil.Name = "esc\x1b[31m"
	assert.NotContains(t, summary(evil), "\x1b")
	big := summary(ring(MaxLeverageNodes+1, 1))
	assert.Equal(t, 3, strings.Count(big, "\n"), "heading, the loop, the leverage error:\n%s", big)
	assert.Contains(t, big, "leverage not computed: flywheel: graph too large")
}
