package flywheel

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// Validate reports every problem of the document in one *ValidationError:
// the field rules of the struct tags, then the rules across fields (unique
// node IDs, links between existing nodes, no self-links, no repeated link,
// finite numbers) and, when the graph itself is sound, that at least one
// loop reinforces: without one the document is not a flywheel.
//
// Validate on a nil *Flywheel returns a *ValidationError with the rule
// RuleNil rather than panicking.
func (f *Flywheel) Validate() error {
	if f == nil {
		return problem.Nil(docKind)
	}
	var l problem.List = validation.Struct(f)
	// A small wheel finds repeated and known IDs and repeated links by a
	// scan of what came before (see smallGraph); a large one by maps.
	small := len(f.Nodes) <= smallGraph && len(f.Links) <= 2*smallGraph
	var idx map[string]int
	if !small {
		idx = make(map[string]int, len(f.Nodes))
	}
	for i, n := range f.Nodes {
		j, dup := 0, false
		if small {
			j32, found := f.scanIndex(n.ID)
			j, dup = int(j32), found && int(j32) < i
		} else {
			j, dup = idx[n.ID]
		}
		if dup && n.ID != "" {
			l.Add(fmt.Sprintf("/nodes/%d/id", i), RuleDuplicateID, "node ID %q is already used by /nodes/%d", n.ID, j)
			continue
		}
		if !small {
			idx[n.ID] = i
		}
		if n.Initial != nil && !finite(*n.Initial) {
			l.Add(fmt.Sprintf("/nodes/%d/initial", i), RuleFinite, "must be a finite number, not %v", *n.Initial)
		}
	}
	sound := len(l) == 0
	var pairs map[[2]string]int
	if !small {
		pairs = make(map[[2]string]int, len(f.Links))
	}
	known := func(id string) bool {
		if small {
			_, ok := f.scanIndex(id)
			return ok
		}
		_, ok := idx[id]
		return ok
	}
	// linked gives the first link before i from one ID to another.
	linked := func(i int, from, to string) (int, bool) {
		if small {
			for j := range i {
				if f.Links[j].From == from && f.Links[j].To == to {
					return j, true
				}
			}
			return 0, false
		}
		j, ok := pairs[[2]string{from, to}]
		if !ok {
			pairs[[2]string{from, to}] = i
		}
		return j, ok
	}
	for i, k := range f.Links {
		// The pointer is spelled out only for a problem: a valid wheel
		// costs no string per link.
		at := func() string { return "/links/" + strconv.Itoa(i) }
		for _, end := range [...]struct{ key, id string }{{"from", k.From}, {"to", k.To}} {
			if !known(end.id) && end.id != "" {
				l.Add(at()+"/"+end.key, RuleUnknownReference, "no node has the ID %q", end.id)
				sound = false
			}
		}
		if k.From == k.To && k.From != "" {
			l.Add(at(), RuleSelfLink, "%q links to itself; a node cannot push itself: model the compounding as a loop through another node", k.From)
			sound = false
		}
		if j, dup := linked(i, k.From, k.To); dup {
			l.Add(at(), RuleDuplicateLink, "%q → %q is already linked by /links/%d; merge them into one link", k.From, k.To, j)
			sound = false
		}
		if k.Weight != nil && !finite(*k.Weight) {
			l.Add(at()+"/weight", RuleFinite, "must be a finite number, not %v", *k.Weight)
			sound = false
		}
	}
	if sound && len(l) == 0 {
		if err := f.reinforces(); err != nil {
			l.Add("/links", RuleNoReinforcingLoop, "%v", err)
		}
	}
	return l.Err(docKind)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkWeights refuses a weight that is NaN, infinite or negative, which
// only a Flywheel built in Go and not validated can hold: the analyses say
// so, as a *ValidationError, rather than compute with it.
func (f *Flywheel) checkWeights() error {
	var l problem.List
	for i, k := range f.Links {
		switch w := k.W(); {
		case !finite(w):
			l.Add(fmt.Sprintf("/links/%d/weight", i), RuleFinite, "must be a finite number, not %v", w)
		case w < 0:
			l.Add(fmt.Sprintf("/links/%d/weight", i), problem.RuleRange, "must be at least 0, not %v; the polarity carries the sign", w)
		}
	}
	return l.Err(docKind)
}

// errNotAFlywheel explains the missing reinforcing loop.
var errNotAFlywheel = errors.New("this is not a flywheel: no loop reinforces itself; close a loop of links with an even number of \"-\" links")

// reinforces returns nil when the wheel has a reinforcing loop, stopping at
// the first one found.
func (f *Flywheel) reinforces() error {
	found := false
	err := f.EachLoop(LoopOptions{}, func(l Loop) bool {
		found = l.Polarity == Reinforcing
		return !found
	})
	switch {
	case found:
		return nil
	case errors.Is(err, ErrTooManyLoops):
		return fmt.Errorf("this may not be a flywheel: no reinforcing loop among the first loops searched (%v)", err)
	case err != nil:
		return err
	}
	return errNotAFlywheel
}
