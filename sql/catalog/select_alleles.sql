-- The allele alphabet; a value's 0-based position in this list is its ENUM code.
SELECT unnest(enum_range(NULL::allele))::VARCHAR AS allele
