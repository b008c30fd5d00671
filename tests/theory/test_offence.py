"""The value of an offence pledge (theory/offence.py; issue 17 item 1): Bueno de Mesquita's odds with a common target."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.offence import aggrandisement, isolation, offence_target


def _rivals(seed: int, n: int = 8):
    rng = np.random.default_rng(seed)
    h = (rng.random((n, n)) < 0.3) * rng.uniform(0.2, 1.0, (n, n))
    h = np.maximum(h, h.T)
    np.fill_diagonal(h, 0)
    p = rng.uniform(0.01, 0.3, n)
    return h, p


@pytest.mark.parametrize("seed", range(5))
def test_without_distance_it_is_the_rise_in_the_expected_utility_of_attacking_the_common_target(seed):
    """Bueno de Mesquita (1981): P = (C_i + C_j) / (C_i + C_j + C_k); one attacks only at positive 2P - 1."""
    h, p = _rivals(seed)
    n = len(p)
    reach = np.repeat(p[None, :], n, axis=0)  # every state's capability reaches everywhere
    a = aggrandisement(h, reach)
    target = offence_target(h)
    for i in range(n):
        k = target[i]
        for j in range(n):
            if k < 0 or j in (i, k):
                assert a[i, j] == 0.0
                continue
            joint, alone = (p[i] + p[j]) / (p[i] + p[j] + p[k]), p[i] / (p[i] + p[k])
            expect = h[i, k] * h[j, k] * (max(0.0, 2 * joint - 1) - max(0.0, 2 * alone - 1))
            assert a[i, j] == pytest.approx(expect, abs=1e-12)


def test_a_partner_without_a_quarrel_with_the_target_or_out_of_reach_of_it_adds_nothing_or_less():
    h = np.zeros((4, 4))
    h[0, 3] = h[3, 0] = h[1, 3] = h[3, 1] = 0.6  # 0 and 1 are rivals of 3; 2 has no quarrel with it
    reach = np.full((4, 4), 0.2)
    a = aggrandisement(h, reach)
    assert a[0, 1] > 0 and a[0, 2] == 0.0 and a[2].max() == 0.0
    far = reach.copy()
    far[3, 1] = 0.05  # 1's forces reach 3 with a quarter of their strength
    assert 0 <= aggrandisement(h, far)[0, 1] < a[0, 1]


def test_a_target_that_even_the_pair_cannot_beat_makes_the_pledge_worthless():
    h = np.zeros((3, 3))
    h[0, 2] = h[2, 0] = h[1, 2] = h[2, 1] = 1.0
    reach = np.full((3, 3), 0.1)
    reach[2, 2] = 0.5
    assert aggrandisement(h, reach)[0, 1] == 0.0


@pytest.mark.parametrize("seed", range(3))
def test_isolation_is_the_expected_utility_a_third_party_on_the_targets_side_would_cost(seed):
    """Bueno de Mesquita (1981): a third party's capability joins the side it favours; neutrality keeps it out."""
    h, p = _rivals(seed)
    n = len(p)
    reach = np.repeat(p[None, :], n, axis=0)
    iso = isolation(h, reach)
    target = offence_target(h)
    for i in range(n):
        k = target[i]
        for j in range(n):
            if k < 0 or j in (i, k):
                assert iso[i, j] == 0.0
                continue
            alone, opposed = p[i] / (p[i] + p[k]), p[i] / (p[i] + p[k] + p[j])
            expect = h[i, k] * (1 - h[j, k]) * (max(0.0, 2 * alone - 1) - max(0.0, 2 * opposed - 1))
            assert iso[i, j] == pytest.approx(expect, abs=1e-12)


