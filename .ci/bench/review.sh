#!/usr/bin/env bash
# Times the review tool on 10,000 documents: the five document templates and a
# memo, round-robin, 100 to a folder (so every folder is also a decision log),
# decision ids made unique. Usage: .ci/bench/review.sh [N]
# Prints the wall time of one run of the built tool (the build is not timed).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/review" ./examples/review
tree="$work/tree"
mkdir -p "$tree"
t=examples/templates
memo='We will leverage synergies. It is believed that the plan was approved by the team.'
for ((i = 0; i < n; i++)); do
  dir=$(printf '%s/d%03d' "$tree" $((i / 100)))
  [ -d "$dir" ] || mkdir "$dir"
  case $((i % 5)) in
    0) sed "s/^id: ADR-0042/id: ADR-$i/" $t/decision.yaml > "$(printf '%s/%05d.decision.yaml' "$dir" "$i")" ;;
    1) cp $t/prfaq.yaml "$(printf '%s/%05d.prfaq.yaml' "$dir" "$i")" ;;
    2) cp $t/loop.yaml "$(printf '%s/%05d.loop.yaml' "$dir" "$i")" ;;
    3) cp $t/flywheel.yaml "$(printf '%s/%05d.flywheel.yaml' "$dir" "$i")" ;;
    4) printf '%s\n' "$memo" > "$(printf '%s/%05d.md' "$dir" "$i")" ;;
  esac
done
echo "review of $n documents ($(nproc) cores):"
start=$(date +%s.%N)
set +e
"$work/review" -format json "$tree" > "$work/out.json"
rc=$?
set -e
end=$(date +%s.%N)
printf 'exit %d, %.2f s wall\n' "$rc" "$(echo "$end - $start" | bc)"
