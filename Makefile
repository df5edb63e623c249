# MAEX node network. `make demo` runs the local Zeeland demo network; `make test` runs the tests.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300

.PHONY: deps build demo test bench soak format-check

## Install the system libraries (libcurl, SQLite and zlib headers) when they are missing.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	pkg-config --exists libcurl || missing="$$missing libcurl4-openssl-dev"; \
	pkg-config --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists zlib || missing="$$missing zlib1g-dev"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		for i in 1 2 3 4 5; do $(APT) update -qq && break; echo "apt-get update failed, retrying"; sleep 10; done; \
		$(APT) install -y -qq $$missing; \
	fi
	@command -v schemathesis >/dev/null || python3 -m pip install -q schemathesis \
		|| python3 -m pip install -q --break-system-packages schemathesis

build: deps
	$(SWIFT) build

## The main job: a local demo network of five nodes on 127.0.0.1.
demo: deps
	$(SWIFT) build -c release --product maex-node
	.build/release/maex-node demo $(DEMO_ARGS)

## All tests (plain `swift test`, so XCTest prints its summary line).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

## Long reliability runs (minutes to hours); each prints a table for RELIABILITY.md.
SOAK_KILLS ?= 1000
SOAK_EXAMPLES ?= 1000
soak: deps
	$(SWIFT) build --product maex-node
	python3 scripts/soak_crash.py --binary .build/debug/maex-node --kills $(SOAK_KILLS)
	python3 scripts/soak_schemathesis.py --binary .build/debug/maex-node --examples $(SOAK_EXAMPLES)

## Benchmarks in release mode; results go to BENCHMARKS.md.
bench: deps
	$(SWIFT) build -c release --product maex-bench --product maex-node
	.build/release/maex-bench --output BENCHMARKS.md
