INSERT INTO contig_codes (code, contig) VALUES (:code, :contig)
