-- The written sites of one contig within a rowid range, in input order, for any alphabet size
-- (the bit mask of haplotype_sites needs at most 64 alleles). Per site: each pair's two
-- alleles as ENUM codes, the position, REF's code, and ALT: the ENUM codes of the distinct
-- alleles of the ALT samples minus N and REF, ascending (ENUM order is byte order).
-- Sites whose ALT is empty are not returned.
SELECT *
FROM (
    SELECT {{pair_alleles}}
           m.pos AS pos,
           enum_code(m.ref) AS ref_code,
           list_transform(
               list_sort(list_distinct(list_filter([{{alt_samples}}], lambda a: a <> 'N' AND a <> m.ref))),
               lambda a: enum_code(a)) AS alt_codes
    FROM matrix AS m
    WHERE m.contig = ? AND m.rowid BETWEEN ? AND ?  -- contig, first rowid, last rowid
)
WHERE len(alt_codes) > 0
