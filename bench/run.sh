#!/bin/sh
# run.sh measures whole runs of the real ingest binary on synthetic corpora
# (corpus/synth) of two sizes: time, throughput and peak memory, and whether
# the peak memory stays flat as the corpus grows. A second run on the large
# corpus shows the speed of a run where every file is unchanged.
#
#	bench/run.sh [SMALL LARGE]      (default 1000 4000 files)
#
# BENCH_DIR keeps the binaries, corpora and databases (default: a new
# temporary folder, removed at the end); corpora already there are reused.
# Needs GNU time as /usr/bin/time (apt-get install time).
set -eu

small=${1:-1000}
large=${2:-4000}
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
	echo "run.sh: /usr/bin/time not found; install GNU time (apt-get install time)" >&2
	exit 2
fi

if [ -n "${BENCH_DIR:-}" ]; then
	work=$BENCH_DIR
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi

go build -tags sqlite_fts5 -o "$work/ingest" ./cmd/ingest
go build -tags sqlite_fts5 -o "$work/reports" ./cmd/reports
go build -o "$work/gen" ./corpus/synth/gen

# corpus N: generate N files once, seed 1.
corpus() {
	dir=$work/corpus-$1
	if [ ! -f "$dir/manifest.jsonl" ] || [ "$(wc -l <"$dir/manifest.jsonl")" -ne "$1" ]; then
		rm -rf "$dir"
		"$work/gen" -n "$1" -seed 1 -o "$dir" >/dev/null
	fi
}

# reports_in N: the number of reports the manifest of corpus N lists.
reports_in() {
	grep -o '"project_name"' "$work/corpus-$1/manifest.jsonl" | wc -l
}

# measure LABEL N DB: ingest corpus N into DB under GNU time; print a line,
# and leave the peak RSS in MB in $rss.
measure() {
	label=$1 n=$2 db=$3
	if ! /usr/bin/time -v -o "$work/time.txt" "$work/ingest" --db "$db" "$work/corpus-$n/reports" >"$work/out.txt" 2>&1; then
		echo "run.sh: ingest failed on corpus-$n:" >&2
		cat "$work/out.txt" >&2
		exit 1
	fi
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
	kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
	# CPU seconds (user + system) say what the run costs whatever else
	# the machine is doing; wall-clock seconds do not on a shared machine.
	cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")
	reports=$(reports_in "$n")
	# ingest's own clock: the run without loading the dictionary and
	# refreshing keywords.
	run=$(awk '/^[0-9.]+s \(and [0-9.]+s loading the dictionary\), / { print $1 }' "$work/out.txt")
	rss=$(awk -v kb="$kb" 'BEGIN { printf "%.0f", kb / 1024 }')
	awk -v l="$label" -v n="$n" -v r="$reports" -v s="$secs" -v m="$rss" -v run="$run" -v cpu="$cpu" 'BEGIN {
		printf "%-10s files %6d  reports %6d  seconds %7.2f  files/s %7.1f  reports/s %8.1f  max RSS %5d MB  CPU s %7.2f  reports/CPU-s %6.1f  (ingest says %s)\n", l, n, r, s, n / s, r / s, m, cpu, r / cpu, run }'
}

# check N DB: the database holds every report of the manifest.
check() {
	got=$("$work/reports" sql --db "$2" --csv "SELECT count(*) FROM v_reports" | tail -n 1 | tr -d '\r\357\273\277')
	want=$(reports_in "$1")
	if [ "$got" != "$want" ]; then
		echo "run.sh: corpus-$1: the database holds $got reports, the manifest $want" >&2
		exit 1
	fi
}

echo "ingest on $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
corpus "$small"
corpus "$large"

rm -f "$work"/small.db* "$work"/large.db*
measure fresh "$small" "$work/small.db"
check "$small" "$work/small.db"
rss_small=$rss
measure fresh "$large" "$work/large.db"
check "$large" "$work/large.db"
rss_large=$rss
measure unchanged "$large" "$work/large.db"
check "$large" "$work/large.db"

awk -v a="$rss_small" -v b="$rss_large" -v s="$small" -v l="$large" 'BEGIN {
	g = (b - a) / a * 100
	verdict = (g <= 25) ? "flat" : "NOT flat"
	printf "max RSS %s: %d MB for %d files, %d MB for %d files (%+.0f%%, limit +25%%)\n", verdict, a, s, b, l, g }'
