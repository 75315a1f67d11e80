package decision

import (
	"testing"

	"github.com/dayone-go/mechanisms/internal/sweep"
)

// TestParseHostileSweep: the sweep's flow collections of millions of
// entries, alias bombs and executable YAML tags are refused by Parse within
// 10 s and 512 MiB (issue 15).
func TestParseHostileSweep(t *testing.T) {
	sweep.Run(t, KindDecision, func(b []byte) error { _, err := Parse(b); return err })
	t.Run("policy", func(t *testing.T) {
		sweep.Run(t, KindPolicy, func(b []byte) error { _, err := ParsePolicy(b); return err })
	})
}
