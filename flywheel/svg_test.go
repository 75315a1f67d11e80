package flywheel

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSVGEscapesLabels(t *testing.T) {
	out := hostileWheel().SVG()
	dec := xml.NewDecoder(bytes.NewReader(out))
	var texts []string
	elements := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG must be well-formed XML")
		switch x := tok.(type) {
		case xml.StartElement:
			elements[x.Name.Local]++
		case xml.CharData:
			texts = append(texts, string(x))
		}
	}
	assert.Equal(t, 0, elements["script"])
	assert.Equal(t, 1, elements["svg"])
	for _, h := range hostile {
		assert.Contains(t, texts, clip(strings.NewReplacer("\x01", " ").Replace(h), maxSVGLabel))
	}
}

func TestBoxExit(t *testing.T) {
	c, h := point{0, 0}, point{10, 5}
	assert.Equal(t, point{10, 0}, boxExit(c, point{100, 0}, h))
	assert.Equal(t, point{0, -5}, boxExit(c, point{0, -100}, h))
	assert.Equal(t, point{5, 5}, boxExit(c, point{20, 20}, h))
	assert.Equal(t, c, boxExit(c, c, h))
	assert.Equal(t, point{2, 1}, boxExit(c, point{2, 1}, h), "a point inside stays")
}

func TestClip(t *testing.T) {
	assert.Equal(t, "short", clip("short", 10))
	assert.Equal(t, "ééé…", clip("éééééé", 4))
}

func TestSVGPlacesMainLoopFirst(t *testing.T) {
	f := template(t)
	d := f.analyse()
	order := d.circleOrder()
	assert.Len(t, order, len(f.Nodes))
	// R1, the strongest reinforcing loop: experience, traffic, sellers, selection.
	assert.Equal(t, []int{0, 1, 2, 3}, order[:4])
}
