package flywheel

import (
	"bufio"
	"fmt"
	"io"
)

// output buffers a renderer's writes and keeps the first error, so a
// renderer writes as it goes and reports a failed write once, at the end.
type output struct {
	w *bufio.Writer
}

func newOutput(w io.Writer) *output { return &output{w: bufio.NewWriterSize(w, 32<<10)} }

func (o *output) printf(format string, args ...any) { fmt.Fprintf(o.w, format, args...) }

func (o *output) str(s string) { o.w.WriteString(s) }

// close flushes what is buffered and returns the first write error.
func (o *output) close() error { return o.w.Flush() }
