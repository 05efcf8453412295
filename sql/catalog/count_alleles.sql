-- How many values the allele ENUM has (the export reads codes of up to two bytes).
SELECT length(enum_range(NULL::allele))
