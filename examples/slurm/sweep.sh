#!/usr/bin/env bash
# slurm/sweep.sh [LOG [N [P]]]: submit N trials (default 8) as one Slurm job array, at most P running at once
# (default: no limit), wait for the array to finish and print the front. LOG defaults to sweep.jsonl and is
# created with the toy space when missing. Task outputs go to LOG's folder as carbs-trial-JOB_TASK.out.
# SLURM_SWEEP_TIMEOUT (seconds, default 3600) bounds the wait; extra sbatch options can be given in
# SBATCH_FLAGS (e.g. "--partition=gpu --gres=gpu:1").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
examples="$(dirname "$here")"
log="${1:-sweep.jsonl}"
n="${2:-8}"
p="${3:-}"
timeout_s="${SLURM_SWEEP_TIMEOUT:-3600}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"
logdir="$(cd "$(dirname "$log")" && pwd)"
log="$logdir/$(basename "$log")"    # array tasks may start in another directory
read -r -a extra <<<"${SBATCH_FLAGS:-}"

job="$(CARBS_EXAMPLES="$examples" sbatch --parsable --array="1-$n${p:+%$p}" \
    --output="$logdir/carbs-trial-%A_%a.out" ${extra[@]+"${extra[@]}"} "$here/trial.sbatch" "$log")"
job="${job%%;*}"    # --parsable prints JOBID or JOBID;CLUSTER
echo "submitted job array $job (1-$n) on $log" >&2

deadline=$((SECONDS + timeout_s))
while [[ -n "$(squeue -h -j "$job" -o %i 2>/dev/null)" ]]; do
    if ((SECONDS >= deadline)); then
        echo "slurm/sweep.sh: job $job still running after ${timeout_s}s; the log keeps what is done" >&2
        exit 1
    fi
    sleep 0.5
done

# Finished tasks stay visible to scontrol for MinJobAge (300 s by default): report any that did not complete.
bad="$(scontrol -o show job "$job" 2>/dev/null | grep -v 'JobState=COMPLETED' | sed -n 's/.*ArrayTaskId=\([^ ]*\).*JobState=\([^ ]*\).*/task \1: \2/p' || true)"
if [[ -n "$bad" ]]; then
    echo "slurm/sweep.sh: some array tasks did not complete (see $logdir/carbs-trial-${job}_*.out):" >&2
    echo "$bad" >&2
    exit 1
fi

"$examples/front.sh" "$log"
