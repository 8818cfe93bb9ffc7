-- Schema version 20: a table cell's text stored once (issue 11, point 4).
--
-- Each non-empty cell of a report's table is a search unit, whose text
-- (the cell's, trimmed) unit_texts holds, once however many cells and
-- documents repeat it. A cell whose text is that text as written (4
-- bytes or more) now leaves text NULL and names it by text_id;
-- v_table_cells reads it back. The unit is its document's, so the text
-- stays while the cell does.

CREATE TABLE cell_texts_migrating (document_id INTEGER, text TEXT, text_id INTEGER);
INSERT INTO cell_texts_migrating (document_id, text, text_id)
SELECT u.document_id, t.text, min(u.text_id) FROM search_unit_rows u JOIN unit_texts t USING (text_id)
WHERE u.kind = 3 GROUP BY u.document_id, t.text;
CREATE INDEX cell_texts_migrating_text ON cell_texts_migrating (document_id, text);

CREATE TABLE table_cells_once (
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	table_no    INTEGER NOT NULL,
	row         INTEGER NOT NULL,
	col         INTEGER NOT NULL,
	rowspan     INTEGER NOT NULL,
	colspan     INTEGER NOT NULL,
	text        TEXT,              -- NULL: unit_texts.text of text_id
	text_id     INTEGER,
	PRIMARY KEY (document_id, table_no, row, col)
) WITHOUT ROWID;
INSERT INTO table_cells_once (document_id, table_no, row, col, rowspan, colspan, text, text_id)
SELECT c.document_id, c.table_no, c.row, c.col, c.rowspan, c.colspan,
	CASE WHEN m.text_id IS NULL THEN c.text END, m.text_id
FROM table_cells c
LEFT JOIN cell_texts_migrating m ON m.document_id = c.document_id AND m.text = c.text
	AND length(CAST(c.text AS BLOB)) >= 4
ORDER BY c.document_id, c.table_no, c.row, c.col;
DROP TABLE cell_texts_migrating;
DROP TABLE table_cells;
ALTER TABLE table_cells_once RENAME TO table_cells;
