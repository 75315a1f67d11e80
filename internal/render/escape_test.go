package render

import (
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestXMLKeepsDocumentsWellFormed(t *testing.T) {
	for in, clean := range map[string]bool{
		`</text><script>alert(1)</script>`:        true,
		`a "quoted" & 'single' label`:             true,
		"bell\x07 and nul\x00 and bad \xff utf-8": false,
		"\uFFFE\uFFFF":                            false,
		"plain text, ünïcödé ✓":                   true,
		"ok\n::error file=README.md::x\tend":      true,
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
		assert.NotContains(t, out, "\n")
		assert.Equal(t, v.Text.Body, v.Text.A)
		if clean {
			assert.Equal(t, in, v.Text.Body, "the text reads back as written")
		}
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := map[string]string{
		"plain words":                "plain words",
		"*bold* and _it_":            `\*bold\* and \_it\_`,
		"[link](http://x) ![img](y)": `\[link\](http://x) \!\[img\](y)`,
		"a | b":                      `a \| b`,
		"<script>alert(1)</script>":  "&lt;script&gt;alert(1)&lt;/script&gt;",
		"AT&T &amp;":                 "AT&amp;T &amp;amp;",
		"`code` ~~strike~~ $x$":      "\\`code\\` \\~\\~strike\\~\\~ \\$x\\$",
		"two\nlines\r\nhere\ttab":    "two lines here tab",
		"- not a list":               `\- not a list`,
		"+ neither":                  `\+ neither`,
		"12. not ordered":            `12\. not ordered`,
		"3) nor this":                `3\) nor this`,
		"# no heading":               `\# no heading`,
		"::error file=x::y":          `\::error file=x::y`,
		"\x01::warning::z":           ` \::warning::z`,
		"> no quote":                 "&gt; no quote",
		"  - indented":               `\- indented`,
		"version 1.2 - ok":           "version 1.2 - ok",
		"bad \xff byte":              "bad \uFFFD byte",
		"bell\x07":                   "bell ",
		`back\slash`:                 `back\\slash`,
	}
	for in, want := range tests {
		assert.Equal(t, want, MarkdownInline(in), "%q", in)
	}
}

func TestMarkdownText(t *testing.T) {
	in := "First *para*\ncontinues here.\n\n\n- Second para\r\n\r\nThird."
	assert.Equal(t, "First \\*para\\* continues here.\n\n\\- Second para\n\nThird.", MarkdownText(in))
	assert.Equal(t, "", MarkdownText(" \n\n "))
}
