"""The report section on what drives each headline (foedus.report.drivers): every sentence, the tests behind it, the validation score."""

from __future__ import annotations

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
