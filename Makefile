# Drafter — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test examples bench bench-full sysdeps clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,postgres]'
	touch $(STAMP)

sysdeps:
	@scripts/sysdeps.sh qt

run: $(STAMP)
	@scripts/sysdeps.sh qt
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(PY) main.py; \
	else \
		echo "Không có màn hình (DISPLAY): chạy bản trình diễn không giao diện."; \
		$(PY) -m drafter demo --out build/demo; \
	fi

test: $(STAMP)
	@scripts/sysdeps.sh qt render postgres
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

examples: $(STAMP)
	$(PY) -m drafter render-examples --out build/examples

# Benchmarks print figures; they are not tests. `bench` takes a few minutes (search at 100k
# entries); `bench-full` adds the 1M-entry search registry (about 25 minutes).
bench: $(STAMP)
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_export.py
	$(PY) benchmarks/bench_search.py --quick
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_gui.py

bench-full: bench
	$(PY) benchmarks/bench_search.py --sizes 1000000

clean:
	rm -rf build .pytest_cache
