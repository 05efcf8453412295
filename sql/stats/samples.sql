-- Section SAMPLE: per sample, over the selected contigs' sites, how many are N (missing) and how
-- many - (gap); calls are the rest. {{sample_counts}} holds one samples.sample fragment per
-- sample, a struct column named by the sample; UNPIVOT turns the one row into one per sample
-- (the sample's name comes back as data, from its column name). :n_code and :gap_code are the
-- ENUM codes of N and - (-1 when the alphabet has none).
SELECT sample,
       counts.sites AS sites,
       counts.sites - counts.missing - counts.gaps AS calls,
       counts.missing AS missing,
       counts.gaps AS gaps
FROM (
    UNPIVOT (
        SELECT {{sample_counts}}
        FROM matrix
        WHERE {{selected}}
    ) ON COLUMNS(*) INTO NAME sample VALUE counts
)
