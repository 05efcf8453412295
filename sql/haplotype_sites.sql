-- The written sites of one work unit, in input order, for alphabets of at most 64 alleles.
-- Per site: its rowid (the exporter names its contig from it), position, REF's ENUM code, the
-- pairs' alleles as one list of ENUM codes (a, b per pair), and ALT as a bit mask over ENUM
-- codes: the alleles of the ALT samples minus REF and minus N (N's bit is bound by the query
-- class). This is the alt_alleles rule of create_allele_macros.sql over ENUM codes, kept as
-- integer work for speed (the list form costs several times more per site); the tests hold
-- both to the reference converter. Sites whose ALT is empty are not returned. Flat lists of one
-- term per sample (fragments haplotype_sites.pair_code and .allele_bit), not a chain of ORs, so
-- that thousands of samples plan fast and stay far below DuckDB's expression depth limit; and
-- no lambdas over a list cast to allele[], which cost a quarter of the export's CPU at 31 samples.
-- OFFSET 0 keeps DuckDB from pushing the outer filter down as a second copy of the ALT mask.
-- Parameters (positional, bound by HaplotypeQuery.bind): N's bit, first rowid, last rowid,
-- and the unit's only contig twice (NULL when every row of the range is written).
SELECT *
FROM (
    SELECT {{pair_alleles}} AS pair_alleles,
           rowid AS site,
           pos,
           enum_code(ref) AS ref_code,
           list_aggregate([{{alt_bits}}], 'bit_or')
               & ~((1::UBIGINT << enum_code(ref)) | ?::UBIGINT) AS alt_mask
    FROM matrix
    WHERE rowid BETWEEN ? AND ? AND (?::VARCHAR IS NULL OR contig = ?)
    OFFSET 0
)
WHERE alt_mask <> 0
