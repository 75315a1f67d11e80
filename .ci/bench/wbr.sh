#!/usr/bin/env bash
# wbr.ReadCSV + wbr.Build against pandas (read_csv, pivot, resample and the
# same period sums, .ci/bench/wbr.py) on the same CSV files: 100 metrics × 3
# years of daily data (109,600 rows) and 500 metrics × 10 years (1,826,000
# rows). Both sides run here, one after the other, so they see the same
# machine; each reports its best wall time and its CPU time, and the ratios
# are printed. The promise (issue 14): wbr at least 20 times faster at the
# small size, and linear in the rows up to the large one.
#
# With WBR_TEST_DSN set (. .ci/postgres.sh) it also times reading the small
# size from PostgreSQL, long and wide.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=/usr/bin/python3
if ! "$PY" -c 'import pandas' 2>/dev/null; then
  echo "installing python3-pandas from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-pandas >/dev/null
fi
RUNS=${RUNS:-5}
END=2026-11-21
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# The same rows as the Go benchmarks' csvOf: metric by metric, day by day.
gen() { # metrics days file
  "$PY" - "$@" <<'PYEOF'
import datetime, math, sys
metrics, days, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
end = datetime.date(2026, 11, 21)
dates = [(end - datetime.timedelta(days=d)).isoformat() for d in range(days - 1, -1, -1)]
with open(path, "w") as f:
    f.write("date,metric,value\n")
    for m in range(metrics):
        name = "metric_%03d" % m
        f.writelines("%s,%s,%.2f\n" % (dates[i], name, 1000 + 100 * math.sin(days - 1 - i + m)) for i in range(days))
PYEOF
}

go test -c -o "$dir/wbr.test" ./wbr >/dev/null

printf '%-9s %12s %12s %12s %12s %8s %8s\n' size "wbr wall" "wbr cpu" "pandas wall" "pandas cpu" "wall x" "cpu x"
for size in "100 1096" "500 3652"; do
  set -- $size
  csv="$dir/data-$1.csv"
  gen "$1" "$2" "$csv"
  out=$(WBR_BENCH_CSV="$csv" WBR_BENCH_METRICS="$1" "$dir/wbr.test" -test.run '^$' \
    -test.bench '^BenchmarkBuildFile$' -test.benchtime "${RUNS}x" -test.count 3 | grep '^BenchmarkBuildFile')
  echo "$out" >&2
  # The best of the counts, as pandas reports its best run.
  go_wall=$(echo "$out" | awk '{for(i=1;i<=NF;i++) if($(i+1)=="ns/op") print $i/1e9}' | sort -g | head -1)
  go_cpu=$(echo "$out" | awk '{for(i=1;i<=NF;i++) if($(i+1)=="cpu-ns/op") print $i/1e9}' | sort -g | head -1)
  py=$("$PY" .ci/bench/wbr.py "$csv" "$END" "$RUNS")
  py_wall=$(echo "$py" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["wall"])')
  py_cpu=$(echo "$py" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["cpu"])')
  awk -v n="$1x$2" -v gw="$go_wall" -v gc="$go_cpu" -v pw="$py_wall" -v pc="$py_cpu" \
    'BEGIN { printf "%-9s %11.1fms %11.1fms %11.1fms %11.1fms %7.1fx %7.1fx\n", n, gw*1000, gc*1000, pw*1000, pc*1000, pw/gw, pc/gc }'
  rm -f "$csv"
done
echo "pandas $("$PY" -c 'import pandas; print(pandas.__version__)'), $(go version | awk '{print $3}'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${WBR_TEST_DSN:-}" ]; then
  echo "reading 109,600 rows from PostgreSQL:"
  "$dir/wbr.test" -test.run '^$' -test.bench '^BenchmarkReadSQL$' -test.benchtime 5x | grep '^BenchmarkReadSQL'
fi
