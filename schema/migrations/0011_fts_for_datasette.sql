-- Schema version 11: a full-text index that Datasette and sqlite-utils
-- find by themselves (issue 12), and v_figures without flag (issue 14).
--
-- Both tools look for an FTS table whose SQL says content="T" (or
-- content=[T]) to search table T, and join it on T's rowid; sqlite-utils
-- names it T_fts. T must be a table: they do not search views, so
-- search_units, a view, could not be T. unit_texts is: each distinct text
-- with its words, under its text_id. The index is now over unit_texts, a
-- text once however many units repeat it (a unit finds its hits through
-- its text_id), which also makes it smaller; triggers keep it in step
-- with unit_texts, as sqlite-utils' own enable_fts does, so the writer
-- inserts and deletes texts only.

DROP TABLE search_fts;

CREATE VIRTUAL TABLE unit_texts_fts USING fts5 (tokens, content="unit_texts", content_rowid="text_id",
	tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO unit_texts_fts (unit_texts_fts) VALUES ('rebuild');
-- As search_fts had (migration 0009): a batch's words make one segment.
INSERT INTO unit_texts_fts (unit_texts_fts, rank) VALUES ('hashsize', 16777216);

-- A text stored already (INSERT OR IGNORE) fires no trigger: it is
-- indexed once.
CREATE TRIGGER unit_texts_ai AFTER INSERT ON unit_texts BEGIN
	INSERT INTO unit_texts_fts (rowid, tokens) VALUES (new.text_id, new.tokens);
END;
CREATE TRIGGER unit_texts_ad AFTER DELETE ON unit_texts BEGIN
	INSERT INTO unit_texts_fts (unit_texts_fts, rowid, tokens) VALUES ('delete', old.text_id, old.tokens);
END;

-- From a text to the units that hold it, for every search.
CREATE INDEX search_unit_rows_text ON search_unit_rows (text_id);

-- search_units names the text of each unit, for the join.
DROP VIEW search_units;
CREATE VIEW search_units AS
SELECT u.unit_id, u.document_id, u.report_id, u.section_id,
	CASE u.kind WHEN 0 THEN 'title' WHEN 1 THEN 'paragraph' WHEN 2 THEN 'section' WHEN 3 THEN 'cell' ELSE u.kind END AS kind,
	u.block_no, u.text_id, t.text, t.tokens
FROM search_unit_rows u JOIN unit_texts t USING (text_id);

-- A figure's flag was "malformed" exactly when its value is NULL: it told
-- nothing the value does not (v_figures.value is NULL for 64.864.8).
ALTER TABLE figures DROP COLUMN flag;
