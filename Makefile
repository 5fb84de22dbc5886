# Research kit for press coverage. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Quiet pip unless asked: `make PIP_QUIET= test`.
PIP_QUIET ?= --quiet

.DEFAULT_GOAL := help
.PHONY: help venv test report lint format lab bench dates-baseline tone-benchmark clean lock test-browser

help: ## list the targets with a line each
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_QUIET) --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install $(PIP_QUIET) --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

venv: $(STAMP) ## create .venv (if missing) and install the pinned dependencies

test: $(STAMP) ## set up, then run the test suite (fails when no test runs)
	$(BIN)/python -m pytest

report: $(STAMP) ## set up, then execute every notebook into reports/ with the index page
	$(BIN)/python -m kit report

lint: $(STAMP) ## ruff lint and format check, mypy type check (strict; see [tool.mypy] in pyproject.toml)
	$(BIN)/ruff check kit tests bench notebooks
	$(BIN)/ruff format --check kit tests bench notebooks
	$(BIN)/mypy

format: $(STAMP) ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix kit tests bench notebooks
	$(BIN)/ruff format kit tests bench notebooks

lab: $(STAMP) ## JupyterLab on the project's environment
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: $(STAMP) ## measure speed and memory of the pipeline (writes bench/results/)
	$(BIN)/python -m bench

dates-baseline: $(STAMP) ## score the kit's date rules and dateparser against the hand-annotated seeds
	$(BIN)/python -m bench.dateparser_baseline

tone-benchmark: $(STAMP) ## Pearson r of tone (plain VADER / with the diplomatic lexicon) vs human ratings of 5,190 NYT snippets
	$(BIN)/python -m bench.tone_benchmark

clean: ## remove .venv and caches (reports/ is committed and stays)
	rm -rf $(VENV) .pytest_cache .ruff_cache
	@# A journal in reports/.staging is an interrupted publish that `make report` finishes: keep its files.
	@if ls reports/.staging/*.publish.json >/dev/null 2>&1; then \
		echo "kept reports/.staging: an interrupted publish is unfinished; 'make report' completes it"; \
	else rm -rf reports/.staging; fi
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

lock: ## re-resolve requirements.in into requirements.lock for Python 3.10+ wheels (review the diff)
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv && .lockenv/bin/python -m pip install $(PIP_QUIET) pip==25.2
	.lockenv/bin/python -m pip install $(PIP_QUIET) --dry-run --ignore-installed --python-version 3.10 \
		--only-binary=:all: --target .lockenv/target -r requirements.in --report .lockenv/report.json
	$(PYTHON) -c 'import json; r = json.load(open(".lockenv/report.json")); \
		pins = sorted(i["metadata"]["name"] + "==" + i["metadata"]["version"] for i in r["install"]); \
		head = "# Exact versions of the whole dependency closure, resolved for Python 3.10 wheels so the same lock\n" \
		"# installs on 3.10 and 3.11+ (`make lock` regenerates it). Reports are regenerated against these versions.\n"; \
		open("requirements.lock", "w").write(head + "\n".join(pins) + "\n")'
	rm -rf .lockenv

test-browser: $(STAMP) ## render every HTML report in headless Chromium; screenshots in tests/browser/out/
	$(BIN)/python -m pytest -m browser tests/browser -s
