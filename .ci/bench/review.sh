#!/usr/bin/env bash
# Times the review tool on N documents (default 10,000): the decision,
# PR/FAQ, loop and flywheel templates and a memo, round-robin, 100 to a
# folder (so every folder is also a decision log and a calibration set),
# decision ids made unique. It builds the tool at BASE (default 7ce8ef8, the
# tool before the kind registry and the one parse per file) and at the
# working tree, and runs them alternately on the same tree, so both see the
# same load; it prints the wall and CPU (user+sys) time of each run and the
# ratio of the best runs.
#
# Usage: .ci/bench/review.sh [N] [BASE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
base=${2:-7ce8ef8}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/after" ./examples/review
mkdir "$work/base"
git archive "$base" | tar -x -C "$work/base"
(cd "$work/base" && go build -o "$work/before" ./examples/review)

t=examples/templates
decision=$(<$t/decision.yaml)
prfaq=$(<$t/prfaq.yaml)
loop=$(<$t/loop.yaml)
flywheel=$(<$t/flywheel.yaml)
memo='We will leverage synergies. It is believed that the plan was approved by the team.'
tree="$work/tree"
for ((i = 0; i < n; i++)); do
  dir=$(printf '%s/d%03d' "$tree" $((i / 100)))
  ((i % 100 == 0)) && mkdir -p "$dir"
  f=$(printf '%s/%05d' "$dir" "$i")
  case $((i % 5)) in
    0) printf '%s\n' "${decision/id: ADR-0042/id: ADR-$i}" > "$f.decision.yaml" ;;
    1) printf '%s\n' "$prfaq" > "$f.prfaq.yaml" ;;
    2) printf '%s\n' "$loop" > "$f.loop.yaml" ;;
    3) printf '%s\n' "$flywheel" > "$f.flywheel.yaml" ;;
    4) printf '%s\n' "$memo" > "$f.md" ;;
  esac
done

echo "review -format json on $n documents, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
time_one() { # prints "wall cpu" in seconds
  local out
  out=$( { /usr/bin/time -f '%e %U %S' "$1" -format json "$tree" > /dev/null 2>"$work/err"; } 2>&1 || true)
  out=$(tail -n 1 "$work/err")
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' <<< "$out"
}
best_before=999999 best_after=999999 cpu_before=999999 cpu_after=999999
for ((r = 1; r <= runs; r++)); do
  read -r wb cb < <(time_one "$work/before")
  read -r wa ca < <(time_one "$work/after")
  printf 'run %d: before %6.2f s wall %6.2f s cpu   after %6.2f s wall %6.2f s cpu\n' "$r" "$wb" "$cb" "$wa" "$ca"
  best_before=$(awk -v a="$best_before" -v b="$wb" 'BEGIN{print (b<a)?b:a}')
  best_after=$(awk -v a="$best_after" -v b="$wa" 'BEGIN{print (b<a)?b:a}')
  cpu_before=$(awk -v a="$cpu_before" -v b="$cb" 'BEGIN{print (b<a)?b:a}')
  cpu_after=$(awk -v a="$cpu_after" -v b="$ca" 'BEGIN{print (b<a)?b:a}')
done
awk -v wb="$best_before" -v wa="$best_after" -v cb="$cpu_before" -v ca="$cpu_after" 'BEGIN{
  printf "best: before %.2f s wall, %.2f s cpu; after %.2f s wall, %.2f s cpu; after/before %.2f wall, %.2f cpu\n", wb, cb, wa, ca, wa/wb, ca/cb }'
