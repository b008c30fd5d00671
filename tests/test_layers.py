"""The package's layers hold: no import cycle between modules, no import up (or across) the layers.

Every module of ``src/foedus`` is parsed with :mod:`ast` (nothing is imported), and every
import in it counts: absolute and relative, at module level, inside functions, and under
``if TYPE_CHECKING:`` (a type-only import still says which layer a module leans on).

Layers, lowest first (README, "Layout")::

    i18n < schema < data < theory < {sim, analysis} < panel < experiments < report < web < testing < cli

A module may import its own layer and the layers below it, with these exceptions:

- ``sim`` and ``analysis`` are siblings: neither imports the other (a simulated run reaches
  the measures as a :class:`foedus.schema.History` or :class:`foedus.schema.runs.RunRecord`, and
  :mod:`foedus.experiments` brings the two together);
- ``theory`` imports only ``schema`` (and its own ``theory._validate``), not ``data``;
- ``report`` imports neither ``sim`` nor ``experiments`` (it presents histories and ensemble
  tables, whatever made them);
- ``testing`` may import anything below ``cli``, and no layer of the package imports it.
- ``panel`` (``foedus/panel.py``) is the public face of the research panels of
  :mod:`foedus.analysis.panel`: analysis-level, it only re-exports them, so it sits just above
  ``analysis``.

``i18n`` (:mod:`foedus.i18n`, the message catalogues and the language in use) imports nothing of
foedus, so that every layer may mark its messages.

The package root (``foedus/__init__.py``: version, :class:`foedus.FoedusWarning`) is below
every layer, with its private modules (``foedus/_numerics.py``: the numeric environment it pins
before numpy loads).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "foedus"

ORDER: tuple[tuple[str, ...], ...] = (
    ("i18n",),
    ("schema",),
    ("data",),
    ("theory",),
    ("sim", "analysis"),
    ("panel",),
    ("experiments",),
    ("report",),
    ("web",),
    ("testing",),
    ("cli",),
)
"""Layers from the lowest up; layers in one tuple are siblings (neither imports the other)."""

FORBIDDEN: dict[str, frozenset[str]] = {
    "theory": frozenset({"data"}),
    "report": frozenset({"sim", "experiments"}),
    "cli": frozenset({"testing"}),
}
"""Lower layers a layer may nevertheless not import (see the module docstring)."""

RANK: dict[str, int] = {layer: r for r, group in enumerate(ORDER) for layer in group}


def module_name(path: Path) -> str:
    """Dotted name of a source file (``foedus/sim/__init__.py`` -> ``foedus.sim``)."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted((SRC / PACKAGE).rglob("*.py"))}


def layer_of(module: str) -> str | None:
    """The layer of a foedus module (None for the package root and its private modules, ``foedus._name``)."""
    parts = module.split(".")
    if len(parts) == 2 and parts[1].startswith("_"):
        return None
    return parts[1] if len(parts) > 1 else None


def _resolve_relative(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join(base + ([name] if name else []))


def imports_of(module: str, path: Path) -> list[tuple[str, int]]:
    """Every foedus module ``module`` imports, with the line of the import statement."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = _resolve_relative(module, path.name == "__init__.py", node.level, node.module)
            # "from pkg import sub" imports the submodule when there is one, else names of pkg
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:  # "import foedus.sim.engine.x" -> the module part
                name = name.rpartition(".")[0]
            if name.startswith(PACKAGE) and name != module:
                found.append((name, node.lineno))
    return found


GRAPH: dict[str, list[tuple[str, int]]] = {m: imports_of(m, p) for m, p in MODULES.items()}


def _where(module: str, line: int) -> str:
    return f"{MODULES[module].relative_to(SRC.parent)}:{line}"


def test_every_module_is_in_a_layer():
    outside = sorted(m for m in MODULES if layer_of(m) is not None and layer_of(m) not in RANK)
    assert not outside, (
        f"module(s) outside every layer: {', '.join(outside)}; add the new layer to ORDER in tests/test_layers.py "
        "(and to the README's layout) in its place"
    )


def may_import(importer: str, imported: str) -> bool:
    """Whether a module of layer ``importer`` may import one of layer ``imported``."""
    if imported is None or importer == imported:
        return True
    if importer is None:
        return False
    return RANK[imported] < RANK[importer] and imported not in FORBIDDEN.get(importer, frozenset())


def test_no_module_imports_up_or_across_the_layers():
    bad = []
    for module, targets in GRAPH.items():
        src = layer_of(module)
        for target, line in targets:
            dst = layer_of(target)
            if not may_import(src, dst):
                allowed = sorted((layer for layer in RANK if layer != src and may_import(src, layer)), key=RANK.get)
                bad.append(
                    f"{_where(module, line)}: {module} imports {target}: layer '{src}' may not import '{dst}' "
                    f"('{src}' may import: {', '.join(allowed) or 'nothing but the package root'})"
                )
    assert not bad, f"{len(bad)} import(s) against the layers:\n" + "\n".join(bad)


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan 1972), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w, _ in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in GRAPH:
        if v not in index:
            visit(v)
    return out


def _cycle_path(component: list[str]) -> str:
    """One closed path through a cycle, each step with the file and line of its import."""
    members = set(component)
    start = component[0]
    path, seen, v = [start], {start}, start
    while True:
        w, line = next((w, line) for w, line in GRAPH[v] if w in members)
        path.append(f"  -> {w} ({_where(v, line)})")
        if w in seen:
            return "\n".join(path)
        seen.add(w)
        v = w


def test_no_import_cycle_between_modules():
    cycles = _cycles()
    assert not cycles, f"{len(cycles)} import cycle(s):\n" + "\n\n".join(_cycle_path(c) for c in cycles)


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("sim", "analysis", False),
        ("analysis", "sim", False),
        ("experiments", "sim", True),
        ("experiments", "analysis", True),
        ("theory", "schema", True),
        ("theory", "data", False),
        ("theory", "sim", False),
        ("report", "sim", False),
        ("report", "experiments", False),
        ("report", "analysis", True),
        ("web", "experiments", True),
        ("testing", "web", True),
        ("cli", "testing", False),
        ("sim", "testing", False),
        ("schema", None, True),
    ],
)
def test_the_layer_rules_say_what_the_docstring_says(importer, imported, allowed):
    assert may_import(importer, imported) is allowed


def test_the_walk_sees_function_level_relative_and_type_checking_imports(tmp_path):
    """The parser counts the imports a plain grep for 'from foedus' at line start would miss."""
    text = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from foedus.sim.engine import Simulation\n"
        "def f():\n    from ..data import ensemble_store\n    import foedus.theory.threat\n"
        "from . import polarity\n"
    )
    probe = tmp_path / "_probe.py"
    probe.write_text(text, encoding="utf-8")
    found = {m for m, _ in imports_of("foedus.analysis._probe", probe)}
    assert found == {"foedus.sim.engine", "foedus.data.ensemble_store", "foedus.theory.threat", "foedus.analysis.polarity"}
