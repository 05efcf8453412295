-- The parser's allele dictionary: code -> allele string, codes in order of first appearance.
CREATE TEMP TABLE allele_codes (code INTEGER PRIMARY KEY, allele VARCHAR NOT NULL)
