-- One pair sample's result column of haplotype_sites (few samples): its allele's ENUM code.
enum_code({{sample}}) AS {{column}}
