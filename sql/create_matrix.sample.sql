-- One sample column of create_matrix: its staged code mapped to the allele ENUM.
getvariable('allele_lookup')[s.{{sample}} + 1] AS {{sample}}
