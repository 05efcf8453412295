#!/usr/bin/env bash
# Lists the matrix's contigs (hapmatrix contigs) and splits them into GROUPS/000001.contigs,
# 000002.contigs ..., PER_GROUP names each, one a line, in the matrix's order. Shared by the
# Snakemake workflow's checkpoint and workflow/sbatch/submit.sh.
#
#   contig-groups.sh HAPMATRIX MATRIX GROUPS PER_GROUP [--header FILE]
#
# Names travel in files, never on a command line, so spaces, commas and unicode are safe.
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

rm -rf "$groups"
mkdir -p "$groups"
listing=$groups/contigs.txt
"$hapmatrix" contigs "$matrix" "$@" -o "$listing"
if [ ! -s "$listing" ]; then
    echo "contig-groups.sh: $matrix: no contig to convert" >&2
    exit 1
fi
# split keeps lines whole, whatever bytes a name holds; -a 6 numbers up to 999,999 groups.
split -l "$per_group" -a 6 --numeric-suffixes=1 --additional-suffix=.contigs "$listing" "$groups/"
