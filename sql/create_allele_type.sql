-- The allele ENUM lists exactly the alleles seen, in byte order (DuckDB compares VARCHAR bytewise),
-- so sorting ENUM values sorts the strings.
CREATE TYPE allele AS ENUM (SELECT allele FROM allele_codes ORDER BY allele)
