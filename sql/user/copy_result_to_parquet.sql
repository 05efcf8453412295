-- sql -o FILE.parquet: the user's result, handed over as an Arrow stream from the sandboxed
-- connection, written by DuckDB's Parquet writer on a second in-memory connection that runs only
-- this statement. {{path}} is the output's temporary file as a quoted string literal.
COPY (SELECT * FROM {{arrow_stream}}) TO {{path}} (FORMAT parquet)
