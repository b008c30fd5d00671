"""Starting military spending where the record has none (issue 17, item 5): estimated, said to be, and of the right order."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.sim.build import _fill_milex, scenario_from_record
from foedus.sim.scenario import Scenario

PRK = 731
PUBLISHED_PRK_MUSD = (1_000.0, 10_000.0)
"""North Korea's military spending as published, million US$: the US State Department's WMEAT (2019) puts it at
about 3.6 bn a year over 2007-2017; other published estimates run to about 10 bn. The record (SIPRI, COW NMC) has none."""


def test_north_koreas_estimated_spending_is_within_an_order_of_magnitude_of_the_published_estimates():
    for sc in (Scenario.builtin("world-2022"), scenario_from_record(2022, top_n=40, years=2)):
        (nk,) = [a for a in sc.actors if a.ccode == PRK]
        lo, hi = PUBLISHED_PRK_MUSD
        assert lo / 10 < nk.milex < hi, nk.milex  # it was 35,662 (the CINC share) before
        assert "estimated" in nk.sources["milex"] and "GDP and military personnel" in nk.sources["milex"]


def test_every_estimated_figure_says_so_and_recorded_figures_are_kept():
    milex = np.array([1000.0, 2000.0, np.nan, 400.0, 800.0, 3000.0, 50.0, 90.0, 120.0, np.nan])
    gdp = np.array([5e4, 1e5, 2e4, 2e4, 4e4, 1.5e5, 3e3, 4e3, 6e3, 1e4])
    milper = np.array([50.0, 80.0, 900.0, 20.0, 40.0, 120.0, 5.0, 6.0, 8.0, 0.0])
    cinc = np.full(10, 0.01)
    v, est, notes = _fill_milex(milex, gdp, milper, cinc)
    assert est.tolist() == [False, False, True] + [False] * 6 + [True]
    assert np.array_equal(v[~est], milex[~est])
    assert "GDP and military personnel" in notes[2] and "CINC share" in notes[9]  # no personnel: the CINC share
    # the fit follows the sample: spending proportional to GDP recovers the proportion
    prop = 0.02 * gdp
    prop[2] = np.nan
    v2, _, _ = _fill_milex(prop, gdp, np.where(milper > 0, milper, 1.0), np.full(10, 1.0))
    assert v2[2] == pytest.approx(0.02 * gdp[2], rel=0.2)


def test_a_missing_personnel_figure_is_estimated_never_read_as_zero():
    import numpy as np

    from foedus.data.snapshot import snapshot
    from foedus.sim.build_actors import _actors, _fill_missing

    v, est = _fill_missing(np.array([100.0, 0.0, np.nan]), np.array([0.1, 0.01, 0.05]))
    assert np.allclose(v, [100.0, 0.0, 0.05 * 100.0 / 0.11]) and est.tolist() == [False, False, True]  # a recorded zero stays zero
    # COW NMC records no personnel for Sweden before 1819 (54,000 then), for Bavaria before 1828: both 1816 actors had 0
    acts = {a["ccode"]: a for a in _actors(snapshot(1816, [380, 245, 200, 365], at_year_end=True), 1816, None)}
    assert acts[380]["milper"] == 54.0 and acts[380]["sources"]["milper"].startswith("1819")  # the first figure, 3 years on
    assert 1.0 < acts[245]["milper"] < 150.0 and "estimated" in acts[245]["sources"]["milper"]  # none within five years
