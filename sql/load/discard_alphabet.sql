-- Undoes an alphabet declared too early (a new allele came after the first batch).
DROP TYPE allele;
DELETE FROM allele_codes
