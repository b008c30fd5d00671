"""foedus.analysis.replacement: replacements of bilateral pacts and pacts inside multilateral ones, on toy histories and the record."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foedus.analysis.replacement import (
    fit_replacement,
    inside_multilateral,
    replacement_pact_years,
)
from foedus.testing import toy_history

STATES = {2: (1816, None), 20: (1816, None), 40: (1816, None), 365: (1816, None)}


def _h(alliances):
    return toy_history(alliances, first_year=1980, last_year=1999, majors=[2], states=STATES)


def test_a_pact_replaced_by_a_new_one_of_the_same_pair_is_counted_once_in_its_year():
    h = _h([
        {"id": 1, "start": 1980, "end": 1990, "members": [2, 20], "obligations": ("defense",)},
        {"id": 2, "start": 1990, "end": None, "members": [2, 20], "obligations": ("defense",)},  # replaces 1
        {"id": 3, "start": 1985, "end": 1995, "members": [40, 365], "obligations": ("nonaggression",)},
        {"id": 4, "start": 1982, "end": None, "members": [2, 20, 40], "obligations": ("consultation",)},
        {"id": 5, "start": 1992, "end": None, "members": [2, 40], "obligations": ("nonaggression",)},  # inside 4 only
    ])
    terms = pd.DataFrame({"term_years": [5.0, 0.0, 0.0], "renewal_years": [5.0, 0.0, 0.0]}, index=[1, 2, 3])
    r = replacement_pact_years(h, terms, last=1999)
    assert r["replaced"].sum() == 1 and r.loc[r["replaced"], ["agreement_id", "year", "age"]].values.tolist() == [[1, 1990, 10]]
    one = r[r["agreement_id"] == 1].set_index("year")
    assert one.index.tolist() == list(range(1981, 1991)) and one["defence"].all()
    assert one.index[one["term_end"]].tolist() == [1984, 1985, 1986, 1989, 1990]  # the terms end in 1985 and 1990
    assert not r.loc[r["agreement_id"] == 3, "term_end"].any() and not r.loc[r["agreement_id"] == 3, "defence"].any()
    t = inside_multilateral(h, 1985, 1999).set_index("agreement_id")
    assert t.loc[2, "tie"] == "bilateral" and t.loc[3, "tie"] == "none"
    assert t.loc[5, "tie"] == "multilateral" and t.loc[5, "multilateral_size"] == 3 and t.loc[5, "multilateral_obligation"] == "consultation"


def test_the_fit_recovers_known_rates():
    rng = np.random.default_rng(1)
    n = 200_000
    d, t = rng.random(n) < 0.5, rng.random(n) < 0.2
    rate = 0.005 * np.where(d, 4.0, 1.0) * np.where(t, 10.0, 1.0)
    rows = pd.DataFrame({"defence": d, "term_end": t, "replaced": rng.random(n) < -np.expm1(-rate)})
    est, se = fit_replacement(rows)
    assert np.all(np.abs(np.log(est / [0.005, 4.0, 10.0])) < 2.58 * se)  # within the 99 % interval


@pytest.fixture(scope="module")
def record_rows():
    from foedus.data import load_record
    from foedus.data.atop import read_atop_terms
    from foedus.data.paths import default_data_dir
    from foedus.sim.build import find_file

    return load_record(), replacement_pact_years(load_record(), read_atop_terms(find_file(default_data_dir(), "atop_alliances")))


def test_the_record_in_sample_gives_the_simulators_estimates(record_rows):
    from foedus.sim.parameters import Parameters

    h, rows = record_rows
    era = rows[rows["year"].between(1816, 1914) | rows["year"].between(1946, 1989)]
    assert len(era) == 3878 and era["replaced"].sum() == 34
    assert era.loc[era["year"] >= 1946, "replaced"].sum() == 31  # pair_kinds: 31 of 1946-1989's pacts between allies renewed a bilateral one
    est, _ = fit_replacement(era)
    p = Parameters()
    assert np.allclose(est, [0.00145, p.replacement_defence_ratio, p.replacement_term_end_ratio], rtol=0.01)
    t = inside_multilateral(h, 1946, 1989)["tie"].value_counts()
    assert t["bilateral"] == 31 and t["multilateral"] == 32
