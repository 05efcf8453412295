#!/usr/bin/env bash
# The gather of workflow/sbatch/submit.sh: joins WORK/parts/000001.SUFFIX ... in task order into
# OUTPUT, then removes the parts.
#   hapmatrix-concat.sh HAPMATRIX WORK SUFFIX TASKS OUTPUT
set -euo pipefail
hapmatrix=$1 work=$2 suffix=$3 tasks=$4 output=$5
parts=()
for ((task = 1; task <= tasks; task++)); do
    parts+=("$work/parts/$(printf '%06d' "$task")$suffix")
done
"$hapmatrix" concat "${parts[@]}" -o "$output" --quiet
rm -f "${parts[@]}"
