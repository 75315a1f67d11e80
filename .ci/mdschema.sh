#!/usr/bin/env bash
# ajv and Go agree on decision records read from Markdown: each sample
# record of decision/testdata/markdown, saved as JSON ("format":
# "markdown"), and every mutation of it the schema guides (a required key
# removed, an unknown enum value or key, a bound broken) is checked by the
# Go validator and by ajv against decision/decision.schema.json, whose if on
# format lets such records lack what YAML records must carry.
set -euo pipefail
cd "$(dirname "$0")/.."

nodedir=$(mktemp -d)
corpus=$(mktemp -d)
trap 'rm -rf "$nodedir" "$corpus"' EXIT
(cd "$nodedir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent ajv@8.20.0 ajv-formats@3.0.1 >/dev/null)
go test ./decision -run '^TestMarkdownRecordMutationsAgree$' -count=1 -args -md-corpus "$corpus"
test -f "$corpus/manifest.json" || { echo "the Markdown corpus was not written"; exit 1; }
# Node resolves ES module imports from the script's folder, so run a copy there.
cp .ci/ajv-check.mjs "$nodedir/"
node "$nodedir/ajv-check.mjs" "$corpus"
