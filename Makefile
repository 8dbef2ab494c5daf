# The project's verbs. `make run` and `make test` set everything up from nothing but python3 and make.
PY        ?= python3
VENV      := .venv
UV        := .tools/bin/uv
UV_VERSION := 0.13.8
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

.PHONY: install run test test-fast bench report docs screenshots clean

$(UV):
	$(PY) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --extra dask --compile-bytecode --python $(PY)  # compiled: GX alone imports ~9 s slower without
	@touch $@

install: $(VENV)/.synced          ## create .venv from the lock file

run: install                      ## run the pipeline on the sample inbox (or INBOX=dir)
	$(VENV)/bin/newsfacts run $(if $(INBOX),--inbox $(INBOX))

test: install                     ## the whole test suite (CI runs exactly this)
	$(VENV)/bin/pytest

test-fast: install                ## the unit tier only, on two processes: no spaCy model, subprocess, Prefect or GX run (README, Tests)
	$(VENV)/bin/pytest -m unit -n 2

bench: install                    ## benchmarks: figures to the terminal and benchmarks/results/
	$(VENV)/bin/python -m benchmarks

report: install                   ## print the latest run report's path
	$(VENV)/bin/newsfacts report

docs: install                     ## regenerate docs/schema.md from the warehouse schema and models
	$(VENV)/bin/python -m newsfacts.transform.schema_docs

screenshots: install             ## docs/screenshots/*.png: the report, a document page, the index, the Data Docs (needs chromium)
	$(VENV)/bin/python docs/screenshots.py

clean:                            ## remove generated warehouse files (never the inbox)
	rm -rf warehouse/newsfacts.duckdb* warehouse/raw warehouse/runs warehouse/reports warehouse/.prefect
