"""Alliance portfolio similarity (brief H2): tau-b (Bueno de Mesquita 1975) and S (Signorino & Ritter 1999)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import kendalltau
from typer.testing import CliRunner

from foedus.analysis.portfolios import ATOP_TIE_LEVELS, COW_REGIONS, Portfolios, cow_region, portfolio_matrix, system_members
from foedus.analysis.similarity import (
    GLOBAL_MEASURES,
    MEASURES,
    _year_frame,
    s_score,
    similarity_dyad_years,
    tau_b,
    write_similarity_parquet,
)
from foedus.schema import OBLIGATIONS, History, empty, validate

# ---------------------------------------------------------------------------------------------
# The two measures on arbitrary vectors
# ---------------------------------------------------------------------------------------------


def test_identical_portfolios_give_one():
    a = [3, 0, 1, 2, 0, 3]
    assert tau_b(a, a) == pytest.approx(1.0)
    for distance in ("absolute", "squared"):
        assert s_score(a, a, distance=distance, d_max=3) == 1.0
        assert s_score(a, a, weights=[0.1, 0.2, 0.0, 0.3, 0.1, 0.3], distance=distance, d_max=3) == 1.0


def test_opposite_full_range_portfolios_give_minus_one():
    a, b = [0, 3, 0, 3], [3, 0, 3, 0]
    for distance in ("absolute", "squared"):
        assert s_score(a, b, distance=distance, d_max=3) == pytest.approx(-1.0)
        assert s_score(a, b, distance=distance) == pytest.approx(-1.0)  # observed range is 3 too
        assert s_score(a, b, weights=[5, 1, 2, 0.5], distance=distance, d_max=3) == pytest.approx(-1.0)
    assert tau_b(a, b) == pytest.approx(-1.0)


def test_hand_computed_example_from_the_definitions():
    a, b = [3, 2, 0, 1], [3, 0, 1, 1]
    # |a - b| = 0, 2, 1, 0: S = 1 - 2 * 3 / (4 * 3) = 0.5
    assert s_score(a, b, d_max=3) == pytest.approx(0.5)
    # (a - b)^2 = 0, 4, 1, 0 and d_max^2 = 9: S = 1 - 2 * 5 / (4 * 9) = 13/18
    assert s_score(a, b, distance="squared", d_max=3) == pytest.approx(13 / 18)
    # weights 0.5, 0.2, 0.2, 0.1: S = 1 - 2 * (0.2 * 2 + 0.2 * 1) / (1.0 * 3) = 0.6
    assert s_score(a, b, weights=[0.5, 0.2, 0.2, 0.1], d_max=3) == pytest.approx(0.6)
    # Pairs (1,2) (1,3) (1,4) concordant, (2,3) (2,4) discordant, (3,4) tied in b only:
    # tau-b = (3 - 2) / sqrt((6 - 0) * (6 - 1))
    assert tau_b(a, b) == pytest.approx(1 / np.sqrt(30))


def test_tau_b_measures_association_not_similarity():
    # Signorino & Ritter's (1999) critique: b = a + 1 is perfectly associated (tau-b = 1) but not
    # identical; S sees the distance: 1 - 2 * 3 / (3 * 3) = 1/3.
    a, b = [0, 1, 2], [1, 2, 3]
    assert tau_b(a, b) == pytest.approx(1.0)
    assert s_score(a, b, d_max=3) == pytest.approx(1 / 3)


def test_tau_b_of_a_constant_vector_is_undefined():
    assert np.isnan(tau_b([1, 1, 1], [0, 1, 2]))


ints = st.integers(min_value=0, max_value=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ints, ints), min_size=2, max_size=60))
def test_tau_b_equals_scipy_on_tie_levels(pairs):
    a, b = np.array(pairs).T
    expected = kendalltau(a, b).statistic  # variant "b" is scipy's default
    got = tau_b(a, b)
    assert (np.isnan(got) and np.isnan(expected)) or got == pytest.approx(expected, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=2, max_size=40))
def test_tau_b_equals_scipy_on_real_vectors(pairs):
    a, b = np.array(pairs).T
    expected = kendalltau(a, b).statistic
    got = tau_b(a, b)
    assert (np.isnan(got) and np.isnan(expected)) or got == pytest.approx(expected, abs=1e-9)


@st.composite
def weighted_pairs(draw):
    n = draw(st.integers(1, 40))
    a = draw(st.lists(ints, min_size=n, max_size=n))
    b = draw(st.lists(ints, min_size=n, max_size=n))
    w = draw(st.lists(st.floats(0, 10), min_size=n, max_size=n).filter(lambda v: sum(v) > 1e-6))
    return np.array(a), np.array(b), np.array(w)


@settings(max_examples=100, deadline=None)
@given(weighted_pairs(), st.sampled_from(["absolute", "squared"]), st.floats(0.01, 100))
def test_s_is_symmetric_bounded_and_weight_scale_invariant(abw, distance, scale):
    a, b, w = abw
    s = s_score(a, b, weights=w, distance=distance, d_max=3)
    assert -1 - 1e-12 <= s <= 1 + 1e-12
    assert s == pytest.approx(s_score(b, a, weights=w, distance=distance, d_max=3), abs=1e-12)
    assert s == pytest.approx(s_score(a, b, weights=w * scale, distance=distance, d_max=3), abs=1e-9)
    if np.array_equal(a, b):
        assert s == 1.0


def test_squared_distance_never_exceeds_absolute_disagreement():
    # On a scale of range D, (d / D)^2 <= d / D, so S_squared >= S_absolute.
    rng = np.random.default_rng(7)
    for _ in range(50):
        a, b = rng.integers(0, 4, 20), rng.integers(0, 4, 20)
        assert s_score(a, b, distance="squared", d_max=3) >= s_score(a, b, d_max=3) - 1e-12


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: s_score([1, 2], [1, 2, 3]), "same length"),
        (lambda: s_score([1, 2], [1, 2], weights=[1, -1]), "negative"),
        (lambda: s_score([1, 2], [1, 2], weights=[0, 0]), "all zero"),
        (lambda: s_score([1, 2], [1, 2], weights=[1]), "weights must have the same length"),
        (lambda: s_score([1, 2], [1, 2], distance="euclid"), "unknown distance"),
        (lambda: s_score([0, 3], [3, 0], d_max=2), "smaller than an observed distance"),
        (lambda: s_score([0, 3], [3, 0], d_max=0), "positive"),
        (lambda: s_score([], []), "non-empty"),
        (lambda: s_score([1, np.nan], [1, 2]), "element 1"),
        (lambda: tau_b([1, 2], [1, 2, 3]), "same length"),
        (lambda: tau_b([1], [1]), "at least 2"),
        (lambda: tau_b([[1, 2]], [[1, 2]]), "1-D"),
    ],
)
def test_bad_input_raises_a_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_cow_regions():
    assert cow_region([2, 165, 200, 399, 402, 626, 630, 698, 700, 990]).tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert [r[0] for r in COW_REGIONS] == ["Americas", "Europe", "Africa", "Middle East", "Asia/Oceania"]
    with pytest.raises(ValueError, match=r"\[1000\]"):
        cow_region([2, 1000])


# ---------------------------------------------------------------------------------------------
# Vectorised computation = the per-dyad functions, on random tie matrices
# ---------------------------------------------------------------------------------------------


def per_dyad(T, w, regions, i, j, top=3):
    """Reference: the pure per-dyad functions on each pair's portfolio vectors."""
    out = {}
    for suffix, mask in (("", np.ones(len(T), bool)), ("_regional", (regions == regions[i]) | (regions == regions[j]))):
        a, b, ww = T[i, mask], T[j, mask], w[mask]
        out["tau_b" + suffix] = tau_b(a, b)
        out["s_unweighted_abs" + suffix] = s_score(a, b, d_max=top)
        out["s_unweighted_sq" + suffix] = s_score(a, b, distance="squared", d_max=top)
        if ww.sum() > 0:
            out["s_weighted_abs" + suffix] = s_score(a, b, ww, d_max=top)
            out["s_weighted_sq" + suffix] = s_score(a, b, ww, "squared", top)
        else:
            out["s_weighted_abs" + suffix] = out["s_weighted_sq" + suffix] = np.nan
    return out


