-- Descriptive tables beside the matrix: its samples, the default pairs and how it was loaded.
CREATE TABLE samples (
    sample VARCHAR NOT NULL PRIMARY KEY,
    column_number INTEGER NOT NULL          -- 1-based column in the matrix file (the first sample is 4)
);
CREATE TABLE pairs (
    pair VARCHAR NOT NULL PRIMARY KEY,
    sample_a VARCHAR NOT NULL,
    sample_b VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL                -- output order
);
CREATE TABLE load_info (
    source VARCHAR,                         -- matrix file as given, or <stdin>
    source_bytes BIGINT,                    -- its size on disk; NULL for stdin
    header_source VARCHAR,                  -- --header file, or the matrix's first line
    sites BIGINT,
    contigs BIGINT,
    samples INTEGER,
    loaded_at TIMESTAMP WITH TIME ZONE,
    hapmatrix_version VARCHAR,
    duckdb_version VARCHAR
)
