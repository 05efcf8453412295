-- The allele ENUM lists the alleles in byte order (DuckDB compares VARCHAR bytewise), so sorting
-- ENUM values sorts the strings.
CREATE TYPE allele AS ENUM (SELECT allele FROM allele_codes ORDER BY allele)
