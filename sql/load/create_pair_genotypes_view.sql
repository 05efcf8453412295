-- One row per site and default pair: the two raw alleles and the phased genotype as the table
-- writes it (create_allele_macros.sql: N and - replaced by REF). Each matrix row is unnested once
-- into its pairs' two columns, in pair order, and joined to `pairs` by that order: the work grows
-- with sites times pairs (a self-join of the long form grew with the square of the samples).
-- {{pair_a_columns}} and {{pair_b_columns}} are the pairs' sample columns, quoted, in pair order.
CREATE VIEW pair_genotypes AS
SELECT s.site, s.contig, s.pos, s.ref, p.pair, s.allele_a, s.allele_b,
       concat(phased_allele(s.allele_a, s.ref), '|', phased_allele(s.allele_b, s.ref)) AS genotype
FROM (
    SELECT rowid AS site, contig, pos, ref,
           unnest(list_value({{pair_a_columns}})) AS allele_a,
           unnest(list_value({{pair_b_columns}})) AS allele_b,
           unnest(range(1, len(list_value({{pair_a_columns}})) + 1)) AS ordinal
    FROM matrix
) AS s
JOIN pairs AS p ON p.ordinal = s.ordinal
