-- site_classes.alt_bits for more than 256 ALT samples: their ENUM codes ({{alt_codes}},
-- site_classes.code each) as one list, turned into bits and ORed by list_aggregate (thousands
-- of separate terms take long to plan).
bit_count(list_aggregate(list_transform(list_value({{alt_codes}}),
                                         lambda code: 9223372036854775808::UBIGINT >> code), 'bit_or')
          & ~((9223372036854775808::UBIGINT >> enum_code(ref)) | (9223372036854775808::UBIGINT >> :n_shift::UBIGINT)))
