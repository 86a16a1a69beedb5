-- Which contest file the stored rules came from: a restart with the same file keeps edits made in the admin
-- web; a changed file (the operator's deliberate act) replaces them.
ALTER TABLE contests ADD COLUMN file_hash text;
