"""The compiled membership passes of foedus.sim.membership against plain NumPy definitions and foedus.theory.capability."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.sim.membership import alliance_ties, leaders, member_values, pair_max, security_profile
from foedus.theory import capability as th_cap


def _world(seed: int, n: int, capacity: int):
    """Random memberships (some rows empty or single), the agreements in force, per-state arrays."""
    rng = np.random.default_rng(seed)
    members = rng.random((capacity, n)) < rng.uniform(0.05, 0.6)
    members[rng.random(capacity) < 0.1] = False
    slots = np.flatnonzero(rng.random(capacity) < 0.7)
    power = rng.random(n)
    power /= power.sum()
    threat = rng.random((n, n)) * (rng.random((n, n)) < 0.5)
    return rng, members, slots, power, threat


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 12), capacity=st.integers(1, 15))
def test_security_profile_equals_the_theory_of_capability_on_random_alliances(seed, n, capacity):
    rng, members, slots, power, threat = _world(seed, n, capacity)
    power_start = rng.random((capacity, n))
    glob, economy, regime = rng.random(n), rng.random(n) + 0.1, rng.random(n)
    prof = security_profile(members, slots, power, power_start, threat, glob, economy, regime)
    for r, a in enumerate(slots):
        idx = np.flatnonzero(members[a])
        k = len(idx)
        assert prof["size"][r] == k
        if k == 0:
            assert all(prof[key][r] == 0 for key in prof)
            continue
        outsiders = np.setdiff1d(np.arange(n), idx)
        mean_threat = threat[idx].sum(axis=0) / k
        want = {
            "mean_power": power[idx].mean(),
            "threat_common": mean_threat[outsiders].max(initial=0.0),
            "global_threat": glob[idx].mean(),
            "hhi": ((economy[idx] / economy[idx].sum()) ** 2).sum(),
            "regime_mean": regime[idx].mean(),
            "regime_var": regime[idx].var(),
            "all_democracies": float((regime[idx] >= 0.5).all()),
            # the formulas of foedus.theory.capability, which the compiled pass must equal
            "capability_change": th_cap.capability_change(power[idx], power_start[a, idx]),
            "evenness": th_cap.economic_evenness(economy[idx]),
            "similarity": th_cap.regime_similarity(regime[idx]),
        }
        want["rho"] = float(th_cap.common_threat_pressure(want["threat_common"], want["global_threat"], want["mean_power"]))
        for key, v in want.items():
            assert prof[key][r] == pytest.approx(v, rel=1e-9, abs=1e-12), key


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 12), capacity=st.integers(1, 15))
def test_alliance_ties_match_their_definitions(seed, n, capacity):
    rng, members, slots, power, threat = _world(seed, n, capacity)
    commitment = rng.random(capacity) * (rng.random(capacity) < 0.8)  # some ties of strength 0
    integration = rng.random(capacity)
    cohesion = rng.random(len(slots))
    partner_value = rng.random(n)
    group = rng.integers(0, 3, n)
    tie, best, ally_max, ally_same = alliance_ties(members, slots, commitment, integration, cohesion, partner_value, group)
    value = commitment[slots] * cohesion
    columns = np.stack([commitment[slots], integration[slots], cohesion], axis=1)
    mb = members[slots]
    assert np.array_equal(tie, pair_max(mb, value, n))
    want_best = np.array([[columns[mb[:, i], c].max(initial=0.0) for c in range(3)] for i in range(n)])
    assert np.array_equal(best, want_best)
    allies = tie > 0
    assert np.array_equal(ally_max, np.array([partner_value[allies[i]].max(initial=0.0) for i in range(n)]))
    assert np.array_equal(ally_same, np.array([float((group[allies[i]] == group[i]).any()) for i in range(n)]))


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 12), capacity=st.integers(1, 15))
def test_leaders_are_the_argmax_of_members_power(seed, n, capacity):
    rng, members, slots, power, _ = _world(seed, n, capacity)
    power[rng.integers(0, n)] = power.max()  # a tie for the lead
    top1, top2 = leaders(members, slots, power)
    for r, a in enumerate(slots):
        if members[a].sum() < 2:
            continue
        pw = np.where(members[a], power, -1.0)
        assert top1[r] == np.argmax(pw)
        pw[top1[r]] = -1.0
        assert top2[r] == np.argmax(pw)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 12), capacity=st.integers(1, 15))
def test_member_values_list_the_older_memberships_in_state_order(seed, n, capacity):
    rng, members, slots, _, _ = _world(seed, n, capacity)
    entry = np.where(members, rng.integers(1990, 2001, members.shape), -1).astype(np.int32)
    value = rng.random((n, n))
    i_idx, a_idx, stay = member_values(members, slots, entry, 2000, value)
    mem = members[slots]
    want_i, want_a = np.nonzero(mem.T & (entry[slots].T < 2000))
    assert np.array_equal(i_idx, want_i) and np.array_equal(a_idx, want_a)
    assert np.allclose(stay, (mem.astype(float) @ value.T).T[want_i, want_a], rtol=1e-12, atol=0)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 12), capacity=st.integers(1, 15))
def test_agreement_bookkeeping_passes_equal_their_numpy_definitions(seed, n, capacity):
    """In force (flatnonzero of a mask), and the closing of whole rows or of given memberships."""
    from foedus.sim.membership import _close_pairs_kernel, _close_rows_kernel, _in_force_kernel

    rng, members, slots, _, _ = _world(seed, n, capacity)
    active = rng.random(capacity) < 0.7
    kind, domain = rng.integers(0, 3, capacity).astype(np.int8), rng.integers(0, 2, capacity).astype(np.int8)
    used = int(rng.integers(0, capacity + 1))
    for k in (-1, 0, 1, 2):
        for d in (-1, 0, 1):
            for not_k in (-1, 1):
                mask = active[:used] & ((kind[:used] == k) if k >= 0 else True) & ((domain[:used] == d) if d >= 0 else True)
                mask &= (kind[:used] != not_k) if not_k >= 0 else True
                assert _in_force_kernel(active, kind, domain, used, k, d, not_k).tolist() == np.flatnonzero(mask).tolist()
    entry = np.where(members, rng.integers(1900, 2000, members.shape), -1).astype(np.int32)
    # whole rows (dissolve_many)
    m, e = members.copy(), entry.copy()
    a, i = np.nonzero(members[slots])
    sl, ix, ent = _close_rows_kernel(m, e, slots.astype(np.int64))
    assert (sl.tolist(), ix.tolist(), ent.tolist()) == (slots[a].tolist(), i.tolist(), entry[slots[a], i].tolist())
    assert not m[slots].any() and (e[slots] == -1).all()
    # given memberships, some not members, some repeated (leave_many)
    ps, pi = rng.integers(0, capacity, 3 * n), rng.integers(0, n, 3 * n)
    keep = members[ps, pi]
    m, e = members.copy(), entry.copy()
    last = np.full(members.shape, -1, np.int32)
    sl, ix, ent = _close_pairs_kernel(m, e, ps, pi, last, -1)
    assert (last == -1).all()
    m2, e2 = members.copy(), entry.copy()
    _close_pairs_kernel(m2, e2, ps, pi, last, 2001)
    want_last = np.full(members.shape, -1, np.int32)
    want_last[ps, pi] = 2001
    assert (last == want_last).all() and (m2 == m).all() and (e2 == e).all()
    assert (sl.tolist(), ix.tolist(), ent.tolist()) == (ps[keep].tolist(), pi[keep].tolist(), entry[ps[keep], pi[keep]].tolist())
    want_m, want_e = members.copy(), entry.copy()
    want_m[ps[keep], pi[keep]] = False
    want_e[ps[keep], pi[keep]] = -1
    assert (m == want_m).all() and (e == want_e).all()
    # the alliances in force with their rows and counts (the alignment step's view)
    from foedus.sim.membership import alliance_view, member_counts

    for k, d in ((0, 0), (1, 0), (0, 1)):
        sl, rows, per_state, size = alliance_view(members, active, kind, domain, used, k, d)
        want = np.flatnonzero(active[:used] & (kind[:used] == k) & (domain[:used] == d))
        assert sl.tolist() == want.tolist() and rows.tobytes() == members[want].tobytes()
        want_state, want_size = member_counts(members, want)
        assert per_state.tolist() == want_state.tolist() and size.tolist() == want_size.tolist()


def test_risk_and_main_threat_are_numpys_row_max_and_argmax():
    from foedus.sim.membership import risk_and_main_threat

    rng = np.random.default_rng(9)
    for n in (1, 3, 66):
        h = rng.random((n, n)) * 1.4 - 0.2
        t = np.where(rng.random((n, n)) < 0.3, 0.0, rng.random((n, n)))
        t[0] = 0.0  # a state threatened by no one: argmax 0
        if n > 2:
            h[1, 2] = t[1, 2] = np.nan
        risk, main = risk_and_main_threat(h, t)
        want = np.minimum(np.maximum(h.max(axis=1), 0.0), 1.0)
        assert np.array_equal(risk, want, equal_nan=True) and main.tolist() == t.argmax(axis=1).tolist()


def test_the_pressure_of_the_common_threat_is_the_theorys_to_the_bit():
    for seed in range(20):
        rng, members, slots, power, threat = _world(seed, 9, 12)
        glob, economy, regime = rng.random(9) * 0.1, rng.random(9) + 0.1, rng.random(9)
        prof = security_profile(members, slots, power, rng.random((12, 9)), threat, glob, economy, regime)
        want = th_cap.common_threat_pressure(prof["threat_common"], prof["global_threat"], prof["mean_power"])
        assert prof["rho"].tobytes() == want.tobytes()


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 70), rows=st.integers(1, 12))
def test_members_of_reads_every_row_as_flatnonzero_across_word_boundaries(seed, n, rows):
    """The word-at-a-time scan of a membership row lists the members of ``np.flatnonzero``, for N below, at and across multiples of 8."""
    from foedus.sim.membership import _members_of

    rng = np.random.default_rng(seed)
    members = rng.random((rows, n)) < rng.uniform(0.0, 0.5)
    members[:, -1] |= rng.random(rows) < 0.5  # the tail after the last whole word
    idx = np.empty(n, np.int64)
    for a in range(rows):
        k = _members_of(members, a, idx)
        assert idx[:k].tolist() == np.flatnonzero(members[a]).tolist()
