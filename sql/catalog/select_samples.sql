SELECT sample FROM samples ORDER BY column_number
