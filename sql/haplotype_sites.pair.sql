-- One pair's columns in haplotype_sites: the two samples' ENUM codes as stored (the exporter
-- writes REF for N and -; the trailing comma is the list separator).
enum_code(m.{{sample_a}}) AS {{allele_a}},
enum_code(m.{{sample_b}}) AS {{allele_b}},
