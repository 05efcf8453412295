-- haplotype_sites.allele_bit for alphabets of at most 8 alleles: the bit in one byte, bit 7 - code
-- (a right shift, as allele_bit says why). The OR tree combines these faster than 64-bit bits (no
-- widening cast per sample); as a list (thousands of samples) they take an eighth of the memory
-- (figures in bench/RESULTS.md).
(128::UTINYINT >> enum_code({{sample}}))
