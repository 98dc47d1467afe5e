# The two commands of the quick start, and a few for development.
#   make run    install what is missing, build, seed the demo city once, serve on :8080
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
BUILD := build/release
LIFELINE := $(BUILD)/src/app/lifeline
DATA ?= data
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: run test build bootstrap web fuzz bench debug format tidy clean

bootstrap:
	@scripts/bootstrap

build: bootstrap web
	@cmake --preset release -DLIFELINE_TESTS=ON -DLIFELINE_BENCH=ON >/dev/null
	@cmake --build --preset release -j $(JOBS)

web: bootstrap
	@if [[ -f web/package.json ]]; then scripts/build-web; fi

run: build
	@if [[ ! -f $(DATA)/lifeline.db ]]; then $(LIFELINE) seed --demo --data $(DATA); fi
	@echo
	@echo "Lifeline: http://$(LISTEN)   (Ctrl-C stops it)"
	@echo "Demo logins (username role password), from $(DATA)/demo-accounts.txt:"
	@column -t $(DATA)/demo-accounts.txt | sed 's/^/  /' | head -n 20
	@echo "  … and more in $(DATA)/demo-accounts.txt"
	@exec $(LIFELINE) serve --data $(DATA) --listen $(LISTEN) --simulate-fleet

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600
	@scripts/fuzz-smoke

fuzz: bootstrap
	@scripts/fuzz-smoke

bench: build
	@bench/run-all

debug: bootstrap
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	@cd build/debug && ctest --output-on-failure -j $(JOBS) --timeout 900

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

tidy:
	@git ls-files 'src/*.cpp' | xargs clang-tidy-19 -p $(BUILD) --quiet

clean:
	@rm -rf build
