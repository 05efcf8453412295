#!/usr/bin/env bash
# hapmatrix on SLURM without a workflow manager: one array task per group of contigs, then a
# concat job that starts only when every task succeeded (--dependency=afterok).
#
#   workflow/sbatch/submit.sh MATRIX OUTPUT [extra convert options...]
#
# Settings (environment variables):
#   HAPMATRIX        the hapmatrix command (default: target/hapmatrix of this checkout)
#   HEADER           a --header file (the matrix then has no header line)
#   CONTIGS_PER_TASK contigs per array task (default 1; SLURM's MaxArraySize, often 1001, caps the tasks)
#   THREADS          --cpus-per-task and hapmatrix --threads of each task (default 2)
#   MEM_MB           --mem of each task in MB (default 2048; DuckDB gets MEM_MB - 640)
#   WORK             folder for contig lists, parts and logs (default OUTPUT.hapmatrix-work)
#   SBATCH_OPTIONS   more sbatch options for every job, e.g. "--partition=main --time=2:00:00"
#   WAIT=1           wait until the concat job ends and exit with its status (sbatch --wait)
#
# Contig names go to the tasks in files, one a line, so spaces and unicode are safe. Prints the
# array job's and the concat job's ids.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 MATRIX OUTPUT [extra convert options...]" >&2
    exit 2
fi
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
matrix=$(readlink -f "$1")
output=$(readlink -m "$2")
shift 2
hapmatrix=${HAPMATRIX:-$here/../../target/hapmatrix}
[[ $hapmatrix == */* ]] && hapmatrix=$(readlink -f "$hapmatrix")
per_task=${CONTIGS_PER_TASK:-1}
threads=${THREADS:-2}
mem_mb=${MEM_MB:-2048}
work=$(readlink -m "${WORK:-$output.hapmatrix-work}")
read -r -a sbatch_options <<< "${SBATCH_OPTIONS:-}"
header_option=()
[ -n "${HEADER:-}" ] && header_option=(--header "$(readlink -f "$HEADER")")

case $output in
    *.vcf|*.vcf.gz) part_suffix=.vcf ;;
    *) part_suffix=.txt ;;
esac

rm -rf "$work/groups" "$work/parts"
mkdir -p "$work/groups" "$work/parts" "$work/logs"
"$hapmatrix" contigs "$matrix" "${header_option[@]}" -o "$work/contigs.txt"
# split keeps lines whole, whatever bytes a name holds; -a 6 numbers up to 999,999 groups.
split -l "$per_task" -a 6 --numeric-suffixes=1 --additional-suffix=.contigs "$work/contigs.txt" "$work/groups/"
tasks=$(find "$work/groups" -name '*.contigs' | wc -l)
if [ "$tasks" -eq 0 ]; then
    echo "$0: $matrix: no contig to convert" >&2
    exit 1
fi

array_job=$(sbatch --parsable "${sbatch_options[@]}" --job-name=hapmatrix-convert --array="1-$tasks" \
    --cpus-per-task="$threads" --mem="$mem_mb" --output="$work/logs/convert-%a.log" \
    "$here/hapmatrix-array.sh" "$hapmatrix" "$matrix" "$work" "$part_suffix" "$mem_mb" "${header_option[@]}" -- "$@")
array_job=${array_job%%;*}
wait_option=()
[ "${WAIT:-0}" = 1 ] && wait_option=(--wait)
concat_job=$(sbatch --parsable "${sbatch_options[@]}" "${wait_option[@]}" --job-name=hapmatrix-concat \
    --dependency="afterok:$array_job" --kill-on-invalid-dep=yes --cpus-per-task=1 --mem=1024 \
    --output="$work/logs/concat.log" \
    "$here/hapmatrix-concat.sh" "$hapmatrix" "$work" "$part_suffix" "$tasks" "$output")
echo "array job ${array_job}: $tasks task(s); concat job ${concat_job%%;*} -> $output"
