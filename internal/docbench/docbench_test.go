package docbench

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dayone-go/mechanisms/barraiser"
	"github.com/dayone-go/mechanisms/decision"
	"github.com/dayone-go/mechanisms/examples/templates"
	"github.com/dayone-go/mechanisms/flywheel"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/dayone-go/mechanisms/prfaq"
	"github.com/dayone-go/mechanisms/wbr"
	"github.com/stretchr/testify/require"
)

var jsonDir = flag.String("jsondir", "", "write each template's JSON form and manifest.json to this folder, for the Node side of .ci/bench/documents.sh")

// kind is one document kind: its template, its schema and what a Go
// program does to read it.
type kind struct {
	name     string
	template string
	schema   string // relative to the module root
	parse    func([]byte) (validator, error)
}

type validator interface{ Validate() error }

// read does what a tool does with a document: Parse, then Validate.
func (k kind) read(data []byte) error {
	doc, err := k.parse(data)
	if err != nil {
		return err
	}
	return doc.Validate()
}

// parser adapts a package's Parse to kind.parse.
func parser[T validator](parse func([]byte) (T, error)) func([]byte) (validator, error) {
	return func(data []byte) (validator, error) { return parse(data) }
}

var kinds = []kind{
	{"decision", "decision.yaml", "decision/decision.schema.json", parser(decision.Parse)},
	{"policy", "policy.yaml", "decision/policy.schema.json", parser(decision.ParsePolicy)},
	{"prfaq", "prfaq.yaml", "prfaq/prfaq.schema.json", parser(prfaq.Parse)},
	{"loop", "loop.yaml", "barraiser/loop.schema.json", parser(barraiser.Parse)},
	{"deck", "deck.yaml", "wbr/deck.schema.json", parser(wbr.Parse)},
	{"flywheel", "flywheel.yaml", "flywheel/flywheel.schema.json", parser(flywheel.Parse)},
}

// toJSON gives a template's JSON form as a person would keep it in a
// file: indented by two spaces, keys in order, text unescaped.
func toJSON(t testing.TB, k kind) []byte {
	t.Helper()
	y, err := templates.FS.ReadFile(k.template)
	require.NoError(t, err)
	v, err := strict.ToJSONValue(y, strict.Limits{})
	require.NoError(t, err, k.name)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(v))
	return b.Bytes()
}

// TestTemplatesJSON checks that each template's JSON form is a valid
// document of its kind, so the benchmarks time the path of a valid
// document; with -jsondir it writes the forms and a manifest for Node.
func TestTemplatesJSON(t *testing.T) {
	type entry struct {
		Kind   string `json:"kind"`
		File   string `json:"file"`
		Schema string `json:"schema"`
	}
	var manifest []entry
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	for _, k := range kinds {
		data := toJSON(t, k)
		require.NoError(t, k.read(data), "%s: the JSON form of %s is valid", k.name, k.template)
		if *jsonDir == "" {
			continue
		}
		require.NoError(t, os.MkdirAll(*jsonDir, 0o755))
		file := k.name + ".json"
		require.NoError(t, os.WriteFile(filepath.Join(*jsonDir, file), data, 0o644))
		manifest = append(manifest, entry{k.name, file, filepath.Join(root, k.schema)})
	}
	if *jsonDir != "" {
		b, err := json.MarshalIndent(manifest, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(*jsonDir, "manifest.json"), b, 0o644))
	}
}

// BenchmarkParseValidate reads each template's JSON form as a tool does:
// Parse, then Validate. This is the figure .ci/bench/documents.sh sets
// beside JSON.parse plus a compiled ajv validator.
func BenchmarkParseValidate(b *testing.B) {
	for _, k := range kinds {
		data := toJSON(b, k)
		b.Run(k.name, func(b *testing.B) { measure(b, data, k.read) })
	}
}

// BenchmarkParse times Parse alone, to show where BenchmarkParseValidate's
// time goes.
func BenchmarkParse(b *testing.B) {
	for _, k := range kinds {
		data := toJSON(b, k)
		b.Run(k.name, func(b *testing.B) {
			measure(b, data, func(data []byte) error {
				_, err := k.parse(data)
				return err
			})
		})
	}
}

// BenchmarkValidate times Validate alone on a parsed document.
func BenchmarkValidate(b *testing.B) {
	for _, k := range kinds {
		data := toJSON(b, k)
		doc, err := k.parse(data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(k.name, func(b *testing.B) {
			measure(b, data, func([]byte) error { return doc.Validate() })
		})
	}
}

// measure runs read on data b.N times, counting data's size per run. Besides
// wall time it reports cpu-ns/op, the process's CPU time per run (the
// garbage collector's threads included): on a machine shared with other
// work, wall time counts the time others hold the CPU, CPU time does not.
func measure(b *testing.B, data []byte, read func([]byte) error) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if err := read(data); err != nil {
			b.Fatal(err)
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	}
}
