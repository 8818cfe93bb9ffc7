-- Schema version 15: a paragraph's text stored once (issue 11, point 4).
--
-- A section's search unit holds its title and body (extract.Index), and
-- the body is its paragraphs' text: blocks held each paragraph a second
-- time. A paragraph whose text its section's unit text holds as written
-- now leaves text NULL and names where it stands instead: text_id (the
-- unit text, unit_texts), text_at (the character it starts at, from 1,
-- as substr counts) and text_len (its characters). v_blocks reads it
-- back with substr, so that its text is what it was. unit_texts keeps a
-- text as long as a unit of the document names it, and blocks go with
-- their document: a text a block points into outlives the block.
--
-- A unit text is stored once however many documents repeat it, where
-- blocks held a copy per document. Short paragraphs (under 32 bytes) stay
-- as they are: the three numbers cost about what their text does.

CREATE TABLE blocks_once (
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	block_no    INTEGER NOT NULL,  -- from 1, reading order
	kind        TEXT NOT NULL,
	style       TEXT,
	marker      TEXT,
	text        TEXT,              -- NULL: substr of unit_texts.text text_id from text_at, text_len characters
	table_no    INTEGER,
	line        INTEGER,           -- txt: first line
	body_index  INTEGER,           -- docx: index among w:body's children
	end_line    INTEGER,           -- txt: last line
	text_id     INTEGER,
	text_at     INTEGER,
	text_len    INTEGER,
	PRIMARY KEY (document_id, block_no)
);

-- The same rule the writer follows (scope.inUnit, inunit.go): the unit text
-- of the last section whose heading is at or before the paragraph, in
-- its document, where instr finds the paragraph and substr gives it
-- back.
INSERT INTO blocks_once (document_id, block_no, kind, style, marker, text, table_no, line, body_index, end_line,
	text_id, text_at, text_len)
SELECT document_id, block_no, kind, style, marker, CASE WHEN found THEN NULL ELSE text END,
	table_no, line, body_index, end_line,
	CASE WHEN found THEN unit_id END, CASE WHEN found THEN at END, CASE WHEN found THEN length(text) END
FROM (
	SELECT b.*, b.tid AS unit_id, coalesce(b.at > 0 AND substr(b.unit_text, b.at, length(b.text)) = b.text, 0) AS found
	FROM (
		SELECT b.*, t.text_id AS tid, t.text AS unit_text,
			CASE WHEN b.kind = 'paragraph' AND length(CAST(b.text AS BLOB)) >= 32 THEN instr(t.text, b.text) END AS at
		FROM blocks b
		LEFT JOIN search_unit_rows u ON u.unit_id = (
			SELECT u2.unit_id FROM search_unit_rows u2
			WHERE u2.document_id = b.document_id AND u2.kind = 2 AND u2.block_no <= b.block_no
			ORDER BY u2.block_no DESC LIMIT 1)
		LEFT JOIN unit_texts t ON t.text_id = u.text_id
	) AS b
)
ORDER BY document_id, block_no;

DROP TABLE blocks;
ALTER TABLE blocks_once RENAME TO blocks;
