package barraiser

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// ZScores returns each x as (x - mean) / σ, with σ the population standard
// deviation (divided by n, not n-1): the ratings are the whole population
// being calibrated, not a sample of it. When every x is equal σ is 0 and
// every z-score is 0: no one stands out. An empty xs gives an empty result.
func ZScores(xs []float64) []float64 {
	out := make([]float64, len(xs))
	if len(xs) == 0 {
		return out
	}
	mean, sd := meanSD(xs)
	if sd == 0 {
		return out
	}
	for i, x := range xs {
		out[i] = (x - mean) / sd
	}
	return out
}

func meanSD(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}

// Record is one interviewer's feedback on one loop, the unit calibration
// works on.
type Record struct {
	// Loop identifies the loop (the candidate) the feedback belongs to.
	Loop string `json:"loop"`
	// Interviewer identifies the interviewer across loops.
	Interviewer string `json:"interviewer"`
	// Vote is the interviewer's vote.
	Vote Vote `json:"vote"`
	// Scores are the interviewer's rating scores, 1..4.
	Scores []int `json:"scores"`
}

// Records flattens loops into calibration records. Loop i is identified as
// "i:candidate name" so that two candidates with one name stay apart;
// interviewers are identified by their id, which must therefore be stable
// across loops. Nil loops are skipped.
func Records(loops ...*Loop) []Record {
	var out []Record
	for i, l := range loops {
		if l == nil {
			continue
		}
		key := strconv.Itoa(i) + ":" + l.Candidate.Name
		for _, f := range l.Feedback {
			r := Record{Loop: key, Interviewer: f.Interviewer, Vote: f.Vote, Scores: make([]int, len(f.Ratings))}
			for j, x := range f.Ratings {
				r.Scores[j] = x.Score
			}
			out = append(out, r)
		}
	}
	return out
}

// CalibrationOptions tune Calibrate. Zero fields take the defaults given.
type CalibrationOptions struct {
	// MinRatings is how many ratings an interviewer needs before their
	// leniency is trusted. Default 20.
	MinRatings int
	// Threshold is how far, in standard deviations of all ratings, an
	// interviewer's mean must lie from everyone's to count as lenient or
	// severe. Default 0.5.
	Threshold float64
	// MinShared is how many loops two interviewers must share before their
	// agreement is reported. Default 5.
	MinShared int
	// Weighting weights disagreements between votes in pair agreement.
	// Default Quadratic.
	Weighting Weighting
}

func (o CalibrationOptions) withDefaults() CalibrationOptions {
	if o.MinRatings <= 0 {
		o.MinRatings = 20
	}
	if o.Threshold <= 0 || math.IsNaN(o.Threshold) {
		o.Threshold = 0.5
	}
	if o.MinShared <= 0 {
		o.MinShared = 5
	}
	if o.Weighting == 0 {
		o.Weighting = Quadratic
	}
	return o
}

// Leaning says how an interviewer's ratings compare with everyone's.
type Leaning string

// Leanings.
const (
	Lenient  Leaning = "lenient"         // mean at least Threshold σ above everyone's
	Severe   Leaning = "severe"          // mean at least Threshold σ below
	Typical  Leaning = "typical"         // within Threshold σ
	TooFew   Leaning = "too-few-ratings" // fewer than MinRatings: not yet trusted
	Constant Leaning = "no-variation"    // every rating in the data is the same
)

// Calibration is what Calibrate finds across many loops.
type Calibration struct {
	// Records and Ratings count the feedback records and rating scores read.
	Records int `json:"records"`
	Ratings int `json:"ratings"`
	// Mean and StdDev (population) describe all ratings together.
	Mean   float64 `json:"mean"`
	StdDev float64 `json:"stdDev"`
	// Interviewers holds each interviewer's leniency, sorted by id.
	Interviewers []InterviewerCalibration `json:"interviewers"`
	// Pairs holds the vote agreement of interviewers who share at least
	// MinShared loops, sorted by ids.
	Pairs []PairAgreement `json:"pairs"`
	// Votes is Fleiss' kappa of the votes within loops, over every loop with
	// two votes or more.
	Votes VoteAgreement `json:"votes"`
}

