package flywheel

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var dotString = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

func TestDOTEscapesLabels(t *testing.T) {
	out := string(out(hostileWheel().DOT))
	// Every quoted string must unquote to a label or a known attribute:
	// a label that closed its quote early would leave stray text.
	var labels []string
	rest := dotString.ReplaceAllStringFunc(out, func(q string) string {
		s := strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n").Replace(q[1 : len(q)-1])
		labels = append(labels, s)
		return `""`
	})
	for _, h := range hostile {
		want := strings.ReplaceAll(h, "\x01", " ")
		assert.Contains(t, labels, want)
	}
	assert.NotContains(t, rest, "script")
	assert.NotContains(t, rest, "evil")
	// Outside quotes only DOT syntax remains, one statement per line.
	for _, line := range strings.Split(strings.TrimSpace(rest), "\n") {
		assert.Regexp(t, `^(digraph flywheel \{|\}|  [a-z]+=[a-z0-9#"]+;|  (node|edge) \[.*\];|  n\d+ \[label="", shape=[a-z]+\];|  n\d+ -> n\d+ \[label="", .*\];)$`, line)
	}
}

var entity = regexp.MustCompile(`#(quot|\d+);`)

func TestMermaidEscapesLabels(t *testing.T) {
	out := string(out(hostileWheel().Mermaid))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Equal(t, "flowchart LR", lines[0])
	var labels []string
	for _, line := range lines[1:] {
		if strings.HasPrefix(line, "  %% ") {
			assert.NotContains(t, line, "%%{", "a comment must not become a directive")
			continue
		}
		m := regexp.MustCompile(`^  n\d+(?:\("|\["|\[/")([^"\[\]<>|]*)(?:"\)|"\]|"/\])$|^  n\d+ -\.?->\|"([^"\[\]<>|]*)"\| n\d+$|^  linkStyle [\d,]+ stroke:#cf222e,color:#cf222e$`).FindStringSubmatch(line)
		require.NotNil(t, m, "unexpected Mermaid line %q", line)
		if m[1] != "" {
			labels = append(labels, entity.ReplaceAllStringFunc(m[1], func(e string) string {
				if e == "#quot;" {
					return `"`
				}
				n, _ := strconv.Atoi(e[1 : len(e)-1])
				return string(rune(n))
			}))
		}
	}
	for _, h := range hostile {
		assert.Contains(t, labels, strings.NewReplacer("\n", " ", "\x01", " ").Replace(h))
	}
}

// TestDOTParsesWithGraphviz hands the hostile wheel to Graphviz when it is
// installed: the file must parse and every label come out as text.
func TestDOTParsesWithGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz is not installed")
	}
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = bytes.NewReader(out(hostileWheel().DOT))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	assert.Empty(t, stderr.String())
	assert.Contains(t, string(out), "&lt;/svg&gt;&lt;script&gt;")
	assert.Contains(t, string(out), `back\slash \N \l`)
}
