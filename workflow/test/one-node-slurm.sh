#!/usr/bin/env bash
# A throwaway one-node SLURM cluster on this machine, for the workflow tests (run as root).
#
#   one-node-slurm.sh start DIR   writes DIR/slurm.conf, starts munged (unless one already
#                                 answers), slurmctld and slurmd in the foreground (-D) as
#                                 children of this script's caller, records their PIDs in
#                                 DIR/pids, and waits (bounded) until the node is idle
#   one-node-slurm.sh stop DIR    stops exactly the daemons recorded in DIR/pids (TERM, then
#                                 KILL after 20 s), and nothing else
#
# Clients find the cluster through SLURM_CONF=DIR/slurm.conf. Everything the daemons write
# (state, spool, logs, PID files) stays in DIR. Ports 16817/16818 keep clear of a real cluster's.
set -euo pipefail

command=${1:?usage: one-node-slurm.sh start|stop DIR}
dir=$(readlink -m "${2:?usage: one-node-slurm.sh start|stop DIR}")
pids_file=$dir/pids

log() { echo "one-node-slurm: $*" >&2; }

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
    local timeout=$1
    shift
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            return 1
        fi
        sleep 0.5
    done
}

stop() {
    [ -f "$pids_file" ] || return 0
    local pid name
    # the reverse order of starting: slurmd, slurmctld, then munged
    tac "$pids_file" | while read -r pid name; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            if ! wait_for 20 bash -c "! kill -0 $pid"; then
                log "$name ($pid) ignored TERM for 20 s; killing it"
                kill -KILL "$pid" 2>/dev/null || true
                wait_for 5 bash -c "! kill -0 $pid" || log "$name ($pid) survived KILL"
            fi
        fi
    done
    rm -f "$pids_file"
}

start_daemon() {
    local name=$1
    shift
    "$@" >"$dir/log/$name.out" 2>&1 &
    echo "$! $name" >>"$pids_file"
}

start() {
    [ "$(id -u)" -eq 0 ] || { log "must run as root (munged and slurmd need it)"; exit 1; }
    for tool in munged slurmctld slurmd sbatch scontrol sinfo; do
        command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] \
            || { log "$tool is missing; scripts/install-tools installs it"; exit 1; }
    done
    mkdir -p "$dir/state" "$dir/spool" "$dir/log"
    : >"$pids_file"
    local host cpus memory_mb
    host=$(hostname -s)
    cpus=$(nproc)
    memory_mb=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
    memory_mb=$((memory_mb > 8192 ? 8192 : memory_mb * 3 / 4))
    cat >"$dir/slurm.conf" <<CONF
ClusterName=hapmatrixtest
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
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
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=512
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
# Without slurmdbd, job states come from scontrol, which forgets a job MinJobAge s after it ended.
MinJobAge=600
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF=$dir/slurm.conf

    if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
        log "a munged already answers; using it (not ours to stop)"
    else
        mkdir -p /run/munge /etc/munge
        chown munge:munge /run/munge
        chmod 0755 /run/munge
        if [ ! -s /etc/munge/munge.key ]; then
            log "no /etc/munge/munge.key; generating one"
            dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
        fi
        chown munge:munge /etc/munge/munge.key
        chmod 0400 /etc/munge/munge.key
        # As root munged refuses a key owned by root, so it runs as munge (setpriv execs, unlike
        # runuser, so the recorded PID is munged's own), in the foreground (-F).
        start_daemon munged setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F
        wait_for 20 bash -c 'munge -n | unmunge' || { log "munged did not answer within 20 s"; cat "$dir/log/munged.out" >&2; stop; exit 1; }
    fi
    start_daemon slurmctld /usr/sbin/slurmctld -D -i -f "$dir/slurm.conf"
    wait_for 30 scontrol ping || { log "slurmctld did not answer within 30 s"; tail -20 "$dir/log/slurmctld.log" >&2 || true; stop; exit 1; }
    start_daemon slurmd /usr/sbin/slurmd -D -f "$dir/slurm.conf"
    if ! wait_for 60 bash -c "sinfo -h -N -o '%T' | grep -qx idle"; then
        log "the node did not become idle within 60 s: $(sinfo -h -N -o '%T %E' 2>&1)"
        tail -20 "$dir/log/slurmd.log" "$dir/log/slurmctld.log" >&2 || true
        stop
        exit 1
    fi
    log "cluster up: $(sinfo -h -N -o '%N %T %c CPUs %m MB')"
}

case $command in
    start) start ;;
    stop) stop ;;
    *) log "unknown command $command (start or stop)"; exit 2 ;;
esac
