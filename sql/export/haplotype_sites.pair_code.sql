-- One sample's entry in a list of ENUM codes (haplotype_sites' pair_alleles, or
-- haplotype_sites_any_alphabet's alt_sample_codes): its allele's ENUM code.
enum_code({{sample}})
