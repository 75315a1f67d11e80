package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/examples/templates"
)

// benchTree writes n documents — the decision, PR/FAQ, loop and flywheel
// templates and a memo, round-robin, 100 to a folder — as
// .ci/bench/review.sh does.
func benchTree(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	read := func(name string) string {
		data, err := templates.FS.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		return string(data)
	}
	dec, pr, loop, fw := read("decision.yaml"), read("prfaq.yaml"), read("loop.yaml"), read("flywheel.yaml")
	memo := "We will leverage synergies. It is believed that the plan was approved by the team.\n"
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/100))
		if i%100 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				b.Fatal(err)
			}
		}
		var name, data string
		switch i % 5 {
		case 0:
			name, data = "%05d.decision.yaml", strings.Replace(dec, "id: ADR-0042", fmt.Sprintf("id: ADR-%d", i), 1)
		case 1:
			name, data = "%05d.prfaq.yaml", pr
		case 2:
			name, data = "%05d.loop.yaml", loop
		case 3:
			name, data = "%05d.flywheel.yaml", fw
		default:
			name, data = "%05d.md", memo
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf(name, i)), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkReview reviews 1,000 documents of every kind per op, to JSON.
// .ci/bench/review.sh times the built tool on 10,000.
func BenchmarkReview(b *testing.B) {
	dir := benchTree(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		if code := run([]string{"-format", "json", dir}, nil, io.Discard, io.Discard); code == 2 {
			b.Fatal("usage error")
		}
	}
}
