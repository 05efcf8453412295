-- alt_copies without a selected pair.
0
