package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/dayone-go/mechanisms/internal/strict"
)

// Every file the tool reads — a document, a policy, a deck's data, the
// configuration, a file named by a flag — goes through location.open: it
// opens regular files only, checking before it opens (so a FIFO or a
// device is never opened for reading and cannot hang the run) and again
// on the open file, and every read through it is bounded.
const (
	// maxDocBytes bounds a document (JSON, YAML, Markdown, text): the
	// packages' MaxBytes.
	maxDocBytes = strict.DefaultMaxBytes
	// maxDataBytes bounds a deck's CSV data, which wbr.ReadCSV also
	// bounds by lines and points.
	maxDataBytes = 256 << 20
)

var errNotRegular = errors.New("not a regular file")

// location is where a file lives: the OS file system (fsys nil; name is the
// path as the user gave it or as a walk joined it), the embedded templates
// (fsys set; name is slash-separated), or standard input.
type location struct {
	fsys  fs.FS
	name  string
	stdin bool
}

func osFile(name string) location { return location{name: name} }

// String is the path as the user gave it, relative to the working directory
// when they gave it relative: every output names files this way.
func (l location) String() string {
	if l.stdin {
		return "-"
	}
	return l.name
}

// dir is the folder the file is in; standard input's is the working
// directory.
func (l location) dir() location {
	switch {
	case l.stdin:
		return osFile(".")
	case l.fsys != nil:
		return location{fsys: l.fsys, name: path.Dir(l.name)}
	}
	return osFile(filepath.Dir(l.name))
}

// join names a file in folder l.
func (l location) join(name string) location {
	if l.fsys != nil {
		return location{fsys: l.fsys, name: path.Join(l.name, name)}
	}
	if l.name == "." {
		return osFile(name)
	}
	return osFile(filepath.Join(l.name, name))
}

// sibling names a file in the same folder as l.
func (l location) sibling(name string) location { return l.dir().join(name) }

// key identifies the file for caches.
func (l location) key() string {
	if l.fsys != nil {
		return "embed:" + l.name
	}
	if abs, err := filepath.Abs(l.name); err == nil {
		return abs
	}
	return l.name
}

// open opens a regular file for reading, never blocking.
func (l location) open() (io.ReadCloser, error) {
	f, _, err := l.openInfo()
	return f, err
}

// openInfo is open, also returning what the last check found of the file
// (its size for read), so that reading costs no further stat.
func (l location) openInfo() (io.ReadCloser, fs.FileInfo, error) {
	if l.stdin {
		return nil, nil, errors.New("standard input is read once, as the document")
	}
	if l.fsys != nil {
		fi, err := fs.Stat(l.fsys, l.name)
		if err != nil {
			return nil, nil, cause(err)
		}
		if !fi.Mode().IsRegular() {
			return nil, nil, notRegular(fi.Mode())
		}
		f, err := l.fsys.Open(l.name)
		return f, fi, err
	}
	fi, err := os.Stat(l.name)
	if err != nil {
		return nil, nil, cause(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, notRegular(fi.Mode())
	}
	// O_NONBLOCK: should the file be swapped for a FIFO between the check
	// and the open, the open still returns at once.
	f, err := os.OpenFile(l.name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, cause(err)
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, nil, cause(err)
		}
		return nil, nil, notRegular(fi.Mode())
	}
	return f, fi, nil
}

// exists reports whether there is a file of any type at l.
func (l location) exists() bool {
	if l.stdin {
		return false
	}
	var err error
	if l.fsys != nil {
		_, err = fs.Stat(l.fsys, l.name)
	} else {
		_, err = os.Lstat(l.name)
	}
	return err == nil
}

// read reads the whole file, refusing one over max bytes after reading at
// most max+1.
func (l location) read(max int) ([]byte, error) {
	f, fi, err := l.openInfo()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hint := 0
	if fi.Size() <= int64(max) {
		hint = int(fi.Size())
	}
	return readBounded(f, max, hint)
}

