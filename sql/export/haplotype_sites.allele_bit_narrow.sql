-- haplotype_sites.allele_bit for alphabets of at most 8 alleles: the bit in one byte. The OR tree
-- combines these faster than 64-bit bits (no widening cast per sample); as a list (thousands of
-- samples) they take an eighth of the memory (figures in bench/RESULTS.md).
(1::UTINYINT << enum_code({{sample}}))
