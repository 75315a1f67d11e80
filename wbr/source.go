package wbr

import (
	"reflect"
	"regexp"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// Source names where a deck's daily data lives, for the tools that read
// it (the library itself builds from whatever Data it is given): a CSV
// file, or an SQL query and the name of the environment variable holding
// the connection string. The connection string, and with it any password,
// never belongs in a deck.
type Source struct {
	// CSV is the path of a CSV file of daily data, long or wide (see
	// ReadCSV), relative to the deck's folder.
	CSV string `json:"csv,omitempty" validate:"omitempty,max=1000"`
	// Query is an SQL query whose rows are the daily data, long or wide (see
	// ReadSQL); it should group raw events by day so the database does the
	// heavy work.
	Query string `json:"query,omitempty" validate:"omitempty,max=100000"`
	// DSNEnv is the name of the environment variable that holds the
	// connection string for Query, such as WBR_DSN; never the connection
	// string itself.
	DSNEnv string `json:"dsnEnv,omitempty" validate:"omitempty,envname"`
}

// envPattern is the name of an environment variable: a connection string,
// which holds ':', '/', '=' or '@', can never match it.
var envPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,127}$`)

// validEnvName reports whether s matches envPattern; Check uses it rather
// than the compiled pattern (match_test.go compares the two).
func validEnvName(s string) bool {
	if len(s) == 0 || len(s) > 128 || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func init() {
	validation.Register(validation.Rule{
		Tag:     "envname",
		ID:      problem.RuleFormat,
		Check:   func(v reflect.Value) bool { return validEnvName(v.String()) },
		Message: "must be the name of an environment variable (letters, digits and '_'), never the connection string itself",
		Schema:  map[string]any{"pattern": envPattern.String()},
	})
}

// checkSource: one kind of source, and a query with its connection string's
// variable.
func (d *Deck) checkSource(l *problem.List) {
	s := d.Source
	switch {
	case s.CSV != "" && (s.Query != "" || s.DSNEnv != ""):
		l.Add("/source", RuleSource, "a source is a CSV file or a query, not both")
	case s.Query != "" && s.DSNEnv == "":
		l.Add("/source/dsnEnv", RuleSource, "a query needs dsnEnv, the name of the environment variable holding the connection string")
	case s.DSNEnv != "" && s.Query == "":
		l.Add("/source/query", RuleSource, "dsnEnv names a connection for a query; give the query")
	}
}
