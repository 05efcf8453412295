-- Contigs in order of first appearance (the output order): site count, position range, and the
-- matrix rowid range their sites lie in (what the exporter splits into parallel work).
CREATE TABLE contigs AS
SELECT contig,
       row_number() OVER (ORDER BY min(rowid)) AS ordinal,
       count(*) AS sites,
       min(pos) AS first_pos,
       max(pos) AS last_pos,
       min(rowid) AS first_row,
       max(rowid) AS last_row
FROM matrix
GROUP BY contig
ORDER BY ordinal
