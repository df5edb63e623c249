# MAEX node network. `make demo` runs the local Zeeland demo network; `make test` runs the tests.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300
PIP := $(SUDO) python3 -m pip

.PHONY: deps test-deps apt-install build demo test bench soak

## Install the system libraries (libcurl, SQLite and zlib headers) when they are missing.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	pkg-config --exists libcurl || missing="$$missing libcurl4-openssl-dev"; \
	pkg-config --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists zlib || missing="$$missing zlib1g-dev"; \
	$(MAKE) --no-print-directory apt-install PACKAGES="$$missing"

## What the tests need besides: Chromium and chromedriver with Python's selenium and
## axe-playwright-python (accessibility), jsonschema (open-data schemas), schemathesis (API
## fuzzing), openssl (test CAs), iproute2 (network namespaces).
test-deps: deps
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	python3 -m pip --version >/dev/null 2>&1 || missing="$$missing python3-pip"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	[ -x /usr/sbin/ip ] && [ -x /usr/sbin/tc ] || missing="$$missing iproute2"; \
	$(MAKE) --no-print-directory apt-install PACKAGES="$$missing"
	@{ python3 -c "import jsonschema, selenium, importlib.util as u; assert u.find_spec('axe_playwright_python')" 2>/dev/null \
		&& command -v schemathesis >/dev/null; } || { \
		echo "installing: jsonschema selenium axe-playwright-python schemathesis (pip)"; \
		$(PIP) install -q jsonschema selenium axe-playwright-python schemathesis \
			|| $(PIP) install -q --break-system-packages jsonschema selenium axe-playwright-python schemathesis; \
	}

# apt-get install of $(PACKAGES) (nothing when empty), retrying the index update while another
# apt-get holds the lock.
apt-install:
	@if [ -n "$(strip $(PACKAGES))" ]; then \
		echo "installing: $(PACKAGES)"; \
		for i in 1 2 3 4 5; do $(APT) update -qq && break; echo "apt-get update failed, retrying"; sleep 10; done; \
		$(APT) install -y -qq $(PACKAGES); \
	fi

build: deps
	$(SWIFT) build

## The main job: a local demo network of five nodes on 127.0.0.1.
demo: deps
	$(SWIFT) build -c release --product maex-node
	.build/release/maex-node demo $(DEMO_ARGS)

## All tests (plain `swift test`, so XCTest prints its summary line).
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

## Long reliability runs (minutes to hours); each prints a table for RELIABILITY.md.
SOAK_KILLS ?= 1000
SOAK_EXAMPLES ?= 1000
soak: test-deps
	$(SWIFT) build --product maex-node
	python3 scripts/soak_crash.py --binary .build/debug/maex-node --kills $(SOAK_KILLS)
	python3 scripts/soak_schemathesis.py --binary .build/debug/maex-node --examples $(SOAK_EXAMPLES)

## Benchmarks in release mode; results go to BENCHMARKS.md.
bench: deps
	$(SWIFT) build -c release --product maex-bench --product maex-node
	.build/release/maex-bench --output BENCHMARKS.md
