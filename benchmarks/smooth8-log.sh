#!/usr/bin/env bash
# smooth8-log.sh N [SEED]: writes to standard output the log of an N-trial sweep run the way users run one
# (examples/trial.sh: carbs-suggest --log, train, carbs-suggest --record), on the 8-parameter space and the
# smooth noisy score of benchmarks/agents.sh, with seeded noise. These are the "realistic logs" of the speed
# measurements in BENCHMARKS.md (issue 15): points where a search puts them (clustered near the front), not
# uniform ones. Needs the release tools on PATH or in BIN.
#
#   benchmarks/smooth8-log.sh 1000 > /tmp/smooth8-1000.jsonl     # about 10 minutes on one core
#   head -n $((8 + 2 * 100)) /tmp/smooth8-1000.jsonl            # the same sweep after 100 trials
set -euo pipefail
n="${1:?usage: smooth8-log.sh N [SEED]}" seed="${2:-1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${BIN:-$(swift build -c release --package-path "$root" --show-bin-path)}"
export PATH="$bin:$PATH"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
carbs-space a=linear:0:1 b=linear:0:1 c=linear:0:1 d=linear:0:1 e=log:1e-4:1e-1 f=log:1:100:cost g=linear:-1:1 h=linear:0:1 \
    > "$dir/sweep.jsonl"
# Score: a smooth function of all 8 parameters plus N(0, 0.05²) noise (seeded by trial); cost = f.
cat > "$dir/train.sh" <<'TRAIN'
#!/usr/bin/env bash
awk -v seed="$SMOOTH8_SEED" '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); sub(/^--/, "", kv[1]); p[kv[1]] = kv[2] } }
    END {
        srand(seed)
        z = sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand())
        s = -(p["a"] - 0.3)^2 - 0.5 * (p["b"] - 0.6)^2 + 0.3 * sin(3 * p["c"]) - 0.2 * p["d"]^2 \
            - 0.1 * (log(p["e"]) / log(10) + 2.5)^2 + log(p["f"]) / 10 + 0.2 * p["g"] * p["h"] + 0.05 * z
        printf "score=%.6f cost=%.6f\n", s, p["f"]
    }' <<<"$*"
TRAIN
chmod +x "$dir/train.sh"
for i in $(seq "$n"); do
    SMOOTH8_SEED=$((seed * 100000 + i)) TRAIN="$dir/train.sh" "$root/examples/trial.sh" "$dir/sweep.jsonl" --seed "$((seed * 100000 + i))" > /dev/null
done
cat "$dir/sweep.jsonl"
