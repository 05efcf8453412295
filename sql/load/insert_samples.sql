-- The samples are the matrix table's columns after contig, pos and ref, in file order: one
-- statement, not one insert per sample (thousands of samples took seconds).
INSERT INTO samples (sample, column_number)
SELECT column_name, column_index
FROM duckdb_columns()
WHERE schema_name = 'main' AND table_name = 'matrix' AND column_index > 3
ORDER BY column_index
