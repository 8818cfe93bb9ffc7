-- Schema version 17: a finding's text stored once (issue 11, point 4).
--
-- A finding is an item of its section's body, which the section's search
-- unit holds: as blocks do since migration 0015, a finding whose text
-- that unit text holds as written (32 bytes or more) leaves text NULL and
-- names where it stands, text_id, text_at (the character it starts at,
-- from 1) and text_len (its characters); v_findings reads it back.

CREATE TABLE findings_once (
	report_id  INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	section_id INTEGER REFERENCES sections ON DELETE CASCADE,
	kind       TEXT NOT NULL,  -- problem, recommendation
	item_no    INTEGER NOT NULL,
	marker     TEXT,
	title      TEXT,
	text       TEXT,           -- NULL: substr of unit_texts.text text_id from text_at, text_len characters
	block_no   INTEGER NOT NULL,
	text_id    INTEGER,
	text_at    INTEGER,
	text_len   INTEGER
);

INSERT INTO findings_once (report_id, section_id, kind, item_no, marker, title, text, block_no, text_id, text_at, text_len)
SELECT report_id, section_id, kind, item_no, marker, title, CASE WHEN found THEN NULL ELSE text END, block_no,
	CASE WHEN found THEN tid END, CASE WHEN found THEN at END, CASE WHEN found THEN length(text) END
FROM (
	SELECT f.*, coalesce(f.at > 0 AND substr(f.unit_text, f.at, length(f.text)) = f.text, 0) AS found
	FROM (
		SELECT f.rowid AS rid, f.*, t.text_id AS tid, t.text AS unit_text,
			CASE WHEN length(CAST(f.text AS BLOB)) >= 32 THEN instr(t.text, f.text) END AS at
		FROM findings f
		LEFT JOIN search_unit_rows u ON u.unit_id = (
			SELECT u2.unit_id FROM search_unit_rows u2 WHERE u2.section_id = f.section_id AND u2.kind = 2 LIMIT 1)
		LEFT JOIN unit_texts t ON t.text_id = u.text_id
	) AS f
)
ORDER BY rid;

DROP TABLE findings;
ALTER TABLE findings_once RENAME TO findings;
CREATE INDEX findings_report ON findings (report_id);
CREATE INDEX findings_section ON findings (section_id);
