#!/usr/bin/env bash
# Measures Kaoping's evaluator against a one-thread raw read of the same columns, side by side in one run,
# on a demo store of CASES cases (default 10,000,000), generated once into $OUT (default /tmp/kaoping-bench).
# Reports whole-process wall time and peak memory (GNU time) and the ratios the issues set as targets.
#
#   Benchmarks/measure.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-10000000}
out=${OUT:-/tmp/kaoping-bench}/$cases
mkdir -p "$out"
swift build -c release --product kaoping >/dev/null
kaoping=.build/release/kaoping
cc -O2 -o "$out/raw-read" Benchmarks/raw-read.c -lsqlite3
if [ ! -f "$out/demo.sqlite" ]; then
    /usr/bin/time -f "generate: %e s" "$kaoping" demo --cases "$cases" --out "$out" --no-run >/dev/null
fi
# One untimed run computes the data digests kept beside the store (done once per store).
"$kaoping" run Rules/jiangsu-2024.rules --db "$out/demo.sqlite" --out "$out/run" --quiet >/dev/null
measure() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null
    read -r seconds kilobytes <"$out/time"
    printf '%-34s %8.2f s %8d MB\n' "$name" "$seconds" "$((kilobytes / 1024))"
    eval "t_${name//[^a-z0-9]/_}=$seconds"
}
echo "cases: $cases   machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB"
measure "raw read (1 thread)" "$out/raw-read" "$out/demo.sqlite"
measure "kaoping default rules (1 thread)" "$kaoping" run Rules/jiangsu-2024.rules --db "$out/demo.sqlite" --out "$out/r1" --threads 1 --quiet
measure "kaoping default rules (all cores)" "$kaoping" run Rules/jiangsu-2024.rules --db "$out/demo.sqlite" --out "$out/r2" --quiet
cmp -s "$out/r1/results.json" "$out/r2/results.json" && echo "results.json identical for 1 thread and all cores"
awk -v raw="$t_raw_read__1_thread_" -v one="$t_kaoping_default_rules__1_thread_" -v all="$t_kaoping_default_rules__all_cores_" \
    'BEGIN { printf "ratio to raw read: 1 thread %.2f, all cores %.2f (target ≤ 0.60)\n", one / raw, all / raw }'
