"""Answers from an ensemble: bands, pair probabilities, great-power alignments, comparisons, outcomes."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import beta, binom

from foedus.analysis import ensemble as an
from foedus.analysis import outcomes
from foedus.data.ensemble_store import DEFAULT_OUTCOMES, EnsembleStore
from foedus.experiments.ensemble import ensemble_scenario


def _table(values: np.ndarray, years=(2000, 2001)) -> pd.DataFrame:
    r = len(values)
    return pd.DataFrame({"run": np.repeat(np.arange(r), len(years)), "year": np.tile(years, r), "x": np.repeat(values, len(years))})


def test_bands_are_the_empirical_quantiles():
    b = an.bands(_table(np.arange(101.0)), ["x"])
    assert b[["q05", "median", "q95", "mean", "runs"]].iloc[0].tolist() == pytest.approx([5.0, 50.0, 95.0, 50.0, 101])
    wide = an.bands(_table(np.arange(101.0)), ["x"], band=0.5)
    assert {"q25", "q75"} <= set(wide.columns)


def test_bands_skip_missing_values():
    t = _table(np.array([1.0, 2.0, np.nan, 4.0]))
    b = an.bands(t, ["x"])
    assert b["runs"].tolist() == [3, 3] and b["median"].tolist() == [2.0, 2.0]


@settings(max_examples=25, deadline=None)
@given(n=st.integers(5, 400))
def test_median_interval_has_at_least_its_level(n):
    # order-statistic interval [x_(j), x_(n+1-j)] covers the median with prob 1 - 2 P(B <= j - 1), B ~ Bin(n, 1/2)
    lo, hi = an._median_ci_ranks(np.array([n]))
    j = int(lo[0]) + 1
    coverage = 1 - 2 * binom.cdf(j - 1, n, 0.5)
    assert coverage >= 0.90 - 1e-12
    assert int(hi[0]) == n - j
    # and the next narrower interval would fall short
    if j + 1 <= n - j:
        assert 1 - 2 * binom.cdf(j, n, 0.5) < 0.90


def test_median_interval_covers_the_true_median_in_simulation():
    """400 independent samples of 31 exponential draws (one per 'year'): the interval holds ln 2 in >= ~90 %."""
    rng = np.random.default_rng(0)
    x = rng.exponential(size=(31, 400))
    t = pd.DataFrame({"run": np.repeat(np.arange(31), 400), "year": np.tile(np.arange(400), 31), "x": x.ravel()})
    b = an.bands(t, ["x"])
    hits = ((b["median_lo"] <= np.log(2)) & (np.log(2) <= b["median_hi"])).mean()
    assert hits >= 0.86  # nominal >= 0.90 (exactly 0.971 for n = 31), Monte Carlo error ~0.015


def test_jeffreys_interval_is_the_beta_quantiles():
    lo, hi = an._jeffreys(np.array([0, 3, 10]), np.array([10, 10, 10]))
    assert lo[0] == 0.0 and hi[2] == 1.0
    assert lo[1] == pytest.approx(beta.ppf(0.05, 3.5, 7.5)) and hi[1] == pytest.approx(beta.ppf(0.95, 3.5, 7.5))


def _brute_force_allied(store: EnsembleStore, a: int, b: int, defense: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per year: runs in which a and b share an alliance (in the year; by the year), from the spells row by row."""
    sp = store.read_table("alliances")
    sp = sp[(sp["kind"] == "alliance") & (sp["defense"] | (not defense))]
    first = int(store.manifest["first_year"])
    years = np.arange(first, first + int(store.manifest["years"]))
    in_year = np.zeros(len(years), int)
    by_year = np.zeros(len(years), int)
    for run in store.completed():
        s = sp[sp["run"] == run]
        allied = np.array(
            [
                any(
                    (s[(s["agreement_id"] == ag) & (s["ccode"] == a) & (s["entry_year"] <= y) & (s["exit_year"] >= y)].shape[0] > 0)
                    and (s[(s["agreement_id"] == ag) & (s["ccode"] == b) & (s["entry_year"] <= y) & (s["exit_year"] >= y)].shape[0] > 0)
                    for ag in s["agreement_id"].unique()
                )
                for y in years
            ]
        )
        in_year += allied
        by_year += np.cumsum(allied) > 0
    return in_year, by_year


