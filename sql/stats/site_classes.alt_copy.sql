-- 1 when one pair haplotype carries an ALT allele (neither REF nor N), else 0.
(enum_code({{sample}}) <> enum_code(ref) AND enum_code({{sample}}) <> :n_code)::INTEGER
