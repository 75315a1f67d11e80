package strict

import (
	"errors"
	"fmt"
	"sort"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// collector gathers the problems of one document, up to maxProblems, and
// counts the rest.
type collector struct {
	list []problem.Problem
	errs []error // what errors.Is should find: sentinels once each, and the errors of UnmarshalText
	more int
	// where the first problem left out of the list stands
	moreLine, moreCol int
}

// add records a problem whose rule follows from its sentinel.
func (c *collector) add(line, col int, ptr string, err error, msg string) {
	c.addRule(line, col, ptr, ruleOf(err), err, msg)
}

func (c *collector) addRule(line, col int, ptr, rule string, err error, msg string) {
	if !c.room(line, col) {
		return
	}
	if ptr == "" {
		ptr = "/"
	}
	c.list = append(c.list, problem.Problem{Path: ptr, Rule: rule, Message: msg, Line: line, Column: col})
	c.noteErr(err)
}

// room reports whether another problem will be listed, and otherwise
// counts it. Callers check it before spelling a message out, so a
// document with a million mistakes costs no million messages.
func (c *collector) room(line, col int) bool {
	if len(c.list) < maxProblems {
		return true
	}
	if c.more == 0 {
		c.moreLine, c.moreCol = line, col
	}
	c.more++
	return false
}

func (c *collector) noteErr(err error) {
	if err == nil {
		return
	}
	if isSentinel(err) {
		for _, e := range c.errs {
			if e == err {
				return
			}
		}
	}
	c.errs = append(c.errs, err)
}

func isSentinel(err error) bool {
	switch err {
	case ErrTooLarge, ErrTooDeep, ErrTooMany, ErrSyntax, ErrUnknownKey, ErrType, ErrEmpty:
		return true
	}
	return false
}

// err returns nil, or a *problem.Error with the problems in input order
// (line, then column; the order of discovery among equals) and, when some
// were left out, a last problem saying how many.
func (c *collector) err() error {
	if len(c.list) == 0 {
		return nil
	}
	ps := append([]problem.Problem(nil), c.list...)
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
	if c.more > 0 {
		ps = append(ps, problem.Problem{Path: "/", Rule: problem.RuleTooMany, Line: c.moreLine, Column: c.moreCol,
			Message: fmt.Sprintf("%d more problems are not listed; fix these and read the document again", c.more)})
	}
	var sentinel error
	switch len(c.errs) {
	case 0:
	case 1:
		sentinel = c.errs[0]
	default:
		sentinel = errors.Join(c.errs...)
	}
	return &problem.Error{Problems: ps, Err: sentinel}
}

// AsProblem turns an *Error into the shared *problem.Error shape; any other
// error is returned as it is.
func AsProblem(err error) error {
	var se *Error
	if !errors.As(err, &se) {
		return err
	}
	var c collector
	c.add(se.Line, se.Column, se.Pointer, se.Err, se.Msg)
	return c.err()
}

func ruleOf(sentinel error) string {
	switch sentinel {
	case ErrTooLarge:
		return problem.RuleTooLarge
	case ErrTooDeep:
		return problem.RuleTooDeep
	case ErrTooMany:
		return problem.RuleTooMany
	case ErrSyntax:
		return problem.RuleSyntax
	case ErrUnknownKey:
		return problem.RuleUnknownKey
	case ErrEmpty:
		return problem.RuleEmpty
	}
	return problem.RuleType
}
