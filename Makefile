# Thin wrapper over CMake. `make run` and `make test` work on a fresh
# Debian 12 machine: both install what is missing first.
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build test test-asan run screenshots bench fuzz clean install

all: build

deps:
	@./scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) test-asan

# The unit, store and use-case suites (both engines) again under
# AddressSanitizer and UBSan (STYLE.md), in a separate build folder so the
# release build stays as it is. The faces' suites (CLI, server, browser) run
# once, in the release build: they drive the binary and the pages, and
# building both faces a second time with sanitizers would double the
# compile time that dominates `make test`.
ASAN_SUITES = model_test playbook_test messages_test formats_test store_test app_test
test-asan: deps
	cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DRAPPORT_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" $(ASAN_FLAGS)
	cmake --build $(BUILD)-asan -j $(JOBS) --target $(ASAN_SUITES)
	cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -E '_NOT_BUILT$$|^browser_'

# The binary and its man page under PREFIX (default /usr/local).
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# The web app on the default database, at http://127.0.0.1:8080/ (PORT=...
# and HOST=... change it); Ctrl-C stops it.
run: build
	@./scripts/welcome $(BUILD)/rapport

# Refreshes docs/screenshots/ from the browser suite's run.
screenshots: build
	RAPPORT_BINARY=$(BUILD)/rapport RAPPORT_ARTIFACTS=$(BUILD)/artifacts RAPPORT_UPDATE_SCREENSHOTS=1 \
	  node --test tests/browser/*.test.mjs

bench: build
	./bench/run-agenda-bench $(BUILD)
	./bench/run-import-bench $(BUILD)
	./bench/run-search-bench $(BUILD)
	./bench/run-web-bench $(BUILD)
	./bench/run-postgres-bench $(BUILD)

# Each parser's libFuzzer target for FUZZ_SECONDS (default 60) each; needs
# clang, which `install-deps --fuzz` adds.
fuzz:
	./scripts/install-deps --fuzz
	./scripts/fuzz

clean:
	rm -rf $(BUILD) $(BUILD)-asan build-fuzz
