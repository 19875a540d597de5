# discretion-kit developer tasks. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash

PYTHON     ?= python3.11
VENV       := .venv
VPY        := $(VENV)/bin/python
STAMP      := $(VENV)/.installed
SERVE_PORT ?= 8866
PYTEST_ARGS ?=

.PHONY: help venv system-deps chp test serve bench clean distclean

help:
	@echo "make test         install (if needed) and run the test suite"
	@echo "make serve        run Voila on notebooks/ at http://127.0.0.1:$(SERVE_PORT)/"
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

# configurable-http-proxy from the npm registry, into .node/ (tests/deploy and bench_hub start a real JupyterHub)
chp:
	@bash scripts/ensure-chp.sh >/dev/null

test: venv system-deps chp
	$(VPY) -m pytest -n 2 $(PYTEST_ARGS)

serve: venv
	@echo "Voila: http://127.0.0.1:$(SERVE_PORT)/voila/render/library.ipynb"
	@echo "Drill: http://127.0.0.1:$(SERVE_PORT)/voila/render/drill.ipynb"
	@echo "Workshop (trainer): http://127.0.0.1:$(SERVE_PORT)/voila/render/workshop-trainer.ipynb"
	@echo "Workshop (participants): http://127.0.0.1:$(SERVE_PORT)/voila/render/workshop.ipynb"
	@PORT=$(SERVE_PORT) PYTHON=$(VPY) bash scripts/serve.sh

bench: venv chp
	$(VPY) -m benchmarks

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis benchmarks/results
	find . -path ./$(VENV) -prune -o -type d \( -name __pycache__ -o -name .ipynb_checkpoints \) -print0 | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
