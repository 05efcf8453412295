-- One ALT sample's allele bit in haplotype_sites' ALT mask (alt_bit_list or bit_or): the bit of its ENUM code.
(1::UBIGINT << enum_code({{sample}}))
