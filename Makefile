# DARS Workbench. `make run` and `make test` do all the set-up on a fresh
# Debian/Ubuntu machine with Go installed.

BIN      := dars-workbench
GO       ?= go
# Debian packages: Fyne's cgo build needs the X11/GL headers; the end-to-end
# test and the reader's checks need the rest.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_PKGS  := xvfb xdotool imagemagick poppler-utils qpdf xclip zip unzip
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FUZZTIME ?= 10s

.PHONY: run build deps-build deps-test test check check-format vet lint unit unit-quick e2e bench fuzz package clean

run: deps-build build
	./$(BIN)

build:
	$(GO) build -o $(BIN) .

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

test: deps-test check-format vet lint unit e2e fuzz

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
	DARS_BIN=$(CURDIR)/$(BIN) DARS_E2E_OUT=$(CURDIR)/e2e-artifacts $(GO) test -count=1 -tags e2e -run 'TestEndToEnd|TestQuietCommandLine' -v .

# Every fuzz target runs briefly; go test -fuzz takes one target at a time.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$t"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

# Figures: benchmarks side by side in one run, the 1,000-kill crash test, and
# cold start against a bare Fyne window.
bench: deps-test build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	DARS_CRASH_KILLS=1000 $(GO) test -count=1 -v -run 'TestCrashKeepsAcknowledgedEdits' ./storage/
	DARS_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -tags e2e -run 'TestColdStart' -v .

package: deps-build
	$(GO) tool fyne package -os linux -icon assets/icon.png -name $(BIN) -release

clean:
	rm -rf $(BIN) e2e-artifacts *.tar.xz
