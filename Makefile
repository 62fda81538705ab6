# Two commands on a fresh machine with python3: `make release` builds data/releases/<version>/ from every
# source archive in data/sources/ and the files in data/raw/, `make test` runs the test suite. Each
# bootstraps the pinned environment.
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
	$(BIN)/unres build --dagster-home $(CURDIR)/.dagster_home

# tests/test_report.py opens the release report in headless Chromium (Debian's package, installed as root).
/usr/bin/chromium:
	DEBIAN_FRONTEND=noninteractive apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null

test: $(BIN)/.installed /usr/bin/chromium
	$(BIN)/python -m pytest

evaluate: $(BIN)/.installed
	$(BIN)/unres evaluate

bench: $(BIN)/.installed
	$(BIN)/python bench/corpus.py

ui: $(BIN)/.installed
	mkdir -p .dagster_home
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(BIN)/dagster dev -w workspace.yaml

clean:
	rm -rf $(VENV) .dagster_home
