"""The errors of the layers below reach a French user in French: every reason they write has a template, and the CLI says it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from foedus.i18n import language
from foedus.report.errors import REASONS, error_text, reason_text

PKG = Path(__file__).resolve().parents[2] / "src" / "foedus"

RAISERS = {"SchemaError", "ScenarioError", "ScenarioInputError", "_located", "_error"}
"""Calls whose reason (the first text argument) a user reads framed by 'error:'."""


def _reasons():
    """(file:line, the reason with each formatted value as 'X') of every literal reason schema/, data/ and the scenario write.

    ``ValueError`` counts in the scenario's modules only (pydantic's validators: their message is the reason).
    """
    files = [*PKG.glob("schema/*.py"), *PKG.glob("data/*.py"), *PKG.glob("sim/scenario*.py"), PKG / "cli" / "theory_io.py"]
    for path in sorted(files):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in RAISERS and not (name == "ValueError" and path.name.startswith("scenario")):
                continue
            args = [a for a in node.args if isinstance(a, (ast.Constant, ast.JoinedStr))]
            text = [a for a in args if isinstance(a, ast.JoinedStr) or isinstance(a.value, str)]
            if not text:
                continue
            a = text[-1] if name in ("SchemaError", "ScenarioError", "_located", "_error") else text[0]
            if isinstance(a, ast.Constant):
                yield f"{path.relative_to(PKG)}:{node.lineno}", a.value
            elif not any(isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.IfExp) for v in a.values):
                yield f"{path.relative_to(PKG)}:{node.lineno}", "".join(v.value if isinstance(v, ast.Constant) else "X" for v in a.values)


WORDS = {
    "value X X X": ("value X below X", "value X above X"),  # foedus.schema.validate's bounds
    "a participation without its X year": ("a participation without its start year", "a participation without its end year"),
}
"""Reasons whose formatted part is an English word, not a value: the words it takes."""


def test_every_reason_the_lower_layers_write_has_a_template():
    found = [(where, t) for where, text in _reasons() for t in WORDS.get(text, (text,))]
    assert len(found) > 60, "the scan found too few reasons: has the code moved?"
    missing = [f"{where}: {text!r}" for where, text in found if not any(p.match(text) for p, _said in REASONS)]
    assert not missing, "add a template to foedus.report.errors.REASONS (and translate it) for:\n" + "\n".join(missing)


def test_every_template_reads_its_own_english_back():
    for pattern, said in REASONS:
        sample = said.message.format(**{k: f"<{k}>" for k in pattern.groupindex})
        m = next(p for p, _s in REASONS if p.match(sample))
        assert m is pattern, f"{said.message!r} is read by an earlier template {m.pattern!r}"


def test_english_is_left_as_it_is_and_an_unknown_message_too():
    assert reason_text("not a number: 'x'") == "not a number: 'x'"
    with language("fr"):
        assert reason_text("not a number: 'x'") == "pas un nombre : 'x'"
        assert reason_text("a message no template knows") == "a message no template knows"
        assert reason_text("Field required (and 2 more error(s))") == "champ obligatoire (et 2 autre(s) erreur(s))"


def test_a_schema_error_is_said_again_from_its_parts(tmp_path):
    from foedus.data.csvio import check_range
    from foedus.schema import SchemaError

    import pandas as pd

    with pytest.raises(SchemaError) as raised:
        check_range(pd.DataFrame({"cinc": [0.1, 1.5]}), ["cinc"], "nmc.csv", 0, 1, "CINC")
    e = raised.value
    assert error_text(e) == str(e) == "nmc.csv, line 3, column 'cinc': CINC 1.5 outside 0..1"
    with language("fr"):
        assert error_text(e) == "nmc.csv, ligne 3, colonne 'cinc' : CINC 1.5 hors de 0..1"


def test_the_cli_says_a_scenarios_error_in_french(tmp_path):
    from typer.testing import CliRunner

    from foedus.cli import app

    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nstart_year: 2000\nyears: 5\nactors:\n  - {ccode: 2, name: USA, abb: USA, cinc: -1}\n", encoding="utf-8")
    en = CliRunner().invoke(app, ["scenario", "check", str(bad)])
    fr = CliRunner().invoke(app, ["--lang", "fr", "scenario", "check", str(bad)])
    assert en.exit_code == fr.exit_code == 2
    assert "Input should be greater than or equal to 0" in en.output and "line 5" in en.output
    assert f"erreur : {bad}, ligne 5, champ 'actors[0].cinc' : la valeur doit être supérieure ou égale à 0" in fr.output
    missing = CliRunner().invoke(app, ["--lang", "fr", "scenario", "show", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2 and "fichier de scénario introuvable" in missing.output


def test_the_theory_commands_say_a_bad_input_file_in_french(tmp_path):
    from typer.testing import CliRunner

    from foedus.cli import app

    actors, matrix = tmp_path / "actors.csv", tmp_path / "m.csv"
    actors.write_text("actor,size\nA,1\nB,-2\n", encoding="utf-8")
    matrix.write_text(",A,B\nA,,1\nB,1,\n", encoding="utf-8")
    en = CliRunner().invoke(app, ["landscape", str(actors), str(matrix)])
    fr = CliRunner().invoke(app, ["--lang", "fr", "landscape", str(actors), str(matrix)])
    assert en.exit_code == fr.exit_code == 2
    assert "line 3, column 'size': size must be a positive number, got '-2' for actor 'B'" in en.output
    assert "ligne 3, colonne 'size' : la taille doit être un nombre positif, reçu '-2' pour l’acteur 'B'" in fr.output


def test_a_finished_job_is_said_in_the_language_of_the_request():
    from foedus.web.jobs import Job

    job = Job("abc", "world-2022", 10, 1, status="done", folder="world-2022-seed1-10y-abc")
    with language("en"):
        assert job.public()["message"] == "10 years simulated; written to the runs folder as world-2022-seed1-10y-abc"
    with language("fr"):
        assert job.public()["message"] == "10 ans simulés ; écrits dans le dossier des simulations sous world-2022-seed1-10y-abc"
    ens = Job("abd", "world-2022", 10, 1, status="done", kind="ensemble", runs=5, folder="ensembles/x")
    with language("fr"):
        assert ens.public()["message"] == "5 simulations de 10 ans ; écrites dans le dossier des simulations sous ensembles/x"
