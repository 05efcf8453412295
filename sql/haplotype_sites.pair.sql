-- One pair's columns in haplotype_sites (the trailing comma is the list separator).
enum_code(CASE WHEN m.{{sample_a}} IN ('N', '-') THEN m.ref ELSE m.{{sample_a}} END) AS {{allele_a}},
enum_code(CASE WHEN m.{{sample_b}} IN ('N', '-') THEN m.ref ELSE m.{{sample_b}} END) AS {{allele_b}},
