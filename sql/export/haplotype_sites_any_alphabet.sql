-- haplotype_sites for any alphabet size (its bit mask needs at most 64 alleles): ALT by the
-- table's rule (the alt_alleles macro of create_allele_macros.sql) as ENUM codes, ascending.
-- Columns and parameters as in haplotype_sites, without N's bit; pair_alleles always as one list;
-- {{written}} is .written, or haplotype_sites.every_row for --gaps deletion.
SELECT *
FROM (
    SELECT {{pair_alleles}},
           rowid AS site,
           pos,
           enum_code(ref) AS ref_code,
           list_transform(alt_alleles([{{alt_samples}}], ref), lambda a: enum_code(a)) AS alt_codes
    FROM matrix
    WHERE rowid BETWEEN ? AND ? AND (?::VARCHAR IS NULL OR contig = ?)
      AND (?::BIGINT IS NULL OR (pos <= ? AND pos + length(ref::VARCHAR) - 1 >= ?))
    OFFSET 0
)
WHERE {{written}}
