# Two commands on a fresh machine: `make run` serves the product, `make test` proves it.
# The logic lives in scripts/ so it can be read and run without make.

.DEFAULT_GOAL := help
.PHONY: help run test lint format clean

help:
	@echo "make run     install, migrate, seed the demo organisation if empty, serve on http://127.0.0.1:8000"
	@echo "make test    lint, then the whole suite on SQLite and on a throw-away PostgreSQL"
	@echo "make lint    ruff check, ruff format --check, makemigrations --check"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make clean   remove the virtualenv and caches (the database in var/ stays)"

# DEBUG is on for the laptop server only: detailed error pages, never in production.
run:
	DEBUG=$${DEBUG:-1} scripts/run

test:
	scripts/test

lint:
	scripts/lint

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

clean:
	rm -rf .venv .pytest_cache .ruff_cache .hypothesis test-artifacts groundswell.egg-info