def test_a_third_party_pledged_to_defend_the_target_offers_no_isolation():
    """Snyder (1997, ch. 1): a state bound by treaty to defend the target cannot credibly promise to stay out."""
    h = np.array([[0, 0.5, 0], [0.5, 0, 0], [0, 0, 0]])
    r = np.array([[0.1, 0.05, 0.1], [0.2, 0.1, 0.1], [0.1, 0.1, 0.1]])
    free = isolation(h, r)
    assert free[0, 2] > 0
    defends = np.zeros((3, 3), bool)
    defends[2, 1] = defends[1, 2] = True  # 2 is pledged to defend 1, 0's target
    bound = isolation(h, r, defends=defends)
    assert bound[0, 2] == 0.0 and np.array_equal(np.delete(bound[0], 2), np.delete(free[0], 2)) and np.array_equal(bound[1:], free[1:])


def test_a_pledge_against_a_nuclear_armed_target_is_worth_nothing():
    """Jervis (1989): no war against a nuclear power can be won, so the option to attack it, and every pledge serving it
    (offence's aggrandisement, the attacker's side of neutrality), is worth nothing; rows of states whose target is not
    nuclear-armed, and of states with no target, are untouched; bad input is refused by name."""
    import numpy as np

    from foedus.theory.offence import aggrandisement, isolation, nuclear_deterrence, offence_target

    h = np.array([[0, 0, 0.6, 0], [0, 0, 0.6, 0], [0.6, 0.6, 0, 0], [0, 0, 0, 0]])
    r = np.full((4, 4), 0.2)
    target = offence_target(h)
    for good in (aggrandisement(h, r), isolation(h, r)):
        assert good[0].sum() > 0 or good is not None
        armed = nuclear_deterrence(good, target, [False, False, True, False])
        assert (armed[:2] == 0).all()  # 0 and 1 target 2, which is nuclear-armed
        assert np.array_equal(armed[2:], good[2:])  # 2 targets 0 (not armed); 3 has no target
        assert np.array_equal(nuclear_deterrence(good, target, [False] * 4), good)
        half = nuclear_deterrence(good, target, [False, False, True, False], strength=0.5)
        assert np.allclose(half[:2], 0.5 * good[:2]) and np.array_equal(half[2:], good[2:])
        assert np.array_equal(nuclear_deterrence(good, target, [False, False, True, False], strength=0.0), good)
    assert aggrandisement(h, r)[0, 1] > 0  # the premise: without deterrence the pledge is worth something
    import pytest

    with pytest.raises(ValueError, match="nuclear_deterrence"):
        nuclear_deterrence(np.zeros((4, 4)), target[:3], [False] * 4)


def test_an_offence_pledge_needs_a_great_power_in_the_pair():
    """Levy (1983), Snyder (1997), Benson (2011): a compellent pledge is worth something only to a pair with a great power."""
    from foedus.theory.offence import compellent_capacity

    rng = np.random.default_rng(0)
    v = rng.uniform(0, 1, (6, 6))
    major = np.array([True, False, False, True, False, False])
    out = compellent_capacity(v, major)
    either = major[:, None] | major[None, :]
    assert np.array_equal(out[either], v[either]) and not out[~either].any()
    half = compellent_capacity(v, major, strength=0.5)
    assert np.allclose(half[~either], 0.5 * v[~either]) and np.array_equal(half[either], v[either])
    assert np.array_equal(compellent_capacity(v, major, strength=0.0), v)
    with pytest.raises(ValueError):
        compellent_capacity(v, major[:5])
    with pytest.raises(ValueError):
        compellent_capacity(v, major, strength=1.5)


def _founders_with_a_major(data_dir, lo: int, hi: int) -> dict:
    """ATOP 5.1 treaties begun in lo..hi by strongest obligation: (with a COW major among the founders, all)."""
    import pandas as pd

    m = pd.read_csv(data_dir / "atop" / "atop5_1m.csv", usecols=["atopid", "member", "yrent", "defense", "offense"])
    mj = pd.read_csv(data_dir / "peacesciencer" / "cow_majors.csv")
    begun = m.groupby("atopid")["yrent"].transform("min")
    f = m[(m["yrent"] == begun) & (begun >= lo) & (begun <= hi)]
    f = f.merge(mj[["ccode", "styear", "endyear"]], left_on="member", right_on="ccode", how="left")
    f["major"] = (f["styear"] <= f["yrent"]) & (f["endyear"] >= f["yrent"])
    t = f.groupby("atopid").agg(major=("major", "any"), defense=("defense", "max"), offense=("offense", "max"))
    off = t[(t["defense"] == 0) & (t["offense"] == 1)]
    dfn = t[t["defense"] == 1]
    return {"offence": (int(off["major"].sum()), len(off)), "defence": (int(dfn["major"].sum()), len(dfn))}