def assert_rows_match(frame, T, w, codes, top=3):
    regions = cow_region(codes)
    pos = {c: k for k, c in enumerate(codes)}
    for row in frame.itertuples(index=False):
        exp = per_dyad(T, w, regions, pos[row.ccode1], pos[row.ccode2], top)
        for m in MEASURES:
            got = getattr(row, m)
            assert (np.isnan(got) and np.isnan(exp[m])) or got == pytest.approx(exp[m], abs=1e-9), (row.ccode1, row.ccode2, m)


@st.composite
def tie_systems(draw):
    all_codes = [2, 20, 41, 200, 220, 255, 365, 450, 475, 560, 630, 645, 700, 710, 740, 900]
    codes = np.array(sorted(draw(st.sets(st.sampled_from(all_codes), min_size=2, max_size=12))))
    n = codes.size
    upper = draw(st.lists(st.integers(0, 3), min_size=n * n, max_size=n * n))
    T = np.triu(np.array(upper, dtype=np.int8).reshape(n, n), 1)
    T = T + T.T
    np.fill_diagonal(T, 3)
    w = np.array(draw(st.lists(st.sampled_from([0.0, 0.001, 0.02, 0.1, 0.25]), min_size=n, max_size=n)))
    return codes, T, w


@settings(max_examples=40, deadline=None)
@given(tie_systems())
def test_vectorised_year_equals_per_dyad_functions(system):
    codes, T, w = system
    frame = _year_frame(codes, T, w, 1900, 3, MEASURES)
    n = codes.size
    assert len(frame) == n * (n - 1) // 2
    assert (frame["ccode1"] < frame["ccode2"]).all()
    assert_rows_match(frame, T, w, codes)


