# Verbs: setup browsers build serve check test bench clean distclean, scorm [QUIZZES=a,b] [ALL_IN_ONE=1],
# release
# Needs only python3 (>= 3.11), node/npm and make; `browsers` uses apt-get when root.

PYTHON ?= python3
PORT ?= 8000
# A kommune's edition: make build KOMMUNE=examples/fjellvik/kommune.toml (docs/kommune.md).
KOMMUNE ?=
VENV := .venv
PY := $(VENV)/bin/python
LINT_PATHS := quiz_engine web tools tests

# Stamps live inside the folders they describe, so deleting .venv or node_modules
# re-runs the matching install; editing pyproject.toml / package-lock.json does too.
PIP_STAMP := $(VENV)/.installed-dev
NPM_STAMP := node_modules/.installed

.PHONY: setup browsers build serve check test bench clean distclean scorm release

setup: $(PIP_STAMP) $(NPM_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(PIP_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

$(NPM_STAMP): package.json package-lock.json
	# The lock file is complete (rollup's optional per-platform entries included), so `npm ci`
	# installs exactly it and never rewrites it.
	npm ci --no-audit --no-fund
	touch $@

browsers: setup
	$(PY) tools/find_browser.py --ensure

build: setup
	$(PY) -m web.build $(if $(KOMMUNE),--kommune $(KOMMUNE))

serve: build
	$(PY) tools/serve.py dist --port $(PORT)

# SCORM 1.2 packages for Moodle / KS Læring: dist-scorm/<quiz>.zip, one per quiz.
# QUIZZES=lillevik,oslotur builds only those; ALL_IN_ONE=1 adds dist-scorm/folkevalgt-quiz-scorm12.zip
# with every chosen quiz in one package (README: why one per quiz is the default).
scorm: setup
	$(PY) -m web.build.scorm $(if $(QUIZZES),--quizzes $(QUIZZES)) $(if $(ALL_IN_ONE),--all-in-one)

# Ready files for a kommune, from the same builds: release/folkevalgt-<version>/ with the
# site as a zip, the SCORM packages, the question bank (Moodle XML, GIFT) and SHA256SUMS.
release: setup
	$(PY) -m web.build.release

# Not a dependency of `test`: lint/type failures must not hide test results.
check: setup
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m ruff format --check $(LINT_PATHS)
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m quiz_engine check scenarios

test: setup browsers build
	$(PY) -m pytest -q

bench: setup browsers build
	@for f in bench/*.py; do \
		[ -e "$$f" ] || continue; \
		echo "== $$f"; \
		$(PY) "$$f" || exit 1; \
	done

clean:
	rm -rf dist dist-scorm release .pytest_cache .mypy_cache .ruff_cache *.egg-info
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -not -path './node_modules/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) node_modules
