-- The written sites of one contig within a rowid range, in input order, for any alphabet size
-- (the bit mask of haplotype_sites needs at most 64 alleles). Per site: each pair's two
-- alleles as ENUM codes, the position, REF's code, and ALT: the distinct alleles of the ALT
-- samples minus N and REF, sorted (ENUM order is byte order) and comma-joined.
-- Sites whose ALT is empty are not returned.
SELECT *
FROM (
    SELECT {{pair_alleles}}
           m.pos AS pos,
           enum_code(m.ref) AS ref_code,
           array_to_string(
               list_sort(list_distinct(list_filter([{{alt_samples}}], lambda a: a <> 'N' AND a <> m.ref))),
               ',') AS alt
    FROM matrix AS m
    WHERE m.contig = ? AND m.rowid BETWEEN ? AND ?  -- contig, first rowid, last rowid
)
WHERE alt <> ''
