DROP TABLE staged_sites;
DROP TABLE allele_codes;
DROP TABLE contig_codes;
RESET VARIABLE allele_lookup;
RESET VARIABLE contig_lookup
