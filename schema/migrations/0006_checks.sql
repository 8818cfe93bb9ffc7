-- Stated and computed (issue 9): where a report's project name, year and
-- budget were read, the rate it states for its whole budget, its budget at
-- the start of the year; the rate a funds row states beside the one its
-- amounts give; and the disagreements among the facts a report states.
-- Rows loaded before keep NULL until their file is read again.
ALTER TABLE reports ADD COLUMN project_name_source TEXT;
ALTER TABLE reports ADD COLUMN year_source TEXT;
ALTER TABLE reports ADD COLUMN budget_source TEXT;
ALTER TABLE reports ADD COLUMN execution_rate_stated REAL;
ALTER TABLE reports ADD COLUMN initial_budget_yuan REAL;
ALTER TABLE funds ADD COLUMN execution_rate_stated REAL;

CREATE TABLE checks (
	report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	seq       INTEGER NOT NULL,  -- from 1 within the report
	code      TEXT NOT NULL,
	expected  TEXT,
	found     TEXT,
	block_no  INTEGER,
	table_no  INTEGER,
	row       INTEGER,
	detail    TEXT
);
CREATE INDEX checks_report ON checks (report_id);
