# Research kit for press coverage. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Quiet pip unless asked: `make PIP_QUIET= test`.
PIP_QUIET ?= --quiet
# The project's Jupyter kernel: installed into .venv, named in every notebook's metadata.
KERNEL_NAME := presskit
KERNEL_DISPLAY := Python (presskit)
# `make lab` options: LAB_ARGS goes to jupyter lab as written; LAB_IP / LAB_PORT are shorthands for it;
# LAB_DIR is the folder it opens (the notebooks).
LAB_ARGS ?=
LAB_DIR ?= notebooks
LAB_IP ?=
LAB_PORT ?=
# Jupyter refuses to run as root unless told; a container's user is often root.
ALLOW_ROOT := $(shell [ "$$(id -u)" -eq 0 ] && echo --allow-root)

.DEFAULT_GOAL := help
.PHONY: help venv test test-slow test-all report lint format lab kernel seminar teaching-test student-pack teacher-pack student-lab bench dates-baseline tone-benchmark clean lock test-browser docs

help: ## list the targets with a line each
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_QUIET) --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install $(PIP_QUIET) --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL_NAME) --display-name "$(KERNEL_DISPLAY)"
	@touch $(STAMP)

venv: $(STAMP) ## create .venv (if missing) and install the pinned dependencies

test: $(STAMP) ## set up, then run the test suite but its slow end-to-end runs (~8 min on 2 cores; fails when no test runs)
	$(BIN)/python -m pytest -m "not slow"

test-slow: $(STAMP) ## the slow end-to-end tests: kill -9, Dask clusters, whole foreign sites, every workbook
	$(BIN)/python -m pytest -m slow

test-all: test test-slow test-browser ## everything CI runs on this Python: test, test-slow, test-browser

report: $(STAMP) ## set up, then execute every notebook into reports/ with the index page
	$(BIN)/python -m kit report

lint: $(STAMP) ## ruff lint and format check, mypy type check (strict; see [tool.mypy] in pyproject.toml)
	$(BIN)/ruff check kit tests bench notebooks
	$(BIN)/ruff format --check kit tests bench notebooks
	$(BIN)/mypy

format: $(STAMP) ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix kit tests bench notebooks
	$(BIN)/ruff format kit tests bench notebooks

kernel: $(STAMP) ## (re)install the presskit Jupyter kernel into .venv (venv set-up does this too)
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL_NAME) --display-name "$(KERNEL_DISPLAY)"

# The URL with its token is printed once the server is up.
lab: $(STAMP) ## JupyterLab on the presskit kernel (root too); LAB_ARGS="--no-browser --port=8888" or LAB_IP/LAB_PORT
	$(BIN)/jupyter lab --notebook-dir=$(LAB_DIR) $(ALLOW_ROOT) --MultiKernelManager.default_kernel_name=$(KERNEL_NAME) \
		$(if $(LAB_IP),--ip=$(LAB_IP)) $(if $(LAB_PORT),--port=$(LAB_PORT)) $(LAB_ARGS)

docs: $(STAMP) ## build the manual (docs/, mkdocs.yml) into site/; strict: a broken link or a page not in nav fails
	$(BIN)/mkdocs build --strict --site-dir site

seminar: $(STAMP) ## run every workbook and solution into HTML handouts: reports/seminar/students/ and teachers/
	$(BIN)/python notebooks/teaching/seminar.py

teaching-test: $(STAMP) ## run every teaching workbook and solution headless, check self-checks and the guide's claims
	$(BIN)/python -m pytest -q tests/test_teaching.py tests/test_teaching_claims.py tests/test_teaching_pack.py

student-pack: ## dist/presskit-student/ and .zip (python3 only): workbooks, articles, handouts, set-up, no answers
	PYTHONPATH=. $(PYTHON) notebooks/teaching/pack.py student

teacher-pack: ## dist/presskit-teacher/ and .zip: the student pack plus the guide, solutions and teacher's pages
	PYTHONPATH=. $(PYTHON) notebooks/teaching/pack.py teacher

# JupyterLab opened in the student pack, on the presskit kernel: exactly what students see (the pack's own kit).
student-lab: $(STAMP) student-pack ## JupyterLab in dist/presskit-student/, as a student sees it (LAB_ARGS as for lab)
	$(BIN)/jupyter lab --notebook-dir=dist/presskit-student $(ALLOW_ROOT) \
		--MultiKernelManager.default_kernel_name=$(KERNEL_NAME) \
		$(if $(LAB_IP),--ip=$(LAB_IP)) $(if $(LAB_PORT),--port=$(LAB_PORT)) $(LAB_ARGS)

bench: $(STAMP) ## measure speed and memory of the pipeline (writes bench/results/)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.hostile
	$(BIN)/python -m bench.scale --sizes 10000 100000

dates-baseline: $(STAMP) ## score the kit's date rules and dateparser against the hand-annotated seeds
	$(BIN)/python -m bench.dateparser_baseline

tone-benchmark: $(STAMP) ## Pearson r of tone (plain VADER / with the diplomatic lexicon) vs human ratings of 5,190 NYT snippets
	$(BIN)/python -m bench.tone_benchmark

clean: ## remove .venv and caches (reports/ is committed and stays)
	rm -rf $(VENV) .pytest_cache .ruff_cache
	@# A journal in reports/.staging is an interrupted publish that `make report` finishes: keep its files.
	@if [ -n "$$(find reports/.staging/publish -name '*.json' 2>/dev/null)" ]; then \
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
