#!/usr/bin/env bash
# The scatter/gather on a real one-node SLURM cluster: starts munged, slurmctld and slurmd
# (one-node-slurm.sh), runs workflow/Snakefile with --slurm and the sbatch array script
# (workflow/sbatch/submit.sh) on a bgzipped, indexed matrix of 7 contigs with odd names, and
# compares both with one `hapmatrix convert`. Always stops the daemons it started (trap), and
# every wait is bounded, so it cannot hang CI.
#
#   slurm-workflow-test.sh HAPMATRIX WORKDIR      (run as root; exit 77 = skipped: not root)
#
# WORKDIR (no spaces: Snakemake 7 passes it to sbatch -D unquoted) keeps the logs, and
# WORKDIR/started-pids the daemons started, for the caller to check that none is left.
set -euo pipefail
hapmatrix=$(readlink -f "${1:?usage: slurm-workflow-test.sh HAPMATRIX WORKDIR}")
work=$(readlink -m "${2:?usage: slurm-workflow-test.sh HAPMATRIX WORKDIR}")
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
workflow=$(cd "$here/.." && pwd)

if [ "$(id -u)" -ne 0 ]; then
    echo "slurm-workflow-test: skipped: a SLURM cluster needs root (slurmd, munged); CI runs as root" >&2
    exit 77
fi
for tool in snakemake bgzip tabix sbatch scontrol sinfo squeue setpriv python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "slurm-workflow-test: $tool is missing; scripts/install-tools installs it" >&2; exit 1; }
done

# One test cluster per machine at a time (fixed ports, the machine's munged): wait for another
# run of this test (another checkout's build) to finish, but not for ever.
exec 9>/tmp/hapmatrix-slurm-test.lock
flock -w 400 9 || { echo "slurm-workflow-test: another run held /tmp/hapmatrix-slurm-test.lock for 400 s" >&2; exit 1; }

mkdir -p "$work"
cluster=$work/cluster
cleanup() {
    [ -f "$cluster/pids" ] && cp "$cluster/pids" "$work/started-pids"
    "$here/one-node-slurm.sh" stop "$cluster" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "slurm-workflow-test: $*" >&2; }

step "matrix: 7 contigs, bgzip + tabix"
python3 "$here/make-matrix.py" "$work/m.txt" 7 2000
bgzip -f "$work/m.txt"
tabix -f -s1 -b2 -e2 -S1 "$work/m.txt.gz"
timeout 120 "$hapmatrix" convert "$work/m.txt.gz" -o "$work/expected.txt" --quiet
[ "$(timeout 60 "$hapmatrix" contigs "$work/m.txt.gz" | wc -l)" -eq 7 ]

step "starting a one-node cluster"
"$here/one-node-slurm.sh" start "$cluster"
export SLURM_CONF=$cluster/slurm.conf
export USER=${USER:-$(id -un)}

step "snakemake --slurm"
mkdir -p "$work/snakemake"
(cd "$work/snakemake" && timeout 360 snakemake -s "$workflow/Snakefile" -j 7 --slurm \
    --max-status-checks-per-second 1 --latency-wait 30 \
    --default-resources slurm_partition=test runtime=10 \
    --config matrix="$work/m.txt.gz" output="$work/snakemake/gathered.txt" hapmatrix="$hapmatrix" \
        contigs_per_job=1 threads=1 mem_mb=900 \
    >"$work/snakemake.log" 2>&1) || { tail -40 "$work/snakemake.log" >&2; exit 1; }
cmp "$work/expected.txt" "$work/snakemake/gathered.txt"
# every convert went through SLURM: one sbatch log per contig group
jobs=$(find "$work/snakemake/.snakemake/slurm_logs/rule_convert_group" -name '*.log' | wc -l)
[ "$jobs" -eq 7 ] || { echo "slurm-workflow-test: $jobs SLURM convert jobs, expected 7" >&2; exit 1; }
[ ! -e "$work/snakemake/gathered.txt.hapmatrix-work" ] \
    || { echo "slurm-workflow-test: the workflow left its work folder after success" >&2; exit 1; }

step "sbatch array + dependent concat"
WAIT=1 THREADS=1 MEM_MB=900 CONTIGS_PER_TASK=2 HAPMATRIX="$hapmatrix" \
    timeout 300 "$workflow/sbatch/submit.sh" "$work/m.txt.gz" "$work/array.txt" >"$work/submit.log" 2>&1 \
    || { cat "$work/submit.log" >&2; tail -5 "$work"/array.txt.hapmatrix-work/logs/* >&2 || true; exit 1; }
cmp "$work/expected.txt" "$work/array.txt"
grep -q '^array job [0-9]*: 4 task(s); concat job [0-9]* -> ' "$work/submit.log" \
    || { echo "slurm-workflow-test: not 4 array tasks:" >&2; cat "$work/submit.log" >&2; exit 1; }
[ ! -e "$work/array.txt.hapmatrix-work" ] \
    || { echo "slurm-workflow-test: submit.sh left its work folder after success" >&2; exit 1; }

step "sbatch array, KEEP_WORK=1: the contig lists and every task's log kept"
WAIT=1 KEEP_WORK=1 THREADS=1 MEM_MB=900 CONTIGS_PER_TASK=4 HAPMATRIX="$hapmatrix" \
    timeout 300 "$workflow/sbatch/submit.sh" "$work/m.txt.gz" "$work/kept.txt" >"$work/submit-kept.log" 2>&1 \
    || { cat "$work/submit-kept.log" >&2; tail -5 "$work"/kept.txt.hapmatrix-work/logs/* >&2 || true; exit 1; }
cmp "$work/expected.txt" "$work/kept.txt"
[ "$(ls "$work/kept.txt.hapmatrix-work/logs" | grep -c '^convert-')" -eq 2 ]
[ "$(ls "$work/kept.txt.hapmatrix-work/groups" | grep -c '\.contigs$')" -eq 2 ]
[ ! -e "$work/kept.txt.hapmatrix-work/parts" ]

step "passed"
