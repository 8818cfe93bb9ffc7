-- The report's execution rate computed from its funds rows by the
-- extractor (grammar.Rate), instead of by the view: one rate. Rows of
-- earlier versions stay NULL until their files are read again, which the
-- extractor version of this release makes the next ingest do.
ALTER TABLE reports ADD COLUMN execution_rate_computed REAL;
