-- sql: the user's database attached read-only to an in-memory one, so that the sandbox below does
-- not count its path among those DuckDB may write (opened directly, COPY ... TO could replace it).
ATTACH ? AS hapmatrix (READ_ONLY)
