#!/usr/bin/env bash
# One array task of workflow/sbatch/submit.sh: converts the contigs listed in
# WORK/groups/NNNNNN.contigs (NNNNNN = the task id) into WORK/parts/NNNNNN.SUFFIX.
#   hapmatrix-array.sh HAPMATRIX MATRIX WORK SUFFIX MEM_MB [--header FILE] -- [convert options...]
set -euo pipefail
hapmatrix=$1 matrix=$2 work=$3 suffix=$4 mem_mb=$5
shift 5
header_option=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do header_option+=("$1"); shift; done
[ $# -gt 0 ] && shift
group=$(printf '%06d' "${SLURM_ARRAY_TASK_ID:?not run as a SLURM array task}")
memory_limit=$(( mem_mb - 640 > 256 ? mem_mb - 640 : 256 ))MB
exec "$hapmatrix" convert "$matrix" "${header_option[@]}" --contigs-file "$work/groups/$group.contigs" \
    -o "$work/parts/$group$suffix" --threads "${SLURM_CPUS_PER_TASK:-1}" --memory-limit "$memory_limit" --quiet "$@"
