package barraiser

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes through everything a tool does with a
// loop: no input may panic, and an evaluated loop has a known decision.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*")
	seeds = append(seeds, "../examples/templates/loop.yaml")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"cohort": [1e400]}`))
	f.Add([]byte("interviewers: &a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data)
		see(err)
		if err != nil {
			return
		}
		see(l.Validate(), Review(l, ReviewOptions{})...)
		_, _, _ = LoopAgreement(l)
		_ = Records(l)
		o, err := Evaluate(l, ReviewOptions{})
		if err != nil {
			return
		}
		if !o.Decision.Valid() {
			t.Fatalf("decision %q", o.Decision)
		}
		if err := Markdown(io.Discard, l, o); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzPairKappa checks that kappa never panics and stays within [-1, 1]
// whenever it has a value.
func FuzzPairKappa(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4}, []byte{1, 2, 4, 4}, uint8(4), uint8(3))
	f.Fuzz(func(t *testing.T, a, b []byte, k, w uint8) {
		ai, bi := make([]int, len(a)), make([]int, len(b))
		for i, x := range a {
			ai[i] = int(x % 8)
		}
		for i, x := range b {
			bi[i] = int(x % 8)
		}
		kappa, err := PairKappa(ai, bi, int(k%8), Weighting(w%4))
		if err == nil && (kappa < -1-1e-9 || kappa > 1+1e-9) {
			t.Fatalf("kappa %v out of range", kappa)
		}
	})
}
