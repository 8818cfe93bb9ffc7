CREATE TABLE report_table_blocks (
	report_id  INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	table_no   INTEGER NOT NULL,
	seq        INTEGER NOT NULL,  -- the block's place in its table, from 1
	kind       TEXT,
	first_row  INTEGER NOT NULL,
	header_row INTEGER,
	end_row    INTEGER NOT NULL,
	header     TEXT
);
CREATE INDEX report_table_blocks_report ON report_table_blocks (report_id);
