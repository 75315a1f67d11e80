package decision

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var today = Date{Year: 2026, Month: 11, Day: 26}

func TestLoadLogDirectory(t *testing.T) {
	l, err := LoadLog(os.DirFS("testdata"), "log")
	require.NoError(t, err)
	require.Len(t, l.Entries, 3, "README.md is not a decision")
	assert.Equal(t, "log/0001-one-database.yaml", l.Entries[0].Source)
	assert.Equal(t, "log/0003-event-bus.json", l.Entries[2].Source)
	fs, err := l.Check(today, ReviewOptions{})
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, RuleReviewOverdue, fs[0].Rule)
	assert.Equal(t, "/1/reviewBy", fs[0].Path)
	assert.Contains(t, fs[0].Message, "log/0002-database-per-service.yaml: ADR-0002 was due for review on 2026-01-10, 320 days ago")
	src, ptr := l.Locate(fs[0].Path)
	assert.Equal(t, "log/0002-database-per-service.yaml", src)
	assert.Equal(t, "/reviewBy", ptr)
	assert.Equal(t, "ADR-0003", l.Find("ADR-0003").ID)
	assert.Nil(t, l.Find("ADR-9"))

	// The day of the review itself is not overdue.
	fs, err = l.Check(Date{Year: 2026, Month: 1, Day: 10}, ReviewOptions{})
	require.NoError(t, err)
	assert.Empty(t, fs)
}

// rec builds a valid accepted record with the given links.
func rec(id string, status Status, links *Links) *Decision {
	d := sample()
	d.ID, d.Status, d.Links = id, status, links
	return d
}

type logCase struct {
	name string
	log  *Log
	path string
	rule string
	msg  string
}

func logCases() []logCase {
	return []logCase{
		{"duplicate id", NewLog(rec("A", Accepted, nil), rec("B", Accepted, nil), rec("A", Accepted, nil)),
			"/2/id", RuleDuplicateID, `#3: id "A" is already used by #1`},
		{"missing target", NewLog(rec("A", Accepted, &Links{Related: []string{"B", "Z"}}), rec("B", Accepted, &Links{Related: []string{"A"}})),
			"/0/links/related/1", RuleUnknownReference, `#1: links to "Z", which is not in the log`},
		{"missing amends target", NewLog(rec("A", Accepted, &Links{Amends: []string{"Q"}})),
			"/0/links/amends/0", RuleUnknownReference, `#1: links to "Q", which is not in the log`},
		{"supersedes not answered", NewLog(rec("A", Accepted, &Links{Supersedes: []string{"B"}}), rec("B", Deprecated, nil)),
			"/0/links/supersedes/0", "link-reciprocal", "#1: A supersedes B, but B does not name A in supersededBy"},
		{"supersededBy not answered", NewLog(rec("A", Accepted, nil), rec("B", Superseded, &Links{SupersededBy: "A"})),
			"/1/links/supersededBy", "link-reciprocal", "#2: B names A as its successor, but A does not list B in supersedes"},
		{"related one way", NewLog(rec("A", Accepted, &Links{Related: []string{"B"}}), rec("B", Accepted, nil)),
			"/0/links/related/0", "link-reciprocal", "#1: A is related to B, but B does not list A in related"},
		{"successor still a draft", NewLog(rec("A", Draft, nil), rec("B", Superseded, &Links{SupersededBy: "A"})),
			"/1/links/supersededBy", "supersede-status", "#2: the successor A is still draft; a decision is superseded only by an accepted one"},
		{"draft supersedes", NewLog(rec("A", Draft, &Links{Supersedes: []string{"B"}}), rec("B", Superseded, &Links{SupersededBy: "A"})),
			"/0/links/supersedes", "supersede-status", "#1: a draft decision cannot supersede others; accept it first"},
		{"superseded names no successor", NewLog(rec("A", Superseded, nil)),
			"/0/links/supersededBy", "superseded-successor", "#1: a superseded decision must name its successor"},
		{"cycle of two", NewLog(
			rec("A", Superseded, &Links{Supersedes: []string{"B"}, SupersededBy: "B"}),
			rec("B", Superseded, &Links{Supersedes: []string{"A"}, SupersededBy: "A"})),
			"/0/links", "supersede-cycle", "#1: decisions A, B supersede one another in a cycle"},
		{"cycle of three through one-sided links", NewLog(
			rec("C", Accepted, &Links{Supersedes: []string{"A"}}),
			rec("A", Accepted, &Links{Supersedes: []string{"B"}}),
			rec("B", Accepted, &Links{Supersedes: []string{"C"}}),
			rec("C2", Accepted, nil),
			rec("X", Superseded, &Links{SupersededBy: "C2"})),
			"/0/links", "supersede-cycle", "#1: decisions C, A, B supersede one another in a cycle"},
		{"nil entry", &Log{Entries: []Entry{{Source: "x.yaml"}}}, "/0", "required", "x.yaml: no decision"},
	}
}

