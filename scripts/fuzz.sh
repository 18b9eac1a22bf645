#!/usr/bin/env bash
# Fuzzes the log and space parsers with libFuzzer for a bounded time.
#
#   scripts/fuzz.sh [SECONDS]        (default 60)
#
# Builds scripts/fuzz/FuzzParsers.swift together with Sources/CARBSCore (swiftc -sanitize=fuzzer,address, -O) into
# .build/fuzz/carbs-fuzz, then runs it on the bad-input corpus (Tests/CLITests/Corpus) plus what earlier runs found
# (.build/fuzz/corpus). Exits non-zero when an input crashes; the input is saved under .build/fuzz/artifacts/.
# Environment: FUZZ_JOBS (parallel workers, default 1), FUZZ_SEED (libFuzzer's -seed; default 1, so a CI run
# explores the same inputs every time and a failure reproduces; 0 picks a new seed per run, for exploring),
# FUZZ_ARGS (extra libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build/fuzz
mkdir -p "$out/corpus" "$out/artifacts"

sources=$(find Sources/CARBSCore -name '*.swift' | sort)
stamp="$out/carbs-fuzz.stamp"
if [ ! -x "$out/carbs-fuzz" ] || [ -n "$(find $sources scripts/fuzz/FuzzParsers.swift scripts/fuzz.sh -newer "$stamp" 2>/dev/null | head -1)" ]; then
    echo "fuzz: building $out/carbs-fuzz" >&2
    start=$(date +%s)
    # shellcheck disable=SC2086
    swiftc -swift-version 6 -parse-as-library -module-name CARBSFuzz -O -g \
        -sanitize=fuzzer,address \
        -I Sources/CLapack -llapack -lblas \
        $sources scripts/fuzz/FuzzParsers.swift \
        -o "$out/carbs-fuzz"
    touch "$stamp"
    echo "fuzz: built in $(( $(date +%s) - start )) s" >&2
fi

fork=()
[ "${FUZZ_JOBS:-1}" -gt 1 ] && fork=(-fork="$FUZZ_JOBS")
status=0
# shellcheck disable=SC2086
"$out/carbs-fuzz" "$out/corpus" Tests/CLITests/Corpus \
    -dict=scripts/fuzz/json.dict \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=4096 \
    -artifact_prefix="$out/artifacts/" -print_final_stats=1 -seed="${FUZZ_SEED:-1}" \
    "${fork[@]}" ${FUZZ_ARGS:-} \
    > "$out/last-run.log" 2>&1 || status=$?
tail -n 40 "$out/last-run.log"
if [ "$status" -ne 0 ]; then
    echo "fuzz: a crash was found (exit $status); what failed:" >&2
    grep -m 5 -E 'Fatal error|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY' "$out/last-run.log" >&2 || true
    echo "fuzz: the whole output is in $out/last-run.log; inputs in $out/artifacts/:" >&2
    ls -1 "$out/artifacts/" >&2
fi
exit "$status"
