# lib.sh: what the bench scripts share. Sourced from the repository root;
# it sets $work, the folder that keeps the binaries, corpora and
# databases: BENCH_DIR when set (kept), else a temporary folder removed
# at exit.

if [ -n "${BENCH_DIR:-}" ]; then
	work=$BENCH_DIR
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi

if [ ! -x /usr/bin/time ]; then
	echo "bench: /usr/bin/time not found; install GNU time (apt-get install time)" >&2
	exit 2
fi

build() {
	go build -tags sqlite_fts5 -o "$work/ingest" ./cmd/ingest
	go build -tags sqlite_fts5 -o "$work/reports" ./cmd/reports
	go build -o "$work/gen" ./corpus/synth/gen
}

# corpus SHAPE N: generate N files of SHAPE (sample or real) once, seed 1,
# in $work/SHAPE-N.
corpus() {
	dir=$work/$1-$2
	if [ ! -f "$dir/manifest.jsonl" ] || [ "$(wc -l <"$dir/manifest.jsonl")" -ne "$2" ]; then
		rm -rf "$dir"
		"$work/gen" -shape "$1" -n "$2" -seed 1 -o "$dir" >/dev/null
	fi
	echo "corpus $1-$2: $2 files, $(reports_in "$1" "$2") reports, $(mb "$dir/reports") MB on disk"
}

# mb PATH: the size of PATH on disk in MB, one decimal.
mb() {
	du -sk "$1" | awk '{ printf "%.1f", $1 / 1024 }'
}

# reports_in SHAPE N: the number of reports the manifest of the corpus lists.
reports_in() {
	grep -o '"project_name"' "$work/$1-$2/manifest.jsonl" | wc -l
}

# timed OUT CMD...: run CMD under GNU time, its output in OUT; leave wall
# seconds in $secs, CPU seconds (user + system) in $cpu, peak RSS in MB in
# $rss.
timed() {
	out=$1
	shift
	if ! /usr/bin/time -v -o "$work/time.txt" "$@" >"$out" 2>&1; then
		echo "bench: failed: $*" >&2
		cat "$out" >&2
		exit 1
	fi
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
	# CPU seconds say what the run costs whatever else the machine is
	# doing; wall-clock seconds do not on a shared machine.
	cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
}

# measure LABEL SHAPE N DB: ingest the corpus into DB; print a line. Leaves
# $secs, $cpu and $rss as timed does.
measure() {
	label=$1 shape=$2 n=$3 db=$4
	timed "$work/out.txt" "$work/ingest" --db "$db" "$work/$shape-$n/reports"
	reports=$(reports_in "$shape" "$n")
	# ingest's own clock: the run (the dictionary loads within it)
	# without refreshing keywords.
	run=$(awk '/^[0-9.]+s[ ,]/ && /files\/s/ { sub(/,$/, "", $1); print $1 }' "$work/out.txt")
	awk -v l="$label" -v n="$n" -v r="$reports" -v s="$secs" -v m="$rss" -v run="$run" -v cpu="$cpu" -v mb="$(mb "$db")" 'BEGIN {
		printf "%-14s files %6d  reports %6d  seconds %7.2f  files/s %6.1f  reports/s %7.1f  max RSS %5d MB  CPU s %7.2f  CPU/wall %4.2f  db %6.1f MB  (ingest says %s)\n", l, n, r, s, n / s, r / s, m, cpu, cpu / s, mb, run }'
}

# check SHAPE N DB: the database holds every report of the manifest.
check() {
	got=$("$work/reports" sql --db "$3" --csv "SELECT count(*) FROM v_reports" | tail -n 1 | tr -d '\r\357\273\277')
	want=$(reports_in "$1" "$2")
	if [ "$got" != "$want" ]; then
		echo "bench: $1-$2: the database holds $got reports, the manifest $want" >&2
		exit 1
	fi
}

machine() {
	echo "$(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
