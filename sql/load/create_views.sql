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