# ---------------------------------------------------------------------------------------------
# Portfolios from a small hand-built history
# ---------------------------------------------------------------------------------------------


def _table(name, rows):
    base = empty(name)
    df = pd.DataFrame(rows)
    for c in base.columns:
        if c not in df.columns:
            df[c] = False if base[c].dtype == bool else pd.NA
    return validate(df, name, source=f"test:{name}")


def _agreement(aid, start, end, obligations):
    return {
        "agreement_id": aid, "kind": "alliance", "start_year": start, "end_year": end, "observed_until": 1960,
        **{o: o in obligations for o in OBLIGATIONS}, "conditional": False, "bilateral": False,
        "asymmetric": False, "wartime": False, "source": "test",
    }


@pytest.fixture(scope="module")
def toy() -> History:
    states = _table("states", [
        {"ccode": 2, "abb": "USA", "name": "United States", "start_year": 1900, "end_year": pd.NA},
        {"ccode": 200, "abb": "UKG", "name": "United Kingdom", "start_year": 1900, "end_year": pd.NA},
        {"ccode": 365, "abb": "RUS", "name": "Russia", "start_year": 1900, "end_year": pd.NA},
        {"ccode": 710, "abb": "CHN", "name": "China", "start_year": 1950, "end_year": pd.NA},
        {"ccode": 640, "abb": "TUR", "name": "Turkey", "start_year": 1900, "end_year": 1930},
    ])
    agreements = _table("agreements", [
        _agreement(1, 1949, pd.NA, {"defense"}),  # in force when the record ends: censored
        _agreement(2, 1939, 1941, {"nonaggression"}),
        _agreement(3, 1945, pd.NA, {"consultation"}),
        _agreement(4, 1950, pd.NA, {"defense", "consultation"}),
    ])
    memberships = _table("memberships", [
        {"agreement_id": 1, "ccode": 2, "phase": 0, "entry_year": 1949, "exit_year": pd.NA},
        {"agreement_id": 1, "ccode": 200, "phase": 0, "entry_year": 1949, "exit_year": pd.NA},
        {"agreement_id": 2, "ccode": 200, "phase": 0, "entry_year": 1939, "exit_year": 1941},
        {"agreement_id": 2, "ccode": 365, "phase": 0, "entry_year": 1939, "exit_year": 1941},
        {"agreement_id": 3, "ccode": 2, "phase": 0, "entry_year": 1945, "exit_year": pd.NA},
        {"agreement_id": 3, "ccode": 200, "phase": 0, "entry_year": 1945, "exit_year": 1947},
        {"agreement_id": 3, "ccode": 365, "phase": 0, "entry_year": 1945, "exit_year": pd.NA},
        {"agreement_id": 4, "ccode": 365, "phase": 0, "entry_year": 1950, "exit_year": pd.NA},
        {"agreement_id": 4, "ccode": 710, "phase": 0, "entry_year": 1950, "exit_year": pd.NA},
        {"agreement_id": 4, "ccode": 99, "phase": 0, "entry_year": 1950, "exit_year": pd.NA},  # not a system member
    ])
    cinc = {2: 0.4, 200: 0.1, 365: 0.3, 710: 0.2}
    state_years = _table("state_years", [
        {"ccode": c, "year": 1955, "cinc": v, "major": True, "tier": "great"} for c, v in cinc.items()
    ])
    return History(states, state_years, agreements, memberships, empty("events"), first_year=1900, last_year=1960, source="toy")


