// Package docbench measures what a tool pays to read a document of each
// kind: Parse and Validate of each template's JSON form, in every
// mechanism package at once. It holds only tests and benchmarks;
// .ci/bench/documents.sh runs them beside JSON.parse and a compiled ajv
// validator on the same bytes, and prints both figures and their ratio.
package docbench
