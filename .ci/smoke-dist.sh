#!/usr/bin/env bash
# Runs what `make dist` made as a user would: each archive unpacked into a
# folder of its own, its binaries run from elsewhere (nothing beside them),
# on the shipped sample under a Chinese folder and file name. linux/arm64
# runs under qemu-user, windows/amd64 under wine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
# Stop this prefix's wineserver (it lingers a few seconds) before removing it.
trap 'wineserver --kill 2>/dev/null; rm -rf "$work"' EXIT

# Wine converts arguments and file names to UTF-16 by the locale.
export LANG=C.UTF-8
# A prefix of our own; no debug noise; no offer to install Mono or Gecko.
export WINEPREFIX=$work/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

name=2020年西湖区服务业报告.txt

fail() {
	echo "smoke-dist: $platform: $*" >&2
	exit 1
}

# Output with CR LF line ends (Windows) compares as with LF.
lf() { tr -d '\r'; }

(cd dist && sha256sum --check --quiet SHA256SUMS)

platform=wine
start=$SECONDS
wineboot --init >/dev/null 2>&1 && wineserver --wait || fail "wineboot failed"
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	.ci/bcryptprimitives.c -ladvapi32
echo "smoke-dist: wine prefix made in $((SECONDS - start))s"

for platform in linux-amd64 linux-arm64 windows-amd64; do
	start=$SECONDS
	dir=$work/$platform
	mkdir -p "$dir/报告"
	cp corpus/sample/2020-xihu-services.txt "$dir/报告/$name"
	case $platform in
	linux-amd64) run=() exe= ;;
	linux-arm64) run=(qemu-aarch64-static) exe= ;;
	windows-amd64) run=(wine) exe=.exe ;;
	esac
	case $platform in
	windows-*) unzip -q dist/govreports-*-$platform.zip -d "$dir/unpacked" ;;
	*) mkdir "$dir/unpacked" && tar -xzf dist/govreports-*-$platform.tar.gz -C "$dir/unpacked" ;;
	esac
	bin=$(echo "$dir"/unpacked/govreports-*-$platform)
	ingest=$bin/ingest$exe reports=$bin/reports$exe

	# Self-contained: static on Linux; on Windows no MinGW runtime DLL.
	case $platform in
	windows-*)
		dlls=$(x86_64-w64-mingw32-objdump -p "$ingest" "$reports" | awk '/DLL Name/{print $3}' | sort -u)
		! grep -qi '^lib' <<<"$dlls" || fail "needs DLLs beside it: $dlls"
		;;
	*)
		file "$ingest" "$reports" | grep -v -q 'statically linked' && fail "not static: $(file "$ingest" "$reports")"
		;;
	esac
	go version -m "$ingest" | grep -q -- '-tags=.*sqlite_fts5' || fail "built without sqlite_fts5"

	# Run from the sample's folder: nothing beside the programs but README.txt.
	cd "$dir"
	for prog in "$ingest" "$reports"; do
		v=$("${run[@]}" "$prog" --version | lf) || fail "$prog --version failed: $v"
		grep -q 'with FTS5' <<<"$v" || fail "$prog --version names no FTS5: $v"
		grep -q '^  commit: *[0-9a-f]\{7,\}' <<<"$v" || fail "$prog --version names no commit: $v"
	done
	out=$("${run[@]}" "$ingest" --db reports.db 报告 2>&1 | lf) || fail "ingest failed: $out"
	grep -q '^ingest: 1/1 files' <<<"$out" || fail "no progress line: $out"
	grep -q '1 ingested' <<<"$out" || fail "not ingested: $out"

	n=$("${run[@]}" "$reports" sql --db reports.db --csv "SELECT count(*) FROM v_reports" | lf | sed -n 2p)
	[ "$n" = 3 ] || fail "v_reports has '$n' rows, want 3"
	got=$("${run[@]}" "$reports" sql --db reports.db --csv "SELECT name FROM v_documents" | lf | sed -n 2p)
	[ "$got" = "$name" ] || fail "file name '$got', want '$name'"
	hits=$("${run[@]}" "$reports" search --db reports.db 楼宇经济 | lf)
	grep -q '楼宇办工作经费' <<<"$hits" || fail "search found nothing: $hits"
	cd "$root"
	echo "smoke-dist: $platform ok in $((SECONDS - start))s"
done
