-- "DuckDB by hand" of bench/run.sh: the haplotype table the way a DuckDB user would write it
-- without hapmatrix: read_csv straight into ENUM columns, one query with list functions, COPY.
-- bench/DuckDbByHand.java fills in the {{...}} parts from the header (names quoted, pairs by
-- the a/b naming rule) and runs the statements in order, on an in-memory database with DuckDB's
-- default settings. The alphabet is the benchmark matrices' own (a user would know theirs);
-- declared in byte order, so sorting the ENUM sorts the alleles' bytes.
CREATE TYPE allele AS ENUM ('-', 'A', 'C', 'G', 'N', 'T');

CREATE TABLE m AS
SELECT * FROM read_csv({{matrix}}, delim = '\t', header = false, auto_detect = false,
                       columns = {{columns}});

COPY (
    SELECT contig, pos, ref, alt, {{pair_columns}}
    FROM (
        SELECT *,
               array_to_string(list_sort(list_distinct(
                   list_filter([{{samples}}], lambda a: a <> 'N' AND a <> ref))), ',') AS alt
        FROM m
    )
    WHERE alt <> ''
) TO {{output}} (FORMAT csv, DELIMITER '\t', HEADER true, QUOTE '', ESCAPE '');
