-- One sample column of create_matrix: its allele code (1-based) mapped to the allele ENUM.
lookup.alleles[s.{{sample}}] AS {{sample}}
