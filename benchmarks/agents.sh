#!/usr/bin/env bash
# agents.sh: many agents on one log (issue 15). Each agent runs examples/trial.sh in a loop: carbs-suggest --log
# (default strategy), a training step of SLEEP seconds, carbs-suggest --log --record. Every flock call is traced
# with strace -T, so the time spent waiting for the lock is measured, not guessed.
#
#   benchmarks/agents.sh [AGENTS [TRIALS_PER_AGENT [SLEEP]]]     defaults: 32 4 2
#
# Prints one line: agents, trials, wall time, the ideal wall time (sleep × trials / agents, plus one agent's
# suggestion time per trial), flock wait p50 / p95 / max, suggestions per second, and whether every id is
# distinct and every record whole. Needs the release tools (swift build -c release) and strace.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
agents="${1:-32}" trials="${2:-4}" sleep_s="${3:-2}"
bin="${BIN:-$(swift build -c release --package-path "$root" --show-bin-path)}"   # BIN=DIR measures another build
export PATH="$bin:$PATH"
command -v strace >/dev/null || { echo "agents.sh: needs strace (apt-get install strace)" >&2; exit 69; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cd "$dir"
# An 8-dimensional space and a smooth noisy score, so that suggestions fit real models after the first few.
carbs-space a=linear:0:1 b=linear:0:1 c=linear:0:1 d=linear:0:1 e=log:1e-4:1e-1 f=log:1:100:cost g=linear:-1:1 h=linear:0:1 > sweep.jsonl
cat > train.sh <<TRAIN
#!/usr/bin/env bash
# trial.sh passes the params as --NAME=VALUE words (W&B-agent style).
sleep $sleep_s
for w in "\$@"; do case "\$w" in --a=*) a="\${w#--a=}" ;; --f=*) f="\${w#--f=}" ;; esac; done
awk -v a="\$a" -v f="\$f" 'BEGIN { printf "score=%.6f cost=%.6f\n", -(a-0.3)^2 + log(f)/10 + rand()*0.01, f }'
TRAIN
chmod +x train.sh
start=$(date +%s.%N)
for a in $(seq "$agents"); do
    ( for i in $(seq "$trials"); do
        TRAIN="$dir/train.sh" strace -f -ttt -T -e trace=flock -o "trace.$a.$i" "$root/examples/trial.sh" sweep.jsonl > /dev/null \
            || echo "agent $a trial $i failed" >&2
      done ) &
done
wait
end=$(date +%s.%N)
# Every LOCK_EX or LOCK_SH flock's duration is a wait (LOCK_UN returns at once); the time from its return to
# the process's next LOCK_UN is how long the lock was held.
cat trace.* | awk '/flock\([0-9]+, LOCK_(EX|SH)\)/ { match($0, /<[0-9.]+>/); print substr($0, RSTART+1, RLENGTH-2) }' | sort -n > waits.txt
shared=$(cat trace.* | grep -c 'flock([0-9]*, LOCK_SH)' || true)
cat trace.* | awk '/flock\([0-9]+, LOCK_EX\)/ { match($0, /<[0-9.]+>/); got[$1] = $2 + substr($0, RSTART+1, RLENGTH-2) }
                   /flock\([0-9]+, LOCK_UN\)/ && ($1 in got) { printf "%.6f\n", $2 - got[$1]; delete got[$1] }' | sort -n > holds.txt
n=$(wc -l < waits.txt)
pct() { awk -v p="$1" -v n="$(wc -l < "$2")" 'NR == (int(p * n) > 0 ? int(p * n) : 1) { printf "%.1f", $1 * 1000 }' "$2"; }
ids=$(grep -c '"status":"pending"' sweep.jsonl)
distinct=$(grep '"status":"pending"' sweep.jsonl | cut -c8-23 | sort -u | wc -l)
results=$(grep -vc '"status":"pending"\|"param"' sweep.jsonl || true)
torn=$(grep -vc '^{.*}$' sweep.jsonl || true)
wall=$(echo "$end - $start" | bc)
ideal=$(echo "$sleep_s * $trials" | bc)
printf 'agents %s, trials %s, wall %.1f s (training alone %.1f s), flock waits %s (%s shared): p50 %s ms, p95 %s ms, max %s ms, exclusive held p50 %s ms p95 %s ms max %s ms, suggestions/s %.2f, pending %s distinct %s, results %s, torn lines %s\n' \
    "$agents" "$((agents * trials))" "$wall" "$ideal" "$n" "$shared" "$(pct 0.5 waits.txt)" "$(pct 0.95 waits.txt)" "$(tail -1 waits.txt | awk '{printf "%.1f", $1*1000}')" \
    "$(pct 0.5 holds.txt)" "$(pct 0.95 holds.txt)" "$(tail -1 holds.txt | awk '{printf "%.1f", $1*1000}')" \
    "$(echo "$agents * $trials / $wall" | bc -l)" "$ids" "$distinct" "$results" "$torn"
