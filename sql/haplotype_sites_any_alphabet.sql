-- haplotype_sites for any alphabet size (its bit mask needs at most 64 alleles): ALT as the
-- ENUM codes of the distinct alleles of the ALT samples minus N and REF, ascending (ENUM order
-- is byte order). Columns and parameters as in haplotype_sites, without N's bit.
SELECT *
FROM (
    SELECT list_transform([{{pair_samples}}]::allele[], lambda a: enum_code(a)) AS pair_alleles,
           rowid AS site,
           pos,
           enum_code(ref) AS ref_code,
           list_transform(
               list_sort(list_distinct(list_filter([{{alt_samples}}], lambda a: a <> 'N' AND a <> ref))),
               lambda a: enum_code(a)) AS alt_codes
    FROM matrix
    WHERE rowid BETWEEN ? AND ? AND (?::VARCHAR IS NULL OR contig = ?)
    OFFSET 0
)
WHERE len(alt_codes) > 0
