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
-- writes it (create_allele_macros.sql: N and - replaced by REF).
CREATE VIEW pair_genotypes AS
WITH long AS (
    UNPIVOT (SELECT rowid AS site, * FROM matrix)
    ON COLUMNS(* EXCLUDE (site, contig, pos, ref)) INTO NAME sample VALUE allele
)
SELECT a.site, a.contig, a.pos, a.ref, p.pair, a.allele AS allele_a, b.allele AS allele_b,
       concat(phased_allele(a.allele, a.ref), '|', phased_allele(b.allele, b.ref)) AS genotype
FROM pairs AS p
JOIN long AS a ON a.sample = p.sample_a
JOIN long AS b ON b.sample = p.sample_b AND b.site = a.site
