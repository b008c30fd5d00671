"""Validation in four eras: the record's facts against independent counts, and the reduced `foedus validate`."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from foedus.analysis.eras import FACTS
from foedus.cli import app
from foedus.experiments.eras import ERAS, TOLERANCE, distance, in_range, record_facts


def _raw(data_dir):
    a = pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["atopid", "begyr", "endyr", "defense", "offense", "neutral", "nonagg", "consul"])
    m = pd.read_csv(data_dir / "atop" / "atop5_1m.csv", usecols=["atopid", "member", "yrent"])
    s = pd.read_csv(data_dir / "peacesciencer" / "cow_states.csv")
    return a, m, s


@pytest.mark.parametrize("era", ["1816-1914", "1919-1938"])
def test_record_facts_equal_counts_from_the_raw_files(data_dir, era):
    """Formation (overall and by strongest obligation), size, bilateral share and alliances in force
    at the end, counted here with plain pandas from the ATOP and COW files."""
    first, last = ERAS[era]
    a, m, s = _raw(data_dir)
    lo = np.maximum(s["styear"], first)
    hi = np.minimum(s["endyear"], last)  # no spell of these eras is open-ended at the list's end
    state_years = int(np.maximum(hi - lo + 1, 0).sum())
    begun = a[(a["begyr"] >= first) & (a["begyr"] <= last)]
    f = record_facts(era)
    assert f["formation_per_state_year"] == pytest.approx(len(begun) / state_years, rel=1e-12)
    strongest = np.select([begun[c] == 1 for c in ("defense", "offense", "neutral", "nonagg", "consul")],
                          ["defense", "offense", "neutrality", "nonaggression", "consultation"], "none")
    for o in ("defense", "offense", "neutrality", "nonaggression", "consultation"):
        assert f[f"formation_{o}_per_state_year"] == pytest.approx((strongest == o).sum() / state_years, rel=1e-12, abs=1e-15)
    size = m[m["atopid"].isin(begun["atopid"]) & (m["yrent"] <= last)].groupby("atopid")["member"].nunique()
    assert f["members_per_alliance"] == pytest.approx(size.mean(), rel=1e-12)
    assert f["share_bilateral"] == pytest.approx((size == 2).mean(), rel=1e-12)
    end = a["endyr"].where(a["endyr"] != 0)
    in_force = ((a["begyr"] <= last) & (end.isna() | (end > last))).sum()
    members_end = ((s["styear"] <= last) & (s["endyear"] >= last)).sum()
    assert f["in_force_end_per_state"] == pytest.approx(in_force / members_end, rel=1e-12)


def _defence_pairs(a, m, year):
    """Pairs sharing an ATOP defence pact in force in ``year`` (plain pandas on the raw files; 0 = open)."""
    end = a["endyr"].where(a["endyr"] != 0, 9999)
    ids = a.loc[(a["defense"] == 1) & (a["begyr"] <= year) & (end >= year), "atopid"]
    mm = m[m["atopid"].isin(ids) & (m["yrent"] <= year) & (m["yrexit"].where(m["yrexit"] != 0, 9999) >= year)]
    pairs = set()
    for _, g in mm.groupby("atopid")["member"]:
        c = sorted(set(g))
        pairs |= {(x, y) for i, x in enumerate(c) for y in c[i + 1:]}
    return pairs


def test_record_war_facts_equal_counts_from_the_raw_files(data_dir):
    """Defence allies joining and joiners without a pact, 1816-1914, from the COW war file and ATOP with plain pandas."""
    first, last = ERAS["1816-1914"]
    a = pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["atopid", "begyr", "endyr", "defense", "offense"])
    m = pd.read_csv(data_dir / "atop" / "atop5_1m.csv", usecols=["atopid", "member", "yrent", "yrexit"])
    w = pd.read_csv(data_dir / "peacesciencer" / "cow_war_inter.csv")
    joined = pairs_n = joiners = bare = 0
    for _, g in w.groupby("warnum"):
        start = g["year"].min()
        if not first <= start <= last:
            continue
        side = g.groupby("ccode1")["sidea1"].first().to_dict()
        entry = g.groupby("ccode1")["year"].min().to_dict()
        defence = _defence_pairs(a, m, start)
        for b, s in side.items():
            for x, y in defence:
                if b in (x, y):
                    ally = y if b == x else x
                    pairs_n += 1
                    joined += side.get(ally) == s
        for c, y in entry.items():
            if y == start:
                continue
            joiners += 1
            a_do = a.copy()
            a_do["defense"] = ((a["defense"] == 1) | (a["offense"] == 1)).astype(int)
            pacts = _defence_pairs(a_do, m, y)
            bare += not any((min(c, o), max(c, o)) in pacts for o, so in side.items() if so == side[c] and o != c)
    f = record_facts("1816-1914")
    assert f["defence_ally_pairs"] == pairs_n and f["joiners"] == joiners > 0
    assert f["defence_allies_joining"] == pytest.approx(joined / pairs_n, rel=1e-12)
    assert f["joiners_without_pact"] == pytest.approx(bare / joiners, rel=1e-12)
    # 1919-1938: no state joined a war after its first year, so nothing to count
    assert np.isnan(record_facts("1919-1938")["joiners_without_pact"])


def test_tolerances_are_the_issue_s():
    for fact in FACTS:
        kind, tol = TOLERANCE[fact]
        if fact.startswith("formation_") or fact.startswith("km_median") or fact in ("in_force_end_per_state", "war_onsets_per_state_year", "gp_war_onsets_per_gp_pair_year", "rivalries_end_per_state"):
            assert (kind, tol) == ("ratio", 2.0)
        elif fact == "members_per_alliance":
            assert (kind, tol) == ("ratio", 1.5)
        else:
            assert (kind, tol) == ("absolute", 0.15)
    inf, nan = float("inf"), float("nan")
    assert in_range("km_median_begun", inf, 15.0, 28.0) and not in_range("km_median_begun", inf, 13.0, 28.0)
    assert in_range("formation_offense_per_state_year", 0.0, 0.0) and not in_range("formation_offense_per_state_year", 0.0, 1e-4)
    assert in_range("joiners_without_pact", nan, nan) and not in_range("joiners_without_pact", nan, 0.0)
    assert in_range("share_bilateral", 0.7, 0.85) and not in_range("share_bilateral", 0.7, 0.86)
    assert distance("share_bilateral", 0.7, 0.85) == pytest.approx(1.0)
    assert distance("members_per_alliance", 2.0, 3.0) == pytest.approx(1.0)
    assert distance("km_median_begun", inf, 30.0, 28.0) == 0


def test_reduced_validate_table(tmp_path):
    """Two eras, two seeds, ten years: the table's structure, the record column equal to the record's facts."""
    out = tmp_path / "v.html"
    r = CliRunner().invoke(app, ["validate", "--eras", "1919-1938,1990-2018", "--seeds", "2", "--years", "10", "--json", "--report", str(out)])
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    facts = got["facts"]
    assert len(facts) == 2 * len(FACTS) == got["facts_total"]
    assert [f["name"] for f in facts[: len(FACTS)]] == list(FACTS)
    assert {f["era"] for f in facts} == {"1919-1938", "1990-2018"}
    assert all(f["in_sample"] is False for f in facts)  # the shipped defaults never saw these eras
    assert got["out_of_sample"]["facts"] == len(facts) and got["in_range"] == sum(f["in_range"] for f in facts)
    for f in facts:
        assert set(f) >= {"record", "simulated", "median", "p5", "p95", "in_range", "tolerance", "in_sample"}
        rec = record_facts(f["era"], 10)[f["name"]]
        if rec != rec:
            assert f["record"] is None
        elif rec == float("inf"):
            assert f["record"] == "inf" and f["record_above"] is not None
        else:
            assert f["record"] == pytest.approx(rec, abs=5e-6)
        if isinstance(f["p5"], float) and isinstance(f["p95"], float):
            assert f["p5"] <= f["median"] <= f["p95"]
    assert out.exists() and (tmp_path / "v_1919-1938.svg").exists() and "<svg" in out.read_text()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--eras", "1815-1900"], "unknown era"),
        (["--eras", "1919-1938,1919-1938"], "named twice"),
        (["--in-sample", "1900"], "unknown era"),
        (["--report", "out.txt"], ".html"),
        (["--seeds", "0"], "seeds"),
    ],
)
def test_validate_rejects_bad_options(args, message):
    r = CliRunner().invoke(app, ["validate", *args])
    assert r.exit_code == 2
    assert message in r.output


@pytest.mark.slow
def test_runs_on_dask_workers_give_the_same_facts():
    from foedus.experiments.eras import validate_eras

    one = validate_eras(("1990-2018",), (1, 2), years=4)
    two = validate_eras(("1990-2018",), (1, 2), years=4, workers=2)
    assert [f.as_dict() for f in one] == [f.as_dict() for f in two]
