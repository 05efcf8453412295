-- Section SAMPLE for wide matrices (more than 256 samples, where one struct column per sample,
-- samples.sql, takes long to plan): the samples' columns ({{sample_columns}}) unpivoted into one
-- row per site and sample, grouped by sample. Same figures, same parameters as samples.sql.
SELECT sample,
       count(*) AS sites,
       count(*) - count_if(code = :n_code) - count_if(code = :gap_code) AS calls,
       count_if(code = :n_code) AS missing,
       count_if(code = :gap_code) AS gaps
FROM (
    SELECT sample, enum_code(allele) AS code
    FROM (
        UNPIVOT (SELECT {{sample_columns}} FROM matrix WHERE {{selected}})
        ON COLUMNS(*) INTO NAME sample VALUE allele
    )
)
GROUP BY sample
