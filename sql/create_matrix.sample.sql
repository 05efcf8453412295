-- One sample column of create_matrix: its allele code mapped to the allele ENUM.
(SELECT alleles FROM lookup)[s.{{sample}} + 1] AS {{sample}}
