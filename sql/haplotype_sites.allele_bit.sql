-- One ALT sample's term in haplotype_sites: the bit of its allele's ENUM code.
(1::UBIGINT << enum_code(m.{{sample}}))
