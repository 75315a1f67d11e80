package wbr

import (
	"testing"

	"github.com/dayone-go/mechanisms/internal/sweep"
)

// TestParseHostileSweep: the sweep's flow collections of millions of
// entries, alias bombs and executable YAML tags are refused by Parse within
// 10 s and 512 MiB (issue 15).
func TestParseHostileSweep(t *testing.T) {
	sweep.Run(t, kind, func(b []byte) error { _, err := Parse(b); return err })
}
