"""The core installs alone: extras are optional, declared in pyproject.toml, and a missing one is one line, exit 2.

A missing extra is simulated by ``sys.modules[name] = None`` (Python then refuses the import
as if the package were absent) in a fresh interpreter, so that nothing leaks into other tests.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import foedus

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

IMPORT_NAME = {"python-multipart": "multipart", "dask[distributed]": "dask", "mesa": "mesa"}
"""Distribution name (lower case, no version) -> its top-level module, where they differ."""


def _dist_name(requirement: str) -> str:
    return re.split(r"[<>=!~; ]", requirement, maxsplit=1)[0].strip()


def _module_of(requirement: str) -> str:
    name = _dist_name(requirement)
    return IMPORT_NAME.get(name.lower(), IMPORT_NAME.get(name, name))


def test_extras_are_declared_as_the_code_knows_them():
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert set(extras) >= {"web", "ensemble", "bench", "docs", "test", "all"}
    for extra, probes in foedus.EXTRA_PROBES.items():
        declared = {_module_of(r) for r in extras[extra]}
        assert set(probes) - {"distributed"} <= declared, f"foedus.EXTRA_PROBES[{extra!r}] names modules pyproject's {extra} lacks"
        for module in declared:
            assert foedus.extra_of(module) == extra, f"{module} (extra {extra}) is not in foedus.EXTRA_MODULES"
    assert set(extras["all"]) == {"foedus[web,ensemble,bench,docs,test]"}


def test_the_core_holds_no_extra_package():
    core = {_module_of(r) for r in PYPROJECT["project"]["dependencies"]}
    assert not {m for m in core if foedus.extra_of(m)}, "an extra's package is a core dependency"
    for name in ("numpy", "pandas", "numba", "duckdb", "typer", "lifelines"):
        assert name in core


def _module_level_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import not inside a function (module body, classes, if/try blocks)."""
    out: list[tuple[int, str]] = []

    def walk(node: ast.AST) -> None:
        for ch in ast.iter_child_nodes(node):
            if isinstance(ch, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(ch, ast.If) and "TYPE_CHECKING" in ast.unparse(ch.test):
                continue
            if isinstance(ch, ast.Import):
                out.extend((ch.lineno, a.name) for a in ch.names)
            elif isinstance(ch, ast.ImportFrom) and ch.level == 0 and ch.module:
                out.append((ch.lineno, ch.module))
            walk(ch)

    walk(ast.parse(path.read_text(encoding="utf-8")))
    return out


REACHED_ONLY_THROUGH = {"web": ("foedus/web/",)}
"""Extra -> the source folders only its commands reach, where its packages may be imported at module level."""


def test_extras_are_imported_lazily():
    bad = []
    for path in sorted((SRC / "foedus").rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for line, module in _module_level_imports(path):
            extra = foedus.extra_of(module)
            if extra and not rel.startswith(REACHED_ONLY_THROUGH.get(extra, ())):
                bad.append(f"src/{rel}:{line}: imports {module} ('{extra}' extra) at module level")
    assert not bad, "move these imports into the functions that use them:\n" + "\n".join(bad)


BLOCK_ALL = ", ".join(repr(m) for m in sorted(foedus.EXTRA_MODULES))


def _foedus(args: list[str], blocked: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run ``foedus ARGS`` in a fresh interpreter where the modules ``blocked`` (a Python list body) cannot be imported."""
    code = (
        "import sys\n"
        f"for m in [{blocked}]: sys.modules[m] = None\n"
        f"sys.argv = ['foedus', *{args!r}]\n"
        "from foedus.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["serve", "--port", "1"], "web"),
        (["ensemble", "run", "--scenario", "bipolar-1950", "--runs", "2", "--years", "1", "--out", "ens"], "ensemble"),
        (["main", "--years", "1", "--runs", "2", "--out", "job"], "ensemble"),
        (["calibrate", "--out", "cal"], "ensemble"),
    ],
)
def test_a_missing_extra_is_one_line_and_exit_2(args, extra, tmp_path):
    r = _foedus(args, BLOCK_ALL, tmp_path)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert f"pip install 'foedus[{extra}]'" in lines[0]
    assert not any(tmp_path.iterdir()), "the command started work before it found the extra missing"


def test_an_extra_missing_deep_inside_a_command_is_still_one_line(monkeypatch, capsys):
    """The entry point's own net: an import of an extra's module that no command checked for."""
    from foedus import cli

    def boom():
        import optuna  # noqa: F401  (blocked below)

    monkeypatch.setitem(sys.modules, "optuna", None)
    monkeypatch.setattr(cli, "app", boom)
    monkeypatch.setattr(sys, "argv", ["foedus", "calibrate"])
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: foedus calibrate needs the 'ensemble' extra (optuna is not installed): pip install 'foedus[ensemble]'"]


def test_other_import_errors_are_not_disguised(monkeypatch):
    from foedus import cli

    def boom():
        import foedus_no_such_module  # noqa: F401

    monkeypatch.setattr(cli, "app", boom)
    with pytest.raises(ModuleNotFoundError):
        cli.main()


def test_core_commands_run_without_any_extra(tmp_path):
    r = _foedus(["scenario", "list"], BLOCK_ALL, tmp_path)
    assert r.returncode == 0, r.stderr
    assert "world-2022" in r.stdout
    r = _foedus(["--help"], BLOCK_ALL, tmp_path)
    assert r.returncode == 0, r.stderr


def test_require_extra(monkeypatch):
    for module in foedus.EXTRA_PROBES["web"]:
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(foedus.MissingExtra, match=r"^foedus serve needs the 'web' extra \(fastapi is not installed\): pip install 'foedus\[web\]'$"):
        foedus.require_extra("web", "foedus serve")
    with pytest.raises(ImportError):  # a MissingExtra is an ImportError: code that catches those still does
        foedus.require_extra("web")
