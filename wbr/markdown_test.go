package wbr

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "%s differs; run go test ./wbr -update and review the diff", path)
}

func TestMarkdownGolden(t *testing.T) {
	r := sampleReport(t)
	md := mdOf(t, r, "charts")
	golden(t, "report.md.golden", md)
	assert.Equal(t, md, mdOf(t, sampleReport(t), "charts"), "deterministic")
	assert.NotContains(t, string(mdOf(t, r, "")), "![", "no chart links without a chart directory")
}
