package strict

import (
	"fmt"
	"strings"
	"testing"
)

// benchDoc is a document of realistic shape: a few hundred entries with a
// handful of fields each, like a PR/FAQ's FAQ list or a loop's feedback.
func benchDoc(yaml bool) []byte {
	var b strings.Builder
	if yaml {
		b.WriteString("title: Bench\nitems:\n")
		for i := range 300 {
			fmt.Fprintf(&b, "  - name: item %d\n    score: %d\n    level: low\n    ratio: 0.%d\n", i, i%5, i)
		}
		return []byte(b.String())
	}
	b.WriteString(`{"title":"Bench","items":[`)
	for i := range 300 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"item %d","score":%d,"level":"low","ratio":0.%d}`, i, i%5, i)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

func BenchmarkDecode(b *testing.B) {
	for _, yaml := range []bool{false, true} {
		name := "json"
		if yaml {
			name = "yaml"
		}
		data := benchDoc(yaml)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var d doc
				if err := Decode(data, &d, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse reads the tree alone, without decoding it into a type.
func BenchmarkParse(b *testing.B) {
	data := benchDoc(false)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDocument(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
