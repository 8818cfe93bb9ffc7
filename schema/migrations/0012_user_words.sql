-- Schema version 11: the database remembers its user dictionary (issue 12,
-- trap 5). ingest --dict FILE stores the file's words here, as given; a
-- later ingest or search without --dict cuts text with them, so that
-- forgetting --dict once does not read the whole archive again. No rows:
-- no user dictionary.
CREATE TABLE user_words (
	seq  INTEGER PRIMARY KEY,  -- from 1, the order of the file (earlier words win)
	word TEXT NOT NULL,
	freq REAL,                 -- NULL when the file gave none
	pos  TEXT                  -- part of speech; NULL when the file gave none
);
