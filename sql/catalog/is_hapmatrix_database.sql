-- True when the open database has the tables every hapmatrix command relies on.
SELECT count(*) = 2
FROM duckdb_tables()
WHERE schema_name = 'main' AND table_name IN ('matrix', 'load_info')
