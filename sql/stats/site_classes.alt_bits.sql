-- A site's number of ALT alleles for alphabets of up to 64 alleles: the ALT samples' allele bits
-- ({{alt_bits}}, an OR of site_classes.allele_bit), minus REF's bit and N's (the top bit shifted
-- right by :n_shift, N's code; 64, no bit, without N).
bit_count({{alt_bits}} & ~((9223372036854775808::UBIGINT >> enum_code(ref))
                           | (9223372036854775808::UBIGINT >> :n_shift::UBIGINT)))
