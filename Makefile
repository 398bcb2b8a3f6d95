# DARS Workbench. `make run` and `make test` do all the set-up on a fresh
# Debian/Ubuntu machine with Go installed.

BIN      := dars-workbench
GO       ?= go
# Debian packages: Fyne's cgo build needs the X11/GL headers; the end-to-end
# test and the reader's checks need the rest.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_PKGS  := xvfb xdotool imagemagick poppler-utils qpdf xclip zip unzip \
	appstream desktop-file-utils shared-mime-info libglib2.0-bin
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FUZZTIME ?= 10s

.PHONY: run build deps-build deps-test test check check-format vet lint unit unit-quick e2e bench fuzz package clean screenshots \
	install uninstall deps-windows package-windows vet-windows

run: deps-build build
	./$(BIN)

# Every build leaves out Fyne's bundled colour-emoji font (-tags no_emoji): a
# 4 MB font that Fyne parses again for each text style the window uses, so
# it cost 14 MB of memory and a tenth of the time to a first frame, for
# pictures no DARS application needs. Emoji typed into an answer are kept
# and exported as they are; on screen they come from the system's fonts
# where it has them (most desktops do), and show as a box where it has not.
APP_TAGS := no_emoji

build:
	$(GO) build -tags $(APP_TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

# deps-* install only what is missing, so a set-up machine is left alone.
deps-build:
	@missing=$$(for p in $(BUILD_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

deps-test: deps-build
	@missing=$$(for p in $(TEST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test: deps-test check-format vet vet-windows lint unit e2e fuzz

# The quick loop while working: format, vet, lint and the unit tests on
# Fyne's headless driver (no -race, no end-to-end, no fuzzing), side by side.
# Go caches the results of packages nothing has changed under. The tests
# spend a third of their time collecting garbage from Fyne's text layout; a
# larger GC target cuts their CPU by a fifth.
check: deps-build
	@$(MAKE) --no-print-directory -j4 --output-sync=target check-format vet lint unit-quick

unit-quick:
	GOGC=400 $(GO) test -tags ci ./...

check-format:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# staticcheck and deadcode are pinned as Go tools in go.mod. deadcode exits 0
# whatever it finds, and must see the whole module at once (-test counts the
# tests as users), so an empty report is the pass. The ci tag (Fyne's headless
# driver) spares it Fyne's cgo; no file of ours depends on that tag.
lint:
	$(GO) tool staticcheck -tags e2e ./...
	@out=$$($(GO) tool deadcode -test -tags ci,e2e ./...) || exit 1; \
	if [ -n "$$out" ]; then echo "deadcode: functions nothing calls (use them or remove them):"; echo "$$out"; exit 1; fi

# The race run keeps the crash test to 50 kills (children are slow under
# -race); the second line gives it its full 200 without the detector. The
# readers' memory bound is measured without the detector too (it multiplies
# memory); -v on that test prints each reader's peak memory and time. The app
# package needs about 7 minutes of CPU under -race, and took 21 on a busy machine:
# the timeout is there to catch a hang, not to time the tests.
unit:
	$(GO) test -race -count=1 -timeout 25m ./...
	$(GO) test -count=1 -run 'TestCrash' ./storage/
	$(GO) test -count=1 -run 'TestReaderCostsAtLimits' ./export/

# The end-to-end test drives the real binary under Xvfb; it keeps its
# screenshots in e2e-artifacts/.
e2e: build
	DARS_BIN=$(CURDIR)/$(BIN) DARS_E2E_OUT=$(CURDIR)/e2e-artifacts $(GO) test -count=1 -tags e2e -run 'TestEndToEnd|TestQuietCommandLine|TestInstallCommand' -v .

# The README's and the AppStream metadata's pictures, redrawn from the real
# window under Xvfb (look at them before committing).
screenshots: deps-test build
	DARS_BIN=$(CURDIR)/$(BIN) DARS_DOCS=$(CURDIR)/docs $(GO) test -count=1 -tags e2e -run 'TestDocsScreenshots' -v .

# Every fuzz target runs briefly; go test -fuzz takes one target at a time.
# .ci/fuzz tells Go 1.26's end-of-window deadline failure, which finds
# nothing, from a finding (see the script).
fuzz:
	@bash .ci/fuzz --self-test
	@set -e; for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$t"; \
			GO=$(GO) bash .ci/fuzz $$pkg $$t $(FUZZTIME); \
		done; \
	done

# Figures: benchmarks side by side in one run, the 1,000-kill crash test, and
# cold start and memory against a bare Fyne window; then one table of every
# figure with a goal (testdata/benchtable). Output is kept in bench.out.
# Benchmarks run one package at a time (-p 1): on two cores, two packages'
# benchmarks at once slow each other.
bench: SHELL := /bin/bash
bench: .SHELLFLAGS := -o pipefail -c
bench: deps-test build
	@rm -f bench.out
	$(GO) test -p 1 -run '^$$' -bench . -benchmem ./... 2>&1 | tee -a bench.out
	DARS_CRASH_KILLS=1000 $(GO) test -count=1 -v -run 'TestCrashKeepsAcknowledgedEdits' ./storage/ 2>&1 | tee -a bench.out
	DARS_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -tags e2e -run 'TestColdStart' -v . 2>&1 | tee -a bench.out
	@$(GO) run ./testdata/benchtable < bench.out

clean:
	rm -rf $(BIN) e2e-artifacts bench.out *.tar.xz $(DIST) fyne.syso FyneApp.ico *.exe

# ---------------------------------------------------------------------------
# Packages, and installing on a Linux desktop. FyneApp.toml is the one source
# of the name and version; the packages land in dist/.

APP_NAME := $(shell sed -n 's/^ *Name *= *"\(.*\)"/\1/p' FyneApp.toml)
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
DIST     := dist
PREFIX   ?= $(HOME)/.local
# AppStream metadata dates a release; the build knows it from the commit.
RELEASE_DATE := $(shell git log -1 --format=%cs 2>/dev/null)
LDFLAGS  := -X github.com/darsworkbench/dars-workbench/app/cli.releaseDate=$(RELEASE_DATE)
WIN_CC   := x86_64-w64-mingw32-gcc
WIN_PKGS := gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 zip file

# make install PREFIX=… (default ~/.local): the program, its menu entry,
# icons, AppStream metadata and the pack type; make uninstall removes exactly
# what the install recorded (the installed program does it).
install: deps-build build
	./$(BIN) install --prefix "$(PREFIX)"

uninstall:
	@if [ -x "$(PREFIX)/bin/$(BIN)" ]; then "$(PREFIX)/bin/$(BIN)" uninstall --prefix "$(PREFIX)"; \
	else $(MAKE) --no-print-directory build && ./$(BIN) uninstall --prefix "$(PREFIX)"; fi

# Linux: a tarball with the program, the README, the licence notices and a
# Makefile whose install and uninstall run the program's own.
LINUX_DIR := dars-workbench-$(VERSION)
package: deps-build
	rm -rf $(DIST)/linux && mkdir -p $(DIST)/linux/$(LINUX_DIR)
	$(GO) build -trimpath -tags release,$(APP_TAGS) -ldflags "-s -w $(LDFLAGS)" -o $(DIST)/linux/$(LINUX_DIR)/$(BIN) .
	cp README.md assets/THIRD_PARTY_NOTICES.txt $(DIST)/linux/$(LINUX_DIR)/
	printf '%s\n' '# make install: DARS Workbench for this user, in ~/.local (PREFIX=/usr/local, with sudo, for everyone).' \
		'PREFIX ?= $$(HOME)/.local' '.PHONY: install uninstall' \
		'install:' '	./$(BIN) install --prefix "$$(PREFIX)"' \
		'uninstall:' '	"$$(PREFIX)/bin/$(BIN)" uninstall --prefix "$$(PREFIX)"' > $(DIST)/linux/$(LINUX_DIR)/Makefile
	tar -C $(DIST)/linux -cJf $(DIST)/$(LINUX_DIR)-linux-$$($(GO) env GOARCH).tar.xz $(LINUX_DIR)
	@echo "built $(DIST)/$(LINUX_DIR)-linux-$$($(GO) env GOARCH).tar.xz"

deps-windows:
	@missing=$$(for p in $(WIN_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Windows, cross-compiled with mingw-w64 by Fyne's packager (icon, version
# information and manifest in the .exe), zipped with the README and the
# notices, then checked: a PE32+ GUI program with those resources that needs
# no DLL beyond Windows' own. The packager is built before CC points at the
# Windows compiler (`go tool` would build it with that compiler), and it
# bumps the build number in FyneApp.toml, which is put back. A cold build
# takes about 9 CPU-minutes.
WIN_DIR := $(DIST)/windows/$(APP_NAME)
WIN_ZIP := $(DIST)/dars-workbench-$(VERSION)-windows-amd64.zip
package-windows: deps-windows
	rm -rf $(DIST)/windows fyne.syso FyneApp.ico && mkdir -p "$(WIN_DIR)"
	fyne=$$($(GO) tool -n fyne) && cp FyneApp.toml $(DIST)/FyneApp.toml.orig && \
	GOOS=windows GOARCH=amd64 CC=$(WIN_CC) "$$fyne" package -os windows -icon assets/icon.png -name "$(APP_NAME)" -release -tags $(APP_TAGS); \
	st=$$?; mv $(DIST)/FyneApp.toml.orig FyneApp.toml; exit $$st
	mv "$(APP_NAME).exe" "$(WIN_DIR)/"
	cp README.md "$(WIN_DIR)/README.txt"
	cp assets/THIRD_PARTY_NOTICES.txt "$(WIN_DIR)/"
	rm -f $(WIN_ZIP) && cd $(DIST)/windows && zip -qr "$(CURDIR)/$(WIN_ZIP)" "$(APP_NAME)"
	file "$(WIN_DIR)/$(APP_NAME).exe"
	x86_64-w64-mingw32-objdump -p "$(WIN_DIR)/$(APP_NAME).exe" | grep -E '^Magic|^Subsystem|DLL Name|Resource Directory'
	DARS_WIN_ZIP=$(CURDIR)/$(WIN_ZIP) $(GO) test -count=1 -tags package -run TestWindowsPackage -v .
	@echo "built $(WIN_ZIP)"

# CI compiles and vets every package for Windows, tests included, so code
# for Windows cannot rot. Without cgo (Fyne's headless driver, -tags ci) it
# costs about 2 CPU-minutes cold instead of the full cross-build's 9; all of
# our own code is the same under that tag.
vet-windows:
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) vet -tags ci ./...
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -tags ci -o /dev/null .
