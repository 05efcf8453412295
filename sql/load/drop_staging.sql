DROP TABLE IF EXISTS staged_sites;
DROP TABLE allele_codes
