-- Schema version 21: search by evaluation year from indexes alone.
--
-- `reports search --year` ranks the units that match and keep those of
-- the year's reports. Each match's report was read from its unit's row,
-- one random read a match (433,329 for 绩效 on a 20,000-file database:
-- 0.84 s); the index from a text to its units now carries the report
-- too. Analysts' queries ("every project of 2019-2021 …") pick reports by
-- evaluation_year, which now has an index of its own.

DROP INDEX IF EXISTS search_unit_rows_text;
CREATE INDEX search_unit_rows_text ON search_unit_rows (text_id, report_id);
CREATE INDEX IF NOT EXISTS reports_year ON reports (evaluation_year);
