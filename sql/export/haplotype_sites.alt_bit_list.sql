-- haplotype_sites' ALT bits for many samples: the list of their allele bits (haplotype_sites.allele_bit each), ORed.
list_aggregate([{{allele_bits}}], 'bit_or')
