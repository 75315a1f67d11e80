#!/usr/bin/env bash
# ajv and Go agree on documents read from Markdown: decision records and
# PR/FAQs that ParseMarkdown read, saved as JSON ("format": "markdown"), and
# every mutation of each that the schema guides (a required key removed, an
# unknown enum value or key, a bound broken), are checked by the Go validator
# and by ajv against the package's schema, whose if on format lets such
# documents lack what YAML documents must carry (door data; a PR/FAQ's id,
# authors, date, stage and customer).
#
#   .ci/mdschema.sh            both packages
#   .ci/mdschema.sh decision   one package
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A test=([decision]=TestMarkdownRecordMutationsAgree [prfaq]=TestMarkdownMutationsAgree)
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(decision prfaq)

nodedir=$(mktemp -d)
trap 'rm -rf "$nodedir"' EXIT
(cd "$nodedir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent ajv@8.20.0 ajv-formats@3.0.1 >/dev/null)
# Node resolves ES module imports from the script's folder, so run a copy there.
cp .ci/ajv-check.mjs "$nodedir/"
for pkg in "${pkgs[@]}"; do
  name=${test[$pkg]:-}
  [ -n "$name" ] || { echo "mdschema.sh: no Markdown corpus test for $pkg"; exit 2; }
  corpus=$(mktemp -d -p "$nodedir")
  go test "./$pkg" -run "^${name}\$" -count=1 -args -md-corpus "$corpus"
  test -f "$corpus/manifest.json" || { echo "the $pkg Markdown corpus was not written"; exit 1; }
  echo "$pkg:"
  node "$nodedir/ajv-check.mjs" "$corpus"
done
