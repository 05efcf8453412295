-- One ALT sample's allele bit in haplotype_sites' ALT mask (alt_bit_list or bit_or): the bit of
-- its ENUM code counted from the top, bit 63 - code. A right shift, not 1 << code: DuckDB checks
-- every left shift for overflow, row by row, which cost 2.2x the whole OR tree's time (bench/RESULTS.md).
(9223372036854775808::UBIGINT >> enum_code({{sample}}))
