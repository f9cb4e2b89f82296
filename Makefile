# sgcn: two commands on a fresh clone.
#   make build   create .venv, install sgcn, build sources/ -> graph/sgcn.ttl
#   make test    create .venv, install sgcn with its test extra (+ Debian chromium for the
#                browser tests), run the whole test suite
# .ci/run runs exactly `make test`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SOURCES ?= sources
OUT     ?= graph/sgcn.ttl
CHROMIUM ?= /usr/bin/chromium

.PHONY: build test install install-test chromium clean help

help:
	@echo "make build   install sgcn into $(VENV) and build $(SOURCES)/ -> $(OUT)"
	@echo "make test    install sgcn[test] into $(VENV) (and chromium) and run pytest"
	@echo "make clean   remove the virtual environment and build leftovers"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps re-run the install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

build: install
	$(BIN)/sgcn build --sources $(SOURCES) --out $(OUT)

# The browser tests drive Debian's chromium; install it when it is missing.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "installing Debian chromium (needed by the browser tests)"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei; \
	fi

test: install-test chromium
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
