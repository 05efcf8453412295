-- What the open database holds under each name every hapmatrix command relies on: 'table', 'view'
-- (a crafted file: a view runs a stored query) or NULL; and the allele type's kind and size.
SELECT required.name,
       CASE WHEN EXISTS (SELECT 1 FROM duckdb_tables() AS t
                         WHERE t.database_name = current_database() AND t.schema_name = 'main'
                           AND t.table_name = required.name) THEN 'table'
            WHEN EXISTS (SELECT 1 FROM duckdb_views() AS v
                         WHERE v.database_name = current_database() AND v.schema_name = 'main'
                           AND v.view_name = required.name) THEN 'view'
       END AS kind
FROM (VALUES (1, 'matrix'), (2, 'load_info'), (3, 'samples'), (4, 'pairs'), (5, 'contigs')) AS required(ordinal, name)
ORDER BY required.ordinal
