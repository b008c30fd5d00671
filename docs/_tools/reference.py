"""The API reference's pages, one per public module of ``src/foedus``, made at build time (a mkdocs hook).

Every module whose dotted name has no part beginning with ``_`` gets a page
``reference/<dotted.name>.md`` holding one mkdocstrings directive, and the nav's
"API reference" section lists them by layer, in the order of the package's layers. Nothing is
written to ``docs/``: a module added to the package appears in the next build, and a module
removed disappears, so the reference cannot fall behind the code (``tests/docs`` checks the list
against the installed package).

``FOEDUS_DOCS_ONLY=tutorials`` leaves the reference out (a quick build while writing a tutorial;
never in CI).
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from pathlib import Path

from mkdocs.structure.files import File

_log = logging.getLogger("mkdocs.plugins.foedus")
CODE = re.compile(r"<(pre|code|math)\b.*?</\1>", re.S)
CATALOGUE_LABEL = re.compile(r"\b[Bb]rief\s+[AFPDTH][1-5]\b")

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PACKAGE = "foedus"

LAYERS: tuple[tuple[str, str], ...] = (
    ("i18n", "Languages"),
    ("schema", "Canonical tables"),
    ("data", "Reading the record"),
    ("theory", "Theory kernel"),
    ("sim", "Simulation"),
    ("analysis", "Measures of history"),
    ("panel", "Research panels"),
    ("experiments", "Ensembles and validation"),
    ("report", "Reports and figures"),
    ("web", "Dashboard"),
    ("testing", "Testing helpers"),
    ("cli", "Command line"),
)
"""The package's layers, lowest first (as ``tests/test_layers.py`` orders them), with their titles."""


def public_modules(src: Path = SRC) -> list[str]:
    """Dotted names of the public modules and packages under ``src/foedus``, sorted.

    A module is public when no part of its dotted name begins with ``_`` (``foedus.theory._validate``
    and ``foedus.cli._common`` are private); a package counts by its ``__init__.py``.
    """
    names = []
    for path in sorted((src / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if any(p.startswith("_") for p in parts):
            continue
        names.append(".".join(parts))
    return sorted(names)


def page_uri(module: str) -> str:
    """The reference page of ``module``, relative to ``docs/``."""
    return f"reference/{module}.md"


def page_text(module: str) -> str:
    """The page's Markdown: its title and the mkdocstrings directive."""
    return f"# `{module}`\n\n::: {module}\n"


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def reference_nav(modules: list[str]) -> list:
    """The "API reference" nav: the package page, then one section per layer (its package first)."""
    if not modules:
        return []
    nav: list = [{"foedus": page_uri(PACKAGE)}]
    seen = {PACKAGE}
    for layer, title in LAYERS:
        members = [m for m in modules if _layer(m) == layer]
        seen.update(members)
        if members:
            nav.append({f"{title} ({layer})": [{m: page_uri(m)} for m in members]})
    rest = [m for m in modules if m not in seen]
    if rest:
        nav.append({"Other modules": [{m: page_uri(m)} for m in rest]})
    return nav


def _modules() -> list[str]:
    return [] if os.environ.get("FOEDUS_DOCS_ONLY") == "tutorials" else public_modules()


def on_config(config):
    """Put the generated reference into the nav's "API reference" entry."""
    # Starlette's notice about its test client (the dashboard tutorial uses it) is not the site's business.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
    modules = _modules()
    nav = config["nav"]
    for i, entry in enumerate(nav):
        if isinstance(entry, dict) and "API reference" in entry:
            nav[i] = {"API reference": reference_nav(modules)}
    return config


def on_files(files, config):
    """Add one generated page per public module."""
    for module in _modules():
        files.append(File.generated(config, page_uri(module), content=page_text(module)))
    return files


def on_page_content(html, page, config, files):
    """Refuse prose that still cites the design catalogue by label ("brief F2"): readers never saw it.

    Code (signatures, default values, examples) is left alone; the docstrings' prose is
    translated by ``docs/_tools/docstrings.py``, so a label here means a pattern it does not know.
    """
    prose = CODE.sub("", html)
    for match in CATALOGUE_LABEL.finditer(prose):
        _log.warning("%s: the text cites the design catalogue as %r; name the mechanism (docs/_tools/mechanisms.py)", page.file.src_uri, match[0])
    return html
