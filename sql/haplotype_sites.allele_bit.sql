-- One ALT sample's entry in haplotype_sites' ALT mask list: the bit of its allele's ENUM code.
(1::UBIGINT << enum_code({{sample}}))
