-- The public views: what analysts and checks query, documented in README.md
-- (TestREADMEViews compares the two). They hold no data: Open drops every
-- view named v_* and runs this file again whenever it changed, so a change
-- here needs no migration. Name your own views otherwise.

CREATE VIEW v_documents AS
SELECT document_id, path,
       -- the base name: what follows the last '/'
       substr(path, length(rtrim(path, replace(path, '/', ''))) + 1) AS name,
       (SELECT p.root FROM paths p WHERE p.path = d.path) AS root,
       (SELECT p.rel FROM paths p WHERE p.path = d.path) AS rel,
       format, encoding, sha256, bytes, status, error, block_count, table_count, ingested_at, warnings
FROM (SELECT d.*,
       (SELECT min(p.path) FROM paths p WHERE p.document_id = d.document_id) AS path
      FROM documents d) d;

CREATE VIEW v_paths AS
SELECT document_id, path, root, rel FROM paths;

-- A position has a line (.txt) or an index among w:body's children (.docx);
-- the writer stores both as the reader gave them, so body_index is shown
-- only where there is no line.
--
-- A paragraph that its section's unit text holds is stored there only
-- (migration 0015): its text is that text's text_len characters from
-- text_at.
CREATE VIEW v_blocks AS
SELECT b.document_id, b.block_no, b.kind, b.style, b.marker,
       coalesce(b.text, (SELECT substr(t.text, b.text_at, b.text_len) FROM unit_texts t WHERE t.text_id = b.text_id)) AS text,
       b.table_no, b.line, b.end_line,
       CASE WHEN b.line IS NULL THEN b.body_index END AS body_index
FROM blocks b;

-- A cell whose text a cell's search unit holds names it (migration 0020).
CREATE VIEW v_table_cells AS
SELECT c.document_id, c.table_no, c.row, c.col, c.rowspan, c.colspan,
       coalesce(c.text, (SELECT t.text FROM unit_texts t WHERE t.text_id = c.text_id)) AS text
FROM table_cells c;

CREATE VIEW v_parts AS
SELECT document_id, kind, name, text FROM parts;

CREATE VIEW v_reports AS
SELECT r.report_id, r.document_id,
       (SELECT min(p.path) FROM paths p WHERE p.document_id = r.document_id) AS path,
       r.report_no, r.title, r.project_name, r.category, r.implementing_unit, r.supervising_dept,
       r.evaluation_agency, r.evaluation_year, r.report_date,
       (SELECT sum(f.budget_yuan) FROM funds f WHERE f.report_id = r.report_id) AS budget_yuan,
       (SELECT sum(f.actual_yuan) FROM funds f WHERE f.report_id = r.report_id) AS actual_yuan,
       coalesce(r.execution_rate_stated, r.execution_rate_computed) AS execution_rate,
       r.execution_rate_computed,
       r.initial_budget_yuan, r.project_name_source, r.year_source, r.budget_source,
       r.goal, r.attachment, r.preamble,
       r.kind, r.score, r.score_max, r.grade, r.grade_norm,
       r.score_block_no, r.score_offset, r.score_table_no, r.score_row
FROM reports r;
-- The rate the report states is its rate; the one its amounts give
-- (computed in Go by the grammar's one rate, over exact decimals) stands
-- beside it, never in its place.

-- A body is stored once, in the section's search unit (title, newline,
-- body), unless that unit does not hold it as written (migration 0009).
-- marker, via and role are strings of vocab (migration 0019).
CREATE VIEW v_sections AS
SELECT s.section_id, s.report_id, s.parent_id, s.level,
       (SELECT value FROM vocab WHERE vocab_id = s.marker) AS marker, s.number, s.title,
       coalesce(s.body, (SELECT substr(t.text, length(s.title) + 2)
                         FROM search_unit_rows u JOIN unit_texts t USING (text_id)
                         WHERE u.section_id = s.section_id AND u.kind = 2)) AS body,
       s.ordinal, (SELECT value FROM vocab WHERE vocab_id = s.via) AS via, s.block_no,
       (SELECT value FROM vocab WHERE vocab_id = s.role) AS role
