# discretion-kit developer tasks. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash

PYTHON     ?= python3.11
VENV       := .venv
VPY        := $(VENV)/bin/python
STAMP      := $(VENV)/.installed
SERVE_PORT ?= 8866
PYTEST_ARGS ?=

.PHONY: help venv system-deps lint test serve bench clean distclean

help:
	@echo "make test         install (if needed) and run the test suite"
	@echo "make serve        run Voila on notebooks/ at http://127.0.0.1:$(SERVE_PORT)/"
	@echo "make lint         ruff and mypy (make test runs it first)"
	@echo "make bench        run the benchmarks"
	@echo "make system-deps  install chromium + CJK fonts (apt-get, as root)"
	@echo "make clean        remove caches and build output (distclean: also .venv)"

# Internal: (re)install into .venv only when pyproject.toml changed.
venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing discretion-kit[notebooks,dev] into $(VENV) ..."
	@$(VPY) -m pip install -q --disable-pip-version-check -e ".[notebooks,dev]"
	@touch $@

system-deps:
	@bash scripts/ensure-system-deps.sh

lint: venv
	$(VENV)/bin/ruff check kit tests benchmarks answers exercises
	$(VENV)/bin/mypy

test: venv system-deps lint
	$(VPY) -m pytest -n 2 $(PYTEST_ARGS)

serve: venv
	@echo "Start page: http://127.0.0.1:$(SERVE_PORT)/"
	@echo "Library: http://127.0.0.1:$(SERVE_PORT)/voila/render/library.ipynb"
	@echo "Drill: http://$${KIT_HOST:-127.0.0.1}:$(SERVE_PORT)/drill   Simulator: http://$${KIT_HOST:-127.0.0.1}:$(SERVE_PORT)/simulator"
	@echo "Workshop (trainer): http://$${KIT_HOST:-127.0.0.1}:$(SERVE_PORT)/workshop/trainer"
	@echo "Workshop (participants): http://$${KIT_HOST:-127.0.0.1}:$(SERVE_PORT)/workshop"
	@PORT=$(SERVE_PORT) PYTHON=$(VPY) bash scripts/serve.sh

bench: venv
	$(VPY) -m benchmarks

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis benchmarks/results
	find . -path ./$(VENV) -prune -o -type d \( -name __pycache__ -o -name .ipynb_checkpoints \) -print0 | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
