# make run: set up and open the dashboard on the demo data.  make test: set up, lint, test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := data/cadran.duckdb
DEMO := $(wildcard data/demo/source/*)

.PHONY: run test test-fast lint demo demo-networks bench bench-pages bench-export bench-browser e2e browser libreoffice clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

# the demo is dated 2015: loaded without the 5-year retention of leavers (etl/admin/gdpr.py)
$(DB): $(DEMO) | $(VENV)/.installed
	CADRAN_RETENTION_YEARS=off $(BIN)/python -m etl load data/demo/source --db $(DB)

# The port is given to Streamlit explicitly, so the address printed is the one served (Streamlit
# refuses a busy port given this way instead of moving silently to another): make run PORT=8600.
# Without a sign-in configured (data/users.json or [auth] in .streamlit/secrets.toml) the demo is
# served in the local mode, chosen here and only here (CADRAN_LOCAL=1: one user, full access), to
# this computer only: 127.0.0.1, whatever .streamlit/config.toml says. A deployment that does not
# set CADRAN_LOCAL=1 and has no account serves nothing but how to create the first administrator.
PORT ?= $(or $(STREAMLIT_SERVER_PORT),8501)
HOST ?= localhost

run: $(VENV)/.installed $(DB)
	@echo "Cadran: http://$(HOST):$(PORT)"
	@if $(BIN)/python -m etl users configured; then \
		$(BIN)/streamlit run dashboard.py --server.headless true --server.port $(PORT); \
	else \
		echo "Mode local (aucun compte configuré) : servi sur 127.0.0.1 seulement"; \
		CADRAN_LOCAL=1 $(BIN)/streamlit run dashboard.py --server.headless true --server.port $(PORT) --server.address 127.0.0.1; \
	fi

demo: $(VENV)/.installed  ## regenerate the demo source and reload it
	$(BIN)/python data/demo/generate.py
	CADRAN_RETENTION_YEARS=off $(BIN)/python -m etl load data/demo/source --db $(DB)

# The second network the Comparer page shows out of the box: an open-data package generated from the
# sample export tests/fixtures/blois-like (three organisations of Blois, fictional people), named as such.
SECOND := data/demo/networks/reseau-exemple-blois
demo-networks: $(VENV)/.installed
	rm -rf $(SECOND) /tmp/cadran-second-network.duckdb
	$(BIN)/python -m etl load tests/fixtures/blois-like/source --db /tmp/cadran-second-network.duckdb
	$(BIN)/python -m etl opendata --db /tmp/cadran-second-network.duckdb --as-of 2017-06-30 \
		--network "Réseau exemple, généré (Blois, échantillon)" --out $(SECOND)
	rm -f /tmp/cadran-second-network.duckdb

browser:
	scripts/install-chromium.sh

libreoffice:  ## LibreOffice headless: the export tests re-open the workbook and the deck with it
	scripts/install-libreoffice.sh

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite runs on JOBS processes (pytest-xdist; JOBS=0: in this one), a test module on one
# process (its fixtures, a server, a browser, built once), the longest modules first
# (tests/conftest.py: LONGEST_FIRST); the slowest 15 tests are listed at the end of each run, then
# its duration (« tests: 7 min 12 s »), whatever its outcome.
# The suite writes Python's bytecode whatever the environment says (PYTHONDONTWRITEBYTECODE=1 on some
# machines): pytest keeps each test module's rewritten asserts in __pycache__ (ignored by git), and
# without it every worker of every run rewrites the 75 modules again (collection 9 s -> 4.7 s).
JOBS ?= 2
PYTEST = PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(JOBS) --dist loadscope --no-loadscope-reorder --durations=15
timed = start=$$(date +%s); $(1); status=$$?; took=$$(( $$(date +%s) - start )); \
	echo "tests: $$(( took / 60 )) min $$(( took % 60 )) s"; exit $$status

test: lint browser libreoffice
	@$(call timed,$(PYTEST))

# the survey privacy property on fewer random surveys (make test runs them all)
test-fast: lint  ## everything but the browser and LibreOffice tests
	@$(call timed,SURVEY_PRIVACY_EXAMPLES=$${SURVEY_PRIVACY_EXAMPLES:-5} $(PYTEST) -m "not browser and not libreoffice")

e2e: $(VENV)/.dev-installed browser
	$(BIN)/python -m pytest -m browser

# One run, every ratio against a baseline measured in it: the load and a reload against DuckDB's bare
# read_csv (1 M rows, then the demo at SCALE), the survey protection per survey by group count
# against the plain rule, and each page cold, warm and after a filter change against an empty page,
# on the demo and at SCALE (headless Chromium). SCALE=10 for a quicker run.
SCALE ?= 100
bench: $(VENV)/.dev-installed browser
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg)"
	$(BIN)/python bench/load_bench.py --demo-scale $(SCALE)
	$(BIN)/python bench/protection_bench.py
	$(BIN)/python bench/browser_bench.py --scale $(SCALE)
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg)"

bench-pages: $(VENV)/.dev-installed  ## every page (AppTest) on the demo and on a 100x source
	$(BIN)/python bench/pages_bench.py

bench-export: $(VENV)/.dev-installed  ## Excel summary and deck at 100x, against pandas to_excel (openpyxl)
	$(BIN)/python bench/export_bench.py

bench-browser: $(VENV)/.dev-installed browser  ## click-to-drawn in headless Chromium, demo and 100x
	$(BIN)/python bench/browser_bench.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