def test_toy_tie_matrices(toy):
    T = portfolio_matrix(toy, 1940)
    assert T.index.tolist() == [2, 200, 365]
    assert T.to_numpy().tolist() == [[3, 0, 0], [0, 3, 2], [0, 2, 3]]
    assert portfolio_matrix(toy, 1946).to_numpy().tolist() == [[3, 1, 1], [1, 3, 1], [1, 1, 3]]
    assert portfolio_matrix(toy, 1947).loc[2, 200] == 1  # exit year still counts
    assert portfolio_matrix(toy, 1948).loc[2, 200] == 0
    T = portfolio_matrix(toy, 1960)  # agreements with no end are still in force
    assert T.index.tolist() == [2, 200, 365, 710]
    assert T.to_numpy().tolist() == [[3, 3, 1, 0], [3, 3, 0, 0], [1, 0, 3, 3], [0, 0, 3, 3]]
    assert system_members(toy, 1920).tolist() == [2, 200, 365, 640]


def test_toy_similarity_by_hand(toy):
    df = similarity_dyad_years(toy, years=[1955]).set_index(["ccode1", "ccode2"])
    usa_uk = df.loc[(2, 200)]
    # Portfolios over (USA, UK, RUS, CHN): USA (3, 3, 1, 0), UK (3, 3, 0, 0).
    assert usa_uk["s_unweighted_abs"] == pytest.approx(1 - 2 * 1 / (4 * 3))
    assert usa_uk["s_unweighted_sq"] == pytest.approx(1 - 2 * 1 / (4 * 9))
    assert usa_uk["s_weighted_abs"] == pytest.approx(1 - 2 * 0.3 / (1.0 * 3))  # CINC 0.4, 0.1, 0.3, 0.2
    assert usa_uk["s_weighted_sq"] == pytest.approx(1 - 2 * 0.3 / (1.0 * 9))
    assert usa_uk["tau_b"] == pytest.approx(4 / np.sqrt(5 * 4))  # P = 4, Q = 0, n1 = 1, n2 = 2
    # Regional reference set: Americas and Europe = (USA, UK, RUS): (3, 3, 1) and (3, 3, 0).
    assert usa_uk["s_unweighted_abs_regional"] == pytest.approx(1 - 2 * 1 / (3 * 3))
    assert usa_uk["s_weighted_abs_regional"] == pytest.approx(1 - 2 * 0.3 / (0.8 * 3))
    assert usa_uk["tau_b_regional"] == pytest.approx(2 / np.sqrt(2 * 2))  # P = 2, Q = 0, n1 = n2 = 1
    # No CINC in 1956: weighted S is undefined, the rest is not.
    later = similarity_dyad_years(toy, years=[1956])
    assert later["s_weighted_abs"].isna().all() and later["s_unweighted_abs"].notna().all()


