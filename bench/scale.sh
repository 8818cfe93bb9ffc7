#!/bin/sh
# scale.sh measures ingest on real-shaped corpora (corpus/synth -shape real)
# of two sizes: files/s, reports/s, peak RSS and database size of each, the
# growth from the small to the large (time should grow linearly, memory
# not at all), the latency of `reports search` on the large database for a
# common and a rare word, cold and warm, and its bytes per table.
#
#	bench/scale.sh [SMALL LARGE]      (default 1000 20000 files)
#
# BENCH_DIR keeps the binaries, corpora and databases (default: a new
# temporary folder, removed at the end); corpora already there are reused.
# Cold searches drop the page cache first, which needs root; without it
# they are left out. Bytes per table need the sqlite3 command (dbstat).
set -eu

small=${1:-1000}
large=${2:-20000}
cd "$(dirname "$0")/.."

. bench/lib.sh

build
echo "scale on $(machine)"
corpus real "$small"
corpus real "$large"

rm -f "$work"/scale-small.db* "$work"/scale-large.db*
measure "real fresh" real "$small" "$work/scale-small.db"
check real "$small" "$work/scale-small.db"
secs_small=$secs rss_small=$rss
echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "real fresh" real "$large" "$work/scale-large.db"
check real "$large" "$work/scale-large.db"
echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -v a="$secs_small" -v b="$secs" -v ra="$rss_small" -v rb="$rss" -v s="$small" -v l="$large" 'BEGIN {
	printf "growth %d -> %d files (x%.0f): wall time x%.1f (%.1f ms -> %.1f ms a file), max RSS %d -> %d MB (%+.0f%%)\n",
		s, l, l / s, b / a, a / s * 1000, b / l * 1000, ra, rb, (rb - ra) / ra * 100 }'

# search WORD: the latency of a search on the large database, process
# start and dictionary included.
db=$work/scale-large.db
search() {
	hits=$("$work/reports" search --db "$db" --csv --limit 1000000 --timeout 0 "$1" | tail -n +2 | wc -l)
	cold=-
	if [ -w /proc/sys/vm/drop_caches ]; then
		sync
		echo 3 >/proc/sys/vm/drop_caches
		timed "$work/search.txt" "$work/reports" search --db "$db" "$1"
		cold=$secs
	fi
	timed "$work/search.txt" "$work/reports" search --db "$db" "$1"
	timed "$work/search.txt" "$work/reports" search --db "$db" "$1"
	echo "search $1: $hits hits; cold $cold s, warm $secs s, max RSS $rss MB"
}
search 绩效
search 区块链

if command -v sqlite3 >/dev/null; then
	echo "bytes per table of the $large-file database:"
	sqlite3 "$db" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
fi
