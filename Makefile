# MAEX node network. `make demo` runs the local Zeeland demo network; `make test` runs the tests.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300
PIP := $(SUDO) python3 -m pip

.PHONY: deps build demo test bench

## Install the system libraries (libcurl, SQLite and zlib headers), Python's jsonschema and the
## accessibility test's tools (Chromium, chromedriver, python3 with selenium and axe-playwright-python) when missing.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	pkg-config --exists libcurl || missing="$$missing libcurl4-openssl-dev"; \
	pkg-config --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists zlib || missing="$$missing zlib1g-dev"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	python3 -m pip --version >/dev/null 2>&1 || missing="$$missing python3-pip"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		for i in 1 2 3 4 5; do $(APT) update -qq && break; echo "apt-get update failed, retrying"; sleep 10; done; \
		$(APT) install -y -qq $$missing; \
	fi
	@python3 -c "import jsonschema" 2>/dev/null || { echo "installing: jsonschema (PyPI, for the open-data schema tests)"; python3 -m pip install -q jsonschema; }
	@python3 -c "import selenium, importlib.util as u; assert u.find_spec('axe_playwright_python')" 2>/dev/null || { \
		echo "installing: selenium axe-playwright-python (pip)"; \
		$(PIP) install -q selenium axe-playwright-python || $(PIP) install -q --break-system-packages selenium axe-playwright-python; \
	}

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

## Benchmarks in release mode; results go to BENCHMARKS.md.
bench: deps
	$(SWIFT) build -c release --product maex-bench --product maex-node
	.build/release/maex-bench --output BENCHMARKS.md
