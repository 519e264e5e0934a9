# Helder: two commands do all set-up on a fresh machine.
#   make site   builds the demo site with every gate (content checks, accessibility audit)
#   make test   runs the whole test suite
#   make fuzz   runs the property-based tests for FUZZ_SECONDS (default 300)
#   make screenshots  pictures of the home page, a product page and the A to Z page at 390 and 1280 px
# Re-running is fast: the venv and node_modules are only rebuilt when pyproject.toml or package-lock.json change.
#
# For editors, Python only (no Node.js, no Chromium):
#   make nieuw   start a new page (Helder asks for the title, the folder, the help ...)
#   make serve   preview on http://127.0.0.1:8000 with Helder's findings in each page
#   make check   check every page, without building the site

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_OK  := $(VENV)/.helder-installed
NODE_OK := node_modules/.helder-installed

export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test fuzz check serve nieuw setup chromium lint clean screenshots

site: setup
	$(BIN)/mkdocs build --strict
	@echo ""
	@echo "Klaar. De site staat in $(CURDIR)/site/ (bekijk hem met: make serve)."
	@echo "Rapport toegankelijkheid: $(CURDIR)/helder-audit/audit.html"
	@echo "Kwaliteitsoverzicht:      $(CURDIR)/helder-kwaliteit/index.html"

# The suite runs in TEST_WORKERS processes (pytest-xdist; `auto`: one per CPU); a worker takes the next test.
# Measured on a 2-core machine, whole suite: one process 893 s, two 655 s. Keeping each file with a costly
# module fixture in one worker (`--dist loadgroup`, 793 s; `loadscope`, 686 s) was slower: the last file ran alone.
TEST_WORKERS ?= auto
test: setup
	$(BIN)/pytest -n $(TEST_WORKERS) --dist load

# Property-based tests for a fixed time (issue 15): generated pages checked and built, FUZZ_SECONDS in all
# (default 5 minutes); prints how many pages and sites it tried. `make test` runs the same with a few examples.
FUZZ_SECONDS ?= 300
fuzz: $(PY_OK)
	FUZZ_SECONDS=$(FUZZ_SECONDS) timeout $$(( $(FUZZ_SECONDS) + 600 )) $(BIN)/pytest -q -s -p no:cacheprovider tests/test_fuzz.py

check: $(PY_OK)
	$(BIN)/helder check

# Look at these before you call a change to the theme done (scripts/screenshots says what it does).
screenshots: site
	$(BIN)/python scripts/screenshots --site site --out screenshots

serve: $(PY_OK)
	$(BIN)/mkdocs serve

nieuw: $(PY_OK)
	$(BIN)/helder nieuw

lint: $(PY_OK)
	$(BIN)/ruff check plugins readability tests bench scripts/screenshots
	$(BIN)/ruff format --check plugins readability tests bench scripts/screenshots

setup: $(PY_OK) $(NODE_OK) chromium

$(PY_OK): pyproject.toml
	@scripts/check-python $(PYTHON)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

$(NODE_OK): package.json package-lock.json .puppeteerrc.cjs
	@command -v npm >/dev/null || { echo "Helder heeft Node.js 20 en npm nodig. Installeer ze, bijvoorbeeld met: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

chromium:
	@scripts/ensure-chromium

clean:
	rm -rf site .helder helder-audit helder-kwaliteit screenshots
