-- One sample's counts for samples.sql, as a struct column named by the sample.
{'sites': count(*),
 'missing': count_if(enum_code({{sample}}) = :n_code),
 'gaps': count_if(enum_code({{sample}}) = :gap_code)} AS {{sample}}
