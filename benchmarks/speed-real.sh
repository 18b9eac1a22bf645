#!/usr/bin/env bash
# speed-real.sh LOG… : whole-process time of carbs-suggest and carbs-fit on logs that real sweeps produce
# (issue 15), at the log's first 100, 300 and 1000 runs, with reference LAPACK and with OpenBLAS (one thread).
# Prints a Markdown table: median and fastest of REPS runs (default 7), output to /dev/null.
#
# The logs (not committed; a minute to an hour to make):
#   .build/release/carbs-bench quality --problems lcbench-167149 --strategies ehvi --seeds 1 --trials 1000 --out /tmp/rl1000
#   benchmarks/smooth8-log.sh 1000 > /tmp/smooth8-1000.jsonl
#   benchmarks/speed-real.sh /tmp/rl1000/raw/lcbench-167149/ehvi/seed-0.jsonl /tmp/smooth8-1000.jsonl
# BIN=DIR measures another build; SIZES="100 1000" other prefixes; RUN="taskset -c 0" runs each tool through a
# wrapper (here: on one core, as a Slurm task with one CPU would).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${BIN:-$root/.build/release}" reps="${REPS:-7}" sizes="${SIZES:-100 300 1000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
declare -A libs=(
    [reference]="/usr/lib/x86_64-linux-gnu/lapack:/usr/lib/x86_64-linux-gnu/blas"
    [openblas]="/usr/lib/x86_64-linux-gnu/openblas-pthread"
)
echo "| log | runs | tool | library | median s | fastest s |"
echo "|---|---|---|---|---|---|"
for log in "$@"; do
    header=$(grep -vc '"id"' "$log" || true)
    name="${log##*/raw/}"; [[ "$name" == "$log" ]] && name="$(basename "$log")"
    for n in $sizes; do
        # The sweep as it stood after n finished runs: the declarations and the first n results (pending records dropped).
        awk -v n="$n" '!/"id"/ { print; next } !/"status":"pending"/ && ++k <= n' "$log" > "$dir/log.jsonl"
        have=$(($(wc -l < "$dir/log.jsonl") - header))
        ((have < n)) && continue
        for tool in carbs-suggest carbs-fit; do
            for lib in reference openblas; do
                [[ -d "${libs[$lib]%%:*}" ]] || continue
                LD_LIBRARY_PATH="${libs[$lib]}" OPENBLAS_NUM_THREADS=1 python3 - "$reps" "$bin/$tool" "$dir/log.jsonl" <<'PY' |
import os, shlex, statistics, subprocess, sys, time
reps, tool, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]
wrap = shlex.split(os.environ.get("RUN", ""))
data = open(log, "rb").read()
ts = []
for _ in range(reps):
    t = time.perf_counter()
    subprocess.run(wrap + [tool, "--seed", "1"], input=data, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    ts.append(time.perf_counter() - t)
print(f"{statistics.median(ts):.4f} | {min(ts):.4f}")
PY
                while read -r cells; do echo "| $name | $n | $tool | $lib | $cells |"; done
            done
        done
    done
done
