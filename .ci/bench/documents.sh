#!/usr/bin/env bash
# Parse + Validate of each template's JSON form in Go, against JSON.parse +
# a compiled ajv 8 validator on the same bytes in Node (issue 14: within 3
# times). Installs ajv from npm into a temporary folder, writes the JSON
# forms with internal/docbench's test, runs both sides kind by kind, one
# right after the other, so that they see the same machine load, and prints Go's
# ns/op, MB/s and allocs, ajv's ns/op and the ratio Go/ajv per kind, in wall
# time (the promise: within 3x) and in CPU time (the process's own, which
# the other work on a shared machine does not inflate).
#
# Each side is timed COUNT times per kind and its fastest time is kept: on a
# shared machine the fastest run is the one other load disturbed least.
#
#   .ci/bench/documents.sh                    # 3 rounds of about 1 s per kind and side
#   BENCHTIME=2s COUNT=5 .ci/bench/documents.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCHTIME=${BENCHTIME:-1s}
COUNT=${COUNT:-3}
millis=$(( $(echo "$BENCHTIME" | sed 's/s$//') * 1000 ))

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "installing ajv 8 and ajv-formats into $work"
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent ajv@8.20.0 ajv-formats@3.0.1 >/dev/null)
node -e 'console.log("node " + process.version + ", ajv " + require(process.argv[1] + "/node_modules/ajv/package.json").version)' "$work"

go test ./internal/docbench -run '^TestTemplatesJSON$' -count=1 -args -jsondir "$work/docs" >/dev/null

# One test binary; then, kind by kind, the Go benchmark and the Node loop
# right after each other, so that both sides of a ratio see the same load.
go test -c -o "$work/docbench.test" ./internal/docbench
# Node resolves ES module imports from the script's folder, so run a copy there.
cp .ci/bench/documents.mjs "$work/"
: > "$work/go.txt"
: > "$work/node.txt"
for kind in $(sed -n 's/.*"kind": "\(.*\)".*/\1/p' "$work/docs/manifest.json"); do
  (cd internal/docbench && "$work/docbench.test" -test.run '^$' -test.bench "^BenchmarkParseValidate/${kind}\$" \
    -test.benchmem -test.benchtime "$BENCHTIME" -test.count "$COUNT") >> "$work/go.txt"
  node "$work/documents.mjs" "$work/docs" "$millis" "$COUNT" "$kind" >> "$work/node.txt"
done

grep -E '^cpu:' "$work/go.txt" | head -n 1 || true
echo "$(go env GOVERSION) $(go env GOOS)/$(go env GOARCH), $(nproc) cores, benchtime $BENCHTIME, fastest of $COUNT"
awk '
  BEGIN {
    printf "%-9s %6s | %9s %9s %7s %6s | %9s %9s %7s | %6s %6s\n", "", "", "Go Parse", "+Validate", "", "", "JSON.parse", "+ ajv", "", "go/ajv", ""
    printf "%-9s %6s | %9s %9s %7s %6s | %9s %9s %7s | %6s %6s\n", "kind", "bytes", "ns/op", "cpu-ns", "MB/s", "allocs", "ns/op", "cpu-ns", "MB/s", "wall", "cpu"
  }
  FNR == NR { size[$1] = $2; ajv[$1] = $3; ajvcpu[$1] = $4; next }
  /^BenchmarkParseValidate\// {
    name = $1; sub(/^BenchmarkParseValidate\//, "", name); sub(/-[0-9]+$/, "", name)
    ns = cpu = mbs = allocs = 0
    for (i = 2; i <= NF; i++) {
      if ($i == "ns/op") ns = $(i-1)
      if ($i == "cpu-ns/op") cpu = $(i-1)
      if ($i == "MB/s") mbs = $(i-1)
      if ($i == "allocs/op") allocs = $(i-1)
    }
    if (!(name in best) || ns < best[name]) { best[name] = ns; bmbs[name] = mbs; ballocs[name] = allocs }
    if (!(name in bestcpu) || cpu < bestcpu[name]) bestcpu[name] = cpu
    if (!(name in seen)) { seen[name] = 1; order[++kinds] = name }
  }
  END {
    for (k = 1; k <= kinds; k++) {
      name = order[k]
      ratio = best[name] / ajv[name]
      cratio = ajvcpu[name] > 0 ? bestcpu[name] / ajvcpu[name] : 0
      printf "%-9s %6d | %9.0f %9.0f %7.2f %6d | %9.0f %9.0f %7.2f | %6.2f %6.2f  %s\n", name, size[name], best[name], bestcpu[name], bmbs[name], ballocs[name], ajv[name], ajvcpu[name], size[name] * 1000 / ajv[name], ratio, cratio, ratio <= 3 ? "within 3x" : "OVER 3x"
      tg += best[name]; ta += ajv[name]; tgc += bestcpu[name]; tac += ajvcpu[name]
    }
    if (ta > 0 && tac > 0) printf "%-9s %6s | %9.0f %9.0f %7s %6s | %9.0f %9.0f %7s | %6.2f %6.2f\n", "all", "", tg, tgc, "", "", ta, tac, "", tg / ta, tgc / tac
  }
' "$work/node.txt" "$work/go.txt"
