# Two commands from a fresh clone: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BERTOPIC := bertopic==0.17.4
SAMPLE := data/samples/consulta_gobierno_abierto.xlsx

.PHONY: install demo test test-fast lint slow-list bench clean

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	# BERTopic without its declared deps: they would pull PyTorch + CUDA (see README, "Installing").
	$(BIN)/python -m pip install --quiet --no-deps "$(BERTOPIC)"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/consultnlp analyze $(SAMPLE) --sheet Respuestas --id-column id --out results/demo \
		--segment-columns region,tipo_participante --format html,md,xlsx,docx

# The whole suite, after the linter, on two processes (pytest-xdist; a test file stays on one of them, so its module
# fixtures are built once); prints the slowest tests and how long it took.
test: $(STAMP) lint
	@start=$$(date +%s); $(BIN)/python -m pytest -q -n 2 --dist loadfile --durations=10; status=$$?; \
	echo "make test: pytest took $$(( $$(date +%s) - start )) s"; exit $$status

# While developing: without the tests marked slow (tests/slow_tests.txt).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff format --check consultnlp tests benchmarks
	$(BIN)/ruff check consultnlp tests benchmarks

# Re-measure which tests take 10 s or more (the whole suite, once) and record them in tests/slow_tests.txt.
slow-list: $(STAMP)
	$(BIN)/python -m pytest -q --durations=0 --durations-min=10 | $(BIN)/python benchmarks/slow_tests.py > tests/slow_tests.txt

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_language.py
	$(BIN)/python benchmarks/bench_redaction.py

clean:
	rm -rf results .pytest_cache
