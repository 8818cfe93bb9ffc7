-- Schema version 9: the search text stored once (issue 11, point 4).
--
-- Before, each search unit's text was stored in search_units and its words
-- again in the FTS5 table's own content, and a text that many units repeat
-- (a boilerplate heading, a table's labels) once a unit. Now unit_texts
-- holds each distinct text with its words once, search_unit_rows names it
-- per unit, and search_fts is an external-content index reading its words
-- from there: the index is the only second form. search_units is a view
-- with the columns and unit_id the table had (and the words), so that
-- queries joining search_fts to it (README, Full-text search from SQL)
-- read as before; it is also what search_fts reads its words from. It is
-- not a v_* view: Open does not drop it.
--
-- A section's body, which its unit's text holds, is stored there only.
--
-- A figure's document is its report's: figures drops document_id and its
-- index, and goes with its report.
--
-- blocks becomes a rowid table: its rows are long texts, which a WITHOUT
-- ROWID table stores in fewer, fuller pages only when rows are short.

CREATE TABLE unit_texts (
	text_id INTEGER PRIMARY KEY,  -- from the text and its words (a hash), so that a text repeated is stored once
	text    TEXT NOT NULL,        -- as written
	tokens  TEXT NOT NULL         -- segmented into words, for search_fts
);

CREATE TABLE search_unit_rows (
	unit_id     INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	report_id   INTEGER,
	section_id  INTEGER,
	kind        NOT NULL,  -- 0 title, 1 paragraph, 2 section, 3 cell (schema.unitKinds), or the kind as written
	block_no    INTEGER,
	text_id     INTEGER NOT NULL
);

-- Existing texts get ids in order; new ones their hash. The two never
-- meet in practice (a hash is almost never below a few million), and a
-- text stored under both is only stored twice.
INSERT INTO unit_texts (text, tokens)
SELECT DISTINCT u.text, f.tokens FROM search_units u JOIN search_fts f ON f.rowid = u.unit_id ORDER BY u.unit_id;
CREATE INDEX unit_texts_migrating ON unit_texts (text, tokens);
INSERT INTO search_unit_rows (unit_id, document_id, report_id, section_id, kind, block_no, text_id)
SELECT u.unit_id, u.document_id, u.report_id, u.section_id,
	CASE u.kind WHEN 'title' THEN 0 WHEN 'paragraph' THEN 1 WHEN 'section' THEN 2 WHEN 'cell' THEN 3 ELSE u.kind END,
	u.block_no, t.text_id
FROM search_units u JOIN search_fts f ON f.rowid = u.unit_id JOIN unit_texts t ON t.text = u.text AND t.tokens = f.tokens;
DROP INDEX unit_texts_migrating;
CREATE INDEX search_unit_rows_document ON search_unit_rows (document_id);

-- A section's body is its search unit's text after the title and a
-- newline: it is stored there only (v_sections reads it), unless the
-- unit does not hold it as written.
CREATE INDEX search_unit_rows_section ON search_unit_rows (section_id) WHERE kind = 2;
UPDATE sections SET body = NULL
WHERE body <> '' AND title || char(10) || body = (SELECT t.text FROM search_unit_rows u JOIN unit_texts t USING (text_id)
	WHERE u.section_id = sections.section_id AND u.kind = 2);

DROP TABLE search_fts;
DROP TABLE search_units;

CREATE VIEW search_units AS
SELECT u.unit_id, u.document_id, u.report_id, u.section_id,
	CASE u.kind WHEN 0 THEN 'title' WHEN 1 THEN 'paragraph' WHEN 2 THEN 'section' WHEN 3 THEN 'cell' ELSE u.kind END AS kind,
	u.block_no, t.text, t.tokens
FROM search_unit_rows u JOIN unit_texts t USING (text_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (tokens, content = 'search_units', content_rowid = 'unit_id',
	tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO search_fts (search_fts) VALUES ('rebuild');
-- The writer feeds the index a batch at a time: 16 MB of pending words
-- (rather than 1 MB) before FTS5 writes a segment, so a batch makes one
-- segment and fewer merges.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 16777216);

CREATE TABLE blocks_rowid (
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	block_no    INTEGER NOT NULL,  -- from 1, reading order
	kind        TEXT NOT NULL,
	style       TEXT,
	marker      TEXT,
	text        TEXT NOT NULL,
	table_no    INTEGER,
	line        INTEGER,           -- txt: first line
	body_index  INTEGER,           -- docx: index among w:body's children
	end_line    INTEGER,           -- txt: last line
	PRIMARY KEY (document_id, block_no)
);
INSERT INTO blocks_rowid (document_id, block_no, kind, style, marker, text, table_no, line, body_index, end_line)
SELECT document_id, block_no, kind, style, marker, text, table_no, line, body_index, end_line FROM blocks ORDER BY document_id, block_no;
DROP TABLE blocks;
ALTER TABLE blocks_rowid RENAME TO blocks;

CREATE TABLE figures_narrow (
	figure_id   INTEGER PRIMARY KEY,
	report_id   INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	section_id  INTEGER,
	block_no    INTEGER NOT NULL,
	row         INTEGER,
	col         INTEGER,
	offset      INTEGER NOT NULL,   -- characters (not bytes) into the paragraph or cell text
	raw         TEXT NOT NULL,
	value       REAL,
	value_exact TEXT,               -- the exact decimal the value was computed as
	value_high  REAL,
	unit        TEXT,
	kind        TEXT,
	approx      TEXT,
	label       TEXT,
	flag        TEXT
);
INSERT INTO figures_narrow (figure_id, report_id, section_id, block_no, row, col, offset, raw, value, value_exact,
	value_high, unit, kind, approx, label, flag)
SELECT figure_id, report_id, section_id, block_no, row, col, offset, raw, value, value_exact,
	value_high, unit, kind, approx, label, flag FROM figures;
DROP TABLE figures;
ALTER TABLE figures_narrow RENAME TO figures;
CREATE INDEX figures_report ON figures (report_id);