def test_levels_are_a_choice(toy):
    flat = {o: 1 for o in OBLIGATIONS}  # any alliance = 1, self = 1: a binary portfolio
    T = portfolio_matrix(toy, 1960, levels=flat)
    assert T.to_numpy().tolist() == [[1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 1, 1], [0, 0, 1, 1]]
    df = similarity_dyad_years(toy, years=[1960], levels=flat, measures=["s_unweighted_abs"]).set_index(["ccode1", "ccode2"])
    assert df.loc[(2, 200), "s_unweighted_abs"] == pytest.approx(1 - 2 * 1 / 4)  # d_max = 1
    with pytest.raises(ValueError, match="unknown obligation"):
        portfolio_matrix(toy, 1960, levels={"alliance": 3})


def test_bad_arguments(toy):
    with pytest.raises(ValueError, match="unknown measure"):
        similarity_dyad_years(toy, years=[1955], measures=["s_score"])
    with pytest.raises(ValueError, match="outside the history's window"):
        similarity_dyad_years(toy, years=[1990])


# ---------------------------------------------------------------------------------------------
# The record (ATOP 5.1 + COW)
# ---------------------------------------------------------------------------------------------

NATO_1960 = [2, 20, 200, 210, 211, 212, 220, 235, 260, 325, 350, 385, 390, 395, 640]
"""NATO members in 1960 (North Atlantic Treaty 1949; Greece and Turkey 1952; West Germany 1955)."""
WARSAW_PACT_1960 = [265, 290, 310, 315, 339, 355, 360, 365]
"""Warsaw Pact members in 1960 (Warsaw Treaty, 1955)."""


@pytest.fixture(scope="module")
def record_years(record):
    return similarity_dyad_years(record, years=[1816, 1914, 1955, 1960, 2000, 2018])


def test_record_columns_and_coverage(record, record_years):
    assert list(record_years.columns) == ["ccode1", "ccode2", "year", *MEASURES]
    for y, frame in record_years.groupby("year"):
        n = system_members(record, y).size
        assert len(frame) == n * (n - 1) // 2
    vals = record_years[list(MEASURES)].to_numpy()
    assert np.all((np.abs(vals) <= 1 + 1e-12) | np.isnan(vals))
    assert record_years[[m for m in MEASURES if m.startswith("s_")]].notna().all().all()  # CINC covers these years


def test_record_vectorised_equals_per_dyad_on_a_sample(record, record_years):
    pf = Portfolios(record, ATOP_TIE_LEVELS, ("alliance",))
    rng = np.random.default_rng(2024)
    for y, frame in record_years.groupby("year"):
        codes, T = pf.ties(y)
        w = pf.weights(codes, y)
        sample = frame.iloc[rng.choice(len(frame), size=min(25, len(frame)), replace=False)]
        assert_rows_match(sample, T, w, codes)
        for row in sample.head(5).itertuples(index=False):  # and scipy's tau-b directly
            i, j = np.searchsorted(codes, [row.ccode1, row.ccode2])
            assert row.tau_b == pytest.approx(kendalltau(T[i], T[j]).statistic, abs=1e-12)


