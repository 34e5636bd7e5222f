# Kluit: `make run` and `make test` set up everything they need on a fresh machine.
VENV     := .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
OUT      ?= out
export SOLARA_TELEMETRY_MIXPANEL_ENABLE := false
export MPLBACKEND := Agg

.PHONY: run test test-fast lint bench ui validate clean browser

$(STAMP): pyproject.toml
	@py=$$(scripts/find-python) || exit 1; \
	  if [ ! -x $(PY) ]; then echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[ui,sweep,test,bench]"
	@touch $(STAMP)

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Chromium at $(CHROMIUM): run 'sudo apt-get install -y chromium'."; exit 1; fi; \
	fi

## Main job: compare the shipped policy scenarios (changes to today's policy) against the status
## quo, with a world without instruments as one arm; results in $(OUT)/.
run: $(STAMP)
	$(VENV)/bin/kluit compare scenarios/baseline.toml scenarios/no_instruments.toml \
	  scenarios/policies/*.toml scenarios/shocks/subsidy_stop.toml \
	  --reps 10 --scale 0.25 --months 60 --seed 2026 --out $(OUT) --force

## The whole test suite (browser tests included), after the lint and type checks.
test: lint browser
	$(PY) -m pytest -n 2 --dist loadgroup -q

## Lint (ruff), formatting (ruff format --check) and types (mypy on sim/ and analysis/),
## configured in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy sim analysis

test-fast: $(STAMP)
	$(PY) -m pytest -n 2 -q -m "not slow and not browser"

## Speed and memory targets at scales 0.1, 0.5 and 1.0 (prints the table).
bench: $(STAMP)
	$(PY) -m analysis.bench

## The web UI on http://127.0.0.1:8765
ui: $(STAMP)
	$(VENV)/bin/kluit ui

validate: $(STAMP)
	$(VENV)/bin/kluit report validation --force

clean:
	rm -rf $(OUT) .pytest_cache
