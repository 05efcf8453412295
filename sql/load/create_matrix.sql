-- The matrix as users query it: one row per site in input order (ORDER BY rowid recovers it),
-- contig and position, then REF and every sample as the allele ENUM. {{sites}} is the parser's
-- Arrow stream, or the staged copy of it; its allele codes are the parser's plus one and map to
-- the ENUM by a 1-based list lookup (DuckDB has no cast from an integer to an ENUM). The list is computed once and joined once:
-- a scalar subquery per column made the plan one join deep per sample, and planning a few
-- hundred of them overflowed DuckDB's stack.
CREATE TABLE matrix AS
WITH lookup AS (SELECT list(allele::allele ORDER BY code) AS alleles FROM allele_codes)
SELECT s.contig AS contig,
       s.pos AS pos,
       lookup.alleles[s.ref] AS ref,
       {{sample_columns}}
FROM {{sites}} AS s CROSS JOIN lookup
