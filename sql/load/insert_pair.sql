INSERT INTO pairs (pair, sample_a, sample_b, ordinal) VALUES (:pair, :sample_a, :sample_b, :ordinal)
