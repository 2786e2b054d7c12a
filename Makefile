# Two commands from a fresh clone: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BERTOPIC := bertopic==0.17.4
SAMPLE := data/samples/consulta_gobierno_abierto.xlsx

.PHONY: install demo test bench clean

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

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_language.py
	$(BIN)/python benchmarks/bench_redaction.py

clean:
	rm -rf results .pytest_cache