func TestLogProblems(t *testing.T) {
	for _, tc := range logCases() {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.log.Check(today, ReviewOptions{})
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "decision log", ve.Kind)
			assert.Contains(t, ve.Problems, Problem{Path: tc.path, Rule: tc.rule, Message: tc.msg}, "%v", ve)
		})
	}
}

func TestLogWithoutProblems(t *testing.T) {
	l := NewLog(
		rec("A", Superseded, &Links{SupersededBy: "B", Related: []string{"C"}}),
		rec("B", Accepted, &Links{Supersedes: []string{"A"}}),
		rec("C", Accepted, &Links{Related: []string{"A"}, Amends: []string{"B"}}),
	)
	fs, err := l.Check(today, ReviewOptions{})
	assert.NoError(t, err)
	assert.Empty(t, fs)
	var nilLog *Log
	fs, err = nilLog.Check(today, ReviewOptions{})
	assert.NoError(t, err)
	assert.Nil(t, fs)
	src, ptr := l.Locate("/7/id")
	assert.Empty(t, src+ptr)
	src, _ = l.Locate("/x/id")
	assert.Empty(t, src)
}

func TestLoadLogReportsEveryBadFile(t *testing.T) {
	good, err := os.ReadFile("testdata/valid/two-way-pricing.yaml")
	require.NoError(t, err)
	fsys := fstest.MapFS{
		"d/a.yaml":     {Data: good},
		"d/b.yml":      {Data: []byte("id: [\n")},
		"d/c.JSON":     {Data: []byte(`{"id": "x", "colour": 1}`)},
		"d/big.yaml":   {Data: []byte(strings.Repeat("#", MaxBytes+1))},
		"d/sub/x.yaml": {Data: []byte("not read")},
		"d/notes.txt":  {Data: []byte("ignored")},
	}
	l, err := LoadLog(fsys, "d")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "d/b.yml: decision: line")
	assert.Contains(t, err.Error(), `d/c.JSON: decision: line 1, column 13: /colour: unknown key "colour"`)
	assert.Contains(t, err.Error(), "d/big.yaml: decision: /: input is larger than the limit")
	assert.ErrorIs(t, err, strict.ErrTooLarge)
	require.Len(t, l.Entries, 1)
	assert.Equal(t, "d/a.yaml", l.Entries[0].Source)

	_, err = LoadLog(fsys, "missing")
	assert.Error(t, err)
}

func TestLoadLogRefusesTooManyFiles(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range MaxLogFiles + 1 {
		fsys[fmt.Sprintf("d/%05d.yaml", i)] = &fstest.MapFile{Data: []byte("x")}
	}
	_, err := LoadLog(fsys, "d")
	assert.ErrorIs(t, err, ErrTooManyFiles)
}

func TestDateOf(t *testing.T) {
	loc := time.FixedZone("UTC+14", 14*3600)
	// 2026-11-26 11:00 UTC is already the 27th in UTC+14.
	tm := time.Date(2026, 11, 26, 11, 0, 0, 0, time.UTC)
	assert.Equal(t, today, DateOf(tm))
	assert.Equal(t, Date{Year: 2026, Month: 11, Day: 27}, DateOf(tm.In(loc)))
}
