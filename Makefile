# Two commands set up a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-site
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
DRAFTS ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check build test lint typecheck bench clean browser offline pdf

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "需要 Python 3.11 或更新版本")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	@touch $@

## build: generate docs/ pages from data/
build: $(STAMP)
	$(BIN)/handbook build

## site: build the static site into site/ (never half-written); the MkDocs hook generates the pages once
site: $(STAMP)
	rm -rf .site-tmp
	$(BIN)/mkdocs build --strict --site-dir .site-tmp
	rm -rf site && mv .site-tmp site
	@echo "站点已生成：site/"

## serve: build, then live preview that regenerates when data/ changes (--dirty: only changed pages are rebuilt;
## --no-strict because MkDocs warns about every dirty build: make site and the tests stay strict).
## DRAFTS=1 also shows the drafts in data/drafts/ (handbook import) in the preview.
serve: $(STAMP)
	HANDBOOK_DRAFTS=$(DRAFTS) $(BIN)/mkdocs serve --dirty --no-strict --dev-addr $(HOST):$(PORT)

## offline: zip the site for reading from file:// (no server, no CDN) into dist/handbook-offline.zip
NPM_STAMP := node_modules/.installed
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

offline: $(STAMP) $(NPM_STAMP)
	$(BIN)/python scripts/offline.py

## pdf: the whole handbook and one cheat sheet per category as PDFs in dist/pdf/, printed by headless Chromium
## from the site just built (print pages are made for this step only, never published: scripts/pdf.py)
pdf: site $(DEV_STAMP) browser
	$(BIN)/python scripts/pdf.py --site site --out dist/pdf

## node_modules: npm packages pinned in package-lock.json (Lighthouse for the tests, iframe-worker for offline)
node_modules: $(NPM_STAMP)

## check: validate data only
check: $(STAMP)
	$(BIN)/handbook check

## browser: make sure Debian's chromium and CJK fonts are installed (for browser tests)
browser:
	@sh scripts/ensure-browser.sh

## test: every test, browser tests included
test: $(DEV_STAMP) browser node_modules
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

bench: $(DEV_STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .site-tmp $(VENV)
