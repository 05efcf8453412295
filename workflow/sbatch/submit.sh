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
#   KEEP_WORK=1      keep the contig lists and the tasks' logs after success (the concat job
#                    removes them, and with WAIT=1 this script then removes the work folder)
#   SBATCH_OPTIONS   more sbatch options for every job, e.g. "--partition=main --time=2:00:00"
#   WAIT=1           wait until the concat job ends and exit with its status (sbatch --wait)
#
# Contig names go to the tasks in files, one a line, so spaces and unicode are safe. Prints the
# array job's and the concat job's ids. The extra options must not set what the tasks set
# (--contigs, --contigs-file, -r/--regions, -o, --threads, --memory-limit, --header, --db).
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 MATRIX OUTPUT [extra convert options...]" >&2
    exit 2
fi
refuse() {
    echo "$(basename "$0"): $*" >&2
    exit 2
}
whole_number() { # NAME VALUE MINIMUM
    [[ $2 =~ ^[0-9]+$ ]] && [ "$2" -ge "$3" ] || refuse "$1 is '$2'; it must be a whole number of at least $3"
}
for option in "${@:3}"; do
    # the same words as workflow/schemas/config.schema.yaml refuses in `options`
    if [[ $option =~ ^(-[hqV]*[ort]|--(contigs|contigs-file|regions|output|threads|memory-limit|header|db)(=|$)) ]]; then
        refuse "'$option': the extra convert options must not hold --contigs, --contigs-file, -r/--regions," \
            "-o/--output, -t/--threads, --memory-limit, --header or --db: each task sets its contigs, output," \
            "threads and memory itself (use THREADS, MEM_MB, HEADER)"
    fi
done
whole_number CONTIGS_PER_TASK "${CONTIGS_PER_TASK:-1}" 1
whole_number THREADS "${THREADS:-2}" 1
whole_number MEM_MB "${MEM_MB:-2048}" 896
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

rm -rf "$work/parts"
mkdir -p "$work/parts" "$work/logs"
"$here/../scripts/contig-groups.sh" "$hapmatrix" "$matrix" "$work/groups" "$per_task" "${header_option[@]}"
tasks=$(find "$work/groups" -name '*.contigs' | wc -l)

array_job=$(sbatch --parsable "${sbatch_options[@]}" --job-name=hapmatrix-convert --array="1-$tasks" \
    --cpus-per-task="$threads" --mem="$mem_mb" --output="$work/logs/convert-%a.log" \
    "$here/hapmatrix-array.sh" "$hapmatrix" "$matrix" "$work" "$part_suffix" "$mem_mb" "${header_option[@]}" -- "$@")
array_job=${array_job%%;*}
wait_option=()
[ "${WAIT:-0}" = 1 ] && wait_option=(--wait)
concat_job=$(sbatch --parsable "${sbatch_options[@]}" "${wait_option[@]}" --job-name=hapmatrix-concat \
    --dependency="afterok:$array_job" --kill-on-invalid-dep=yes --cpus-per-task=1 --mem=1024 \
    --output="$work/logs/concat.log" \
    "$here/hapmatrix-concat.sh" "$hapmatrix" "$work" "$part_suffix" "$tasks" "$output" "${KEEP_WORK:-0}")
echo "array job ${array_job}: $tasks task(s); concat job ${concat_job%%;*} -> $output"
# sbatch --wait returned the concat's success (set -e): its own log can go now too
if [ "${WAIT:-0}" = 1 ] && [ "${KEEP_WORK:-0}" != 1 ]; then
    rm -f "$work/logs/concat.log"
    rmdir "$work/logs" "$work" 2>/dev/null || true
fi
