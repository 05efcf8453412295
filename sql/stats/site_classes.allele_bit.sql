-- One ALT sample's allele as a bit over ENUM codes, counted from the top (bit 63 - code): a right
-- shift, which DuckDB does not check per row as it checks 1 << code (export/haplotype_sites.allele_bit.sql).
(9223372036854775808::UBIGINT >> enum_code({{sample}}))
