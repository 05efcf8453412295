-- haplotype_sites' pair_alleles: the pairs' ENUM codes, a then b per pair (haplotype_sites.pair_code each).
[{{pair_codes}}]
