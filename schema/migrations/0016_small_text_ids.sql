-- Schema version 16: unit texts numbered 1, 2, 3 … in the order they
-- came (issue 11, point 4).
--
-- A text_id was the hash of the text and its words (schema.textID), so
-- that a text repeated got the same id without a lookup. A hash takes
-- nine bytes in every row that names a text (search_unit_rows, its index
-- on text_id, blocks) and, as rowids spread over all 64 bits, in nearly
-- every entry of the full-text index's lists of rows, where ids in order
-- take one or two. The hash moves to its own column, hash, with a unique
-- index: the writer looks a text up by it and gives a new one the next
-- id. On 200 real-sized files this takes the index from 4.6 to 1.9 MB.
--
-- The texts migrated in 0009 had ids in order, which stand as their hash
-- here: the writer does not find them by hash, and stores such a text
-- again if a document brings it, as 0009 already said.

DROP VIEW search_units;
DROP TRIGGER unit_texts_ai;
DROP TRIGGER unit_texts_ad;
DROP TABLE unit_texts_fts;

-- The new ids: texts in the order of the first unit that names them. A
-- text no unit names (none should be) goes.
CREATE TABLE unit_text_ids (hash INTEGER PRIMARY KEY, text_id INTEGER NOT NULL);
INSERT INTO unit_text_ids (hash, text_id)
SELECT text_id, row_number() OVER (ORDER BY min(unit_id)) FROM search_unit_rows GROUP BY text_id;

CREATE TABLE unit_texts_numbered (
	text_id INTEGER PRIMARY KEY,  -- 1, 2, 3 … in the order the texts came
	text    TEXT NOT NULL,        -- as written
	tokens  TEXT NOT NULL,        -- segmented into words, for unit_texts_fts
	hash    INTEGER NOT NULL      -- from the text and its words (schema.textID), so that a text repeated is stored once
);
INSERT INTO unit_texts_numbered (text_id, text, tokens, hash)
SELECT i.text_id, t.text, t.tokens, t.text_id FROM unit_texts t JOIN unit_text_ids i ON i.hash = t.text_id ORDER BY i.text_id;
DROP TABLE unit_texts;
ALTER TABLE unit_texts_numbered RENAME TO unit_texts;
CREATE UNIQUE INDEX unit_texts_hash ON unit_texts (hash);

UPDATE search_unit_rows SET text_id = (SELECT i.text_id FROM unit_text_ids i WHERE i.hash = search_unit_rows.text_id);
UPDATE blocks SET text_id = (SELECT i.text_id FROM unit_text_ids i WHERE i.hash = blocks.text_id) WHERE text_id IS NOT NULL;
DROP TABLE unit_text_ids;

-- As migration 0011 made them.
CREATE VIRTUAL TABLE unit_texts_fts USING fts5 (tokens, content="unit_texts", content_rowid="text_id",
	tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO unit_texts_fts (unit_texts_fts) VALUES ('rebuild');
INSERT INTO unit_texts_fts (unit_texts_fts, rank) VALUES ('hashsize', 16777216);
CREATE TRIGGER unit_texts_ai AFTER INSERT ON unit_texts BEGIN
	INSERT INTO unit_texts_fts (rowid, tokens) VALUES (new.text_id, new.tokens);
END;
CREATE TRIGGER unit_texts_ad AFTER DELETE ON unit_texts BEGIN
	INSERT INTO unit_texts_fts (unit_texts_fts, rowid, tokens) VALUES ('delete', old.text_id, old.tokens);
END;

CREATE VIEW search_units AS
SELECT u.unit_id, u.document_id, u.report_id, u.section_id,
	CASE u.kind WHEN 0 THEN 'title' WHEN 1 THEN 'paragraph' WHEN 2 THEN 'section' WHEN 3 THEN 'cell' ELSE u.kind END AS kind,
	u.block_no, u.text_id, t.text, t.tokens
FROM search_unit_rows u JOIN unit_texts t USING (text_id);
