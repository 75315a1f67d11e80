package main

import (
	"bytes"
	"encoding/json"

	"github.com/dayone-go/mechanisms/internal/schemagen"
)

// catalog is a schema catalogue in the format SchemaStore and editors read
// (https://json.schemastore.org/schema-catalog.json): each kind with its
// schema's URL and the file names it applies to.
type catalog struct {
	Schema  string         `json:"$schema"`
	Version int            `json:"version"`
	Schemas []catalogEntry `json:"schemas"`
}

type catalogEntry struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	FileMatch   []string `json:"fileMatch"`
	URL         string   `json:"url"`
}

// catalogJSON renders examples/catalog.json from the registry, so the
// catalogue, the tool's detection and the schemas' $id cannot disagree.
func catalogJSON() ([]byte, error) {
	c := catalog{Schema: "https://json.schemastore.org/schema-catalog.json", Version: 1}
	for _, k := range registry {
		if k.SchemaPath == "" {
			continue
		}
		var match []string
		for _, p := range k.Patterns {
			if bytes.HasPrefix([]byte(p), []byte("*.")) {
				match = append(match, p)
			}
		}
		c.Schemas = append(c.Schemas, catalogEntry{
			Name:        "mechanisms " + k.Name,
			Description: k.Title,
			FileMatch:   match,
			URL:         schemagen.BaseID + k.SchemaPath,
		})
	}
	c.Schemas = append(c.Schemas, catalogEntry{
		Name:        "mechanisms review configuration",
		Description: "Configuration of the mechanisms review tool: rule levels, prose word lists, the decision policy, overrides by glob",
		FileMatch:   []string{configName},
		URL:         schemagen.BaseID + configSchemaPath,
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