// InterviewerCalibration is one interviewer's leniency or severity.
type InterviewerCalibration struct {
	// Interviewer is the interviewer's id.
	Interviewer string `json:"interviewer"`
	// Loops and Ratings count their feedback records and rating scores.
	Loops   int `json:"loops"`
	Ratings int `json:"ratings"`
	// Mean is the mean of their ratings.
	Mean float64 `json:"mean"`
	// Z is the mean z-score of their ratings against all ratings: how many
	// standard deviations their mean lies above (lenient) or below
	// (severe) everyone's.
	Z float64 `json:"z"`
	// Trusted is true once Ratings reaches MinRatings.
	Trusted bool `json:"trusted"`
	// Leaning classifies Z; TooFew until Trusted.
	Leaning Leaning `json:"leaning"`
}

// PairAgreement is how far two interviewers' votes agree on the loops they
// shared.
type PairAgreement struct {
	// A and B are the interviewers' ids, A < B.
	A string `json:"a"`
	B string `json:"b"`
	// Shared is the number of loops both voted on.
	Shared int `json:"shared"`
	// Kappa is Cohen's weighted kappa of their votes on the 1..4 vote
	// scale; 0 when Band is Undefined.
	Kappa float64 `json:"kappa"`
	// Band is the Landis and Koch band of Kappa.
	Band Agreement `json:"band"`
}

// VoteAgreement is Fleiss' kappa of votes within loops.
type VoteAgreement struct {
	// Loops is the number of loops with two votes or more.
	Loops int `json:"loops"`
	// Kappa is Fleiss' kappa over the four votes; 0 when Band is Undefined.
	Kappa float64 `json:"kappa"`
	// Band is the Landis and Koch band of Kappa.
	Band Agreement `json:"band"`
}

// pairVote is one loop's votes by two interviewers, a < b in id order.
type pairVote struct {
	key          uint64 // a<<32 | b
	rankA, rankB int8
}

// calRecord is a Record reduced to small integers: interviewers are numbered
// in the order of their ids, so sorting by number sorts by id.
type calRecord struct {
	loop, iv, index int32
	rank            int8 // vote rank - 1
}

