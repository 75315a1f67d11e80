// Package prfaq models Amazon's Working Backwards PR/FAQ: parsing,
// validation, a JSON Schema and a review of the document and its prose.
package prfaq
