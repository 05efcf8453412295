-- haplotype_sites' pair_alleles when no pair is written: an empty list of a fixed-width type (a
-- bare [] would be a list of NULLs, which the formatter's Arrow reader cannot take).
[]::UTINYINT[] AS pair_alleles
