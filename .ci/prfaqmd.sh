#!/usr/bin/env bash
# ajv and Go agree on PR/FAQs read from Markdown: each sample of
# prfaq/testdata/valid/markdown-*.json (what ParseMarkdown reads from the
# sample of the same name, "format": "markdown", lacking the front matter
# values) and every mutation of it the schema guides is checked by the Go
# validator and by ajv against prfaq/prfaq.schema.json, whose if on format
# lets such documents lack id, authors, date, stage and customer.
set -euo pipefail
cd "$(dirname "$0")/.."

nodedir=$(mktemp -d)
corpus=$(mktemp -d)
trap 'rm -rf "$nodedir" "$corpus"' EXIT
(cd "$nodedir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent ajv@8.20.0 ajv-formats@3.0.1 >/dev/null)
go test ./prfaq -run '^TestMarkdownMutationsAgree$' -count=1 -args -md-corpus "$corpus"
test -f "$corpus/manifest.json" || { echo "the Markdown corpus was not written"; exit 1; }
# Node resolves ES module imports from the script's folder, so run a copy there.
cp .ci/ajv-check.mjs "$nodedir/"
node "$nodedir/ajv-check.mjs" "$corpus"
