-- The first site of one contig, in input order, whose position is below the position of the site
-- before it (a tabix index needs each contig's sites sorted by position); no row if they are
-- sorted. Parameter: the contig.
SELECT pos, previous_pos
FROM (
    SELECT rowid AS site, pos, lag(pos) OVER (ORDER BY rowid) AS previous_pos
    FROM matrix
    WHERE contig = ?
)
WHERE pos < previous_pos
ORDER BY site
LIMIT 1
