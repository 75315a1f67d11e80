package finding

import (
	"testing"

	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
)

func TestSeverityAndSort(t *testing.T) {
	assert.Less(t, Info.Rank(), Warning.Rank())
	assert.Less(t, Warning.Rank(), Error.Rank())
	assert.Zero(t, Severity("fatal").Rank())
	var s Severity
	assert.Error(t, s.UnmarshalText([]byte("fatal")))
	assert.NoError(t, s.UnmarshalText([]byte("warning")))
	assert.Equal(t, Warning, s)

	fs := []Finding{
		{Rule: "b", Path: "/x", Start: 5},
		{Rule: "a", Path: "/x", Start: 5},
		{Rule: "z", Path: "/a", Start: 9},
		{Rule: "c", Path: "/x", Start: 1},
		{Rule: "n", Path: "/m/10"},
		{Rule: "n", Path: "/m/4"},
	}
	Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Path+f.Rule)
	}
	assert.Equal(t, []string{"/az", "/m/4n", "/m/10n", "/xc", "/xa", "/xb"}, got)
}

func TestPlace(t *testing.T) {
	src := []byte("title: T\nrisks:\n  - impact: 9\n")
	fs := []Finding{{Path: "/risks/0/impact"}, {Path: "/missing"}, {Line: 7, Column: 3}}
	Place(src, fs)
	assert.Equal(t, [2]int{3, 13}, [2]int{fs[0].Line, fs[0].Column})
	assert.Equal(t, [2]int{1, 1}, [2]int{fs[1].Line, fs[1].Column}, "a missing key is placed at its parent")
	assert.Equal(t, [2]int{7, 3}, [2]int{fs[2].Line, fs[2].Column}, "findings without a path keep their place")
}

func TestPlaceInAgreesWithPlace(t *testing.T) {
	src := []byte("title: T\nrisks:\n  - impact: 9\n")
	doc, err := strict.ParseDocument(src, strict.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	a := []Finding{{Path: "/risks/0/impact"}, {Path: "/title"}}
	b := append([]Finding(nil), a...)
	Place(src, a)
	PlaceIn(doc, b)
	assert.Equal(t, a, b)
	assert.Equal(t, []string{"title", "risks"}, doc.Keys())
}
