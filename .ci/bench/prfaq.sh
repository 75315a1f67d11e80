#!/usr/bin/env bash
# prfaq.ReviewText against write-good 1.0.8 (default checks, in process, in
# Node) on the same 3,000-word narrative: the Go benchmark and a Node timing
# of writeGood(text) run in alternating rounds, so both sides see the same
# machine load, and the script prints each side's MB/s and the ratio.
#
#   .ci/bench/prfaq.sh            # 5 rounds
#   ROUNDS=1 .ci/bench/prfaq.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "installing write-good@1.0.8 from npm into $work"
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent write-good@1.0.8 >/dev/null)

# The narrative BenchmarkReviewText reviews, written out for Node.
PRFAQ_NARRATIVE_OUT="$work/narrative.md" go test -count=1 -run '^TestWriteNarrative$' ./prfaq/ >/dev/null
bytes=$(wc -c <"$work/narrative.md")

cat >"$work/time.js" <<'JS'
const writeGood = require('write-good');
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const bytes = Buffer.byteLength(text);
let found = 0;
for (let i = 0; i < 30; i++) found = writeGood(text).length; // let the JIT settle
let n = 0;
const t0 = process.hrtime.bigint();
let ns = 0;
while (ns < 2e9) {
  found = writeGood(text).length;
  n++;
  ns = Number(process.hrtime.bigint() - t0);
}
console.log(`${ns / n} ${found}`);
JS

go test -c -o "$work/prfaq.test" ./prfaq/ >/dev/null

go_ns=()
node_ns=()
for r in $(seq "$ROUNDS"); do
  line=$(cd prfaq && "$work/prfaq.test" -test.run '^$' -test.bench '^BenchmarkReviewText$' -test.benchtime 2s -test.benchmem | grep '^BenchmarkReviewText')
  g=$(awk '{print $3}' <<<"$line")
  allocs=$(awk '{for (i = 1; i <= NF; i++) if ($i == "allocs/op") print $(i-1)}' <<<"$line")
  findings=$(awk '{for (i = 1; i <= NF; i++) if ($i == "findings/op") print $(i-1)}' <<<"$line")
  read -r n wgfound < <(node "$work/time.js" "$work/narrative.md")
  go_ns+=("$g")
  node_ns+=("$n")
  awk -v r="$r" -v g="$g" -v n="$n" -v b="$bytes" 'BEGIN {
    printf "round %d: Go %.0f ns/op (%.1f MB/s), write-good %.0f ns/op (%.2f MB/s), ratio %.1fx\n", r, g, b / g * 1000, n, b / n * 1000, n / g }'
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
g=$(median "${go_ns[@]}")
n=$(median "${node_ns[@]}")
echo
echo "narrative: $bytes bytes, about 3,000 words"
awk -v g="$g" -v n="$n" -v b="$bytes" -v a="$allocs" -v f="$findings" -v w="$wgfound" 'BEGIN {
  printf "prfaq.ReviewText   %10.0f ns/op  %8.2f MB/s  %s allocs/op  %s findings\n", g, b / g * 1000, a, f
  printf "write-good 1.0.8   %10.0f ns/op  %8.2f MB/s  %s suggestions\n", n, b / n * 1000, w
  printf "ratio (median of rounds): %.1fx write-good'"'"'s throughput (goal: 40x)\n", n / g }'
