# The commands the README shows. `make run` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

.PHONY: help install install-dev browser-deps run migrate demo test lint bench messages clean

help:
	@echo "make run    set up, migrate, load the demo content and serve on http://$(HOST):$(PORT)"
	@echo "make test   set up and run the whole test suite"
	@echo "make lint   ruff, Django's system checks and the missing-migration check"
	@echo "make bench  the pages and API under load at 100, 1,000 and 10,000 reviews (bench/results/)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the pins change.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The browser tests need Debian's Chromium, Java (for the HTML validator) and the
# npm packages axe-core and vnu-jar. As root they are installed when missing;
# otherwise the command to run is printed.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

browser-deps: node_modules/.installed
	@if [ ! -x /usr/bin/chromium ] || ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium chromium-driver $$(command -v java >/dev/null || echo default-jre-headless); \
	  else \
	    echo "Browser tests need: sudo apt-get install chromium chromium-driver default-jre-headless"; \
	  fi; \
	fi

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_superuser

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@# Scheduled go-live and expiry dates are applied every minute while the server runs.
	$(MANAGE) publish_scheduled_every 60 & trap 'kill $$!' EXIT INT TERM; $(MANAGE) runserver $(HOST):$(PORT)

test: install-dev browser-deps
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=settings.dev $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=settings.dev $(BIN)/python manage.py makemigrations --check --dry-run

# The load generator is Debian's wrk; as root it is installed when missing.
bench: install
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk; \
	  else \
	    echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; \
	  fi; \
	}
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Interface translations: refresh locale/*/django.po from the code, then compile
# the .mo files (committed, so a machine without gettext can run the site).
messages: install
	DJANGO_SETTINGS_MODULE=settings.dev $(MANAGE) makemessages --all --no-location --ignore=.venv --ignore=node_modules --ignore=static
	DJANGO_SETTINGS_MODULE=settings.dev $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
