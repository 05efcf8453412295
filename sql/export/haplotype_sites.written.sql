-- haplotype_sites: the sites it returns, those whose ALT is not empty.
alt_mask <> 0
