-- The rows of one work unit for alphabets over 64 alleles (too many for haplotype_sites' bit
-- mask), in input order: the pairs' alleles as ENUM codes (a, b per pair), the rowid, position
-- and REF's ENUM code, and, where ALT is taken over other samples than the pairs', those samples'
-- ENUM codes ({{alt_sample_codes}}: .alt_sample_codes, or nothing). The exporter (SiteColumns)
-- takes ALT from these codes by the alt_alleles rule of create_allele_macros.sql and skips the
-- rows whose ALT is empty: a lambda over each row's list here (list_filter, list_distinct) cost
-- about a fifth of a VCF convert's CPU, mostly in DuckDB's per-row locking (bench/RESULTS.md).
-- Parameters as haplotype_sites, without N's bit: first rowid, last rowid, the unit's only
-- contig twice (NULL when every row of the range is written), and a region's last position twice
-- and first position once (NULL for no region).
SELECT {{pair_alleles}}{{alt_sample_codes}},
       rowid AS site,
       pos,
       enum_code(ref) AS ref_code
FROM matrix
WHERE rowid BETWEEN ? AND ? AND (?::VARCHAR IS NULL OR contig = ?)
  AND (?::BIGINT IS NULL OR (pos <= ? AND pos >= ? - length(ref::VARCHAR) + 1))
