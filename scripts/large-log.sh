#!/usr/bin/env bash
# Writes a deterministic sweep log of N lines (default 100000) to standard output, for the large-log measurements
# (benchmarks/large-logs.md) and tests: 6 declarations and an objective, then runs (92% successes, 4% failures,
# 3% pending records resolved by a later result, 1% notes), spread over the space, costs over 4 decades.
#
#   scripts/large-log.sh [N] > big.jsonl
set -euo pipefail
n="${1:-100000}"
awk -v n="$n" 'BEGIN {
    print "{\"objective\":{\"score\":\"val_loss\",\"cost\":\"seconds\",\"goal\":\"minimize\"}}"
    print "{\"param\":\"lr\",\"space\":\"log\",\"min\":1e-05,\"max\":0.1}"
    print "{\"param\":\"width\",\"space\":\"log\",\"min\":16,\"max\":4096,\"integer\":true}"
    print "{\"param\":\"gamma\",\"space\":\"logit\",\"min\":0.9,\"max\":0.999}"
    print "{\"param\":\"dropout\",\"space\":\"linear\",\"min\":0,\"max\":0.5}"
    print "{\"param\":\"opt\",\"space\":\"choice\",\"values\":[\"adam\",\"lion\",\"sgd\"]}"
    print "{\"param\":\"seed\",\"space\":\"fixed\",\"value\":1}"
    lines = 7; i = 0; s = 12345
    split("adam lion sgd", opts, " ")
    while (lines < n) {
        i++
        s = (s * 1103515245 + 12345) % 2147483648; a = s / 2147483648
        s = (s * 1103515245 + 12345) % 2147483648; b = s / 2147483648
        s = (s * 1103515245 + 12345) % 2147483648; c = s / 2147483648
        s = (s * 1103515245 + 12345) % 2147483648; d = s / 2147483648
        s = (s * 1103515245 + 12345) % 2147483648; k = s % 100
        lr = 10 ^ (-5 + 4 * a); width = int(2 ^ (4 + 8 * b) + 0.5); gamma = 0.9 + 0.099 * c; drop = 0.5 * d
        opt = opts[1 + (i % 3)]
        params = sprintf("{\"lr\":%.6g,\"width\":%d,\"gamma\":%.6g,\"dropout\":%.6g,\"opt\":\"%s\",\"seed\":1}", lr, width, gamma, drop, opt)
        loss = 2 + (log(lr) / log(10) + 3) ^ 2 / 4 - log(width) / 20 + drop / 3 + (opt == "sgd" ? 0.2 : 0)
        secs = width * (1 + 9 * d) / 4
        id = sprintf("r%07d", i)
        if (k < 3 && lines + 2 <= n) {
            printf "{\"id\":\"%s\",\"status\":\"pending\",\"params\":%s,\"kind\":\"bo\"}\n", id, params
            printf "{\"id\":\"%s\",\"params\":%s,\"val_loss\":%.6g,\"seconds\":%.6g}\n", id, params, loss, secs
            lines += 2
        } else if (k < 7) {
            printf "{\"id\":\"%s\",\"status\":\"failed\",\"params\":%s,\"seconds\":%.6g}\n", id, params, secs / 3
            lines++
        } else if (k < 8) {
            printf "{\"event\":\"note %d\"}\n", i
            lines++
        } else {
            printf "{\"id\":\"%s\",\"params\":%s,\"val_loss\":%.6g,\"seconds\":%.6g,\"host\":\"gpu%d\"}\n", id, params, loss, secs, i % 8
            lines++
        }
    }
}'
