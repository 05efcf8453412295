-- The matrix as users query it: one row per site in input order (ORDER BY rowid recovers it),
-- contig and position, then REF and every sample as the allele ENUM.
CREATE TABLE matrix AS
SELECT getvariable('contig_lookup')[s.contig_code + 1] AS contig,
       s.pos AS pos,
       getvariable('allele_lookup')[s.ref + 1] AS ref,
       {{sample_columns}}
FROM staged_sites AS s
