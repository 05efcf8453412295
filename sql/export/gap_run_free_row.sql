-- --gaps deletion: where a work unit that cuts a contig may start. The first row from the proposed
-- start (3rd parameter) up to the window's end that does not continue a run of gaps: a row
-- continues one when some pair sample (the list: the pairs' samples, quoted) is '-' there and the
-- row before it is the position before (the formatter's rule, GapJoiner, is narrower, so a row
-- found here never continues a run there either). NULL when every row of the window continues
-- one (the caller then looks further).
-- Parameters: the row before the proposed start, the window's last row, the proposed start.
SELECT min(rowid) AS free_row
FROM (
    SELECT rowid,
           pos = lag(pos) OVER (ORDER BY rowid) + 1 AND list_contains([{{pair_samples}}], '-') AS continues
    FROM matrix
    WHERE rowid BETWEEN ? AND ?
)
WHERE rowid >= ? AND NOT continues
