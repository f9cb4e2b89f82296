# sgcn: two commands on a fresh clone.
#   make build   create .venv, install sgcn, build sources/ -> graph/sgcn.ttl
#   make test    create .venv, install sgcn with its test extra (+ Debian chromium for the
#                browser tests, Debian virtuoso-opensource for the remote-store tests,
#                curl for the endpoint's curl test),
#                run the whole test suite
# .ci/run runs exactly `make test`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SOURCES ?= sources
OUT     ?= graph/sgcn.ttl
CHROMIUM ?= /usr/bin/chromium
VIRTUOSO ?= /usr/bin/virtuoso-t

.PHONY: build test fuzz install install-test chromium virtuoso curl clean help

help:
	@echo "make build   install sgcn into $(VENV) and build $(SOURCES)/ -> $(OUT)"
	@echo "make test    install sgcn[test] into $(VENV) (and chromium, virtuoso) and run pytest"
	@echo "make fuzz    check 2,000 mutated documents through loading and extraction (FUZZ_SEED, FUZZ_DOCUMENTS)"
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

# Install Debian packages when the program they bring is missing (root, or sudo):
#   $(call debian,PROGRAM,PACKAGES,WHAT FOR)
define debian
@if [ ! -x "$(1)" ]; then \
  echo "installing Debian $(2) (needed by $(3))"; \
  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
  $$SUDO apt-get update -qq && \
  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(2); \
fi
endef

# The browser tests drive Debian's chromium.
chromium:
	$(call debian,$(CHROMIUM),chromium fonts-wqy-microhei,the browser tests)

# `sgcn push` and `sgcn query --endpoint` are tested against a real Virtuoso too (the
# tests start it from a temporary database; the package's own service is not used).
virtuoso:
	$(call debian,$(VIRTUOSO),virtuoso-opensource,the remote-store tests)

# A test queries `sgcn serve` with curl, as the README's readers do.
CURL ?= /usr/bin/curl
curl:
	$(call debian,$(CURL),curl,the test that queries sgcn serve with curl)

test: install-test chromium virtuoso curl
	$(BIN)/python -m pytest

# The long fuzz run (the suite runs 40 documents): every failure is minimised into
# fuzz-failures/ to become a regression test. Exit status 1 when anything failed.
FUZZ_SEED ?= 1
FUZZ_DOCUMENTS ?= 2000
fuzz: install
	$(BIN)/python benchmarks/fuzz_documents.py --seed $(FUZZ_SEED) --documents $(FUZZ_DOCUMENTS) --out fuzz-failures

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
