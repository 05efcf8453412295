-- How the database was loaded, as store.LoadInfo.
SELECT source, source_bytes, header_source, sites, contigs, samples,
       strftime(loaded_at, '%Y-%m-%d %H:%M:%S %Z') AS loaded_at, hapmatrix_version, duckdb_version
FROM load_info
