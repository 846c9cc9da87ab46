# `make run` sets up and starts the app on the demo workshop; `make test` sets up and runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench bench-quick system-deps translations bundle bundle-test mutation

$(VENV)/.installed: pyproject.toml setup.py
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@bash tools/install-system-deps.sh

run: system-deps $(VENV)/.installed
	$(VENV)/bin/workshop-app

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check workshop_app tests bench tools
	$(VENV)/bin/lint-imports

test: system-deps $(VENV)/.installed lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: system-deps $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

# CI: fewer repeats and bounds ten times looser, so that only a real slowdown fails the build
bench-quick: system-deps $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --quick

translations: $(VENV)/.installed
	$(PY) tools/update_translations.py

# The standalone app (PyInstaller): dist/Grenzziehung/ and dist/Grenzziehung-VERSION-linux-x86_64.tar.gz.
# Takes minutes, so not part of `make test`; `make bundle-test` runs the bundle's smoke test.
$(VENV)/.bundle-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	touch $@

bundle: $(VENV)/.bundle-installed
	@bash tools/install-system-deps.sh binutils
	$(PY) tools/build_bundle.py

bundle-test: system-deps $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/test_bundle.py -m bundle --bundle dist/Grenzziehung

# Mutation testing of workshop_app/domain and workshop_app/storage (mutmut, [tool.mutmut] in pyproject.toml):
# takes minutes, so not part of `make test`; prints a table per module and `mutation score: NN.N %` last.
mutation: $(VENV)/.installed
	$(PY) -m pip install --quiet 'mutmut>=3.8,<3.9'
	QT_QPA_PLATFORM=offscreen $(PY) tools/mutation.py
