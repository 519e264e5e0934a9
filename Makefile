# Helder: two commands do all set-up on a fresh machine.
#   make site   builds the demo site with every gate (content checks, accessibility audit)
#   make test   runs the whole test suite
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

.PHONY: site test check serve nieuw setup chromium lint clean screenshots

site: setup
	$(BIN)/mkdocs build --strict
	@echo ""
	@echo "Klaar. De site staat in $(CURDIR)/site/ (bekijk hem met: make serve)."
	@echo "Rapport toegankelijkheid: $(CURDIR)/helder-audit/audit.html"
	@echo "Kwaliteitsoverzicht:      $(CURDIR)/helder-kwaliteit/index.html"

test: setup
	$(BIN)/pytest

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
