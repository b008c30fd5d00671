"""The program starts light: importing foedus, or asking it for help, imports no heavy library.

Issue 16: every ``foedus ... --help`` and every argument error must answer within 2.5 times an
``import numpy`` (``benchmarks/startup.py`` measures it). Start-up time is not asserted here (a
timed test fails on a busy machine); what makes it is: each check runs a fresh interpreter and
reads ``sys.modules`` at the end, so a module-level import of pandas, SciPy, Dask, FastAPI,
matplotlib, numba or DuckDB anywhere on the way fails it, whoever added it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pandas", "scipy", "dask", "distributed", "fastapi", "matplotlib", "numba", "duckdb")
"""Libraries that cost a tenth of a second or more to import; only the commands that use them may."""

SRC = Path(__file__).resolve().parents[2] / "src"
FIX = Path(__file__).parent / "fixtures_theory"

REPORT = f"""
import json, sys
heavy = {HEAVY + ('pydantic', 'numpy')!r}
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def imported_after(code: str) -> list[str]:
    """The heavy libraries (and pydantic, numpy) in ``sys.modules`` after ``code`` ran in a fresh interpreter."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-c", code + "\n" + REPORT], capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_program(*args: str) -> str:
    """Code that runs ``foedus ARGS`` as the ``foedus`` script does, and survives its exit."""
    return (
        "import sys\n"
        "from foedus.cli import main\n"
        f"sys.argv = ['foedus', *{list(args)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
    )


@pytest.mark.parametrize("module", ["foedus", "foedus.cli"])
def test_importing_the_package_or_its_program_imports_nothing_heavy(module):
    assert imported_after(f"import {module}") == []


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("landscape", "--help"),
        ("ensemble", "run", "--help"),
        ("history", "summary", "--help"),
        ("serve", "--help"),
        ("data", "import", "--help"),
        ("simulate", "--no-such-option"),
        ("landscape",),
    ],
    ids=" ".join,
)
def test_help_and_argument_errors_import_nothing_heavy(args):
    heavy = [m for m in imported_after(run_program(*args)) if m in HEAVY]
    assert heavy == []


def test_the_program_with_only_help_imports_neither_pydantic_nor_numpy():
    assert imported_after(run_program("--help")) == []


def test_a_small_exact_landscape_needs_numpy_only(tmp_path):
    """``foedus landscape --method exact`` on a few actors: timed whole against its R peer (benchmarks/landscape_vs_r.py)."""
    code = run_program(
        "landscape", str(FIX / "actors.csv"), str(FIX / "propensities.csv"), "--method", "exact", "--json",
    )
    assert [m for m in imported_after(code) if m in HEAVY] == []