def test_the_in_sample_records_offence_pacts_have_a_great_power_among_their_founders(data_dir):
    """The reading of offence_great_power_strength: ATOP 5.1, 1816-1914 and 1946-1989 (in sample only): 12 of 13 offence-led
    treaties have a COW major among their founders; were majors as common among them as among defence-led treaties, 12 or more
    of 13 would come by chance with probability below 0.01 (binomial)."""
    from scipy.stats import binom

    a, b = _founders_with_a_major(data_dir, 1816, 1914), _founders_with_a_major(data_dir, 1946, 1989)
    assert a["offence"] == (11, 12) and b["offence"] == (1, 1)
    assert a["defence"] == (43, 64) and b["defence"] == (53, 128)
    base = (a["defence"][0] + b["defence"][0]) / (a["defence"][1] + b["defence"][1])
    assert binom.sf(11, 13, base) < 0.01


def test_action_engaged_only_an_offence_pact_whose_member_fights_its_target():
    """A member at war with the target engages an offence pact; a war with another state, no target (-1), a pact that is not
    offence only, or no war at all do not; shapes are checked."""
    from foedus.theory.offence import action_engaged

    w = np.zeros((4, 4), bool)
    w[0, 3] = w[3, 0] = True
    m = np.array([[1, 1, 0, 0], [0, 1, 1, 0], [1, 1, 0, 0], [1, 1, 0, 0], [1, 0, 1, 0]], bool)
    got = action_engaged(m, [True, True, False, True, True], [3, 3, 3, -1, 2], w)
    assert got.tolist() == [True, False, False, False, False]
    assert not action_engaged(m, np.ones(5, bool), np.full(5, 3), np.zeros((4, 4), bool)).any()
    with pytest.raises(ValueError):
        action_engaged(m, np.ones(4, bool), np.full(5, 3), w)


def test_an_offence_pledge_is_worth_something_only_against_a_common_target():
    """Snyder (1997, ch. 1), Leeds (2003): one treaty, one adversary. Two states hostile to the same target keep the value of
    aggrandisement; a state whose target is another (China's Russia against Austria-Hungary's France, the 1900 run's 1913
    pact) gets nothing from the pair, nor does its partner; a state hostile to no one has no target in common with anyone."""
    from foedus.theory.offence import common_target

    h = np.zeros((5, 5))
    h[0, 3] = h[3, 0] = 0.8  # 0 and 1: target 3
    h[1, 3] = h[3, 1] = 0.6
    h[2, 4] = h[4, 2] = 0.9  # 2: target 4, yet hostile to 3 too
    h[2, 3] = h[3, 2] = 0.5
    reach = np.full((5, 5), 0.1)
    a = aggrandisement(h, reach)
    target = offence_target(h)
    assert target[0] == target[1] == 3 and target[2] == 4
    assert a[0, 2] > 0  # without the rule, 2's help against 3 is worth something to 0
    out = common_target(a, target)
    assert out[0, 1] == a[0, 1] > 0 and out[1, 0] == a[1, 0] > 0
    assert out[0, 2] == 0.0 and out[2, 0] == 0.0 and out[1, 2] == 0.0
    same = (target[:, None] == target[None, :]) & (target >= 0)[:, None]
    assert np.array_equal(out[same], a[same]) and not out[~same].any()
    assert not common_target(np.ones((2, 2)), [-1, -1]).any()
    with pytest.raises(ValueError, match="common_target"):
        common_target(a, target[:4])
