-- A site's number of ALT alleles for alphabets of up to 64 alleles: the ALT samples' allele bits
-- ({{alt_bits}}, an OR of site_classes.allele_bit), minus REF's bit and N's (:n_bit, 0 without N).
bit_count({{alt_bits}} & ~((1::UBIGINT << enum_code(ref)) | :n_bit::UBIGINT))
