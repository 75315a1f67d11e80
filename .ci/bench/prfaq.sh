#!/usr/bin/env bash
# prfaq.ReviewText against write-good 1.0.8 (default checks, in process, in
# Node) on the same 3,000-word narrative: the Go benchmark and a Node timing
# of writeGood(text) run in alternating rounds, so both sides see the same
# machine load, and the script prints each side's MB/s and the ratio, by
# wall time and by CPU time (user + system, GC threads included on both
# sides): on a machine shared with other jobs the wall clock measures the
# scheduler as much as the code, and the CPU time measures the work.
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
let found = 0;
for (let i = 0; i < 30; i++) found = writeGood(text).length; // let the JIT settle
let n = 0;
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let ns = 0;
while (ns < 2e9) {
  found = writeGood(text).length;
  n++;
  ns = Number(process.hrtime.bigint() - t0);
}
const c = process.cpuUsage(c0);
console.log(`${ns / n} ${(c.user + c.system) * 1000 / n} ${found}`);
JS

go test -c -o "$work/prfaq.test" ./prfaq/ >/dev/null

go_ns=()
go_cpu=()
node_ns=()
node_cpu=()
field() { awk -v k="$1" '{for (i = 2; i <= NF; i++) if ($i == k) print $(i-1)}'; }
for r in $(seq "$ROUNDS"); do
  line=$(cd prfaq && "$work/prfaq.test" -test.run '^$' -test.bench '^BenchmarkReviewText$' -test.benchtime 2s -test.benchmem | grep '^BenchmarkReviewText')
  g=$(field ns/op <<<"$line")
  gc=$(field cpu-ns/op <<<"$line")
  allocs=$(field allocs/op <<<"$line")
  findings=$(field findings/op <<<"$line")
  read -r n nc wgfound < <(node "$work/time.js" "$work/narrative.md")
  go_ns+=("$g"); go_cpu+=("$gc"); node_ns+=("$n"); node_cpu+=("$nc")
  awk -v r="$r" -v g="$g" -v gc="$gc" -v n="$n" -v nc="$nc" -v b="$bytes" 'BEGIN {
    printf "round %d: Go %.0f ns/op wall, %.0f CPU (%.1f MB/s); write-good %.0f ns/op wall, %.0f CPU (%.2f MB/s); ratio %.1fx wall, %.1fx CPU\n",
      r, g, gc, b / g * 1000, n, nc, b / n * 1000, n / g, nc / gc }'
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
g=$(median "${go_ns[@]}"); gc=$(median "${go_cpu[@]}")
n=$(median "${node_ns[@]}"); nc=$(median "${node_cpu[@]}")
echo
echo "narrative: $bytes bytes, about 3,000 words; medians of $ROUNDS rounds"
awk -v g="$g" -v gc="$gc" -v n="$n" -v nc="$nc" -v b="$bytes" -v a="$allocs" -v f="$findings" -v w="$wgfound" 'BEGIN {
  printf "prfaq.ReviewText  %10.0f ns/op wall %8.2f MB/s   %10.0f ns/op CPU %8.2f MB/s   %s allocs/op, %s findings\n", g, b / g * 1000, gc, b / gc * 1000, a, f
  printf "write-good 1.0.8  %10.0f ns/op wall %8.2f MB/s   %10.0f ns/op CPU %8.2f MB/s   %s suggestions\n", n, b / n * 1000, nc, b / nc * 1000, w
  printf "ratio: %.1fx write-good'"'"'s throughput by wall time, %.1fx by CPU time (goal: 40x)\n", n / g, nc / gc }'