// readBounded reads r whole, refusing more than max bytes after reading at
// most max+1; hint, the size the file says it has, spares the buffer's
// growing.
func readBounded(r io.Reader, max, hint int) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, hint+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(r, int64(max)+1)); err != nil {
		return nil, err
	}
	if buf.Len() > max {
		return nil, fmt.Errorf("input is larger than the limit of %d bytes: %w", max, strict.ErrTooLarge)
	}
	return buf.Bytes(), nil
}

// stream opens the file for a reader that reads it in pieces (a CSV),
// bounded at max bytes: past it, reads fail with strict.ErrTooLarge.
func (l location) stream(max int64) (io.ReadCloser, error) {
	f, err := l.open()
	if err != nil {
		return nil, err
	}
	return &bounded{ReadCloser: f, left: max, max: max}, nil
}

type bounded struct {
	io.ReadCloser
	left, max int64
}

func (b *bounded) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells a file of exactly max bytes from a longer one.
		var one [1]byte
		if n, _ := b.ReadCloser.Read(one[:]); n > 0 {
			return 0, fmt.Errorf("input is larger than the limit of %d bytes: %w", b.max, strict.ErrTooLarge)
		}
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}

// list lists the folder l's entries, sorted by name.
func (l location) list() ([]fs.DirEntry, error) {
	if l.fsys != nil {
		return fs.ReadDir(l.fsys, l.name)
	}
	es, err := os.ReadDir(l.name)
	if err != nil {
		return nil, cause(err)
	}
	return es, nil
}

// cause strips the operation and path from an OS error: outputs name the
// file themselves, as the user gave it.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func notRegular(m fs.FileMode) error {
	what := "a special file"
	switch {
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	}
	return fmt.Errorf("%w: it is %s", errNotRegular, what)
}

// candidate reports whether a file met in a folder walk is worth reading.
func candidate(name string) bool {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/"))) {
	case ".yaml", ".yml", ".json", ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// walked is one file found in a folder walk.
type walked struct {
	loc location
	// skip, when set, says why the file is listed but not read.
	skip string
	// err is a failure to read the folder itself.
	err error
}

// walk lists the candidate files under root in name order. Hidden folders,
// node_modules and vendor are not entered; a file that is not regular (a
// FIFO, a device) is listed as skipped and never opened; a symbolic link
// is followed to a regular file, never to a folder.
func walk(root location) []walked {
	var out []walked
	visit := func(p string, d fs.DirEntry, err error, loc func(string) location, stat func(string) (fs.FileInfo, error)) error {
		if err != nil {
			out = append(out, walked{loc: loc(p), err: cause(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if loc(p).name != root.name && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "vendor") {
				return fs.SkipDir
			}
			return nil
		}
		if !candidate(d.Name()) {
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular():
			out = append(out, walked{loc: loc(p)})
		case t&fs.ModeSymlink != 0:
			fi, err := stat(p)
			switch {
			case err != nil:
				out = append(out, walked{loc: loc(p), skip: "a broken symbolic link"})
			case fi.Mode().IsRegular():
				out = append(out, walked{loc: loc(p)})
			case !fi.IsDir():
				out = append(out, walked{loc: loc(p), skip: "not a regular file"})
			}
		default:
			out = append(out, walked{loc: loc(p), skip: "not a regular file"})
		}
		return nil
	}
	if root.fsys != nil {
		_ = fs.WalkDir(root.fsys, root.name, func(p string, d fs.DirEntry, err error) error {
			return visit(p, d, err, func(p string) location { return location{fsys: root.fsys, name: p} },
				func(p string) (fs.FileInfo, error) { return fs.Stat(root.fsys, p) })
		})
	} else {
		_ = filepath.WalkDir(root.name, func(p string, d fs.DirEntry, err error) error {
			return visit(p, d, err, osFile, os.Stat)
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].loc.name < out[j].loc.name })
	return out
}
