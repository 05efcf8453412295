-- The written sites of one contig within a rowid range, in input order, for alphabets of at most
-- 64 alleles. Per site: each pair's two alleles as ENUM codes, the position, REF's code, and
-- ALT as a bit mask over ENUM codes: the alleles of the ALT samples minus REF and minus N (whose
-- bit is the first parameter). Sites whose ALT is empty are not returned.
SELECT *
FROM (
    SELECT {{pair_alleles}}
           m.pos AS pos,
           enum_code(m.ref) AS ref_code,
           ({{allele_bits}}) & ~((1::UBIGINT << enum_code(m.ref)) | ?::UBIGINT) AS alt_mask
    FROM matrix AS m
    WHERE m.contig = ? AND m.rowid BETWEEN ? AND ?  -- contig, first rowid, last rowid
)
WHERE alt_mask <> 0
