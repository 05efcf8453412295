-- Scans the parser's Arrow stream once into a temporary table of integer codes (input order kept).
CREATE TEMP TABLE staged_sites AS
SELECT * FROM {{arrow_stream}}