def test_usa_and_uk_share_nato_in_1955(record):
    T = portfolio_matrix(record, 1955)
    assert T.loc[2, 200] == 3 and T.loc[200, 2] == 3  # North Atlantic Treaty: a defence pact
    assert T.loc[2, 20] == 3  # Canada
    assert T.loc[2, 365] == 0  # no alliance with the USSR
    assert (np.diag(T.to_numpy()) == 3).all() and (T.to_numpy() == T.to_numpy().T).all()


def test_cold_war_blocs_in_1960(record_years):
    d = record_years[record_years["year"] == 1960].set_index(["ccode1", "ccode2"])
    usa_uk, usa_ussr = d.loc[(2, 200)], d.loc[(2, 365)]
    for m in MEASURES:
        assert usa_uk[m] > usa_ussr[m], m
    in_nato = d.index.get_level_values(0).isin(NATO_1960) & d.index.get_level_values(1).isin(NATO_1960)
    a, b = d.index.get_level_values(0), d.index.get_level_values(1)
    across = (a.isin(NATO_1960) & b.isin(WARSAW_PACT_1960)) | (a.isin(WARSAW_PACT_1960) & b.isin(NATO_1960))
    assert in_nato.sum() == 15 * 14 // 2 and across.sum() == 15 * 8
    for m in MEASURES:
        assert d.loc[in_nato, m].mean() > d.loc[across, m].mean(), m


def _atop_dyads(data_dir, year):
    """ATOP's own dyad-year file as undirected tie levels with the same mapping."""
    dd = pd.read_csv(data_dir / "peacesciencer" / "atop_alliance.csv.gz")
    dd = dd[dd["year"] == year]
    lev = np.select(
        [dd["atop_defense"] == 1, (dd["atop_offense"] == 1) | (dd["atop_neutral"] == 1) | (dd["atop_nonagg"] == 1), dd["atop_consul"] == 1],
        [3, 2, 1],
        0,
    )
    u = pd.DataFrame({"a": np.minimum(dd["ccode1"], dd["ccode2"]), "b": np.maximum(dd["ccode1"], dd["ccode2"]), "lev": lev})
    return u.groupby(["a", "b"])["lev"].max()


def _mine(history, year):
    T = portfolio_matrix(history, year)
    codes = T.index.to_numpy()
    iu, ju = np.triu_indices(codes.size, 1)
    s = pd.Series(T.to_numpy()[iu, ju], index=pd.MultiIndex.from_arrays([codes[iu], codes[ju]], names=["a", "b"]))
    return s, codes


@pytest.mark.parametrize("year", [1816, 1914, 1955, 2000, 2018])
def test_tie_matrix_matches_atop_dyad_years(record, data_dir, year):
    mine, codes = _mine(record, year)
    theirs = _atop_dyads(data_dir, year)
    theirs = theirs[theirs.index.get_level_values("a").isin(codes) & theirs.index.get_level_values("b").isin(codes)]
    assert set(mine[mine > 0].index) == set(theirs[theirs > 0].index)  # the same allied dyads
    if year in (1816, 1955, 2018):
        assert (mine.reindex(theirs.index) == theirs).all()  # and the same levels


def test_member_level_obligations_reproduce_atop_levels(record, data_dir):
    # ATOP obligations can change between phases and differ between members (e.g. the EU
    # treaties, 4175: consultation 1992-2007, defence after). The importer keeps atop5_1m's
    # member-level obligations, and with them the tie levels equal ATOP's own dyad-year file in
    # 2000; the agreement-level view (member columns dropped) does not.
    assert set(OBLIGATIONS) <= set(record.memberships.columns)
    mine, codes = _mine(record, 2000)
    theirs = _atop_dyads(data_dir, 2000)
    theirs = theirs[theirs.index.get_level_values("a").isin(codes) & theirs.index.get_level_values("b").isin(codes)]
    agreement_level, _ = _mine(dataclasses.replace(record, memberships=record.memberships.drop(columns=list(OBLIGATIONS))), 2000)
    assert (mine.reindex(theirs.index) == theirs).all()
    assert (agreement_level.reindex(theirs.index) != theirs).sum() > 0


