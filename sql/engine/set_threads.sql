-- DuckDB's thread count for what runs next (MatrixDatabase.lendThreads). Parameter: the count.
SET threads = ?
