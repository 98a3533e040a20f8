# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean browser vendor serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventcoder extract examples/ --format table
	$(BIN)/eventcoder ingest examples/ --db sqlite:///eventcoder.db
	$(BIN)/eventcoder events --db sqlite:///eventcoder.db
	$(BIN)/eventcoder export --db sqlite:///eventcoder.db --format acled -o examples-acled.csv
	@echo "ACLED export written to examples-acled.csv; run 'make serve' for the dashboard at http://127.0.0.1:8000/"

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# Debian's Chromium for the dashboard test; installed only when missing and we are root.
browser:
	@command -v chromium >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	  else echo "chromium missing and not root: the dashboard test will be skipped"; fi; }

# Re-vendor Leaflet + world-atlas from npm (outputs are committed; only to upgrade them).
vendor:
	tools/vendor_static.sh

serve: $(STAMP)
	$(BIN)/eventcoder serve --db sqlite:///eventcoder.db

clean:
	rm -rf $(VENV) eventcoder.db .pytest_cache
