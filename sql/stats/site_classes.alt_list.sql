-- A site's number of ALT alleles for any alphabet, by the database's alt_alleles macro over the
-- ALT samples ({{alt_samples}}, quoted column names).
length(alt_alleles(list_value({{alt_samples}}), ref))
