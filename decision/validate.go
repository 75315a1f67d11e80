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

// Sentinel errors for callers that branch.
var (
	// ErrInvalidDecision wraps the validation error of a decision Classify refuses.
	ErrInvalidDecision = errors.New("invalid decision")
	// ErrInvalidPolicy wraps the validation error of a policy Classify refuses.
	ErrInvalidPolicy = errors.New("invalid policy")
)

// The patterns the schema states; the Check functions below use matchers
// written by hand that accept exactly the same text (fuzz_test.go compares
// them with the compiled patterns), since a regexp costs more than the rest
// of validating the field.
const (
	idPattern       = `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`
	currencyPattern = `^[A-Z]{3}$`
)

var idRe = regexp.MustCompile(idPattern)

// validID reports whether s matches idPattern.
func validID(s string) bool {
	if len(s) == 0 || len(s) > 64 || !isAlnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// validCurrency reports whether s matches currencyPattern.
func validCurrency(s string) bool {
	return len(s) == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2])
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func init() {
	validation.Register(validation.Rule{
		Tag:     "decision_id",
		ID:      "format",
		Check:   func(v reflect.Value) bool { return v.Kind() == reflect.String && validID(v.String()) },
		Message: "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
		Schema:  map[string]any{"pattern": idPattern},
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
		Check:   func(v reflect.Value) bool { return v.Kind() == reflect.String && validCurrency(v.String()) },
		Message: "must be an ISO 4217 currency code of three capital letters, such as USD",
		Schema:  map[string]any{"pattern": currencyPattern},
	})
}

// Validate checks the field rules declared on the types and the rules that
// span fields (listed as Go-only in the package documentation). The error,
// if any, is a *ValidationError of kind "decision".
func (d *Decision) Validate() error {
	if d == nil {
		return problem.Nil(KindDecision)
	}
	return d.problems().Err(KindDecision)
}

// FormatMarkdown is the Format of a record read by ParseMarkdown.
const FormatMarkdown = "markdown"

// markdownRelaxed is what a Markdown record is exempt from below the top
// level, where the tags cannot name the record's Format: its prose is as
// long as the record's authors wrote it, and a MADR record may name people
// without a decision-maker to drive, or front matter give reversibility
// without saying whether. The schema states the same exemption: the
// generator reads this declaration (see schema_test.go), so it is made
// once. Lists keep their sizes: the validator does not look inside a list
// that is too long, so dropping that problem afterwards would leave the
// list's entries unchecked.
var markdownRelaxed = relaxation{
	maxLength: true,
	required:  []string{"/people/driver", "/reversibility/reversible"},
}

// relaxation is a set of constraints from the tags a kind of record is
// exempt from; the required keys are JSON pointers, "*" for any index.
type relaxation struct {
	maxLength bool
	required  []string
}

// exempts reports whether p is a problem the relaxation drops.
func (r relaxation) exempts(p Problem) bool {
	if r.maxLength && p.Rule == RuleTooLong {
		return true
	}
	if p.Rule != RuleRequired {
		return false
	}
	path := indexRe.ReplaceAllString(p.Path, "/*$1")
	return slices.Contains(r.required, path)
}

var indexRe = regexp.MustCompile(`/[0-9]+(/|$)`)

func (d *Decision) problems() problem.List {
	l := validation.Struct(d)
	md := d.Format == FormatMarkdown
	if md {
		l = slices.DeleteFunc(l, markdownRelaxed.exempts)
	}
	seen := map[string]int{}
	for i, o := range d.Options {
		if j, dup := seen[o.Name]; dup && o.Name != "" {
			l.Add(fmt.Sprintf("/options/%d/name", i), RuleDuplicate, "option %q is already option %d; names must differ", o.Name, j)
			continue
		}
		seen[o.Name] = i
	}
	switch {
	case d.Chosen != "":
		// ParseMarkdown matches a reworded choice to the option it names;
		// one it cannot match is kept as the record wrote it.
		if _, ok := seen[d.Chosen]; !ok && !md {
			l.Add("/chosen", RuleChosenOption, "%q is not among the options (%s)", d.Chosen, optionNames(d.Options))
		}
	case !md && (d.Status == Accepted || d.Status == Deprecated || d.Status == Superseded):
		l.Add("/chosen", RuleChosenRequired, "a decision that is %s must name the chosen option", d.Status)
	}
	var links Links
	if d.Links != nil {
		links = *d.Links
	}
	// Real Markdown logs say "Superseded" without naming the successor, or
	// keep a record "Accepted" beside a "Superseded by" line: such records
	// are read as written, not refused.
	if !md && d.Status == Superseded && links.SupersededBy == "" {
		l.Add("/links/supersededBy", RuleSupersededSuccessor, "a superseded decision must name its successor")
	}
	if !md && d.Status != Superseded && links.SupersededBy != "" {
		l.Add("/status", RuleSupersededSuccessor, "the decision names a successor (%q), so its status must be superseded, not %s", links.SupersededBy, d.Status)
	}
	if !md && (d.Status == Draft || d.Status == Proposed) && len(links.Supersedes) > 0 {
		l.Add("/links/supersedes", RuleSupersedeStatus, "a %s decision cannot supersede others; accept it first", d.Status)
	}
	if d.ID != "" {
		self := func(path string, ids ...string) {
			if i := slices.Index(ids, d.ID); i >= 0 {
				if path != "/links/supersededBy" {
					path = fmt.Sprintf("%s/%d", path, i)
				}
				l.Add(path, RuleSelfLink, "a decision cannot link to itself")
			}
		}
		self("/links/supersedes", links.Supersedes...)
		self("/links/supersededBy", links.SupersededBy)
		self("/links/amends", links.Amends...)
		self("/links/amendedBy", links.AmendedBy...)
		self("/links/related", links.Related...)
	}
	if !d.ReviewBy.IsZero() && !d.Date.IsZero() && d.ReviewBy.Before(d.Date) {
		l.Add("/reviewBy", RuleReviewAfterDate, "the review date %s comes before the decision date %s", d.ReviewBy, d.Date)
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
