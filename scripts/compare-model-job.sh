#!/usr/bin/env bash
# The clerk's model job on a large file, side by side with DuckDB and pandas doing the same job
# from a CSV of the same table (issue 7): keep 用途=住宅用地 with 地面单价 ≥ 4000, sort by
# 地面单价 descending, write a CSV.
#
#   scripts/compare-model-job.sh [ROWS] [RUNS]     (defaults 1000000 and 3)
#
# Makes the files with the synthetic generator; installs duckdb and pandas with pip if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}; runs=${2:-3}
work=${WORK:-$(mktemp -d)}
python3 -c 'import duckdb, pandas' 2>/dev/null || pip install --quiet duckdb pandas
cargo build --release --quiet --example synthetic_gazette
cargo build --release --quiet
bin=target/release/gazette-browser
[[ -f $work/big.ron ]] || target/release/examples/synthetic_gazette --rows "$rows" --output "$work/big.ron"
[[ -f $work/big.csv ]] || "$bin" --gazette "$work/big.ron" export land-prices --encoding utf8 --output "$work/big.csv"
ls -l "$work/big.ron" "$work/big.csv"
cat "$work/big.ron" "$work/big.csv" >/dev/null # warm the page cache for every contestant

ours() {
  "$bin" --gazette "$work/big.ron" export land-prices --where 用途=住宅用地 --min 地面单价=4000 \
    --sort 地面单价:desc --output "$work/ours.csv" >/dev/null 2>&1
}
duck() {
  python3 - "$work" <<'PY'
import sys, duckdb
work = sys.argv[1]
duckdb.sql(f"""COPY (SELECT * FROM read_csv('{work}/big.csv')
  WHERE "用途" = '住宅用地' AND "地面单价(元/m²)" >= 4000
  ORDER BY "地面单价(元/m²)" DESC) TO '{work}/duck.csv' (HEADER)""")
PY
}
pandas_job() {
  python3 - "$work" <<'PY'
import sys, pandas as pd
work = sys.argv[1]
df = pd.read_csv(f"{work}/big.csv", dtype={"标定区域编号": str})
df = df[(df["用途"] == "住宅用地") & (df["地面单价(元/m²)"] >= 4000)]
df.sort_values("地面单价(元/m²)", ascending=False, kind="stable").to_csv(f"{work}/pandas.csv", index=False)
PY
}
seconds() { local start end; start=$(date +%s%N); "$@"; end=$(date +%s%N); echo "scale=2; ($end - $start) / 1000000000" | bc; }
# The order rotates from run to run: on this kind of virtual machine a program that starts
# right after another one freed a lot of memory pays for fresh pages, so a fixed order would
# always favour the same contestant.
declare -A times
names=(ours duck pandas_job)
for i in $(seq "$runs"); do
  line="run $i:"
  for k in 0 1 2; do
    name=${names[$(( (i - 1 + k) % 3 ))]}
    t=$(seconds "$name")
    times[$name]+="$t "
    line+=" $name $t s,"
  done
  echo "${line%,}"
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "medians: gazette-browser $(median <<<"${times[ours]}") s, duckdb $(median <<<"${times[duck]}") s, pandas $(median <<<"${times[pandas_job]}") s"
echo "rows written: ours $(($(wc -l <"$work/ours.csv") - 1)), duckdb $(($(wc -l <"$work/duck.csv") - 1)), pandas $(($(wc -l <"$work/pandas.csv") - 1))"
