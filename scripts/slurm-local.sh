#!/usr/bin/env bash
# slurm-local.sh start|stop|status: a real single-node Slurm (Debian slurm-wlm + munge) on localhost, for the
# Slurm example and its test. No systemd, no cgroups; run as root.
#
#   start   install slurm-wlm and munge with apt-get when missing, write /etc/slurm/slurm.conf (one node
#           "localhost" with all CPUs, partition "debug"), start munged, slurmctld and slurmd, and wait until
#           the node is idle. Does nothing that is already done, so it can be run again at any time.
#   stop    stop slurmd, slurmctld and munged (TERM, then KILL after a bounded wait).
#   status  print the daemons' state and sinfo; exit 0 when the node takes jobs, 3 otherwise.
#
# Environment: SLURM_LOCAL_DIR (state, spool, pid and log files; default /var/tmp/slurm-local),
# SLURM_LOCAL_TIMEOUT (seconds to wait for each daemon; default 30), SLURM_LOCAL_FORCE=1 (overwrite a
# slurm.conf that this script did not write).
set -euo pipefail

dir="${SLURM_LOCAL_DIR:-/var/tmp/slurm-local}"
timeout_s="${SLURM_LOCAL_TIMEOUT:-30}"
conf=/etc/slurm/slurm.conf
marker="# Written by carbs scripts/slurm-local.sh"
munge_pidfile=/run/munge/munged.pid

say() { printf 'slurm-local: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# alive PID: the process exists and is not a zombie (a killed daemon whose parent does not reap it stays a
# zombie, so pgrep alone would call it running).
alive() {
    local pid="$1" state
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    state="$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
    [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

pid_of() { # pid_of PIDFILE: the live pid written there, or nothing
    local pid
    [[ -r "$1" ]] || return 1
    pid="$(tr -dc '0-9' <"$1")"
    alive "$pid" || return 1
    printf '%s\n' "$pid"
}

# wait_for SECONDS WHAT COMMAND…: poll COMMAND every 0.2 s until it succeeds; fail after SECONDS.
wait_for() {
    local seconds="$1" what="$2" deadline
    shift 2
    deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
    say "$what"
}

munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

node_state() { timeout 5 sinfo -h -o %T 2>/dev/null | head -n 1; }

node_ready() {
    case "$(node_state)" in
        idle | mixed | allocated | completing) return 0 ;;
        *) return 1 ;;
    esac
}

need_root() {
    [[ "$(id -u)" == 0 ]] || die "must run as root (apt-get, munged and the Slurm daemons)"
}

install_if_missing() {
    local missing=()
    local cmd
    for cmd in munged munge unmunge slurmctld slurmd sinfo sbatch squeue scontrol; do
        command -v "$cmd" >/dev/null 2>&1 || [[ -x "/usr/sbin/$cmd" ]] || missing+=("$cmd")
    done
    ((${#missing[@]} == 0)) && return 0
    say "installing slurm-wlm and munge (missing: ${missing[*]})"
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install slurm-wlm and munge by hand"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends slurm-wlm munge >/dev/null; then
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends slurm-wlm munge >/dev/null
    fi
}

write_conf() {
    local text
    text="$marker
ClusterName=localtest
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP"
    if [[ -e "$conf" ]]; then
        if [[ "$(cat "$conf")" == "$text" ]]; then return 0; fi
        if [[ "$(head -n 1 "$conf")" != "$marker" && "${SLURM_LOCAL_FORCE:-0}" != 1 ]]; then
            die "$conf exists and was not written by this script (set SLURM_LOCAL_FORCE=1 to replace it)"
        fi
        if pid_of "$dir/slurmctld.pid" >/dev/null || pid_of "$dir/slurmd.pid" >/dev/null; then
            die "$conf changed while Slurm runs: run '$0 stop' first"
        fi
    fi
    mkdir -p "$(dirname "$conf")"
    printf '%s\n' "$text" >"$conf.tmp.$$"
    mv -f "$conf.tmp.$$" "$conf"
    say "wrote $conf"
}

start_munge() {
    if munge_ok; then return 0; fi
    mkdir -p /run/munge
    chown munge:munge /run/munge
    chmod 0755 /run/munge
    if [[ ! -s /etc/munge/munge.key ]]; then
        say "creating /etc/munge/munge.key"
        if command -v mungekey >/dev/null 2>&1; then
            runuser -u munge -- mungekey --create --keyfile=/etc/munge/munge.key
        else
            dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
            chown munge:munge /etc/munge/munge.key
        fi
        chmod 0600 /etc/munge/munge.key
    fi
    runuser -u munge -- /usr/sbin/munged || die "munged did not start (see /var/log/munge/munged.log)"
    wait_for "$timeout_s" "munged is up" munge_ok || die "munge authentication does not work after ${timeout_s}s (see /var/log/munge/munged.log)"
}

start() {
    need_root
    install_if_missing
    mkdir -p "$dir/state" "$dir/spool" "$dir/log"
    write_conf
    start_munge
    if ! pid_of "$dir/slurmctld.pid" >/dev/null; then
        slurmctld || die "slurmctld did not start (see $dir/log/slurmctld.log)"
        wait_for "$timeout_s" "slurmctld is up" timeout 5 scontrol ping ||
            die "slurmctld does not answer after ${timeout_s}s (see $dir/log/slurmctld.log)"
    fi
    if ! pid_of "$dir/slurmd.pid" >/dev/null; then
        slurmd -N localhost || die "slurmd did not start (see $dir/log/slurmd.log)"
    fi
    if ! wait_for "$timeout_s" "node localhost is ready" node_ready; then
        # A node left down or drained by an earlier run: put it back in service once, then wait again.
        timeout 5 scontrol update nodename=localhost state=resume >/dev/null 2>&1 || true
        wait_for "$timeout_s" "node localhost resumed" node_ready ||
            die "node localhost is '$(node_state || true)', not idle, after ${timeout_s}s (see $dir/log/)"
    fi
    say "ready: sbatch, squeue and sinfo talk to partition debug on localhost"
}

stop_pid() { # stop_pid NAME PID
    local name="$1" pid="$2" deadline
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if alive "$pid"; then
        say "$name ($pid) ignores TERM: KILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
    say "stopped $name ($pid)"
}

stop() {
    need_root
    local pid
    if pid="$(pid_of "$dir/slurmd.pid")"; then stop_pid slurmd "$pid"; fi
    if pid="$(pid_of "$dir/slurmctld.pid")"; then stop_pid slurmctld "$pid"; fi
    if pid="$(pid_of "$munge_pidfile")"; then stop_pid munged "$pid"; fi
    return 0
}

status() {
    local pid name file code=0
    for name in munged slurmctld slurmd; do
        case "$name" in
            munged) file="$munge_pidfile" ;;
            *) file="$dir/$name.pid" ;;
        esac
        if pid="$(pid_of "$file")"; then
            printf '%-10s running (pid %s)\n' "$name" "$pid"
        else
            printf '%-10s not running\n' "$name"
            code=3
        fi
    done
    if munge_ok; then echo "munge      authentication works"; else echo "munge      authentication fails"; code=3; fi
    if node_ready; then
        timeout 5 sinfo || true
    else
        printf 'node       %s\n' "$(node_state || true)"
        code=3
    fi
    return "$code"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *)
        echo "usage: slurm-local.sh start|stop|status" >&2
        exit 64
        ;;
esac
