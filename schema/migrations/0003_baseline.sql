-- Schema version 3: the tables as the first released ingest made them.
-- Versions 1 and 2 were development versions whose databases are refused.
-- Views are not here: views.sql rebuilds them on open.

CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- One row per distinct content (sha256) read under one extractor key.
CREATE TABLE IF NOT EXISTS documents (
	document_id INTEGER PRIMARY KEY,
	sha256      TEXT NOT NULL,
	extractor   TEXT NOT NULL,   -- extractor version and dictionary hash the rows were made with
	format      TEXT NOT NULL,   -- txt, docx, or the sniffed format of a skipped file
	encoding    TEXT,
	bytes       INTEGER NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
	error       TEXT,
	warnings    TEXT,            -- reading problems that did not stop the file, one per line
	props       TEXT,            -- docx core properties as JSON
	block_count INTEGER NOT NULL DEFAULT 0,
	table_count INTEGER NOT NULL DEFAULT 0,
	ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents (sha256);

-- Every path at which a document's content was found.
CREATE TABLE IF NOT EXISTS paths (
	path        TEXT PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	seen_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paths_document ON paths (document_id);

CREATE TABLE IF NOT EXISTS blocks (
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	block_no    INTEGER NOT NULL,  -- from 1, reading order
	kind        TEXT NOT NULL,
	style       TEXT,
	marker      TEXT,
	text        TEXT NOT NULL,
	table_no    INTEGER,
	line        INTEGER,           -- txt: first line
	body_index  INTEGER,           -- docx: index among w:body's children
	PRIMARY KEY (document_id, block_no)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tables (
	document_id  INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	table_no     INTEGER NOT NULL,
	rows         INTEGER NOT NULL,
	cols         INTEGER NOT NULL,
	block_no     INTEGER,          -- NULL for a nested table
	parent_table INTEGER,
	parent_row   INTEGER,
	parent_col   INTEGER,
	PRIMARY KEY (document_id, table_no)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS table_cells (
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	table_no    INTEGER NOT NULL,
	row         INTEGER NOT NULL,
	col         INTEGER NOT NULL,
	rowspan     INTEGER NOT NULL,
	colspan     INTEGER NOT NULL,
	text        TEXT NOT NULL,
	PRIMARY KEY (document_id, table_no, row, col)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS parts (
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	kind        TEXT NOT NULL,
	name        TEXT NOT NULL,
	text        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS parts_document ON parts (document_id);

CREATE TABLE IF NOT EXISTS reports (
	report_id         INTEGER PRIMARY KEY,
	document_id       INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	report_no         INTEGER NOT NULL,
	title             TEXT,
	project_name      TEXT,
	category          TEXT,
	implementing_unit TEXT,
	supervising_dept  TEXT,
	evaluation_agency TEXT,
	evaluation_year   INTEGER,
	report_date       TEXT,
	attachment        TEXT,
	goal              TEXT,
	preamble          TEXT,    -- body text before the first section
	first_block       INTEGER,
	end_block         INTEGER
);
CREATE INDEX IF NOT EXISTS reports_document ON reports (document_id);

CREATE TABLE IF NOT EXISTS sections (
	section_id INTEGER PRIMARY KEY,
	report_id  INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	parent_id  INTEGER,
	level      INTEGER NOT NULL,
	marker     TEXT,
	number     INTEGER,
	title      TEXT,
	body       TEXT,
	ordinal    INTEGER NOT NULL,  -- from 1 within the report, document order
	via        TEXT,
	family     TEXT,
	block_no   INTEGER
);
CREATE INDEX IF NOT EXISTS sections_report ON sections (report_id);

CREATE TABLE IF NOT EXISTS report_tables (
	report_id  INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	table_no   INTEGER NOT NULL,
	block_no   INTEGER,
	caption    TEXT,
	header_row INTEGER,
	header     TEXT,              -- normalised header cells, tab-separated
	kind       TEXT
);
CREATE INDEX IF NOT EXISTS report_tables_report ON report_tables (report_id);

CREATE TABLE IF NOT EXISTS funds (
	report_id      INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	item           TEXT,
	budget_yuan    REAL,
	actual_yuan    REAL,
	execution_rate REAL,
	budget_raw     TEXT,
	actual_raw     TEXT,
	table_no       INTEGER,
	row            INTEGER
);
CREATE INDEX IF NOT EXISTS funds_report ON funds (report_id);

CREATE TABLE IF NOT EXISTS evaluators (
	report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	name      TEXT NOT NULL,
	org       TEXT,
	title     TEXT,
	table_no  INTEGER,
	row       INTEGER
);
CREATE INDEX IF NOT EXISTS evaluators_report ON evaluators (report_id);

CREATE TABLE IF NOT EXISTS policies (
	report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	title     TEXT NOT NULL,
	number    TEXT,
	block_no  INTEGER,
	offset    INTEGER
);
CREATE INDEX IF NOT EXISTS policies_report ON policies (report_id);

CREATE TABLE IF NOT EXISTS orgs (
	report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	name      TEXT NOT NULL,
	kind      TEXT,
	block_no  INTEGER,
	mentions  INTEGER
);
CREATE INDEX IF NOT EXISTS orgs_report ON orgs (report_id);

CREATE TABLE IF NOT EXISTS figures (
	figure_id   INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	report_id   INTEGER NOT NULL,
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
CREATE INDEX IF NOT EXISTS figures_document ON figures (document_id);
CREATE INDEX IF NOT EXISTS figures_report ON figures (report_id);

CREATE TABLE IF NOT EXISTS dates (
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	report_id   INTEGER NOT NULL,
	section_id  INTEGER,
	block_no    INTEGER NOT NULL,
	row         INTEGER,
	col         INTEGER,
	offset      INTEGER NOT NULL,
	raw         TEXT NOT NULL,
	date        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dates_document ON dates (document_id);

-- Full-text search: search_units holds the text as written, search_fts the
-- same text segmented into words (rowid = unit_id).
CREATE TABLE IF NOT EXISTS search_units (
	unit_id     INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents ON DELETE CASCADE,
	report_id   INTEGER,
	section_id  INTEGER,
	kind        TEXT NOT NULL,
	block_no    INTEGER,
	text        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS search_units_document ON search_units (document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5 (tokens, tokenize = 'unicode61 remove_diacritics 0');

-- Keywords: content-word counts per report; how many reports hold each
-- term (kept up to date by the writer as reports come and go); and each
-- term's inverse document frequency over the whole database, recomputed
-- from term_df after each run by RefreshKeywords, since SQLite has no
-- ln() without an extension.
CREATE TABLE IF NOT EXISTS report_terms (
	report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	term      TEXT NOT NULL,
	tf        INTEGER NOT NULL,
	PRIMARY KEY (report_id, term)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS term_df (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS term_idf (
	term TEXT PRIMARY KEY,
	idf  REAL NOT NULL
) WITHOUT ROWID;

INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
