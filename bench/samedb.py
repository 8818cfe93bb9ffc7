#!/usr/bin/env python3
"""samedb.py [--no-ids] A.db B.db: whether two databases of the same files hold
the same results: every v_* view, and the search index's inputs, row for row,
sorted, with the time columns (ingested_at …) left out. --no-ids leaves out
ids too, for runs with several workers, which number rows in the order files
finish. Exit status 1 when any differs."""
import sqlite3, sys, hashlib
NOIDS = "--no-ids" in sys.argv
args = [a for a in sys.argv[1:] if a != "--no-ids"]
def dropped(x):
    # --no-ids: runs with several workers number rows in the order files finish
    return NOIDS and (x == "id" or x.endswith("_id") or x == "rowid" or x == "unit")
def dump(path):
    c = sqlite3.connect(path)
    out = {}
    views = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='view' AND name LIKE 'v\\_%' ESCAPE '\\' ORDER BY name")]
    for v in views:
        cols = [r[1] for r in c.execute(f"PRAGMA table_info({v})")]
        keep = [x for x in cols if not ('_at' in x or 'time' in x or x in ('elapsed', 'duration') or dropped(x))]
        q = "SELECT " + ",".join(f'"{x}"' for x in keep) + f" FROM {v}"
        rows = sorted(repr(r) for r in c.execute(q))
        out[v] = (keep, rows)
    # The index's inputs too: a segmentation change shows here first.
    # text_id and hash are the database's own numbering of texts (a hash
    # before schema 16, 1, 2, 3 … since), so texts are compared by what
    # they hold, and report_terms by its words (a vocab id since schema 19).
    tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    for t in ("search_units", "search_unit_rows", "unit_texts", "report_terms", "term_df", "term_idf"):
        if t not in tables:
            continue  # an older schema without the table
        cols = [r[1] for r in c.execute(f"PRAGMA table_info({t})")]
        keep = [x for x in cols if not ('_at' in x or 'time' in x or dropped(x) or x in ('text_id', 'hash'))]
        src = t
        if t == "report_terms" and "vocab" in tables:
            src = "(SELECT report_id, v.value AS term, tf FROM report_terms JOIN vocab v ON v.vocab_id = report_terms.term)"
        q = "SELECT " + ",".join(f'"{x}"' for x in keep) + f" FROM {src}"
        out["table " + t] = (keep, sorted(repr(r) for r in c.execute(q)))
    return out
a, b = dump(args[0]), dump(args[1])
bad = 0
if a.keys() != b.keys():
    print("views differ", a.keys() ^ b.keys()); bad = 1
for v in sorted(a):
    ka, ra = a[v]; kb, rb = b.get(v, (None, None))
    if ka != kb or ra != rb:
        print(f"DIFF {v}: {len(ra)} vs {len(rb) if rb else None} rows"); bad = 1
    else:
        print(f"same {v}: {len(ra)} rows, {len(ka)} columns, sha {hashlib.sha1(''.join(ra).encode()).hexdigest()[:10]}")
sys.exit(bad)
