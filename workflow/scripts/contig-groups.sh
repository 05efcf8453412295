#!/usr/bin/env bash
# Lists the matrix's contigs (hapmatrix contigs) and splits them into GROUPS/000001.contigs,
# 000002.contigs ..., PER_GROUP names each, one a line, in the matrix's order. Shared by the
# Snakemake workflow's checkpoint and workflow/sbatch/submit.sh.
#
#   contig-groups.sh HAPMATRIX MATRIX GROUPS PER_GROUP [--header FILE]
#
# Names travel in files, never on a command line, so spaces, commas and unicode are safe. With a
# tabix index, lines the index skips (contigs starting with '#') fail the split, naming them
# (index-hidden-lines.py), rather than go missing from the gathered output.
set -euo pipefail
if [ $# -lt 4 ]; then
    echo "usage: contig-groups.sh HAPMATRIX MATRIX GROUPS PER_GROUP [--header FILE]" >&2
    exit 2
fi
hapmatrix=$1 matrix=$2 groups=$3 per_group=$4
shift 4
if ! [[ $per_group =~ ^[1-9][0-9]*$ ]]; then
    echo "contig-groups.sh: contigs per group must be a whole number of at least 1, not '$per_group'" >&2
    exit 2
fi

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
rm -rf "$groups"
mkdir -p "$groups"
listing=$groups/contigs.txt
"$hapmatrix" contigs "$matrix" "$@" -o "$listing"
# The listing comes from the index when there is one: it must not be missing lines the index skips.
if [ -e "$matrix.tbi" ]; then
    command -v python3 >/dev/null 2>&1 \
        || { echo "contig-groups.sh: python3 is needed to check what the index $matrix.tbi skips" >&2; exit 1; }
    python3 "$here/index-hidden-lines.py" "$matrix" "$@"
fi
if [ ! -s "$listing" ]; then
    echo "contig-groups.sh: $matrix: no contig to convert" >&2
    exit 1
fi
# split keeps lines whole, whatever bytes a name holds; -a 6 numbers up to 999,999 groups.
split -l "$per_group" -a 6 --numeric-suffixes=1 --additional-suffix=.contigs "$listing" "$groups/"
