-- The parser's dictionaries: code -> allele string and code -> contig name, in order of first appearance.
CREATE TEMP TABLE allele_codes (code INTEGER PRIMARY KEY, allele VARCHAR NOT NULL);
CREATE TEMP TABLE contig_codes (code INTEGER PRIMARY KEY, contig VARCHAR NOT NULL)
