# Two commands on a fresh machine with python3: `make release` builds data/releases/<version>/
# from data/raw/, `make test` runs the test suite. Each bootstraps the pinned environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: release test evaluate bench ui clean

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

release: $(BIN)/.installed
	$(BIN)/unres build

test: $(BIN)/.installed
	$(BIN)/python -m pytest

evaluate: $(BIN)/.installed
	$(BIN)/unres evaluate

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py

ui: $(BIN)/.installed
	mkdir -p .dagster_home
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(BIN)/dagster dev -w workspace.yaml

clean:
	rm -rf $(VENV) .dagster_home
