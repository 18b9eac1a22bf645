#!/usr/bin/env bash
# large-logs.sh [N] [BIN]: every tool on an N-line log (default 100000; scripts/large-log.sh), one run each;
# prints the Markdown table rows of benchmarks/large-logs.md: command, exit status, wall seconds, peak RSS (MB).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
bin="${2:-$(swift build -c release --show-bin-path)}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
scripts/large-log.sh "$n" > "$dir/big.jsonl"
echo "| command | exit | wall s | peak RSS MB |"
echo "| --- | --- | --- | --- |"
while IFS= read -r cmd; do
    [[ -n "$cmd" ]] || continue
    cp "$dir/big.jsonl" "$dir/log.jsonl"
    set +e
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$dir/time" "$bin"/$cmd > "$dir/out" 2> "$dir/err"
    rc=$?
    set -e
    read -r wall kb < "$dir/time"
    printf '| `%s` | %s | %s | %s |\n' "${cmd//$dir\//}" "$rc" "$wall" "$((kb / 1024))"
done <<LIST
carbs-space check $dir/log.jsonl
carbs-space encode $dir/log.jsonl
carbs-space sample -n 10 $dir/log.jsonl
carbs-fit $dir/log.jsonl
carbs-suggest $dir/log.jsonl
carbs-suggest -n 4 $dir/log.jsonl
carbs-suggest --log $dir/log.jsonl
carbs-pareto $dir/log.jsonl
carbs-pareto --summary $dir/log.jsonl
carbs-pareto --hypervolume $dir/log.jsonl
carbs-plot scatter $dir/log.jsonl
carbs-plot history $dir/log.jsonl
carbs-plot params $dir/log.jsonl
carbs-plot importance $dir/log.jsonl
LIST
