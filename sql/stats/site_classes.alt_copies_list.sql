-- alt_copies for more than 256 pair samples: the pair haplotypes' ENUM codes ({{pair_codes}},
-- site_classes.code each, a sample in two pairs twice) as one list, counting those that are
-- neither REF nor N.
length(list_filter(list_value({{pair_codes}}), lambda code: code <> enum_code(ref) AND code <> :n_code))
