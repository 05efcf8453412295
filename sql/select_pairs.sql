SELECT pair, sample_a, sample_b FROM pairs ORDER BY ordinal
