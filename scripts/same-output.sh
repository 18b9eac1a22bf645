#!/usr/bin/env bash
# same-output.sh: prove that a change left every tool's output byte for byte as it was.
#
#   scripts/same-output.sh [BASE_REF]          build BASE_REF (default: the commit before issue 11's redesign)
#                                              and the working tree in release, then compare
#   BASE_BIN=DIR NEW_BIN=DIR scripts/same-output.sh   compare two existing bin directories
#
# Every command in scripts/same-output/commands runs with each build's tools first on PATH, in a fresh scratch
# directory, on a fresh copy of each log in scripts/same-output/logs/ (the benchmark problems' own logs, as
# carbs-bench wrote them, plus logs with failures, pending runs, repeats, a minimize objective and bad lines).
# Standard output, standard error, the exit code and the log after the command are compared; the only text
# masked is the wall-clock "time" field that --log writes. Exit 0 when everything is identical, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/scripts/same-output"
base_ref="${1:-84445a6}"

if [ -z "${BASE_BIN:-}" ]; then
    wt="$root/.build-same-output/base-$base_ref"
    if [ ! -d "$wt" ]; then
        git -C "$root" worktree add --detach "$wt" "$base_ref" >/dev/null
    fi
    swift build -c release --package-path "$wt" >&2
    BASE_BIN="$(swift build -c release --package-path "$wt" --show-bin-path)"
fi
if [ -z "${NEW_BIN:-}" ]; then
    swift build -c release --package-path "$root" >&2
    NEW_BIN="$(swift build -c release --package-path "$root" --show-bin-path)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# run BIN NAME LOG COMMAND: one command under one build; writes NAME.out (stdout, stderr, status, log).
run() {
    local bin="$1" out="$2" log="$3" cmd="$4" dir
    dir="$(mktemp -d "$work/run.XXXXXX")"
    [ -n "$log" ] && cp "$log" "$dir/log.jsonl"
    local status=0
    (cd "$dir" && L=log.jsonl PATH="$bin:$PATH" bash -o pipefail -c "$cmd" >"$dir/stdout" 2>"$dir/stderr") || status=$?
    {
        echo "== stdout"; cat "$dir/stdout"
        echo "== stderr"; cat "$dir/stderr"
        echo "== status $status"
        if [ -n "$log" ]; then echo "== log"; cat "$dir/log.jsonl"; fi
    } | sed -E 's/"time":[-0-9.e+]+/"time":T/g' >"$out"
    rm -rf "$dir"
}

total=0 differ=0
compare() {  # compare LOGNAME LOG COMMAND
    local name="$1" log="$2" cmd="$3"
    total=$((total + 1))
    run "$BASE_BIN" "$work/a" "$log" "$cmd"
    run "$NEW_BIN" "$work/b" "$log" "$cmd"
    if ! cmp -s "$work/a" "$work/b"; then
        differ=$((differ + 1))
        echo "DIFFERS: [$name] $cmd"
        diff "$work/a" "$work/b" | head -20 || true
    fi
}

per_log=0
while IFS= read -r cmd; do
    case "$cmd" in ''|'#'*) continue ;; '%per-log') per_log=1; continue ;; esac
    if [ "$per_log" = 0 ]; then
        compare "-" "" "$cmd"
    else
        for log in "$here"/logs/*.jsonl; do
            compare "$(basename "$log")" "$log" "$cmd"
        done
    fi
done <"$here/commands"

echo "same-output: $total commands over $(ls "$here"/logs/*.jsonl | wc -l) logs; $differ differ (base $BASE_BIN, new $NEW_BIN)"
[ "$differ" = 0 ]
