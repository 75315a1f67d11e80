package validation_test

import (
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/dayone-go/mechanisms/internal/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The types below use the tags in the ways the documents do not yet: the
// differential sweep runs on them too, so the compiled plan matches the
// validator beyond what today's documents need.

type leaf struct {
	N    int     `json:"n" validate:"gt=0,lt=10"`
	Name string  `validate:"required,len=2"`
	Opt  *string `json:"opt" validate:"omitempty,min=2"`
}

type Base struct {
	Code string `json:"code" validate:"required,max=3"`
}

type keyed struct {
	ID   string
	Note string `validate:"max=4"`
}

type odd struct {
	Base
	Ptr       *int          `json:"ptr" validate:"required,min=2"`
	PtrPtr    **string      `validate:"omitempty,max=3"`
	NilFails  *float64      `json:"nilFails" validate:"gte=1"`
	Small     uint8         `validate:"max=10"`
	F32       float32       `validate:"lt=0.1"`
	Wait      time.Duration `validate:"max=1s"`
	Arr       [3]string     `validate:"dive,required"`
	Grid      [][]string    `json:"grid" validate:"max=3,dive,max=2,dive,min=1"`
	Ints      []int         `validate:"unique"`
	Floats    []*float64    `validate:"unique"`
	One       int           `validate:"oneof=1 2 3"`
	Unsigned  uint          `validate:"oneof=0 7"`
	Quoted    string        `validate:"oneof='a b' c"`
	Comma     string        `validate:"oneof=a0x2Cb c"`
	When      string        `json:"when"`
	Num       int           `json:"num"`
	Flag      bool          `json:"flag"`
	Maybe     []string      `json:"maybe"`
	MaybeP    *string
	Cond      string         `json:"cond" validate:"required_unless=When yes"`
	CondPtr   *leaf          `json:"condPtr" validate:"required_unless=When yes,omitempty,required"`
	CondNum   *int           `validate:"required_unless=Num 3"`
	CondFlag  []string       `validate:"required_unless=Flag true,omitempty,min=1"`
	CondMaybe string         `validate:"required_unless=Maybe nil"`
	CondP     string         `validate:"required_unless=MaybeP nil MaybeP abc Maybe 2"`
	CondQ     string         `validate:"required_unless=MaybeP abc"`
	CondNot   string         `validate:"required_unless=Flag false"`
	CondTwo   string         `validate:"required_unless=When a Num 4"`
	Missing   string         `validate:"required_unless=Nope x"`
	At        time.Time      `validate:"required"`
	Plain     leaf           `json:"plain"`
	PlainPtr  *leaf          `json:"plainPtr"`
	Leaves    []*leaf        `json:"leaves" validate:"omitempty,min=1,dive"`
	Required  leaf           `validate:"required"`
	Counts    map[string]int `validate:"max=1,unique"`
	Gt        int            `validate:"gt=0"`
	ByID      []keyed        `validate:"unique=ID,dive"`
	ListPtr   *[]string      `validate:"dive,min=1"`
	Color     color          `validate:"enum"`
	Colors    []color        `validate:"dive,enum"`
	Shade     shade          `validate:"required,enum"`
	ShadePtr  *shade         `validate:"omitempty,enum"`
	Skipped   string         `validate:"-"`
	hidden    string         //nolint:unused // the validator never looks at it
}

type color string

func (c color) Valid() bool      { return c == "red" || c == "blue" }
func (c color) Values() []string { return []string{"red", "blue"} }
func (s *shade) Valid() bool     { return s != nil && (*s == "dark" || *s == "light") }
func (s shade) Values() []string { return []string{"dark", "light"} }

type shade string

// fallbacks use what the compiler leaves to the validator.
type fallbacks struct {
	ByKey map[string]leaf `validate:"dive"`
}

type either struct {
	Who string `validate:"email|url"`
}

type anything struct {
	X any
}

func filledOdd() *odd {
	i, s, f, dark := 5, "abc", 1.5, shade("dark")
	ps := &s
	return &odd{
		Base: Base{Code: "ab"}, Ptr: &i, PtrPtr: &ps, NilFails: &f, Small: 3, F32: 0.05, Wait: time.Millisecond,
		Arr: [3]string{"a", "b", "c"}, Grid: [][]string{{"a"}, {"b", "c"}}, Ints: []int{1, 2}, Floats: []*float64{&f, nil},
		One: 2, Unsigned: 7, Quoted: "a b", Comma: "a,b", When: "yes", Num: 3, Flag: true, MaybeP: &s,
		Color: "red", Colors: []color{"blue"}, Shade: "dark", ShadePtr: &dark,
		At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Plain: leaf{N: 1, Name: "xy"}, PlainPtr: &leaf{N: 2, Name: "zz", Opt: &s},
		Leaves: []*leaf{{N: 3, Name: "ab"}, nil}, Required: leaf{N: 4, Name: "cd"}, Counts: map[string]int{"a": 1}, Gt: 1,
		ByID: []keyed{{ID: "a"}, {ID: "b", Note: "n"}}, ListPtr: &[]string{"a"}, Skipped: "", hidden: "",
	}
}

// TestOddTypesMatchReference sweeps mutations of values of the odd types
// through both engines.
func TestOddTypesMatchReference(t *testing.T) {
	assert.NoError(t, validation.Compiled(reflect.TypeFor[odd]()))
	for _, typ := range []reflect.Type{reflect.TypeFor[fallbacks](), reflect.TypeFor[either](), reflect.TypeFor[anything]()} {
		assert.Error(t, validation.Compiled(typ), "%s falls back", typ)
	}
	docs := []any{
		filledOdd(), &odd{}, &fallbacks{ByKey: map[string]leaf{"a": {}}}, &either{Who: "x"}, &anything{X: leaf{}},
	}
	for _, doc := range docs {
		sameByValue(t, doc, "as built")
		sites := sitesOf(reflect.ValueOf(doc).Elem())
		for _, site := range sites {
			for _, m := range mutationsOf(site.Type()) {
				undo := apply(site, m)
				same(t, doc, m.name+" at "+site.Type().String())
				undo()
			}
		}
		r := rand.New(rand.NewPCG(uint64(len(sites)), 3))
		for range 300 {
			mutateMany(t, r, doc, sites, 1+r.IntN(8), "odd")
		}
	}
	// Odd arguments: the validator's own error.
	unnamed := &struct {
		X string `validate:"required"`
		Y leaf
	}{}
	for _, s := range []any{nil, 3, (*odd)(nil), time.Now(), new(*odd), unnamed, *unnamed} {
		assert.Equal(t, validation.Reference(s), validation.Struct(s))
	}
}

// TestStructConcurrently: plans are compiled and run from many goroutines
// at once (run with -race).
func TestStructConcurrently(t *testing.T) {
	type fresh struct {
		Leaves []leaf `validate:"min=1,dive"`
	}
	want := validation.Reference(&fresh{Leaves: []leaf{{}, {N: 1, Name: "ab"}}})
	require.Len(t, want, 2)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				assert.Equal(t, want, validation.Struct(&fresh{Leaves: []leaf{{}, {N: 1, Name: "ab"}}}))
			}
		})
	}
	wg.Wait()
}
