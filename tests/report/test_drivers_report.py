"""The report section on what drives each headline (foedus.report.drivers): every sentence, the tests behind it, the validation score."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from foedus.experiments.design import make_design
from foedus.experiments.drivers import Headline, attribute_all, driver_knobs
from foedus.report.drivers import driver_table_rows, html_section
from foedus.sim import Scenario


def _drivers():
    knobs = driver_knobs(Scenario.builtin("world-2022"))
    x = make_design(knobs, 60, "lhs", seed=1)
    rng = np.random.default_rng(2)
    y = rng.random(60) < np.where(x["trends.norms"] > 0.6, 0.7, 0.1)
    return attribute_all([Headline("e", "a <pact> forms", "event", pd.Series(y, index=x.index)),
                          Headline("n", "the number of blocs", "number", pd.Series(np.ones(60), index=x.index))], x, knobs)


def test_every_sentence_and_its_tests_are_shown_escaped():
    d = _drivers()
    html = html_section(d, {"sentence": "Out of sample, 20 of 34 facts of the record are in range.", "per_era": {
        "1919-1938": {"in_range": 10, "facts": 17, "out_of_range": ["share_bilateral"]}}})
    assert "&lt;pact&gt;" in html and "<pact>" not in html
    for h in d["headlines"]:
        assert h["sentence"].replace("<", "&lt;").replace(">", "&gt;") in html
    assert "Out of sample, 20 of 34 facts" in html and "1919-1938: 10 of 17 in range; out of range: share_bilateral" in html
    rows = driver_table_rows(d["headlines"][0])
    assert len(rows) == 5 and [r[0] for r in rows][-1] == "norms and values" and rows[-1][-1] == "yes"
    assert driver_table_rows(d["headlines"][1]) == []  # the same in every run: no test, no table


def test_a_failed_validation_is_said_and_no_drivers_is_fine():
    html = html_section(None, {"error": "FileNotFoundError: no records"})
    assert "could not run: FileNotFoundError: no records" in html and "<ul>" not in html


def _many_headlines():
    """Attributed headlines that take every branch of the sentence: a driver up and down, numbers, none, constant."""
    knobs = driver_knobs(Scenario.builtin("world-2022"))
    x = make_design(knobs, 80, "lhs", seed=3)
    rng = np.random.default_rng(4)
    comp, norms = x["trends.great_power_competition"].to_numpy(), x["trends.norms"].to_numpy()
    both = (comp - comp.mean()) / comp.std() + (norms - norms.mean()) / norms.std()
    hs = [
        Headline("pact RUS-CHN", "a Russia–China defence pact forms by 2051", "event", pd.Series(rng.random(80) < np.where(comp > 0.6, 0.8, 0.1), index=x.index)),
        Headline("NATO ends", "NATO has ended by 2051", "event", pd.Series(rng.random(80) < np.where(norms > 0.6, 0.05, 0.7), index=x.index)),
        Headline("defense_pacts", "the number of defence pacts in force in 2051", "number", pd.Series(20 + 5 * both + rng.normal(0, 1, 80), index=x.index)),
        Headline("milex", "world military expenditure in 2051", "number", pd.Series(3e9 - 4e8 * comp + rng.normal(0, 1e7, 80), index=x.index), "US$ bn", 1e-6),
        Headline("wars", "the number of wars begun 2022–2051", "number", pd.Series(rng.poisson(3, 80).astype(float), index=x.index)),
        Headline("blocs", "the number of defence blocs in 2051", "number", pd.Series(np.full(80, 2.0), index=x.index)),
        Headline("largest_bloc", "the largest defence bloc in 2051", "number", pd.Series(rng.normal(30, 3, 80), index=x.index), "states"),
    ]
    out = attribute_all(hs, x, knobs)["headlines"]
    few = attribute_all(hs[:1], x.iloc[:5], knobs)["headlines"]
    none = attribute_all(hs[:1], x, [])["headlines"]
    return out + few + none


def test_the_sentences_said_again_are_the_experiments_own_in_english():
    from foedus.report.drivers import headline_sentence

    hs = _many_headlines()
    said = [headline_sentence(h) for h in hs]
    assert said == [h["sentence"] for h in hs]
    assert any(" also move" in s for s in said) and any("least likely above" in s for s in said)
    assert any("no driver moves it detectably" in s for s in said) and any("the same in every run" in s for s in said)
    assert any("only 5 runs" in s for s in said) and any("no driver was varied" in s for s in said)


def test_the_method_said_in_the_report_is_the_experiments_own():
    from foedus.experiments.drivers import DRIVERS, METHOD
    from foedus.report.drivers import DRIVER_NAMES, METHOD_TEXT

    assert METHOD_TEXT.message == METHOD
    assert {k: str(v) for k, v in DRIVER_NAMES.items()} == DRIVERS


def test_the_sentences_and_the_section_in_french():
    from foedus.i18n import language
    from foedus.report.drivers import headline_sentence

    hs = _many_headlines()
    with language("fr"):
        said = [headline_sentence(h) for h in hs]
        html = html_section({"method": _drivers()["method"], "headlines": hs}, {
            "eras": ["1919-1938", "1990-2018"], "seeds": [1], "in_range": 25, "facts": 34, "parameters": "the shipped defaults",
            "foedus_version": "0.1.0", "full_command": "foedus validate --seeds 3", "sentence": "Out of sample, 25 of 34 facts"})
    assert said[0].startswith("Un pacte de défense Russia–China est conclu d’ici 2051 dans ")
    assert "L’OTAN" not in said[1] and said[1].startswith("NATO a pris fin d’ici 2051")
    assert "compétition entre grandes puissances" in " ".join(said) and "ajustée" in " ".join(said)
    assert "Md US$" in said[3] and "Le nombre de guerres commencées 2022–2051" in said[4]
    assert not any(w in " ".join(said) for w in ("runs", "likely", "median", "driver", "defence"))
    assert "Filtrage de Monte-Carlo" in html and "Hors échantillon, 25 faits historiques sur 34" in html
    assert " ; plus probable quand le facteur compétition entre grandes puissances dépasse 0,80" in said[0]
    assert "<td>0,4–1</td>" in html and "<td>&lt; 0,001</td>" in html and re.search(r"<td>\+0,\d\d</td>", html)
    assert "Monte Carlo filtering" not in html and "defence" not in html


def test_event_causes_and_factors_are_named_at_presentation():
    from foedus.i18n import language
    from foedus.report.labels import cause_label, factor_label

    assert cause_label("threat gone") == "threat gone" and factor_label("years_in_force") == "years in force"
    assert cause_label("coalition of the willing against organised_crime") == "coalition of the willing against organised crime"
    assert factor_label("a_new_factor") == "a new factor" and cause_label("a new cause") == "a new cause"
    with language("fr"):
        assert cause_label("threat gone") == "menace disparue"
        assert cause_label("coalition of the willing against terrorism") == "coalition de volontaires contre le terrorisme"
        assert factor_label("renunciation_of_war") == "renonciation à la guerre"


def test_the_method_and_driver_names_are_written_once_for_both_layers():
    """The experiment's English (summary.json) and the report's translatable text are one text, in foedus.analysis."""
    from pathlib import Path

    import foedus
    from foedus.analysis import driver_words
    from foedus.experiments import drivers as experiment
    from foedus.report import drivers as report

    assert experiment.METHOD == driver_words.METHOD == report.METHOD_TEXT.message and isinstance(experiment.METHOD, str)
    assert experiment.METHOD.startswith("Monte Carlo filtering over a Latin hypercube of the trend drivers (Spear & Hornberger 1980")
    assert experiment.DRIVERS == {k: v.message for k, v in report.DRIVER_NAMES.items()} == driver_words.DRIVERS
    src = Path(foedus.__file__).parent
    holders = [p.relative_to(src).as_posix() for p in src.rglob("*.py") if "Monte Carlo filtering over a Latin hypercube" in p.read_text(encoding="utf-8")]
    assert holders == ["analysis/driver_words.py"]
