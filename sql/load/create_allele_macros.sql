-- The table's allele rules, written once for SQL (the Java side's copy: export/Alleles.java) and
-- created with the schema, so that the views, the export and users' own queries share them.
-- ALT: the distinct alleles minus N (missing) and minus REF, sorted (ENUM order is byte order);
-- a gap (-) is an allele like any other here.
CREATE MACRO alt_alleles(alleles, ref) AS
    list_sort(list_distinct(list_filter(alleles, lambda a: a <> 'N' AND a <> ref)));
-- A pair's allele as the table writes it: N (missing) and - (gap) become REF.
CREATE MACRO phased_allele(allele, ref) AS
    CASE WHEN allele IN ('N', '-') THEN ref ELSE allele END
