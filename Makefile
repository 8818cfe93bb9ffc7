# Release build: `make dist` writes self-contained binaries of ingest and
# reports for each platform to dist/PLATFORM/, an archive per platform and
# dist/SHA256SUMS. It needs gcc-aarch64-linux-gnu, gcc-mingw-w64-x86-64 and
# zip (Debian packages, which .ci/run installs); .ci/smoke-dist.sh runs the
# result under qemu and wine.

PLATFORMS := linux-amd64 linux-arm64 windows-amd64

# The version is the nearest tag, else the commit; the date is the commit's,
# so that one commit always builds the same files.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
EPOCH   ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
DATE    ?= $(shell date -u -d @$(EPOCH) +%Y-%m-%dT%H:%M:%SZ)

# sqlite_fts5: full-text search (the build refuses to go without it).
# A static binary cannot load glibc's NSS or shared libraries at run time:
# netgo and osusergo keep Go's own resolvers, and SQLite's extension
# loading (dlopen) is left out.
TAGS    := sqlite_fts5 netgo osusergo sqlite_omit_load_extension
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE) \
	-linkmode external -extldflags -static

# The C compiler of each platform, for cgo (SQLite).
linux-amd64:   CC := x86_64-linux-gnu-gcc
linux-arm64:   CC := aarch64-linux-gnu-gcc
windows-amd64: CC := x86_64-w64-mingw32-gcc

# Archives unpack into a folder of their own name; fixed owners, order and
# times keep them the same from one build of a commit to the next.
TAR := tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(EPOCH) -h
export TZ := UTC

.PHONY: dist clean $(PLATFORMS)

dist: $(PLATFORMS)
	cd dist && sha256sum */ingest* */reports* *.tar.gz *.zip > SHA256SUMS
	cat dist/SHA256SUMS

$(PLATFORMS): dist/README.txt
	rm -rf dist/$@ dist/govreports-*-$@*
	mkdir -p dist/$@
	GOOS=$(word 1,$(subst -, ,$@)) GOARCH=$(word 2,$(subst -, ,$@)) CGO_ENABLED=1 CC=$(CC) \
		go build -trimpath -tags '$(TAGS)' -ldflags '$(LDFLAGS)' -o dist/$@/ ./cmd/ingest ./cmd/reports
	cp dist/README.txt dist/$@/
	touch -d @$(EPOCH) dist/$@ dist/$@/*
	cd dist && ln -sfn $@ govreports-$(VERSION)-$@ && \
	case $@ in \
	windows-*) zip -qrX govreports-$(VERSION)-$@.zip govreports-$(VERSION)-$@ ;; \
	*) $(TAR) -cf - govreports-$(VERSION)-$@ | gzip -n > govreports-$(VERSION)-$@.tar.gz ;; \
	esac && rm govreports-$(VERSION)-$@

# Beside the binaries: the README's 快速上手 and Install sections, with a
# BOM and CRLF line ends so that any Notepad shows the Chinese.
dist/README.txt: README.md
	mkdir -p dist
	{ printf '\357\273\277'; for h in '快速上手' Install; do \
		awk -v h="## $$h" '/^## /{keep = ($$0 == h)} keep' README.md; done | sed 's/$$/\r/'; } > $@

clean:
	rm -rf dist
