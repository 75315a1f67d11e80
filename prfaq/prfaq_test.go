package prfaq

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const templatePath = "../examples/templates/prfaq.yaml"

func TestEnumsRefuseUnknownValues(t *testing.T) {
	tests := []struct {
		name  string
		value interface {
			MarshalText() ([]byte, error)
			Valid() bool
			Values() []string
		}
		parse func([]byte) error
		known string
	}{
		{"stage", Stage("idea"), func(b []byte) error { var v Stage; return v.UnmarshalText(b) }, "validated"},
		{"topic", Topic("gossip"), func(b []byte) error { var v Topic; return v.UnmarshalText(b) }, "unit-economics"},
		{"visual kind", VisualKind("photo"), func(b []byte) error { var v VisualKind; return v.UnmarshalText(b) }, "journey-map"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.False(t, tt.value.Valid())
			_, err := tt.value.MarshalText()
			assert.Error(t, err)
			err = tt.parse([]byte("nope"))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.known, "the error lists the allowed values")
			assert.NoError(t, tt.parse([]byte(tt.known)))
			assert.Contains(t, tt.value.Values(), tt.known)
		})
	}
}

func TestDocumentRoundTrips(t *testing.T) {
	d := loadTemplate(t)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	back, err := Parse(b)
	require.NoError(t, err)
	assert.Equal(t, d, back)
}
