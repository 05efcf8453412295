-- Whether the database holds phase sets (a VCF/BCF input that declared its phase-set tag).
SELECT count(*) > 0 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'phase_sets'
