package decision

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// ValidationError is the error Validate and Log.Check return for an invalid
// document: errors.As(err, &ve) with var ve *decision.ValidationError yields
// ve.Problems, each with a JSON pointer, a stable rule name and a message.
type ValidationError = problem.Error

// Problem is one reason a document is invalid.
type Problem = problem.Problem

// Sentinel errors for callers that branch.
var (
	// ErrNilDecision is returned when a nil *Decision is given.
	ErrNilDecision = errors.New("decision: nil decision")
	// ErrNilPolicy is returned when a nil *Policy is given.
	ErrNilPolicy = errors.New("decision: nil policy")
	// ErrInvalidDecision wraps the validation error of a decision Classify refuses.
	ErrInvalidDecision = errors.New("invalid decision")
	// ErrInvalidPolicy wraps the validation error of a policy Classify refuses.
	ErrInvalidPolicy = errors.New("invalid policy")
)

var (
	idRe       = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	currencyRe = regexp.MustCompile(`^[A-Z]{3}$`)
)

func init() {
	validation.Register(validation.Rule{
		Tag:     "decision_id",
		ID:      "format",
		Check:   func(v reflect.Value) bool { return v.Kind() == reflect.String && idRe.MatchString(v.String()) },
		Message: "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
		Schema:  map[string]any{"pattern": idRe.String()},
	})
	validation.Register(validation.Rule{
		Tag:     "decision_duration",
		ID:      "format",
		Check:   func(v reflect.Value) bool { return v.Kind() == reflect.String && Duration(v.String()).Valid() },
		Message: "must be an ISO 8601 duration such as P30D, PT12H, P1Y2M or P2W",
		Schema:  map[string]any{"pattern": durPattern},
	})
	validation.Register(validation.Rule{
		Tag:     "decision_currency",
		ID:      "format",
		Check:   func(v reflect.Value) bool { return v.Kind() == reflect.String && currencyRe.MatchString(v.String()) },
		Message: "must be an ISO 4217 currency code of three capital letters, such as USD",
		Schema:  map[string]any{"pattern": currencyRe.String()},
	})
}

// Validate checks the field rules declared on the types and the rules that
// span fields (listed as Go-only in the package documentation). The error,
// if any, is a *ValidationError of kind "decision".
func (d *Decision) Validate() error {
	if d == nil {
		return ErrNilDecision
	}
	return d.problems().Err("decision")
}

func (d *Decision) problems() problem.List {
	var l problem.List = validation.Struct(d)
	seen := map[string]int{}
	for i, o := range d.Options {
		if j, dup := seen[o.Name]; dup && o.Name != "" {
			l.Add(fmt.Sprintf("/options/%d/name", i), "unique", "option %q is already option %d; names must differ", o.Name, j)
			continue
		}
		seen[o.Name] = i
	}
	switch {
	case d.Chosen != "":
		if _, ok := seen[d.Chosen]; !ok {
			l.Add("/chosen", "chosen-option", "%q is not among the options (%s)", d.Chosen, optionNames(d.Options))
		}
	case d.Status == Accepted || d.Status == Deprecated || d.Status == Superseded:
		l.Add("/chosen", "chosen-required", "a decision that is %s must name the chosen option", d.Status)
	}
	var links Links
	if d.Links != nil {
		links = *d.Links
	}
	if d.Status == Superseded && links.SupersededBy == "" {
		l.Add("/links/supersededBy", "superseded-successor", "a superseded decision must name its successor")
	}
	if d.Status != Superseded && links.SupersededBy != "" {
		l.Add("/status", "superseded-successor", "the decision names a successor (%q), so its status must be superseded, not %s", links.SupersededBy, d.Status)
	}
	if (d.Status == Draft || d.Status == Proposed) && len(links.Supersedes) > 0 {
		l.Add("/links/supersedes", "supersede-status", "a %s decision cannot supersede others; accept it first", d.Status)
	}
	if d.ID != "" {
		self := func(path string, ids ...string) {
			if i := slices.Index(ids, d.ID); i >= 0 {
				if path != "/links/supersededBy" {
					path = fmt.Sprintf("%s/%d", path, i)
				}
				l.Add(path, "self-link", "a decision cannot link to itself")
			}
		}
		self("/links/supersedes", links.Supersedes...)
		self("/links/supersededBy", links.SupersededBy)
		self("/links/amends", links.Amends...)
		self("/links/related", links.Related...)
	}
	if !d.ReviewBy.IsZero() && !d.Date.IsZero() && d.ReviewBy.Before(d.Date) {
		l.Add("/reviewBy", "review-after-date", "the review date %s comes before the decision date %s", d.ReviewBy, d.Date)
	}
	return l
}

func optionNames(os []Option) string {
	s := ""
	for i, o := range os {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", o.Name)
	}
	return s
}
