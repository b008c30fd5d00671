"""foedus.theory.principals: a the strongest member's abrogation ends a multilateral treaty for all (Olson & Zeckhauser 1966)."""

import numpy as np
import pandas as pd
import pytest


def test_capability_share_is_the_members_share_among_its_fellow_members_only():
    from foedus.theory.principals import capability_share

    members = np.array([[True, True, True, False], [False, True, True, False], [True, True, False, False]])
    power = np.array([2.0, 1.0, 1.0, 100.0])  # the outsider's capability counts for no treaty
    assert capability_share(members, power, [0, 2, 1]) == pytest.approx([0.5, 0.5, 1.0 / 3.0])
    assert capability_share([[True, True, True]], [0.0, 0.0, 0.0], [1]).tolist() == pytest.approx([1.0 / 3.0])  # no capability: equal shares


def test_the_principal_is_the_strongest_member_of_a_treaty_of_more_than_two():
    """The Quadruple Alliance in 1817 (COW CINC shares among its members): Britain 0.52 carries it, Russia 0.25, Austria
    0.15 and Prussia 0.08 do not; a treaty of two has no principal to decide on (its member's abrogation ends it)."""
    from foedus.theory.principals import capability_share, largest_share, principal_abrogation

    members, power = np.ones((4, 4), bool), np.array([0.519, 0.249, 0.148, 0.083])
    share = capability_share(members, power, [0, 1, 2, 3])
    top = largest_share(members, power)
    assert principal_abrogation(share, top, [4, 4, 4, 4]).tolist() == [True, False, False, False]
    assert not principal_abrogation([0.99], [0.99], [2]).any()
    # exactly one principal in a treaty without ties, whatever the shares
    rng = np.random.default_rng(3)
    for n in range(3, 12):
        p = rng.dirichlet(np.ones(n))
        m = np.ones((n, n), bool)
        assert principal_abrogation(capability_share(m, p, np.arange(n)), largest_share(m, p), np.full(n, n)).sum() == 1


def _departures(data_dir, lo: int, hi: int):
    """ATOP 5.1 multilateral alliances begun in [lo, hi] that lost a member: (ended for all at once, the single leavers' shares
    and the largest share among the members where the treaty continued)."""
    a = pd.read_csv(data_dir / "atop" / "atop5_1a.csv", usecols=["atopid", "begyr", "endyr", "bilat"])
    m = pd.read_csv(data_dir / "atop" / "atop5_1m.csv", usecols=["atopid", "member", "yrent", "yrexit"])
    nmc = pd.read_csv(data_dir / "peacesciencer" / "cow_nmc.csv", usecols=["ccode", "year", "cinc"]).set_index(["ccode", "year"]).cinc
    at_once, shares, sizes = 0, [], []
    for r in a[(a.bilat == 0) & (a.begyr >= lo) & (a.begyr <= hi)].itertuples():
        mem = m[m.atopid == r.atopid].groupby("member").agg(ent=("yrent", "min"), ex=("yrexit", "max"))
        gone = mem[mem.ex > 0]
        partial = gone if r.endyr == 0 else gone[gone.ex < r.endyr]
        if len(partial):
            y = partial.ex.min()
            left = partial[partial.ex == y].index
            if len(left) == 1:
                inside = mem[mem.ent <= y].index
                total = sum(nmc.get((c, y), 0.0) for c in inside)
                shares.append(nmc.get((left[0], y), 0.0) / total if total > 0 else np.nan)
                sizes.append(max(nmc.get((c, y), 0.0) for c in inside) / total if total > 0 else np.nan)
        elif r.endyr > 0:
            at_once += 1
    return at_once, np.array(shares), np.array(sizes)


def test_the_premise_holds_in_atop_small_members_leave_multilateral_pacts_that_continue(data_dir):
    """In sample (1816-1914, 1946-1989): most multilateral pacts that lost a member ended for all at once, and nearly all the
    single members that left a pact which continued were not its strongest member (12 of 13)."""
    from foedus.theory.principals import principal_abrogation

    early, s1, n1 = _departures(data_dir, 1816, 1914)
    late, s2, n2 = _departures(data_dir, 1946, 1989)
    assert early >= 25 and len(s1) <= 5  # 1816-1914: ended at once 28, continued 3
    shares, top = np.concatenate([s1, s2]), np.concatenate([n1, n2])
    ok = ~np.isnan(shares)
    assert ok.sum() >= 10
    kept = ~principal_abrogation(shares[ok], top[ok], np.full(ok.sum(), 3))
    assert kept.mean() >= 0.9  # 12 of 13 left by a member other than the strongest
