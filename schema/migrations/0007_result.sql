-- The evaluation's result (issue 9): what each report is, its total score
-- and grade with where they stand, the role of each section, and the
-- problems and recommendations a report lists. Rows loaded before keep
-- NULL until their file is read again (the extractor version changed).
ALTER TABLE reports ADD COLUMN kind TEXT;
ALTER TABLE reports ADD COLUMN score REAL;
ALTER TABLE reports ADD COLUMN score_max REAL;
ALTER TABLE reports ADD COLUMN grade TEXT;
ALTER TABLE reports ADD COLUMN grade_norm TEXT;
ALTER TABLE reports ADD COLUMN score_block_no INTEGER;
ALTER TABLE reports ADD COLUMN score_offset INTEGER;
ALTER TABLE reports ADD COLUMN score_table_no INTEGER;
ALTER TABLE reports ADD COLUMN score_row INTEGER;
ALTER TABLE sections ADD COLUMN role TEXT;
CREATE TABLE findings (
	report_id  INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	section_id INTEGER REFERENCES sections ON DELETE CASCADE,
	kind       TEXT NOT NULL,  -- problem, recommendation
	item_no    INTEGER NOT NULL,
	marker     TEXT,
	title      TEXT,
	text       TEXT NOT NULL,
	block_no   INTEGER NOT NULL
);
CREATE INDEX findings_report ON findings (report_id);
