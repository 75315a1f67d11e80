package render

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestXMLKeepsDocumentsWellFormed(t *testing.T) {
	for _, in := range []string{
		`</text><script>alert(1)</script>`,
		`a "quoted" & 'single' label`,
		"bell\x07 and nul\x00 and bad \xff utf-8",
		"\uFFFE\uFFFF",
		"plain text, ünïcödé ✓",
	} {
		out := XML(in)
		doc := `<svg><text a="` + out + `">` + out + `</text></svg>`
		var v struct {
			Text struct {
				A    string `xml:"a,attr"`
				Body string `xml:",chardata"`
			} `xml:"text"`
		}
		require.NoError(t, xml.Unmarshal([]byte(doc), &v), "%q -> %q", in, out)
		assert.NotContains(t, out, "<")
		assert.Equal(t, v.Text.Body, v.Text.A)
		if !strings.ContainsAny(in, "\x00\x07\xff\uFFFE\uFFFF") {
			assert.Equal(t, in, v.Text.Body, "the text reads back as written")
		}
	}
}
