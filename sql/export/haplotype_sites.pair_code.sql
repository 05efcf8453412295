-- One pair sample's entry in haplotype_sites' pair_alleles list: its allele's ENUM code.
enum_code({{sample}})