// Calibrate measures interviewers across many loops: each one's leniency or
// severity as the z-score of their ratings against all ratings, trusted only
// from MinRatings ratings on; the agreement of each pair of interviewers who
// shared MinShared loops (Cohen's weighted kappa of their votes); and the
// agreement of votes within loops (Fleiss' kappa). A record with an unknown
// vote, a score outside 1..4, an empty loop or interviewer id, or a second
// record for the same interviewer and loop is an error naming its index.
// At most math.MaxInt32 records are read.
func Calibrate(records []Record, opts CalibrationOptions) (Calibration, error) {
	opts = opts.withDefaults()
	if opts.Weighting < Unweighted || opts.Weighting > Quadratic {
		return Calibration{}, fmt.Errorf("barraiser: unknown weighting %d", int(opts.Weighting))
	}
	if len(records) > math.MaxInt32 {
		return Calibration{}, fmt.Errorf("barraiser: %d records; at most %d", len(records), math.MaxInt32)
	}
	c := Calibration{Records: len(records), Interviewers: []InterviewerCalibration{}, Pairs: []PairAgreement{}}
	ivNum := map[string]int32{}
	loopNum := map[string]int32{}
	recs := make([]calRecord, len(records))
	var sum, sumSq float64
	for i, r := range records {
		if r.Loop == "" || r.Interviewer == "" {
			return Calibration{}, fmt.Errorf("barraiser: record %d: loop and interviewer are required", i)
		}
		if !r.Vote.Valid() {
			return Calibration{}, fmt.Errorf("barraiser: record %d: unknown vote %q", i, r.Vote)
		}
		for _, s := range r.Scores {
			if s < 1 || s > 4 {
				return Calibration{}, fmt.Errorf("barraiser: record %d: score %d outside 1..4", i, s)
			}
			sum += float64(s)
			sumSq += float64(s) * float64(s)
		}
		c.Ratings += len(r.Scores)
		if _, ok := ivNum[r.Interviewer]; !ok {
			ivNum[r.Interviewer] = 0
		}
		ln, ok := loopNum[r.Loop]
		if !ok {
			ln = int32(len(loopNum))
			loopNum[r.Loop] = ln
		}
		recs[i] = calRecord{loop: ln, index: int32(i), rank: int8(r.Vote.Rank() - 1)}
	}
	ids := make([]string, 0, len(ivNum))
	for id := range ivNum {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for n, id := range ids {
		ivNum[id] = int32(n)
	}
	type acc struct {
		loops, n int
		sum      float64
	}
	per := make([]acc, len(ids))
	for i, r := range records {
		n := ivNum[r.Interviewer]
		recs[i].iv = n
		per[n].loops++
		per[n].n += len(r.Scores)
		for _, s := range r.Scores {
			per[n].sum += float64(s)
		}
	}
	if c.Ratings > 0 {
		n := float64(c.Ratings)
		c.Mean = sum / n
		// Scores are small integers, so the one-pass variance is exact
		// enough; clamp the rounding that can make it a hair below zero.
		c.StdDev = math.Sqrt(math.Max(0, sumSq/n-c.Mean*c.Mean))
	}
	for n, id := range ids {
		a := per[n]
		ic := InterviewerCalibration{Interviewer: id, Loops: a.loops, Ratings: a.n, Trusted: a.n >= opts.MinRatings}
		if a.n > 0 {
			ic.Mean = a.sum / float64(a.n)
			if c.StdDev > 0 {
				ic.Z = (ic.Mean - c.Mean) / c.StdDev
			}
		}
		switch {
		case !ic.Trusted:
			ic.Leaning = TooFew
		case c.StdDev == 0:
			ic.Leaning = Constant
		case ic.Z >= opts.Threshold:
			ic.Leaning = Lenient
		case ic.Z <= -opts.Threshold:
			ic.Leaning = Severe
		default:
			ic.Leaning = Typical
		}
		c.Interviewers = append(c.Interviewers, ic)
	}

	// Group by loop, interviewers in id order within each loop.
	slices.SortFunc(recs, func(x, y calRecord) int {
		if d := cmp.Compare(x.loop, y.loop); d != 0 {
			return d
		}
		if d := cmp.Compare(x.iv, y.iv); d != 0 {
			return d
		}
		return cmp.Compare(x.index, y.index)
	})
	var votes []pairVote
	var fleiss [][]int
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].loop == recs[lo].loop {
			if recs[hi].iv == recs[hi-1].iv {
				r := records[recs[hi].index]
				return Calibration{}, fmt.Errorf("barraiser: record %d: a second record for interviewer %q on loop %q", recs[hi].index, r.Interviewer, r.Loop)
			}
			hi++
		}
		group := recs[lo:hi]
		lo = hi
		if len(group) < 2 {
			continue
		}
		row := make([]int, 4)
		for x, ra := range group {
			row[ra.rank]++
			for _, rb := range group[x+1:] {
				votes = append(votes, pairVote{key: uint64(ra.iv)<<32 | uint64(rb.iv), rankA: ra.rank, rankB: rb.rank})
			}
		}
		fleiss = append(fleiss, row)
	}
	// Sorting the pair votes by pair, rather than counting them in a map,
	// keeps the many pairs that meet once or twice cheap; since interviewer
	// numbers follow id order, the pairs come out sorted by ids.
	slices.SortFunc(votes, func(x, y pairVote) int { return cmp.Compare(x.key, y.key) })
	table := make([][]int, 4)
	for i := range table {
		table[i] = make([]int, 4)
	}
	for lo := 0; lo < len(votes); {
		hi := lo + 1
		for hi < len(votes) && votes[hi].key == votes[lo].key {
			hi++
		}
		run := votes[lo:hi]
		lo = hi
		if len(run) < opts.MinShared {
			continue
		}
		for _, row := range table {
			clear(row)
		}
		for _, v := range run {
			table[v.rankA][v.rankB]++
		}
		key := run[0].key
		pa := PairAgreement{A: ids[key>>32], B: ids[key&math.MaxUint32], Shared: len(run), Band: Undefined}
		if k, err := CohenKappa(table, opts.Weighting); err == nil {
			pa.Kappa, pa.Band = k, Interpret(k)
		}
		c.Pairs = append(c.Pairs, pa)
	}
	c.Votes = VoteAgreement{Loops: len(fleiss), Band: Undefined}
	if len(fleiss) > 0 {
		if k, err := FleissKappa(fleiss); err == nil {
			c.Votes.Kappa, c.Votes.Band = k, Interpret(k)
		}
	}
	return c, nil
}
