-- haplotype_sites' pair_alleles for many samples: the pairs' ENUM codes as one list, a then b per pair (haplotype_sites.pair_code each).
[{{pair_codes}}] AS pair_alleles
