-- Long form: one row per site and sample.
CREATE VIEW genotypes AS
SELECT contig, pos, ref, sample, allele
FROM (UNPIVOT matrix ON COLUMNS(* EXCLUDE (contig, pos, ref)) INTO NAME sample VALUE allele);

-- The allele alphabet in ENUM (= byte) order.
CREATE VIEW alleles AS
SELECT unnest(enum_range(NULL::allele)) AS allele;

-- One row per site: its input order (site = matrix rowid), ALT over all samples as the table
-- writes it (create_allele_macros.sql), and how many samples are N (missing) or - (gap).
CREATE VIEW sites AS
SELECT rowid AS site, contig, pos, ref,
       alt_alleles(list_value(*COLUMNS(* EXCLUDE (contig, pos, ref))), ref) AS alt,
       length(list_filter(list_value(*COLUMNS(* EXCLUDE (contig, pos, ref))), lambda a: a = 'N')) AS missing,
       length(list_filter(list_value(*COLUMNS(* EXCLUDE (contig, pos, ref))), lambda a: a = '-')) AS gaps
FROM matrix;

-- One row per site and default pair: the two raw alleles and the phased genotype as the table
-- writes it (create_allele_macros.sql: N and - replaced by REF). Each matrix row becomes one list
-- of its alleles, from which every pair's two are picked by their list positions (the samples'
-- column numbers, in pair order): the work grows with sites times samples (a self-join of the long
-- form grew with the square of the samples).
CREATE VIEW pair_genotypes AS
WITH pair_positions AS (
    SELECT list(a.column_number - 3 ORDER BY p.ordinal) AS a_positions,
           list(b.column_number - 3 ORDER BY p.ordinal) AS b_positions,
           list(p.pair ORDER BY p.ordinal) AS names
    FROM pairs AS p
    JOIN samples AS a ON a.sample = p.sample_a
    JOIN samples AS b ON b.sample = p.sample_b
), genotypes AS (
    SELECT m.site, m.contig, m.pos, m.ref, unnest(pp.names) AS pair,
           unnest(list_select(m.alleles, pp.a_positions)) AS allele_a,
           unnest(list_select(m.alleles, pp.b_positions)) AS allele_b
    FROM (SELECT rowid AS site, contig, pos, ref, list_value(*COLUMNS(* EXCLUDE (contig, pos, ref))) AS alleles
          FROM matrix) AS m, pair_positions AS pp
)
SELECT site, contig, pos, ref, pair, allele_a, allele_b,
       concat(phased_allele(allele_a, ref), '|', phased_allele(allele_b, ref)) AS genotype
FROM genotypes
