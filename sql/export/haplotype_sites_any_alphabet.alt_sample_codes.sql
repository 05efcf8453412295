-- haplotype_sites_any_alphabet's ALT samples, when they are not the pairs' samples: their ENUM
-- codes as one list column (haplotype_sites.pair_code each), after the pairs' column(s).
, [{{alt_codes}}] AS alt_sample_codes
