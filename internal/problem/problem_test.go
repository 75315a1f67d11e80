package problem

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrSortsDedupsAndReads(t *testing.T) {
	var l List
	assert.NoError(t, l.Err("decision"))
	l.Add("/risks/10/impact", "range", "must be at most %d", 5)
	l.Add("/risks/2/impact", "range", "must be at most %d", 5)
	l.Add("", "one-way", "needs an approver")
	l.Add("/risks/2/impact", "range", "must be at most %d", 5)
	err := l.Err("decision")
	var pe *Error
	require.True(t, errors.As(fmt.Errorf("wrapped: %w", err), &pe))
	assert.Equal(t, []Problem{
		{Path: "/", Rule: "one-way", Message: "needs an approver"},
		{Path: "/risks/2/impact", Rule: "range", Message: "must be at most 5"},
		{Path: "/risks/10/impact", Rule: "range", Message: "must be at most 5"},
	}, pe.Problems)
	assert.Equal(t, "decision: 3 problems: /: needs an approver; /risks/2/impact: must be at most 5; /risks/10/impact: must be at most 5", err.Error())

	var one List
	one.Add("/chosen", "chosen-option", "must name one of the options")
	assert.Equal(t, "policy: /chosen: must name one of the options", one.Err("policy").Error())
}
