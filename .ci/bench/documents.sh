#!/usr/bin/env bash
# Parse + Validate of each template's JSON form in Go, against JSON.parse +
# a compiled ajv 8 validator on the same bytes in Node (issue 14: within 3
# times). Installs ajv from npm into a temporary folder, writes the JSON
# forms with internal/docbench's test, runs both sides one after the other
# in this one run so that they see the same machine load, and prints Go's
# ns/op, MB/s and allocs, ajv's ns/op and the ratio Go/ajv per kind.
#
#   .ci/bench/documents.sh            # about 1 s per kind and side
#   BENCHTIME=3s .ci/bench/documents.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCHTIME=${BENCHTIME:-1s}
millis=$(( $(echo "$BENCHTIME" | sed 's/s$//') * 1000 ))

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "installing ajv 8 and ajv-formats into $work" >&2
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent ajv@8.20.0 ajv-formats@3.0.1 >/dev/null)
node -e 'console.log("node " + process.version + ", ajv " + require(process.argv[1] + "/node_modules/ajv/package.json").version)' "$work"

go test ./internal/docbench -run '^TestTemplatesJSON$' -count=1 -args -jsondir "$work/docs" >/dev/null

go test ./internal/docbench -run '^$' -bench '^BenchmarkParseValidate$' -benchmem -benchtime "$BENCHTIME" -count=1 > "$work/go.txt"
# Node resolves ES module imports from the script's folder, so run a copy there.
cp .ci/bench/documents.mjs "$work/"
node "$work/documents.mjs" "$work/docs" "$millis" > "$work/node.txt"

grep -E '^(goos|goarch|cpu):' "$work/go.txt" || true
echo "go $(go env GOVERSION), benchtime $BENCHTIME, $(nproc) cores"
awk '
  FNR == NR { ajv[$1] = $3; size[$1] = $2; next }
  /^BenchmarkParseValidate\// {
    name = $1; sub(/^BenchmarkParseValidate\//, "", name); sub(/-[0-9]+$/, "", name)
    for (i = 2; i <= NF; i++) {
      if ($i == "ns/op") ns = $(i-1)
      if ($i == "MB/s") mbs = $(i-1)
      if ($i == "allocs/op") allocs = $(i-1)
    }
    ratio = ns / ajv[name]
    verdict = ratio <= 3 ? "within 3x" : "OVER 3x"
    printf "%-9s %7d %12.0f %9.2f %9d %12.0f %8.2f  %s\n", name, size[name], ns, mbs, allocs, ajv[name], ratio, verdict
    total_go += ns; total_ajv += ajv[name]
  }
  END { if (total_ajv > 0) printf "%-9s %7s %12.0f %9s %9s %12.0f %8.2f\n", "all", "", total_go, "", "", total_ajv, total_go / total_ajv }
  BEGIN { printf "%-9s %7s %12s %9s %9s %12s %8s\n", "kind", "bytes", "go ns/op", "go MB/s", "allocs", "ajv ns/op", "go/ajv" }
' "$work/node.txt" "$work/go.txt"
