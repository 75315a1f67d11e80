package flywheel

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

func TestMarkdownEscapesLabels(t *testing.T) {
	out := string(out(hostileWheel().Markdown))
	assert.NotContains(t, out, "<script>")
	assert.NotContains(t, out, "</svg>")
	// Every row of the links table keeps its 8 cell borders whatever the
	// labels and notes hold.
	links := out[strings.Index(out, "## Links"):strings.Index(out, "## Review")]
	rows := 0
	for _, line := range strings.Split(strings.TrimSpace(links), "\n")[2:] {
		rows++
		assert.Len(t, unescapedPipe.FindAllString(line, -1), 8, line)
	}
	assert.Equal(t, len(hostile)+2, rows, "header, separator and one row per link")
	assert.Contains(t, out, `a"\] --&gt; evil\["x`)
	assert.Contains(t, out, `pipe \| and \#35; hash`)
}
