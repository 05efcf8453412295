-- The written sites of one work unit, in input order, for alphabets of at most 64 alleles.
-- Per site: the pairs' alleles as ENUM codes (a, b per pair), its rowid (the exporter names its
-- contig from it), position, REF's ENUM code, and ALT as a bit mask over ENUM codes: the alleles
-- of the ALT samples minus REF ({{ref_bit}}, allele_bit of ref) and minus N. Bits count from the
-- top: code 0 is bit 63, or bit 7 of one-byte bits, which widen to the mask's 64 by DuckDB's own
-- cast; N's bit is the top bit shifted right by a bound count (64, none, when there is no N),
-- typed so that the mask stays a UBIGINT (untyped, it made the mask a HUGEINT). The pairs come
-- first: with thousands of samples a pair list last is slower to prepare and to run
-- (bench/RESULTS.md). This is the
-- alt_alleles rule of create_allele_macros.sql over ENUM codes, kept as integer work for speed
-- (the list form costs several times more per site); the tests hold both to the reference
-- converter. Sites whose ALT is empty are not returned ({{written}} is .written), but for
-- --gaps deletion, which takes every row (.every_row): a site with no ALT may anchor a deletion.
-- Two shapes, chosen by HaplotypeQuery from the number of samples: up to a few hundred, one
-- result column per pair sample (.pair_column) and the ALT bits ORed in a balanced tree
-- (.bit_or), which costs half the query time of lists at 31 samples; beyond that, one list of
-- pair codes (.pair_list) and one list of ALT bits folded by list_aggregate (.alt_bit_list),
-- which plan fast for thousands of samples. Bits are one byte (.allele_bit_narrow) for up to 8
-- alleles, in either shape. No lambdas over a list cast to allele[] (a quarter of the export's
-- CPU at 31 samples).
-- OFFSET 0 keeps DuckDB from pushing the outer filter down as a second copy of the ALT mask.
-- Parameters (positional, bound by HaplotypeQuery.bind): N's shift, first rowid, last rowid,
-- the unit's only contig twice (NULL when every row of the range is written), and a region's
-- last position twice and first position once (NULL for no region): a site is written when its
-- REF overlaps the region, as bcftools view -r keeps records (its end is not computed: at the last
-- position a matrix can hold, pos + length would overflow).
SELECT *
FROM (
    SELECT {{pair_alleles}},
           rowid AS site,
           pos,
           enum_code(ref) AS ref_code,
           {{alt_bits}} & ~({{ref_bit}} | (9223372036854775808::UBIGINT >> ?::UBIGINT)) AS alt_mask
    FROM matrix
    WHERE rowid BETWEEN ? AND ? AND (?::VARCHAR IS NULL OR contig = ?)
      AND (?::BIGINT IS NULL OR (pos <= ? AND pos >= ? - length(ref::VARCHAR) + 1))
    OFFSET 0
)
WHERE {{written}}
