-- Long form: one row per site and sample.
CREATE VIEW genotypes AS
SELECT contig, pos, ref, sample, allele
FROM (UNPIVOT matrix ON COLUMNS(* EXCLUDE (contig, pos, ref)) INTO NAME sample VALUE allele);

-- The allele alphabet in ENUM (= byte) order.
CREATE VIEW alleles AS
SELECT unnest(enum_range(NULL::allele)) AS allele
