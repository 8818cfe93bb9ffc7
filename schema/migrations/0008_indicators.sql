CREATE TABLE indicators (
	report_id    INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	ordinal      INTEGER NOT NULL,  -- the row's place among the report's indicators, from 1
	level1       TEXT,
	level2       TEXT,
	level3       TEXT,
	target_raw   TEXT,
	target_value REAL,
	target_unit  TEXT,
	target_op    TEXT,
	actual_raw   TEXT,
	actual_value REAL,
	actual_unit  TEXT,
	weight       REAL,
	score        REAL,
	met          INTEGER,
	deviation    TEXT,
	table_no     INTEGER,
	row          INTEGER
);
CREATE INDEX indicators_report ON indicators (report_id);

CREATE TABLE scores (
	report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	dimension TEXT NOT NULL,
	weight    REAL,
	score     REAL,
	table_no  INTEGER,
	row       INTEGER
);
CREATE INDEX scores_report ON scores (report_id);
