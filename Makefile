# Two commands do all set-up on a fresh clone:
#   make site    build the site into site/ (make serve: preview it at http://127.0.0.1:8000/pecyn-cymorth/)
#   make test    run every test (installs Chromium, aspell and npm packages if missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks

.PHONY: site serve check spell translations case-study test test-core benchmark lighthouse vendor screenshots clean

$(BIN)/.site-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.test-deps: requirements-test.txt $(BIN)/.site-deps
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

site: $(BIN)/.site-deps
	$(BIN)/mkdocs build --strict

serve: $(BIN)/.site-deps
	$(BIN)/mkdocs serve --strict

check: $(BIN)/.site-deps
	$(BIN)/python -m toolkit check $(ARGS)

# Which translations are in step: make translations; record a review: make translations MARK=docs/cy/x.md
translations: $(BIN)/.site-deps
	$(BIN)/python -m toolkit translations $(if $(MARK),--mark $(MARK))

# Scaffold a case study in both languages: make case-study SLUG=pont-y-dref
case-study: $(BIN)/.site-deps
	$(BIN)/python -m toolkit new-case-study $(SLUG)

spell: $(BIN)/.site-deps
	scripts/install-system-deps.sh
	$(BIN)/python -m toolkit spell

# Copy browser scripts from npm into docs/assets/vendor/, with their licences. The
# iframe-worker shim is adapted by hand (no inline script, for the CSP): see its README.txt.
vendor: node_modules/.package-lock.json
	cp node_modules/iframe-worker/LICENSE docs/assets/vendor/iframe-worker/LICENSE.txt

# The core's own tests: tiny docs trees through check and the renderer, no build, no browser.
test-core: $(BIN)/.test-deps
	$(BIN)/python -m pytest tests/core

test: $(BIN)/.test-deps node_modules/.package-lock.json
	scripts/install-system-deps.sh
	$(BIN)/python -m pytest

# Timings, page weights and budgets: writes benchmarks/results.{json,md}. Not a test.
benchmark: $(BIN)/.site-deps
	$(BIN)/python benchmarks/run.py

# Lighthouse on key pages of the built site (installs npm's lighthouse in benchmarks/).
lighthouse: site
	scripts/install-system-deps.sh
	$(BIN)/python benchmarks/lighthouse.py site

# PNGs of the ladder, a case study, the library and a wide table at 390 and 1280 px,
# committed in screenshots/ so a reviewer sees the result without building.
screenshots: site $(BIN)/.test-deps
	scripts/install-system-deps.sh
	$(BIN)/python scripts/screenshots.py site

clean:
	rm -rf site $(VENV) node_modules .pytest_cache .cache
