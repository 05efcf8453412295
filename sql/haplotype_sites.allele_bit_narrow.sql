-- haplotype_sites.allele_bit for alphabets of at most 8 alleles: the bit in one byte, which the
-- OR tree combines about a tenth faster than 64-bit bits (no widening cast per sample).
(1::UTINYINT << enum_code({{sample}}))
