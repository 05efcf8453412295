#!/usr/bin/env bash
# The gather of workflow/sbatch/submit.sh: joins WORK/parts/000001.SUFFIX ... in task order into
# OUTPUT, then removes the parts and, unless KEEP_WORK is 1, the contig lists and the tasks'
# logs (not its own log, which SLURM still writes).
#   hapmatrix-concat.sh HAPMATRIX WORK SUFFIX TASKS OUTPUT KEEP_WORK
set -euo pipefail
hapmatrix=$1 work=$2 suffix=$3 tasks=$4 output=$5 keep_work=${6:-0}
parts=()
for ((task = 1; task <= tasks; task++)); do
    parts+=("$work/parts/$(printf '%06d' "$task")$suffix")
done
"$hapmatrix" concat "${parts[@]}" -o "$output" --quiet
rm -f "${parts[@]}"
rmdir "$work/parts"
if [ "$keep_work" != 1 ]; then
    rm -rf "$work/groups"
    rm -f "$work"/logs/convert-*.log
fi
