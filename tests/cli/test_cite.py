"""``foedus cite``, the bibliography (foedus.data.citations), LICENSE and CITATION.cff."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import foedus
from foedus.cli import app
from foedus.data import citations as C

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def parse_bibtex(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    """A strict little BibTeX reader: every entry ``@type{key, name = {value}, ...}`` with balanced braces."""
    entries: dict[str, tuple[str, dict[str, str]]] = {}
    i = 0
    while (at := text.find("@", i)) >= 0:
        m = re.compile(r"@([a-z]+)\{([A-Za-z0-9_:-]+),").match(text, at)
        assert m, f"entry without a type or key at {text[at:at + 40]!r}"
        depth, j = 1, text.index("{", at) + 1
        while depth:
            assert j < len(text), f"unbalanced braces in {m.group(2)}"
            depth += {"{": 1, "}": -1}.get(text[j], 0) if text[j - 1] != "\\" else 0
            j += 1
        body = text[m.end():j - 1]
        fields = dict(re.findall(r"^\s*([a-z-]+) = \{(.*)\},?$", body, flags=re.M))
        assert fields, f"{m.group(2)} has no fields"
        for v in fields.values():
            assert v.count("{") == v.count("}"), f"unbalanced braces in a field of {m.group(2)}"
        assert m.group(2) not in entries, f"duplicate key {m.group(2)}"
        entries[m.group(2)] = (m.group(1), fields)
        i = j
    return entries


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cite") / "run"
    r = runner.invoke(app, ["simulate", "--scenario", "europe-1871", "--years", "1", "--seed", "1", "--out", str(out), "--quiet"])
    assert r.exit_code == 0, r.output
    return out


def test_a_run_cites_foedus_its_record_and_its_models(run_dir):
    r = runner.invoke(app, ["cite", str(run_dir)])
    assert r.exit_code == 0, r.output
    keys = re.findall(r"^\s+\[([a-z0-9]+)\]", r.output, flags=re.M)
    assert keys[0] == "foedus"
    for k in ("leeds2002atop", "singer1972capability", "cow2017states"):  # ATOP and COW: the scenario's sources
        assert k in keys
    for k in ("walt1987origins", "morrow1991asymmetry", "snyder1984security", "richardson1960arms"):  # the steps
        assert k in keys
    assert keys.index("leeds2002atop") < keys.index("walt1987origins"), "data come before models"
    assert "sipri2024milex" not in keys, "europe-1871 reads nothing from SIPRI"


def test_bibtex_parses_and_names_the_same_keys(run_dir):
    text = runner.invoke(app, ["cite", str(run_dir)]).output
    bib = runner.invoke(app, ["cite", "--bibtex", str(run_dir)])
    assert bib.exit_code == 0, bib.output
    entries = parse_bibtex(bib.output)
    assert list(entries) == re.findall(r"^\s+\[([a-z0-9]+)\]", text, flags=re.M)
    for key, (kind, fields) in entries.items():
        assert kind in {"article", "book", "incollection", "manual", "misc"}, key
        assert "title" in fields and "year" in fields, key


def test_every_reference_renders_as_valid_bibtex():
    from foedus.cli.cite import bibtex_entry, text_entry

    entries = parse_bibtex("\n\n".join(bibtex_entry(k) for k in C.REFERENCES))
    assert set(entries) == set(C.REFERENCES)
    for k in C.REFERENCES:
        assert text_entry(k).count('"') % 2 == 0 and "{" not in text_entry(k), k


def test_every_key_of_the_tables_exists_and_every_step_is_covered():
    from foedus.sim.steps import DEFAULT_STEPS

    for table in (C.DATA_FILES, C.STEP_MODELS, C.COMMAND_MODELS):
        for name, keys in table.items():
            assert set(keys) <= set(C.REFERENCES), (name, set(keys) - set(C.REFERENCES))
    assert set(C.DATA_KEYS) <= set(C.REFERENCES) and set(C.RECORD_KEYS) <= set(C.DATA_KEYS)
    assert set(DEFAULT_STEPS) <= set(C.STEP_MODELS), "add the new step's models to foedus.data.citations.STEP_MODELS"


def test_every_data_file_of_the_shared_records_has_a_citation(data_dir):
    present = {p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*") if p.suffix in (".csv", ".gz")}
    assert set(C.DATA_FILES) <= present, set(C.DATA_FILES) - present
    uncited = sorted(present - set(C.DATA_FILES))
    assert not uncited, f"data files without a citation in foedus.data.citations.DATA_FILES: {uncited}"


def test_an_export_cites_the_files_it_read_and_its_command(tmp_path, data_dir):
    import pandas as pd

    from foedus.data.export import provenance, write_table

    out = tmp_path / "t.csv"
    meta = provenance([data_dir / "distance" / "cow_mindist.csv.gz"], command="foedus history similarity 1950")
    write_table(pd.DataFrame({"a": [1]}), out, meta=meta)
    r = runner.invoke(app, ["cite", str(out)])
    assert r.exit_code == 0, r.output
    assert "[schvitz2022cshapes]" in r.output and "[signorino1999tau]" in r.output and "[foedus]" in r.output


def test_without_path_foedus_and_the_data_sets(monkeypatch, tmp_path):
    monkeypatch.setenv("FOEDUS_DB", str(tmp_path / "none.duckdb"))
    r = runner.invoke(app, ["cite", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 0, r.output
    for k in ("foedus", "leeds2002atop", "cow2017states", "singer1972capability"):
        assert f"[{k}]" in r.output


def test_bad_path_is_one_line_exit_2(tmp_path):
    r = runner.invoke(app, ["cite", str(tmp_path / "nothing")])
    assert r.exit_code == 2 and "no such file or folder" in r.output
    (tmp_path / "x.csv").write_text("a\n1\n")
    r = runner.invoke(app, ["cite", str(tmp_path / "x.csv")])
    assert r.exit_code == 2 and "carries no foedus provenance" in r.output


CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers", "keywords",
    "license", "license-url", "message", "preferred-citation", "references", "repository", "repository-artifact",
    "repository-code", "title", "type", "url", "version",
}
"""Top-level keys of the Citation File Format 1.2.0 schema."""


def test_citation_cff_is_valid_cff_1_2():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"cff-version", "message", "title", "authors"} <= set(cff) and set(cff) <= CFF_KEYS
    assert cff["version"] == foedus.__version__
    for person in cff["authors"]:
        assert person.get("name") or person.get("family-names")
    for ref in cff.get("references", []):
        assert {"type", "title", "authors"} <= set(ref)
        assert all(a.get("name") or a.get("family-names") for a in ref["authors"])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff["license"] == project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_an_ensemble_and_a_scenario_file_cite_their_scenario(tmp_path):
    ens = tmp_path / "ens"
    ens.mkdir()
    (ens / "manifest.json").write_text(json.dumps({"scenario": "world-2022", "runs": 2}))
    r = runner.invoke(app, ["cite", str(ens)])
    assert r.exit_code == 0, r.output
    for k in ("foedus", "leeds2002atop", "sipri2024milex", "maness2022dcid", "walt1987origins"):
        assert f"[{k}]" in r.output, k
    from foedus.sim import Scenario

    sc = Scenario.builtin("europe-1871")
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(sc.model_dump(mode="json"), sort_keys=False))
    r = runner.invoke(app, ["cite", str(path)])
    assert r.exit_code == 0, r.output
    assert "[leeds2002atop]" in r.output and "[sipri2024milex]" not in r.output


def test_a_run_of_an_unknown_scenario_says_what_to_do(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    (run / "run.json").write_text(json.dumps({"scenario": "my-own", "seed": 1}))
    r = runner.invoke(app, ["cite", str(run)])
    assert r.exit_code == 0, r.output
    assert "not built in" in r.output and "[walt1987origins]" in r.output
