INSERT INTO allele_codes (code, allele) VALUES (:code, :allele)
