package wbr

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromiumEnv names the Chromium binary the browser test must use; when it
// is set the test fails instead of skipping if the browser cannot run.
// .ci/chromium.sh sets it. WBR_CHROMIUM_OUT, when set, is a folder the test
// copies its page, screenshot and PDFs into for a person to look at.
const chromiumEnv = "WBR_CHROMIUM"

// chromium returns the browser to run, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	bin := os.Getenv(chromiumEnv)
	required := bin != ""
	if !required {
		bin = "/usr/bin/chromium"
		if testing.Short() {
			t.Skip("the browser test is skipped in -short mode; set " + chromiumEnv + " to run it")
		}
	}
	if _, err := os.Stat(bin); err != nil {
		if required {
			t.Fatalf("%s=%s: %v", chromiumEnv, bin, err)
		}
		t.Skipf("no Chromium at %s: install Debian's chromium package (.ci/chromium.sh does) or set %s to run the browser test", bin, chromiumEnv)
	}
	return bin
}

// runChromium runs headless Chromium on url with the extra flags, as root
// and offline, and returns its standard output and its log (standard
// error), where console messages appear.
func runChromium(t *testing.T, bin, url string, flags ...string) (stdout, log string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0",
	}, flags...)
	cmd := exec.CommandContext(ctx, bin, append(args, url)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	require.NoError(t, cmd.Run(), "chromium %v:\n%s", flags, errb.String())
	return out.String(), errb.String()
}

// consoleLine matches what Chromium logs for a page's console message or
// uncaught error, a refused fetch (a content security policy violation is
// a console error) included.
var consoleLine = regexp.MustCompile(`(?m)^.*(CONSOLE|Uncaught|Refused to).*$`)

// TestHTMLInChromium opens the template deck's page in headless Chromium:
// no console message, one chart per metric in the rendered DOM, a
// screenshot, and a PDF printed on A4 and on Letter.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	r := sampleReport(t)
	page := htmlOf(t, r)
	dir := t.TempDir()
	path := filepath.Join(dir, "wbr.html")
	require.NoError(t, os.WriteFile(path, page, 0o644))
	url := "file://" + path
	shown := 0
	for _, s := range r.Sections {
		shown += len(s.Metrics)
	}

	// A control: the log shows a blocked fetch and an uncaught error, so
	// an empty log below means the page raised none.
	bad := filepath.Join(dir, "bad.html")
	require.NoError(t, os.WriteFile(bad, []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"/></head>`+
		`<body><img src="http://example.invalid/x.png"/><script>missing();</script></body></html>`), 0o644))
	_, log := runChromium(t, bin, "file://"+bad, "--dump-dom")
	require.Len(t, consoleLine.FindAllString(log, -1), 2, "the console check must see a refused fetch and an uncaught error:\n%s", log)

	dom, log := runChromium(t, bin, url, "--dump-dom")
	assert.Empty(t, consoleLine.FindAllString(log, -1), "console messages")
	assert.Equal(t, shown, strings.Count(dom, "<svg"), "one chart per metric in the rendered page")
	assert.Contains(t, dom, "Online store weekly business review")
	assert.NotContains(t, dom, "<script")

	png := filepath.Join(dir, "wbr.png")
	_, log = runChromium(t, bin, url, "--window-size=1100,2400", "--screenshot="+png)
	assert.Empty(t, consoleLine.FindAllString(log, -1), "console messages")
	shot, err := os.ReadFile(png)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(shot, []byte("\x89PNG\r\n\x1a\n")), "a PNG screenshot")
	assert.Greater(t, len(shot), 10_000)

	// The page leaves the paper size to the printer; print it on both
	// sizes by adding the one rule a print dialog would set.
	pdfs := map[string]string{}
	for _, paper := range []struct {
		name, size string
		box        *regexp.Regexp // the page's MediaBox in points
	}{
		{"a4", "A4", regexp.MustCompile(`/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]`)},
		{"letter", "letter", regexp.MustCompile(`/MediaBox \[0 0 612 792\]`)},
	} {
		sized := filepath.Join(dir, "wbr-"+paper.name+".html")
		require.NoError(t, os.WriteFile(sized, bytes.Replace(page, []byte("</head>"), []byte("<style>@page { size: "+paper.size+"; }</style>\n</head>"), 1), 0o644))
		pdf := filepath.Join(dir, "wbr-"+paper.name+".pdf")
		_, log = runChromium(t, bin, "file://"+sized, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
		assert.Empty(t, consoleLine.FindAllString(log, -1), "console messages")
		doc, err := os.ReadFile(pdf)
		require.NoError(t, err)
		require.True(t, bytes.HasPrefix(doc, []byte("%PDF")), "a PDF on %s", paper.name)
		assert.Greater(t, len(doc), 10_000)
		assert.Regexp(t, paper.box, string(doc), "printed on %s", paper.name)
		pages := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(doc, -1))
		assert.GreaterOrEqual(t, pages, shown, "each metric starts a page when printed")
		t.Logf("%s: %d pages, %d bytes", paper.name, pages, len(doc))
		pdfs[paper.name] = pdf
	}

	// Hostile deck text stays text in the browser: no element it names
	// exists, and the page raises nothing.
	hostile := filepath.Join(dir, "hostile.html")
	require.NoError(t, os.WriteFile(hostile, htmlOf(t, hostileReport(t)), 0o644))
	dom, log = runChromium(t, bin, "file://"+hostile, "--dump-dom")
	assert.Empty(t, consoleLine.FindAllString(log, -1), "console messages")
	assert.NotContains(t, dom, "<script")
	assert.NotContains(t, dom, "<b>")
	assert.Contains(t, dom, "&lt;/text&gt;&lt;script&gt;alert('x')&lt;/script&gt;")
	assert.Equal(t, 3, strings.Count(dom, "<svg"))

	if out := os.Getenv("WBR_CHROMIUM_OUT"); out != "" {
		require.NoError(t, os.MkdirAll(out, 0o755))
		for _, f := range []string{path, png, pdfs["a4"], pdfs["letter"]} {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(out, filepath.Base(f)), b, 0o644))
		}
	}
}
