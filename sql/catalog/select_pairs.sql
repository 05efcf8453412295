-- The default pairs in output order, as matrix.SamplePair.
SELECT pair AS name, sample_a, sample_b FROM pairs ORDER BY ordinal
