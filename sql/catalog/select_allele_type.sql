-- The allele type's kind: ENUM in a hapmatrix database; no row when there is none.
SELECT logical_type AS kind
FROM duckdb_types()
WHERE database_name = current_database() AND schema_name = 'main' AND type_name = 'allele'
