-- sql: no file read or written besides the attached database and the spill folder (COPY, EXPORT
-- DATABASE, read_csv, ATTACH), no extension loaded, and the settings locked so no statement undoes it.
SET enable_external_access = false;
SET lock_configuration = true;
