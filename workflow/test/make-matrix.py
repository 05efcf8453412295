#!/usr/bin/env python3
"""Writes a sorted genome matrix for the workflow tests: CONTIGS contigs (names with a space,
a comma and non-ASCII letters among them), SITES sites each, 8 samples (4 a/b pairs).

    make-matrix.py OUT CONTIGS SITES [SEED]
"""
import random
import sys

out, contig_count, sites = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
odd_names = ["chr 1", "chr\u00c42,x", "\u67d3\u8272\u4f533", "\u03c9 4", "scaffold_5", "chr6"]
names = [odd_names[i] if i < len(odd_names) else f"contig_{i + 1}" for i in range(contig_count)]
samples = ["1a", "1b", "2a", "2b", "s p\u00e4ce a", "s p\u00e4ce b", "10a", "10b"]
alleles = ["A", "C", "G", "T", "N", "-"]
with open(out, "w", encoding="utf-8", newline="\n") as matrix:
    matrix.write("\t".join(["contig", "pos", "ref"] + samples) + "\n")
    for name in names:
        position = rng.randint(1, 50)
        for _ in range(sites):
            ref = rng.choice(alleles[:4])
            row = [ref if rng.random() < 0.6 else rng.choice(alleles) for _ in samples]
            matrix.write("\t".join([name, str(position), ref] + row) + "\n")
            position += rng.randint(1, 30)