def test_write_parquet_and_metadata(record, tmp_path):
    path = write_similarity_parquet(record, tmp_path / "sim.parquet", years=[1816, 1817])
    back = pd.read_parquet(path)
    assert list(back.columns) == ["ccode1", "ccode2", "year", *MEASURES]
    pd.testing.assert_frame_equal(back, similarity_dyad_years(record, years=[1816, 1817]))
    meta = pq.read_schema(path).metadata[b"foedus.similarity"].decode()
    assert '"defense": 3' in meta and '"d_max": 3' in meta
    with pytest.raises(ValueError, match="does not exist"):
        write_similarity_parquet(record, tmp_path / "missing" / "sim.parquet", years=[1816])


def test_measure_subset(record):
    df = similarity_dyad_years(record, years=[1900], measures=["s_weighted_sq_regional", "tau_b"])
    assert list(df.columns) == ["ccode1", "ccode2", "year", "tau_b", "s_weighted_sq_regional"]
    full = similarity_dyad_years(record, years=[1900])
    np.testing.assert_allclose(df["s_weighted_sq_regional"], full["s_weighted_sq_regional"])
    assert set(GLOBAL_MEASURES) < set(MEASURES)


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------


def test_cli_writes_parquet(data_dir, tmp_path):
    from foedus.cli import app

    out = tmp_path / "sim.parquet"
    res = CliRunner().invoke(app, ["history", "similarity", str(out), "--from", "1816", "--to", "1818", "--data", str(data_dir)])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert sorted(df["year"].unique()) == [1816, 1817, 1818]
    assert "wrote" in res.output


def test_cli_measure_and_levels_options(data_dir, tmp_path):
    from foedus.cli import app

    out = tmp_path / "sim.parquet"
    res = CliRunner().invoke(
        app,
        ["history", "similarity", str(out), "--from", "1816", "--to", "1816", "--data", str(data_dir),
         "--measure", "s_unweighted_abs", "--levels", "defense=1,offense=1,neutrality=1,nonaggression=1,consultation=1"],
    )
    assert res.exit_code == 0, res.output
    assert list(pd.read_parquet(out).columns) == ["ccode1", "ccode2", "year", "s_unweighted_abs"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "2020"], "no years from 2020"),
        (["--from", "1816", "--to", "1816", "--measure", "nope"], "unknown measure"),
        (["--from", "1816", "--to", "1816", "--levels", "defense"], "obligation=level"),
    ],
)
def test_cli_bad_input_exits_2(data_dir, tmp_path, extra, message):
    from foedus.cli import app

    res = CliRunner().invoke(app, ["history", "similarity", str(tmp_path / "x.parquet"), "--data", str(data_dir), *extra])
    assert res.exit_code == 2
    assert message in res.output
    assert "Traceback" not in res.output


def test_cli_help():
    from foedus.cli import app

    res = CliRunner().invoke(app, ["history", "similarity", "--help"])
    assert res.exit_code == 0
    assert "Signorino" in res.output and "--from" in res.output


@pytest.mark.parametrize("ext", ["csv", "dta"])
def test_cli_writes_csv_and_stata_with_provenance(data_dir, tmp_path, ext):
    from foedus.cli import app
    from foedus.data.export import read_meta

    out = tmp_path / f"sim.{ext}"
    res = CliRunner().invoke(app, ["history", "similarity", str(out), "--from", "1816", "--to", "1817", "--data", str(data_dir),
                                   "--measure", "tau_b"])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(out) if ext == "csv" else pd.read_stata(out)
    assert list(df.columns) == ["ccode1", "ccode2", "year", "tau_b"] and sorted(df["year"].unique()) == [1816, 1817]
    meta = read_meta(out)
    assert meta["similarity"]["levels"]["defense"] == 3 and meta["data_files"]
