INSERT INTO samples (sample, column_number) VALUES (:sample, :column_number)
