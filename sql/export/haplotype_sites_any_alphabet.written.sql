-- haplotype_sites_any_alphabet: the sites it returns, those whose ALT is not empty.
len(alt_codes) > 0
