-- Used when the allele alphabet is not known before the data is read (standard input, or a file
-- whose alphabet grew after its first batch): keep the parser's codes in a temporary table first.
CREATE TEMP TABLE staged_sites AS
SELECT * FROM {{arrow_stream}}
