-- Contigs in order of first appearance (the output order): site count, position range, and the
-- matrix rowid range their sites lie in (what the exporter splits into parallel work).
CREATE TABLE contigs AS
SELECT c.contig AS contig,
       c.code + 1 AS ordinal,
       s.sites AS sites,
       s.first_pos AS first_pos,
       s.last_pos AS last_pos,
       s.first_row AS first_row,
       s.last_row AS last_row
FROM contig_codes AS c
JOIN (SELECT contig_code, count(*) AS sites, min(pos) AS first_pos, max(pos) AS last_pos,
             min(rowid) AS first_row, max(rowid) AS last_row
      FROM staged_sites
      GROUP BY contig_code) AS s ON s.contig_code = c.code
ORDER BY c.code
