package barraiser

import (
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestZScoresGolden(t *testing.T) {
	// From the issue: [1, 2, 3] with population σ = sqrt(2/3) gives
	// -1.2247, 0, 1.2247 (±sqrt(3/2)).
	got := ZScores([]float64{1, 2, 3})
	require.Len(t, got, 3)
	assert.InDelta(t, -1.2247, got[0], 5e-5)
	assert.InDelta(t, 0, got[1], 1e-12)
	assert.InDelta(t, 1.2247, got[2], 5e-5)
	assert.InDelta(t, math.Sqrt(1.5), got[2], 1e-12)

	assert.Equal(t, []float64{0, 0, 0}, ZScores([]float64{2, 2, 2}), "no spread, no one stands out")
	assert.Empty(t, ZScores(nil))
}

// records builds n loops of four interviewers: "kind" rates 4, "harsh"
// rates 1, "mid1" and "mid2" rate 2 or 3 and always vote alike.
func calibrationRecords(n int) []Record {
	var rs []Record
	for i := range n {
		loop := fmt.Sprintf("loop-%d", i)
		mid := 2 + i%2
		vote := NotInclined
		if mid == 3 {
			vote = Inclined
		}
		rs = append(rs,
			Record{Loop: loop, Interviewer: "kind", Vote: StronglyInclined, Scores: []int{4, 4, 4}},
			Record{Loop: loop, Interviewer: "harsh", Vote: StronglyNotInclined, Scores: []int{1, 1, 1}},
			Record{Loop: loop, Interviewer: "mid1", Vote: vote, Scores: []int{mid, mid, mid}},
			Record{Loop: loop, Interviewer: "mid2", Vote: vote, Scores: []int{mid, mid, mid}},
		)
	}
	return rs
}

func TestCalibrateLeniency(t *testing.T) {
	rs := calibrationRecords(10)
	c, err := Calibrate(rs, CalibrationOptions{})
	require.NoError(t, err)
	assert.Equal(t, 40, c.Records)
	assert.Equal(t, 120, c.Ratings)

	// The z-score of each interviewer must equal the mean of the z-scores
	// of their own ratings, computed the slow way.
	var all []float64
	var who []string
	for _, r := range rs {
		for _, s := range r.Scores {
			all = append(all, float64(s))
			who = append(who, r.Interviewer)
		}
	}
	z := ZScores(all)
	want := map[string]float64{}
	count := map[string]float64{}
	for i, id := range who {
		want[id] += z[i]
		count[id]++
	}
	leaning := map[string]Leaning{}
	for _, ic := range c.Interviewers {
		assert.InDelta(t, want[ic.Interviewer]/count[ic.Interviewer], ic.Z, 1e-12, ic.Interviewer)
		assert.True(t, ic.Trusted)
		leaning[ic.Interviewer] = ic.Leaning
	}
	assert.Equal(t, map[string]Leaning{"kind": Lenient, "harsh": Severe, "mid1": Typical, "mid2": Typical}, leaning)
	assert.Equal(t, []string{"harsh", "kind", "mid1", "mid2"}, []string{c.Interviewers[0].Interviewer, c.Interviewers[1].Interviewer, c.Interviewers[2].Interviewer, c.Interviewers[3].Interviewer})
}

func TestCalibrateMinimumSample(t *testing.T) {
	c, err := Calibrate(calibrationRecords(3), CalibrationOptions{MinRatings: 10})
	require.NoError(t, err)
	for _, ic := range c.Interviewers {
		assert.Equal(t, 9, ic.Ratings)
		assert.False(t, ic.Trusted)
		assert.Equal(t, TooFew, ic.Leaning)
	}
	c, err = Calibrate(calibrationRecords(3), CalibrationOptions{MinRatings: 9})
	require.NoError(t, err)
	assert.True(t, c.Interviewers[0].Trusted)
}

func TestCalibrateAgreement(t *testing.T) {
	c, err := Calibrate(calibrationRecords(10), CalibrationOptions{})
	require.NoError(t, err)
	got := map[string]PairAgreement{}
	for _, p := range c.Pairs {
		got[p.A+"/"+p.B] = p
		assert.Less(t, p.A, p.B)
		assert.Equal(t, 10, p.Shared)
	}
	require.Len(t, got, 6)
	// mid1 and mid2 always vote alike, and their votes vary: kappa 1.
	assert.InDelta(t, 1, got["mid1/mid2"].Kappa, 1e-12)
	assert.Equal(t, AlmostPerfect, got["mid1/mid2"].Band)
	// kind and harsh never vary and never agree: what they share is what
	// chance predicts, kappa 0.
	assert.InDelta(t, 0, got["harsh/kind"].Kappa, 1e-12)
	assert.Equal(t, Slight, got["harsh/kind"].Band)
	assert.Equal(t, 10, c.Votes.Loops)
	assert.NotEqual(t, Undefined, c.Votes.Band)

	c, err = Calibrate(calibrationRecords(4), CalibrationOptions{})
	require.NoError(t, err)
	assert.Empty(t, c.Pairs, "4 shared loops are below the default minimum of 5")
}

func TestCalibrateRefusesBadRecords(t *testing.T) {
	cases := map[string]Record{
		"vote":        {Loop: "l", Interviewer: "a", Vote: "maybe", Scores: []int{3}},
		"score":       {Loop: "l", Interviewer: "a", Vote: Inclined, Scores: []int{5}},
		"zero score":  {Loop: "l", Interviewer: "a", Vote: Inclined, Scores: []int{0}},
		"no loop":     {Interviewer: "a", Vote: Inclined},
		"no reviewer": {Loop: "l", Vote: Inclined},
	}
	for name, r := range cases {
		_, err := Calibrate([]Record{{Loop: "l", Interviewer: "b", Vote: Inclined}, r}, CalibrationOptions{})
		assert.ErrorContains(t, err, "record 1", name)
	}
	_, err := Calibrate([]Record{{Loop: "l", Interviewer: "a", Vote: Inclined}, {Loop: "l", Interviewer: "a", Vote: Inclined}}, CalibrationOptions{})
	assert.ErrorContains(t, err, "second record")
	_, err = Calibrate(nil, CalibrationOptions{Weighting: 9})
	assert.Error(t, err)
	c, err := Calibrate(nil, CalibrationOptions{})
	require.NoError(t, err)
	assert.Equal(t, Undefined, c.Votes.Band)
}

func TestRecordsFromLoops(t *testing.T) {
	b, err := os.ReadFile("testdata/valid/hire.json")
	require.NoError(t, err)
	l, err := Parse(b)
	require.NoError(t, err)
	rs := Records(l, nil, l)
	require.Len(t, rs, 2*len(l.Feedback))
	assert.Equal(t, "0:Sam Doe", rs[0].Loop)
	assert.Equal(t, "2:Sam Doe", rs[len(l.Feedback)].Loop)
	assert.Equal(t, []int{3, 3}, rs[0].Scores)
	c, err := Calibrate(rs, CalibrationOptions{MinShared: 2})
	require.NoError(t, err)
	assert.Len(t, c.Pairs, 6, "four interviewers, two shared loops")
}

func TestCalibratePairWithoutVariationIsUndefined(t *testing.T) {
	var rs []Record
	for i := range 5 {
		loop := fmt.Sprint(i)
		rs = append(rs, Record{Loop: loop, Interviewer: "a", Vote: Inclined}, Record{Loop: loop, Interviewer: "b", Vote: Inclined})
	}
	c, err := Calibrate(rs, CalibrationOptions{})
	require.NoError(t, err)
	require.Len(t, c.Pairs, 1)
	assert.Equal(t, Undefined, c.Pairs[0].Band)
	assert.Zero(t, c.Pairs[0].Kappa)
	assert.Equal(t, TooFew, c.Interviewers[0].Leaning, "no ratings at all")

	for i := range rs {
		rs[i].Scores = []int{3}
	}
	c, err = Calibrate(rs, CalibrationOptions{MinRatings: 5})
	require.NoError(t, err)
	assert.Equal(t, Constant, c.Interviewers[0].Leaning, "every rating equal")
	assert.Zero(t, c.StdDev)
}

func TestCalibrateIgnoresRecordOrder(t *testing.T) {
	rs := benchRecords(3000)
	c1, err := Calibrate(rs, CalibrationOptions{MinShared: 2})
	require.NoError(t, err)
	rev := make([]Record, len(rs))
	for i, r := range rs {
		rev[len(rs)-1-i] = r
	}
	c2, err := Calibrate(rev, CalibrationOptions{MinShared: 2})
	require.NoError(t, err)
	require.NotEmpty(t, c1.Pairs)
	assert.Equal(t, c1.Interviewers, c2.Interviewers)
	assert.Equal(t, c1.Pairs, c2.Pairs)
	assert.Equal(t, c1.Votes.Loops, c2.Votes.Loops)
	assert.InDelta(t, c1.Votes.Kappa, c2.Votes.Kappa, 1e-12)
	assert.InDelta(t, c1.Mean, c2.Mean, 1e-12)
}
