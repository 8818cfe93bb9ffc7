-- The database that ingest builds. Tables hold what the readers and
-- extraction produced; the v_* views are the public face that analysts and
-- checks use (README.md documents them). Bump schemaVersion in schema.go
-- when this file changes.

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

-- Public views.

CREATE VIEW IF NOT EXISTS v_documents AS
SELECT document_id, path,
       -- the base name: what follows the last '/'
       substr(path, length(rtrim(path, replace(path, '/', ''))) + 1) AS name,
       format, encoding, sha256, bytes, status, error, block_count, table_count, ingested_at, warnings
FROM (SELECT d.*,
       (SELECT min(p.path) FROM paths p WHERE p.document_id = d.document_id) AS path
      FROM documents d);

CREATE VIEW IF NOT EXISTS v_paths AS
SELECT document_id, path FROM paths;

CREATE VIEW IF NOT EXISTS v_blocks AS
SELECT document_id, block_no, kind, style, marker, text, table_no, line, body_index FROM blocks;

CREATE VIEW IF NOT EXISTS v_table_cells AS
SELECT document_id, table_no, row, col, rowspan, colspan, text FROM table_cells;

CREATE VIEW IF NOT EXISTS v_parts AS
SELECT document_id, kind, name, text FROM parts;

CREATE VIEW IF NOT EXISTS v_reports AS
SELECT r.report_id, r.document_id,
       (SELECT min(p.path) FROM paths p WHERE p.document_id = r.document_id) AS path,
       r.report_no, r.title, r.project_name, r.category, r.implementing_unit, r.supervising_dept,
       r.evaluation_agency, r.evaluation_year, r.report_date,
       (SELECT sum(f.budget_yuan) FROM funds f WHERE f.report_id = r.report_id) AS budget_yuan,
       (SELECT sum(f.actual_yuan) FROM funds f WHERE f.report_id = r.report_id) AS actual_yuan,
       (SELECT round(100.0 * sum(f.actual_yuan) / sum(f.budget_yuan), 2) FROM funds f
         WHERE f.report_id = r.report_id AND f.budget_yuan > 0 AND f.actual_yuan IS NOT NULL) AS execution_rate,
       r.goal, r.attachment, r.preamble
FROM reports r;

CREATE VIEW IF NOT EXISTS v_sections AS
SELECT section_id, report_id, parent_id, level, marker, number, title, body, ordinal, via, block_no
FROM sections;

CREATE VIEW IF NOT EXISTS v_tables AS
SELECT t.report_id, t.table_no, t.block_no, t.caption, t.header_row, t.header, t.kind, g.rows, g.cols
FROM report_tables t JOIN reports r USING (report_id)
LEFT JOIN tables g ON g.document_id = r.document_id AND g.table_no = t.table_no;

CREATE VIEW IF NOT EXISTS v_funds AS
SELECT report_id, item, budget_yuan, actual_yuan, execution_rate, budget_raw, actual_raw, table_no, row FROM funds;

CREATE VIEW IF NOT EXISTS v_evaluators AS
SELECT report_id, name, org, title, table_no, row FROM evaluators;

CREATE VIEW IF NOT EXISTS v_policies AS
SELECT report_id, title, number, block_no, offset FROM policies;

CREATE VIEW IF NOT EXISTS v_orgs AS
SELECT report_id, name, kind, mentions, block_no FROM orgs;

CREATE VIEW IF NOT EXISTS v_figures AS
SELECT figure_id, document_id, report_id, section_id, block_no, raw, value, value_high, unit, kind,
       approx, label, row, col, offset, flag
FROM figures;

CREATE VIEW IF NOT EXISTS v_dates AS
SELECT document_id, report_id, section_id, block_no, raw, date, offset FROM dates;

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

-- The 20 heaviest terms of each report.
CREATE VIEW IF NOT EXISTS v_keywords AS
SELECT report_id, keyword, weight FROM (
	SELECT t.report_id, t.term AS keyword, round(t.tf * i.idf, 4) AS weight,
	       row_number() OVER (PARTITION BY t.report_id ORDER BY t.tf * i.idf DESC, t.term) AS rank
	FROM report_terms t JOIN term_idf i ON i.term = t.term
) WHERE rank <= 20;