def test_pair_allied_matches_brute_force(baseline_ensemble):
    store = EnsembleStore.open(baseline_ensemble)
    sp = store.read_table("alliances")
    pair = sp[sp["kind"] == "alliance"].groupby("ccode").size().sort_values(ascending=False).index[:2]
    a, b = int(pair[0]), int(pair[1])
    for defense in (True, False):
        in_year, by_year = _brute_force_allied(store, a, b, defense)
        p = an.pair_allied(store, a, b, obligation="defense" if defense else None)
        q = an.pair_allied(store, a, b, obligation="defense" if defense else None, by=True)
        assert p["allied"].tolist() == in_year.tolist()
        assert q["allied"].tolist() == by_year.tolist()
        assert (q["allied"].diff().dropna() >= 0).all()
        assert (p["lo"] <= p["probability"]).all() and (p["probability"] <= p["hi"]).all()


def test_pair_and_state_errors(baseline_ensemble):
    with pytest.raises(ValueError, match="not in the ensemble's scenario"):
        an.pair_allied(baseline_ensemble, "XYZ", 2)
    with pytest.raises(ValueError, match="two different states"):
        an.pair_allied(baseline_ensemble, 2, 2)


def test_great_power_alignments_shares_sum_to_one(baseline_ensemble):
    g = an.great_power_alignments(baseline_ensemble)
    sums = g.groupby(["year", "ccode"])["share"].sum()
    assert np.allclose(sums, 1.0)
    assert (g["runs"] == 12).all()
    majors = [a.ccode for a in ensemble_scenario(EnsembleStore.open(baseline_ensemble)).actors if a.major]
    assert set(g["ccode"]) == set(majors)


def test_great_power_alignment_is_the_bloc_leader_or_unaligned(baseline_ensemble):
    """A power's alignment is its pole-anchored bloc's leader; 'unaligned' exactly when it has no defence pact."""
    store = EnsembleStore.open(baseline_ensemble)
    g = an.great_power_alignments(store)
    st = store.read_table("states")
    st = st[st["major"]]
    expected = st.assign(leader=np.where(st["degree"] > 0, st["bloc"], -1)).groupby(["year", "ccode", "leader"]).size() / 12
    got = g.set_index(["year", "ccode", "leader"])["share"]
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)
    assert ((g["leader"] == -1) == (g["alignment"] == "unaligned")).all()


def test_state_bands_default_to_major_powers(baseline_ensemble):
    b = an.state_bands(baseline_ensemble)
    majors = {a.abb for a in ensemble_scenario(EnsembleStore.open(baseline_ensemble)).actors if a.major}
    assert set(b["abb"]) == majors and (b["q05"] <= b["median"]).all() and (b["median"] <= b["q95"]).all()


def test_compare_an_ensemble_with_itself_finds_no_difference(baseline_ensemble):
    c = an.compare(baseline_ensemble, baseline_ensemble, ["alliances", "milex"])
    assert (c["diff"] == 0).all()
    assert (c["diff_lo"] <= 0).all() and (c["diff_hi"] >= 0).all()
    assert ((c["p_value"] > 0.99) | c["p_value"].isna()).all()


def _fake_ensemble(path, tiny, x: np.ndarray) -> EnsembleStore:
    """An ensemble folder whose table ``system`` holds ``alliances = x[run, year]`` (years 2000..)."""
    from foedus.data.ensemble_store import table_bytes

    runs, years = x.shape
    spec = {"scenario": tiny.name, "scenario_sha256": "-", "runs": runs, "years": years, "first_year": 2000, "seed": 0,
            "design": "lhs", "knobs": [], "keep_histories": False, "outcomes": DEFAULT_OUTCOMES}
    exp = pd.DataFrame({"run": np.arange(runs), "seed": np.arange(runs, dtype=np.uint64)})
    store = EnsembleStore.create(path, spec, tiny.model_dump_json(indent=1), exp)
    empty = table_bytes(pd.DataFrame({"run": [0]}))
    for r in range(runs):
        system = pd.DataFrame({"run": r, "year": 2000 + np.arange(years), "alliances": x[r]})
        store.write_run(r, {"system": table_bytes(system), "states": empty, "alliances": empty})
    return store


def test_compare_recovers_a_known_shift(tmp_path, tiny):
    """Normal outcomes with means 0 and 1 (sd 1, 60 runs each): the 90 % bootstrap interval holds the true difference 1."""
    rng = np.random.default_rng(1)
    a = _fake_ensemble(tmp_path / "a", tiny, rng.normal(0.0, 1.0, (60, 20)))
    b = _fake_ensemble(tmp_path / "b", tiny, rng.normal(1.0, 1.0, (60, 20)))
    c = an.compare(a, b, ["alliances"], seed=3)
    covered = ((c["diff_lo"] <= 1.0) & (c["diff_hi"] >= 1.0)).mean()
    assert covered >= 0.75  # nominal 0.90 over 20 years; 15 or fewer covered has probability < 0.05
    assert (c["diff_lo"] > 0).all() and (c["p_value"] < 0.01).all()
    # half-width close to the normal theory value z_0.95 * sqrt(2 / 60)
    assert ((c["diff_hi"] - c["diff_lo"]) / 2).mean() == pytest.approx(1.645 * np.sqrt(2 / 60), rel=0.15)
    same = an.compare(a, _fake_ensemble(tmp_path / "a2", tiny, rng.normal(0.0, 1.0, (60, 20))), ["alliances"])
    assert (same["p_value"] < 0.05).mean() <= 0.25