FROM sections s;

CREATE VIEW v_tables AS
SELECT t.report_id, t.table_no, t.block_no, t.caption, t.header_row, t.header, t.kind, g.rows, g.cols
FROM report_tables t JOIN reports r USING (report_id)
LEFT JOIN tables g ON g.document_id = r.document_id AND g.table_no = t.table_no;

CREATE VIEW v_funds AS
SELECT report_id, item, budget_yuan, actual_yuan,
       coalesce(execution_rate_stated, execution_rate) AS execution_rate,
       execution_rate AS execution_rate_computed,
       budget_raw, actual_raw, table_no, row FROM funds;

CREATE VIEW v_indicators AS
SELECT report_id, ordinal, level1, level2, level3, target_raw, target_value, target_unit, target_op,
       actual_raw, actual_value, actual_unit, weight, score, met, deviation, table_no, row
FROM indicators;

CREATE VIEW v_scores AS
SELECT report_id, dimension, weight, score, table_no, row FROM scores;

CREATE VIEW v_evaluators AS
SELECT report_id, name, org, title, table_no, row FROM evaluators;

CREATE VIEW v_policies AS
SELECT report_id, title, number, block_no, offset FROM policies;

CREATE VIEW v_orgs AS
SELECT report_id, name, kind, mentions, block_no FROM orgs;

-- A figure's document is its report's (migration 0009).
-- A figure's unit, kind and label are strings of vocab (migration 0018).
CREATE VIEW v_figures AS
SELECT f.figure_id, r.document_id, f.report_id, f.section_id, f.block_no, f.raw, f.value, f.value_high,
       (SELECT value FROM vocab WHERE vocab_id = f.unit) AS unit,
       (SELECT value FROM vocab WHERE vocab_id = f.kind) AS kind,
       f.approx,
       (SELECT value FROM vocab WHERE vocab_id = f.label) AS label,
       f.row, f.col, f.offset
FROM figures f JOIN reports r USING (report_id);

-- raw and date are strings of vocab (migration 0019).
CREATE VIEW v_dates AS
SELECT d.document_id, d.report_id, d.section_id, d.block_no,
       (SELECT value FROM vocab WHERE vocab_id = d.raw) AS raw,
       (SELECT value FROM vocab WHERE vocab_id = d.date) AS date,
       d.offset, d.row, d.col
FROM dates d;

-- The 20 heaviest terms of each report.
CREATE VIEW v_keywords AS
SELECT report_id, keyword, weight FROM (
	SELECT t.report_id, v.value AS keyword, round(t.tf * i.idf, 4) AS weight,
	       row_number() OVER (PARTITION BY t.report_id ORDER BY t.tf * i.idf DESC, v.value) AS rank
	FROM report_terms t JOIN vocab v ON v.vocab_id = t.term JOIN term_idf i ON i.term = v.value
) WHERE rank <= 20;

CREATE VIEW v_table_blocks AS
SELECT report_id, table_no, seq, kind, first_row, header_row, end_row, header FROM report_table_blocks;

CREATE VIEW v_checks AS
SELECT report_id, seq, code, expected, found, block_no, table_no, row, detail FROM checks;
-- The problems and recommendations each report lists, an item a row.
-- An item its section's unit text holds is stored there only (migration
-- 0017), as a paragraph is (v_blocks).
CREATE VIEW v_findings AS
SELECT f.report_id, f.section_id, f.kind, f.item_no, f.marker, f.title,
       coalesce(f.text, (SELECT substr(t.text, f.text_at, f.text_len) FROM unit_texts t WHERE t.text_id = f.text_id)) AS text,
       f.block_no
FROM findings f;

CREATE VIEW v_user_words AS
SELECT seq, word, freq, pos FROM user_words;
