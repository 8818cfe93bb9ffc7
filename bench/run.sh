#!/bin/sh
# run.sh measures whole runs of the real ingest binary on synthetic corpora
# (corpus/synth) of both shapes: time, throughput and peak memory.
#
#	bench/run.sh [SMALL LARGE]      (default 1000 4000 sample-shaped files)
#
# Sample-shaped: SMALL and LARGE files fresh, LARGE again unchanged, and
# whether the peak memory stays flat from one to the other. Real-shaped
# (5–200 kB of text a file): REAL files (default 200) beside the Python
# pipeline a user would assemble instead, ../shared/bench/peer_pipeline.py
# (SHARED_DIR overrides ../shared; Debian's python3-docx, python3-jieba and
# sqlite-utils, run by PYTHON, default /usr/bin/python3), with the ratio of
# the wall times, start-up included in both; then REAL_LARGE files (default
# 1000).
#
# BENCH_DIR keeps the binaries, corpora and databases (default: a new
# temporary folder, removed at the end); corpora already there are reused.
# Needs GNU time as /usr/bin/time (apt-get install time).
set -eu

small=${1:-1000}
large=${2:-4000}
real=${REAL:-200}
real_large=${REAL_LARGE:-1000}
cd "$(dirname "$0")/.."
shared=${SHARED_DIR:-$(dirname "$(pwd)")/shared}
python=${PYTHON:-/usr/bin/python3}

. bench/lib.sh

build
echo "ingest on $(machine)"

echo "sample-shaped:"
corpus sample "$small"
corpus sample "$large"
rm -f "$work"/sample-*.db*
measure "sample fresh" sample "$small" "$work/sample-small.db"
check sample "$small" "$work/sample-small.db"
rss_small=$rss
measure "sample fresh" sample "$large" "$work/sample-large.db"
check sample "$large" "$work/sample-large.db"
rss_large=$rss
measure "sample same" sample "$large" "$work/sample-large.db"
check sample "$large" "$work/sample-large.db"
awk -v a="$rss_small" -v b="$rss_large" -v s="$small" -v l="$large" 'BEGIN {
	g = (b - a) / a * 100
	verdict = (g <= 25) ? "flat" : "NOT flat"
	printf "max RSS %s: %d MB for %d files, %d MB for %d files (%+.0f%%, limit +25%%)\n", verdict, a, s, b, l, g }'

echo "real-shaped:"
corpus real "$real"
corpus real "$real_large"
rm -f "$work"/real-*.db* "$work/peer.db"
measure "real fresh" real "$real" "$work/real-small.db"
check real "$real" "$work/real-small.db"
ours=$secs
# The peer reads one folder, not a tree: the generator puts a thousand
# files in each, so up to 1,000 files it reads the same files as ingest.
if [ "$real" -le 1000 ] && [ -f "$shared/bench/peer_pipeline.py" ] && "$python" -c 'import docx, jieba, sqlite_utils' 2>/dev/null; then
	timed "$work/peer.txt" "$python" "$shared/bench/peer_pipeline.py" "$work/real-$real/reports/0000" "$work/peer.db"
	awk -v n="$real" -v s="$secs" -v m="$rss" -v cpu="$cpu" -v mb="$(mb "$work/peer.db")" -v says="$(cat "$work/peer.txt")" 'BEGIN {
		printf "%-14s files %6d  reports %6s  seconds %7.2f  files/s %6.1f  reports/s %7s  max RSS %5d MB  CPU s %7.2f  CPU/wall %4.2f  db %6.1f MB  (peer says %s)\n", "peer", n, "-", s, n / s, "-", m, cpu, cpu / s, mb, says }'
	awk -v a="$ours" -v b="$secs" 'BEGIN { printf "ingest vs peer: %.2f s vs %.2f s wall: %.1fx faster (target 5x)\n", a, b, b / a }'
else
	echo "peer skipped: needs $shared/bench/peer_pipeline.py, REAL <= 1000, and docx, jieba and sqlite_utils in $python"
fi
measure "real fresh" real "$real_large" "$work/real-large.db"
check real "$real_large" "$work/real-large.db"