def test_outcomes(reference_ensemble):
    store = EnsembleStore.open(reference_ensemble)
    sys_ = store.read_table("system")
    y = outcomes.outcome(store, "alliances >= 3 in 2003")
    expected = sys_[sys_["year"] == 2003].set_index("run")["alliances"] >= 3
    assert y.sort_index().tolist() == expected.sort_index().tolist()
    by = outcomes.outcome(store, "wars >= 1 by 2005")
    assert by.tolist() == (sys_.groupby("run")["wars"].sum() >= 1).sort_index().tolist()
    sp = store.read_table("alliances")
    a, b = (int(c) for c in sp["ccode"].value_counts().index[:2])
    pair = outcomes.outcome(store, f"allied {a}-{b} by 2005")
    expected = an.pair_allied(store, a, b, obligation=None, by=True)["allied"].iloc[-1]
    assert int(pair.sum()) == int(expected)
    with pytest.raises(ValueError, match="outside the simulated years"):
        outcomes.outcome(store, "poles <= 2 in 2050")
    with pytest.raises(ValueError, match="expected 'defense A B"):
        outcomes.parse_outcome("Russia and China become friends")
    with pytest.raises(ValueError, match="unknown indicator"):
        outcomes.parse_outcome("friendship > 1 in 2003")


def test_compare_ensembles_of_different_horizons_uses_their_common_years(tmp_path, tiny):
    """Once an IndexError: A simulates 2000-2019, B 2000-2009; the comparison covers 2000-2009."""
    rng = np.random.default_rng(2)
    a = _fake_ensemble(tmp_path / "a", tiny, rng.normal(0.0, 1.0, (30, 20)))
    b = _fake_ensemble(tmp_path / "b", tiny, rng.normal(1.0, 1.0, (30, 10)))
    for x, y in ((a, b), (b, a)):
        c = an.compare(x, y, ["alliances"], seed=1)
        assert c["year"].tolist() == list(range(2000, 2010))
        assert (c["runs_a"] == 30).all() and (c["runs_b"] == 30).all()


def test_the_significance_mark_is_the_p_value_at_the_intervals_level(tmp_path, tiny):
    """``significant`` is p < 0.10 at level 0.90, whatever the interval says: one verdict, explained, in one column."""
    rng = np.random.default_rng(4)
    a = _fake_ensemble(tmp_path / "a", tiny, rng.normal(0.0, 1.0, (40, 30)))
    b = _fake_ensemble(tmp_path / "b", tiny, rng.normal(0.4, 1.0, (40, 30)))
    c = an.compare(a, b, ["alliances"], seed=5)
    assert (c["significant"] == (c["p_value"] < 0.10)).all()
    assert c["significant"].any() and not c["significant"].all()  # a shift of 0.4 sd: some years pass, some do not
    c99 = an.compare(a, b, ["alliances"], seed=5, level=0.99)
    assert (c99["significant"] == (c99["p_value"] < 0.01)).all()


def test_compare_cli_marks_the_p_value_and_explains_the_mark(tmp_path, tiny):
    from typer.testing import CliRunner

    from foedus.cli import app

    rng = np.random.default_rng(3)
    _fake_ensemble(tmp_path / "a", tiny, rng.normal(0.0, 1.0, (30, 20)))
    _fake_ensemble(tmp_path / "b", tiny, rng.normal(2.0, 1.0, (30, 10)))
    res = CliRunner().invoke(app, ["ensemble", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "-i", "alliances"])
    assert res.exit_code == 0, res.output
    assert "* p < 0.10" in res.output and "Mann-Whitney" in res.output
    assert res.output.count("*") == 3 + 1  # a shift of 2 sd: the three years shown are marked, and the caption says why
    rows = json.loads(CliRunner().invoke(app, ["ensemble", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "-i", "alliances", "--json"]).output)["rows"]
    assert [r["year"] for r in rows] == [2000, 2004, 2009] and all(r["significant"] and r["p_value"] < 0.10 for r in rows)
