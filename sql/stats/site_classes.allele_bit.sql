-- One ALT sample's allele as a bit over ENUM codes.
(1::UBIGINT << enum_code({{sample}}))
