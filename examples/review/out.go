package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// outStem is the folder under -out that a document's renderings go to: its
// path as given without the extension, kept inside the output folder.
func outStem(file string) string {
	if file == "-" {
		return "stdin"
	}
	p := filepath.ToSlash(strings.TrimPrefix(file, filepath.VolumeName(file)))
	var segs []string
	for _, s := range strings.Split(p, "/") {
		switch s {
		case "", ".":
			continue
		case "..":
			s = "_"
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return "_"
	}
	return strings.Join(segs, "/")
}

func withoutExt(stem string) string {
	if ext := path.Ext(stem); ext != "" && ext != stem {
		return strings.TrimSuffix(stem, ext)
	}
	return stem
}

// outDirs gives each document with renderings the folder under -out they
// go to, as a slash path: its path as given without the extension; when
// two inputs would share that folder (a.decision.yaml and a.decision.json)
// each keeps its extension instead.
func outDirs(docs []*doc) map[*doc]string {
	stems := map[string]int{}
	for _, d := range docs {
		if len(d.Files) > 0 {
			stems[withoutExt(outStem(d.File))]++
		}
	}
	dirs := map[*doc]string{}
	for _, d := range docs {
		if len(d.Files) == 0 {
			continue
		}
		stem := withoutExt(outStem(d.File))
		if stems[stem] > 1 {
			stem = outStem(d.File)
		}
		dirs[d] = stem
	}
	return dirs
}

// target is one file -out writes, and the input it comes from.
type target struct {
	path string
	from string
	data []byte
}

// planOut lists every file -out writes. A document's renderings go under
// its path without the extension; when two inputs would share that folder
// (a.decision.yaml and a.decision.json) each keeps its extension instead.
// Two inputs that would still write the same file are an error naming
// both, and nothing is written over another input's output.
func planOut(out string, docs []*doc, groups []group) ([]target, error) {
	dirs := outDirs(docs)
	var ts []target
	add := func(dir, from string, files map[string][]byte) error {
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			rel := path.Clean("/" + filepath.ToSlash(n))[1:]
			if rel == "" || strings.Contains(rel, "\x00") {
				return fmt.Errorf("%s: cannot write a rendering named %q", from, n)
			}
			ts = append(ts, target{path: filepath.Join(out, filepath.FromSlash(dir), filepath.FromSlash(rel)), from: from, data: files[n]})
		}
		return nil
	}
	for _, d := range docs {
		if err := add(dirs[d], d.File, d.Files); err != nil {
			return nil, err
		}
	}
	for _, g := range groups {
		if err := add(outStem(g.Folder), g.Folder+" ("+g.Kind+")", g.Files); err != nil {
			return nil, err
		}
	}
	owner := map[string]string{}
	for _, t := range ts {
		key := strings.ToLower(t.path) // case-insensitive file systems collide too
		if o, ok := owner[key]; ok && o != t.from {
			return nil, fmt.Errorf("%s and %s would both write %s; review them in separate runs or rename one", clean(o), clean(t.from), clean(t.path))
		}
		owner[key] = t.from
	}
	return ts, nil
}

// writeOut writes every rendering, trying every file, and returns each
// distinct failure once: an -out that is a file is one failure, not one
// per rendering.
func writeOut(out string, docs []*doc, groups []group) []error {
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return []error{fmt.Errorf("-out %s: not a directory", out)}
	}
	ts, err := planOut(out, docs, groups)
	if err != nil {
		return []error{err}
	}
	var errs []error
	seen := map[string]bool{}
	note := func(err error) {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			errs = append(errs, err)
		}
	}
	for _, t := range ts {
		if err := os.MkdirAll(filepath.Dir(t.path), 0o755); err != nil {
			note(err)
			continue
		}
		note(os.WriteFile(t.path, t.data, 0o644))
	}
	return errs
}
