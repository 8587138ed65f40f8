# Two commands on a fresh machine: `make run` serves the product, `make test` proves it.
# The logic lives in scripts/ so it can be read and run without make.

.DEFAULT_GOAL := help
.PHONY: help run serve test lint format clean bench-search load bench-analytics

help:
	@echo "make run     install, migrate, seed the demo organisation if empty, serve on http://127.0.0.1:8000"
	@echo "make serve   production server: migrate, then gunicorn (needs SECRET_KEY; docs/security.md)"
	@echo "make test    lint, then the whole suite on SQLite and on a throw-away PostgreSQL"
	@echo "make lint    ruff check, ruff format --check, makemigrations --check"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make clean   remove the virtualenv and caches (the database in var/ stays)"
	@echo "make bench-analytics  seed 1,000,000 events into var/bench-analytics.sqlite3, rebuild analytics, time the dashboard (DATABASE_URL for PostgreSQL)"
	@echo "make load    60 s of mixed traffic against gunicorn on a scratch SQLite (DATABASE=postgres: a throw-away PostgreSQL); docs/reliability.md"
	@echo "make bench-search  seed 100,000 threads into var/bench.sqlite3 and time search (DATABASE_URL for PostgreSQL)"

# DEBUG is on for the laptop server only: detailed error pages, never in production.
run:
	DEBUG=$${DEBUG:-1} scripts/run

# Production settings: SECRET_KEY must be set; over plain HTTP add SECURE_SSL_REDIRECT=0.
serve:
	bash -c 'source scripts/common.sh && ensure_venv && install_package .'
	.venv/bin/groundswell migrate --no-input --settings groundswell.settings_production
	.venv/bin/groundswell serve

test:
	scripts/test

lint:
	scripts/lint

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

clean:
	rm -rf .venv .pytest_cache .ruff_cache .hypothesis test-artifacts groundswell.egg-info

# Benchmarks use their own database so the demo one stays as it is.
bench-search:
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/var/bench.sqlite3} bash -c '.venv/bin/groundswell migrate -v0 && .venv/bin/groundswell bench_search'

bench-analytics:
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/var/bench-analytics.sqlite3} bash -c '.venv/bin/groundswell migrate -v0 && .venv/bin/groundswell bench_analytics'

# Loopback only and bounded (duration, request cap); LOAD_ARGS e.g. "--duration 300 --concurrency 32".
load:
	bash -c 'source scripts/common.sh && ensure_venv && install_package .'
	.venv/bin/python -m groundswell.loadtest $(if $(DATABASE),--database-url $(DATABASE)) $(LOAD_ARGS)
