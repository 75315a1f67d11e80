#!/usr/bin/env bash
# Loop enumeration, flywheel against networkx, side by side on the same
# complete directed graphs (K_9: 125,664 elementary loops; K_10: 1,112,073,
# OEIS A002807):
#   Loops    (LoopOptions{MaxLoops: 200000, MaxLength: 9}) against list(networkx.simple_cycles(G))
#   EachLoop (a callback per loop, nothing kept)       against consuming the generator
# Both sides run ROUNDS times, alternating, so they see the same load (Go
# three times three operations a round, networkx one); the best of each is
# compared, by wall time and by CPU time (on a machine
# shared with other work the wall time measures the load as much as the
# code; Go's figure includes its collector's threads).
#
# networkx comes from Debian's package (PyPI is not reachable), whose version
# may be older than the 3.6 the issue names; the version used is printed.
# NETWORKX_SRC=/path/to/networkx-checkout times that source tree too (the
# networkx package is pure Python), e.g. a checkout of the networkx-3.6 tag.
# BENCH_K10=1 also times K_10 (networkx 2.x takes minutes on it).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
PY=/usr/bin/python3

if ! "$PY" -c 'import networkx' 2>/dev/null; then
  apt-get install -y python3-networkx >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y python3-networkx >/dev/null; }
fi

peer() { # peer NAME PYTHONPATH N MODE: prints wall and CPU milliseconds and the loop count
  PYTHONPATH="$2" "$PY" - "$3" "$4" <<'PYEOF'
import sys, time, networkx as nx
n, mode = int(sys.argv[1]), sys.argv[2]
G = nx.complete_graph(n, create_using=nx.DiGraph)
t, c = time.perf_counter(), time.process_time()
if mode == "list":
    count = len(list(nx.simple_cycles(G)))
else:
    count = 0
    for _ in nx.simple_cycles(G):
        count += 1
ms = (time.perf_counter() - t) * 1e3
cpu = (time.process_time() - c) * 1e3
print(f"{ms:.1f} {cpu:.1f} {count}")
PYEOF
}

peers=("debian:")
if [ -n "${NETWORKX_SRC:-}" ]; then peers+=("source:$NETWORKX_SRC"); fi
for p in "${peers[@]}"; do
  v=$(PYTHONPATH="${p#*:}" "$PY" -c 'import networkx; print(networkx.__version__)')
  echo "peer ${p%%:*}: networkx $v ($("$PY" --version))"
done
go version

benches='^Benchmark(Loops|EachLoop)$/^K9$'
cases="9:list 9:gen"
if [ -n "${BENCH_K10:-}" ]; then
  benches='^Benchmark(Loops|EachLoop)$/^K(9|10)$'
  cases="$cases 10:gen"
fi
go test -c -o /tmp/flywheel.bench.test ./flywheel

declare -A best
keep() { # keep KEY MS: the lowest
  if [ -z "${best[$1]:-}" ] || awk -v a="$2" -v b="${best[$1]}" 'BEGIN{exit !(a<b)}'; then best[$1]=$2; fi
}
for r in $(seq "$ROUNDS"); do
  while read -r name ms cpu bop aop; do
    keep "go:$name" "$ms"
    keep "gocpu:$name" "$cpu"
    echo "round $r go   $name $ms ms/op ($cpu ms CPU), $bop B/op, $aop allocs/op"
  done < <(/tmp/flywheel.bench.test -test.run '^$' -test.bench "$benches" -test.benchmem -test.benchtime 3x -test.count 3 |
    awk '/^Benchmark/ { name = $1; sub(/-[0-9]+$/, "", name)
      for (i = 2; i < NF; i++) { v[$(i+1)] = $i }
      printf "%s %.2f %.2f %s %s\n", name, v["ns/op"] / 1e6, v["cpu-ms/op"], v["B/op"], v["allocs/op"] }')
  for c in $cases; do
    n=${c%:*} mode=${c#*:}
    for p in "${peers[@]}"; do
      read -r ms cpu count < <(peer "${p%%:*}" "${p#*:}" "$n" "$mode")
      keep "${p%%:*}:K$n:$mode" "$ms"
      keep "${p%%:*}cpu:K$n:$mode" "$cpu"
      echo "round $r ${p%%:*} K$n $mode $ms ms ($cpu ms CPU, $count loops)"
    done
  done
done

echo
echo "best of $ROUNDS rounds:"
ratio() { # ratio GOKEY PEERKEY LABEL
  local g=${best[$1]:-} p=${best[$2]:-}
  [ -n "$g" ] && [ -n "$p" ] || return 0
  awk -v g="$g" -v p="$p" -v l="$3" 'BEGIN{printf "  %-60s go %8.2f ms   networkx %9.1f ms   ratio %6.1fx\n", l, g, p, p/g}'
}
for p in "${peers[@]}"; do
  k=${p%%:*}
  for t in "" cpu; do
    what=wall; [ -n "$t" ] && what=CPU
    ratio go$t:BenchmarkLoops/K9 "$k$t:K9:list" "Loops K9 vs list(simple_cycles), $what [$k]"
    ratio go$t:BenchmarkEachLoop/K9 "$k$t:K9:gen" "EachLoop K9 vs generator, $what [$k]"
    ratio go$t:BenchmarkEachLoop/K10 "$k$t:K10:gen" "EachLoop K10 vs generator, $what [$k]"
  done
done
