-- pair_genotypes of a database without default pairs: its columns, no rows.
CREATE VIEW pair_genotypes AS
SELECT rowid AS site, contig, pos, ref, NULL::VARCHAR AS pair, ref AS allele_a, ref AS allele_b,
       NULL::VARCHAR AS genotype
FROM matrix
WHERE false
