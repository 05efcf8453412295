-- One pair's counts in a window, a struct column {{pair_column}} (pair_1, pair_2, ...); {{sample_a}} and
-- {{sample_b}} are its samples' columns, :n_code and :gap_code the ENUM codes of N and -.
{'sites': count(*),
 'missing': count_if(enum_code({{sample_a}}) IN (:n_code, :gap_code) OR enum_code({{sample_b}}) IN (:n_code, :gap_code)),
 'differ': count_if(enum_code({{sample_a}}) NOT IN (:n_code, :gap_code) AND enum_code({{sample_b}}) NOT IN (:n_code, :gap_code)
                    AND enum_code({{sample_a}}) <> enum_code({{sample_b}}))} AS {{pair_column}}
