-- Schema version 12: where each path was found (issue 12, trap 9). A path
-- is stored absolute (forward slashes), with the folder it was found
-- under (root, absolute) and its path below that folder (rel): the archive
-- moved or renamed and ingested at its new place is the same files at the
-- same rel, whose paths are replaced rather than added. Paths stored
-- before are as they were reached from the command line, root and rel
-- NULL; ingest replaces each when it finds its file again.
ALTER TABLE paths ADD COLUMN root TEXT;
ALTER TABLE paths ADD COLUMN rel TEXT;
