# telaah: `make demo` sets everything up in .venv and analyses the bundled examples;
# `make test` runs the test suite (slow evaluations are excluded: `make eval`).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval train-ner gazetteer examples lock clean bench install-ray

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/telaah analyze examples/ -o dossier.json --html report.html

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m pytest -q -m slow
	for e in ner aliases quotes denials numbers times timeline stories disputes summary; do $(VENV)/bin/telaah eval $$e || exit 1; done

train-ner: $(STAMP)
	$(PY) scripts/train_ner.py

gazetteer: $(STAMP)
	$(PY) -m pip install --quiet -e ".[build]"
	$(PY) scripts/build_gazetteer.py

examples: $(STAMP)
	$(PY) scripts/make_examples.py

# Regenerate the lock after changing dependencies in pyproject.toml. The Ray extra's pins live
# in requirements-ray.lock (Ray is ~240 MB) and are kept out of requirements.lock.
lock: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,eval,build]"
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e' | grep -v -i -x -F -f requirements-ray.lock > requirements.lock

# The optional Ray executor (telaah analyze/run --executor ray), pinned.
install-ray: $(STAMP)
	$(PY) -m pip install --quiet -r requirements-ray.lock

# Speed and memory on IndoSum-derived sets (about 10-15 minutes on 2 cores; BENCH_ARGS=--quick
# for a smoke test). Run on a quiet machine; compare bench.json between commits.
bench: $(STAMP)
	$(VENV)/bin/telaah bench --json bench.json $(BENCH_ARGS)

clean:
	rm -rf $(VENV) dossier.json report.html test-output .pytest_cache
	rm -f telaah.db telaah.db-wal telaah.db-shm
