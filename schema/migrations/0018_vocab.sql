-- Schema version 18: the short strings that many rows repeat stored once
-- (issue 11, point 4).
--
-- A figure's kind (7 of them), unit (a few dozen) and label (a few
-- hundred: 得分, 年度指标值 …) were written out in each of its rows, tens
-- of thousands of them. vocab holds each string once; figures names it by
-- vocab_id, and v_figures shows the string as before. The writer adds a
-- string the first time it comes, and Prune deletes one no row names.

CREATE TABLE vocab (
	vocab_id INTEGER PRIMARY KEY,
	value    TEXT NOT NULL UNIQUE
);
INSERT INTO vocab (value)
SELECT value FROM (
	SELECT kind AS value FROM figures UNION SELECT unit FROM figures UNION SELECT label FROM figures
) WHERE value IS NOT NULL AND value <> '' ORDER BY value;

CREATE TABLE figures_vocab (
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
	unit        INTEGER,            -- vocab
	kind        INTEGER,            -- vocab
	approx      TEXT,
	label       INTEGER             -- vocab
);
INSERT INTO figures_vocab (figure_id, report_id, section_id, block_no, row, col, offset, raw, value, value_exact,
	value_high, unit, kind, approx, label)
SELECT f.figure_id, f.report_id, f.section_id, f.block_no, f.row, f.col, f.offset, f.raw, f.value, f.value_exact,
	f.value_high,
	(SELECT vocab_id FROM vocab WHERE value = f.unit),
	(SELECT vocab_id FROM vocab WHERE value = f.kind),
	f.approx,
	(SELECT vocab_id FROM vocab WHERE value = f.label)
FROM figures f ORDER BY f.figure_id;
DROP TABLE figures;
ALTER TABLE figures_vocab RENAME TO figures;
CREATE INDEX figures_report ON figures (report_id);
