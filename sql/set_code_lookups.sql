-- Lists indexed by code + 1, so staged codes map to values by a list lookup
-- (a direct cast from an integer to an ENUM does not exist in DuckDB).
SET VARIABLE allele_lookup = (SELECT list(allele::allele ORDER BY code) FROM allele_codes);
SET VARIABLE contig_lookup = (SELECT list(contig ORDER BY code) FROM contig_codes)
