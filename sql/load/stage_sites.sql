-- Used when the allele alphabet is not known before the data is read (standard input, or a file
-- whose alphabet grew after its first batch): keep the parser's codes in a table first. A table in
-- the database file, not a TEMP one, so that DuckDB can write it out under its memory limit.
CREATE TABLE staged_sites AS
SELECT * FROM {{arrow_stream}}
