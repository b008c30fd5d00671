"""The documentation site's sources: every public module in the reference, tutorials that run,
pages without the design catalogue's labels, and the docstring translation it relies on.

The build itself (``./dev docs``: ``mkdocs build --strict``, which runs every tutorial) is its own
step of ``./dev test``; these tests check what can be checked without building.
"""

from __future__ import annotations

import importlib.util
import pkgutil
import re
import sys
from pathlib import Path

import pytest
import yaml

import foedus

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TOOLS = DOCS / "_tools"
TUTORIALS = ("history", "panels", "theory", "simulation", "ensembles", "dashboard")
LABEL = re.compile(r"(?<![\w./-])[AFPDTH][1-5](?![\w-])")


def _load(name: str):
    """A module of docs/_tools by file (they are not a package)."""
    sys.path.insert(0, str(TOOLS))
    try:
        spec = importlib.util.spec_from_file_location(f"_docs_{name}", TOOLS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(TOOLS))


def _config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # mkdocs' own tags
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


@pytest.fixture(scope="module")
def reference():
    pytest.importorskip("mkdocs")
    return _load("reference")


def test_every_public_module_has_a_reference_page(reference):
    walked = {"foedus"} | {
        m.name for m in pkgutil.walk_packages(foedus.__path__, "foedus.") if not any(p.startswith("_") for p in m.name.split("."))
    }
    listed = reference.public_modules()
    assert set(listed) == walked
    assert len(listed) == len(set(listed))
    for module in ("foedus.panel", "foedus.theory.threat", "foedus.sim.engine", "foedus.report", "foedus.web.app"):
        assert module in listed
    assert "foedus.theory._validate" not in listed and "foedus.cli._common" not in listed


def test_the_reference_nav_lists_each_module_once_under_its_layer(reference):
    modules = reference.public_modules()
    nav = reference.reference_nav(modules)
    pages = []

    def collect(entries):
        for entry in entries:
            for title, value in entry.items():
                if isinstance(value, list):
                    collect(value)
                else:
                    pages.append((title, value))

    collect(nav)
    assert sorted(title for title, _ in pages) == sorted(modules)
    assert all(uri == reference.page_uri(title) for title, uri in pages)
    assert "::: foedus.sim.engine" in reference.page_text("foedus.sim.engine")
    layers = [next(iter(e)) for e in nav[1:]]
    assert layers[0].endswith("(i18n)") and layers[1].endswith("(schema)") and layers[-1].endswith("(cli)")  # lowest layer first


def test_the_build_is_strict_and_part_of_the_test_task():
    config = _config()
    assert config["strict"] is True
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    assert re.search(r'mkdocs" build --strict', dev)
    test_task = dev.split("  test)", 1)[1].split(";;", 1)[0]
    assert re.search(r"^\s*docs\s*$", test_task, re.M), "./dev test does not build the site"


def test_every_tutorial_is_in_the_nav_and_runs_code_at_build_time():
    nav_pages = re.findall(r"tutorials/(\w+)\.md", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert set(TUTORIALS) <= set(nav_pages)
    for name in TUTORIALS:
        text = (DOCS / "tutorials" / f"{name}.md").read_text(encoding="utf-8")
        blocks = re.findall(r'^```python exec="on"', text, re.M)
        assert len(blocks) >= 2, f"{name}: {len(blocks)} executed blocks"
        assert not re.search(r"read_csv\(|Path\(.+shared", text), f"{name} reads a data file by path; use foedus's readers"


def test_pages_written_for_readers_show_no_catalogue_labels():
    for page in [*DOCS.glob("*.md"), *DOCS.glob("tutorials/*.md")]:
        if page.name in ("glossary.md", "about.md"):  # the two pages that explain the labels
            continue
        text = page.read_text(encoding="utf-8")
        found = LABEL.findall(text)
        assert not found, f"{page.relative_to(ROOT)} shows the labels {sorted(set(found))}"
        assert not re.search(r"\bbrief\b", text, re.I), f"{page.relative_to(ROOT)} cites 'the brief'"


def test_the_glossary_names_every_label_the_code_cites():
    mechanisms = _load("mechanisms")
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    for label in [*mechanisms.MECHANISMS, *mechanisms.FAMILIES]:
        assert f"{{#{mechanisms.anchor(label)}}}" in glossary, f"no glossary heading for {label}"
    cited = set()
    for path in (ROOT / "src" / "foedus").rglob("*.py"):
        cited |= set(re.findall(r"\b[AFPDTH][1-5]\b", path.read_text(encoding="utf-8")))
    assert cited <= set(mechanisms.MECHANISMS), f"labels without a name: {sorted(cited - set(mechanisms.MECHANISMS))}"


# ---------------------------------------------------------------- the docstring translation
@pytest.fixture(scope="module")
def translate():
    pytest.importorskip("griffe")
    pytest.importorskip("latex2mathml")
    import griffe

    ext = _load("docstrings")
    loader = griffe.GriffeLoader(extensions=griffe.load_extensions(ext.FoedusDocstrings()), search_paths=[str(ROOT / "src")])
    pkg = loader.load("foedus.theory")
    loader.resolve_aliases(implicit=False)
    return pkg


def test_roles_become_cross_references_resolved_from_the_object(translate):
    doc = translate["burden"].docstring.value
    assert ":func:" not in doc
    assert '<autoref identifier="foedus.theory.burden.burden_sharing_equilibrium" optional><code>burden_sharing_equilibrium()</code></autoref>' in doc


def test_formulas_become_mathml_and_labels_become_named_links(translate):
    doc = translate["threat"]["threat_matrix"].docstring.value
    assert ".. math::" not in doc and ":math:" not in doc
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in doc
    assert "[balancing against threat][mechanism-f2]" in doc
    assert not re.search(r"\bbrief [AFPDTH][1-5]", doc)


def test_a_doctest_outside_examples_becomes_a_code_block():
    pytest.importorskip("griffe")
    pytest.importorskip("latex2mathml")
    ext = _load("docstrings").FoedusDocstrings()
    ext._collection = {}
    text = "Use it so:\n\n>>> f(1)\n2\n\nParameters\n----------\nx : int\n\nExamples\n--------\n>>> f(2)\n3"
    out = ext.rewrite(text, type("Obj", (), {"path": "m.f", "parent": None})())
    assert out.startswith("Use it so:\n\n```pycon\n>>> f(1)\n2\n```\n")
    assert out.endswith("Examples\n--------\n>>> f(2)\n3")  # griffe's own Examples section is left alone
