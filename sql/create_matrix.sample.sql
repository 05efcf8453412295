-- One sample column of create_matrix: its allele code mapped to the allele ENUM.
lookup.alleles[s.{{sample}} + 1] AS {{sample}}
