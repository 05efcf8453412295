-- Two branches of haplotype_sites' balanced OR tree of ALT bits (each an allele_bit or a bit_or).
({{left}} | {{right}})
