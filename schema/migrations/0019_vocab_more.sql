-- Schema version 19: more of the strings that many rows repeat stored
-- once, in vocab (migration 0018): a section's marker, via, family and
-- role, a date as written and as read, and the term of report_terms.
-- v_sections, v_dates and v_keywords show the strings as before.
--
-- sections and dates change in place (a column of ids added, the column
-- of strings dropped, the new one renamed): dropping sections to make it
-- anew would delete the findings that name its rows. report_terms, which
-- no row names, is made anew: its term is part of its key.

INSERT OR IGNORE INTO vocab (value)
SELECT value FROM (
	SELECT marker AS value FROM sections UNION SELECT via FROM sections UNION SELECT family FROM sections
	UNION SELECT role FROM sections UNION SELECT raw FROM dates UNION SELECT date FROM dates
	UNION SELECT term FROM report_terms
) WHERE value IS NOT NULL ORDER BY value;

ALTER TABLE sections ADD COLUMN marker_id INTEGER;
ALTER TABLE sections ADD COLUMN via_id INTEGER;
ALTER TABLE sections ADD COLUMN family_id INTEGER;
ALTER TABLE sections ADD COLUMN role_id INTEGER;
UPDATE sections SET
	marker_id = (SELECT vocab_id FROM vocab WHERE value = sections.marker),
	via_id = (SELECT vocab_id FROM vocab WHERE value = sections.via),
	family_id = (SELECT vocab_id FROM vocab WHERE value = sections.family),
	role_id = (SELECT vocab_id FROM vocab WHERE value = sections.role);
ALTER TABLE sections DROP COLUMN marker;
ALTER TABLE sections DROP COLUMN via;
ALTER TABLE sections DROP COLUMN family;
ALTER TABLE sections DROP COLUMN role;
ALTER TABLE sections RENAME COLUMN marker_id TO marker;
ALTER TABLE sections RENAME COLUMN via_id TO via;
ALTER TABLE sections RENAME COLUMN family_id TO family;
ALTER TABLE sections RENAME COLUMN role_id TO role;

ALTER TABLE dates ADD COLUMN raw_id INTEGER;
ALTER TABLE dates ADD COLUMN date_id INTEGER;
UPDATE dates SET
	raw_id = (SELECT vocab_id FROM vocab WHERE value = dates.raw),
	date_id = (SELECT vocab_id FROM vocab WHERE value = dates.date);
ALTER TABLE dates DROP COLUMN raw;
ALTER TABLE dates DROP COLUMN date;
ALTER TABLE dates RENAME COLUMN raw_id TO raw;
ALTER TABLE dates RENAME COLUMN date_id TO date;

CREATE TABLE report_terms_vocab (
	report_id INTEGER NOT NULL REFERENCES reports ON DELETE CASCADE,
	term      INTEGER NOT NULL,  -- vocab
	tf        INTEGER NOT NULL,
	PRIMARY KEY (report_id, term)
) WITHOUT ROWID;
INSERT INTO report_terms_vocab (report_id, term, tf)
SELECT t.report_id, v.vocab_id, t.tf FROM report_terms t JOIN vocab v ON v.value = t.term ORDER BY 1, 2;
DROP TABLE report_terms;
ALTER TABLE report_terms_vocab RENAME TO report_terms;
