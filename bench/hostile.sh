#!/bin/sh
# hostile.sh measures the peak RSS of ingest, at its default limits, on
# each full-size crafted input of issue 13 run beside the shipped sample,
# and prints a line each: input, outcome of the hostile file, max RSS.
#
#	bench/hostile.sh        (BENCH_DIR keeps the inputs; needs GNU time)
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
go build -tags sqlite_fts5 -o "$work/ingest" ./cmd/ingest
[ -f "$work/inputs/oneline-200mb.txt" ] || go run ./bench/hostile -o "$work/inputs"
for f in "$work"/inputs/*; do
	name=$(basename "$f")
	run=$work/run-$name
	rm -rf "$run"
	mkdir -p "$run/in"
	cp corpus/sample/* "$run/in/"
	ln -s "$f" "$run/in/$name"
	/usr/bin/time -v "$work/ingest" --workers 2 --db "$run/r.db" "$run/in" >"$run/out" 2>"$run/err" || true
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$run/err")
	why=$(grep -F "$name" "$run/err" | head -1)
	echo "$name	$((rss / 1024)) MB	$(grep -c . "$run/out") summary lines	$why"
done
