"""foedus.theory.alignment: the motives of alignment and their decomposition (brief F1-F5)."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.theory import alignment
from foedus.theory.alignment import MOTIVES, alignment_utilities
from foedus.theory.choice import choose_alignment

from ._common import same_bits, systems, unit

BANDWAGON = MOTIVES.index("bandwagon")
TETHER = MOTIVES.index("tether")
pytestmark = pytest.mark.filterwarnings("error")


@st.composite
def lonely_weak_states(draw):
    """A weak state 0 next to an overwhelming, appeasable state 1; everyone else is small.

    No state can be a credible balancing partner: the others' power is at most 0.01 against a
    threat of at least 0.15, so even the best of them leaves the threat more than 3:1.
    """
    n = draw(st.integers(3, 8))
    power = np.empty(n)
    power[0] = draw(st.floats(0.0, 0.04))
    power[1] = draw(st.floats(0.3, 1.0))
    power[2:] = draw(hnp.arrays(float, n - 2, elements=st.floats(0.0, 0.01)))
    threat = draw(hnp.arrays(float, (n, n), elements=unit)) * power[None, :]
    threat[0, 1] = draw(st.floats(0.5, 1.0)) * power[1]
    np.fill_diagonal(threat, 0.0)
    hostility = draw(hnp.arrays(float, (n, n), elements=unit))
    hostility[0, 1] = draw(st.floats(0.0, 0.5))
    return power, threat, hostility


def reference_utilities(p, t, h, *, thr=0.05, r=3.0, w=(1.0, 1.0, 1.0, 0.5), g=None, profit=None):
    """The docstring formulas of alignment_utilities, pair by pair, written for reading, not speed."""
    n = len(p)
    t = t * (1 - np.eye(n))
    u = np.zeros((4, n, n))
    t_star = t.max(axis=1)
    main = t.argmax(axis=1)
    mu = np.array([[t[i, j] / t_star[i] if t_star[i] > 0 else 0.0 for j in range(n)] for i in range(n)])
    for i in range(n):
        others = [k for k in range(n) if k != i]
        strongest = max(others, key=lambda k: (p[k], -k))
        gap = max(p[strongest] - p[i], 0.0)
        rho = t_star[i] / (t_star[i] + p[i]) if t_star[i] + p[i] > 0 else 0.0
        for j in others:
            f1 = min(p[j], gap) / p[strongest] if p[strongest] > 0 and j != strongest else 0.0
            commit = mu[j, main[i]] if t_star[i] > 0 else 0.0
            den = t_star[i] + p[i] + commit * p[j]
            c = rho - (t_star[i] / den if den > 0 else 0.0)
            if g is not None and p[i] + p[j] > 0:
                c += g[i, j] * p[j] / (p[i] + p[j])
            f2 = c * (1 - mu[i, j])
            ally = max([mu[k, j] * p[k] for k in range(n) if k not in (i, j)], default=0.0)
            f3 = 0.0
            if p[i] < thr and t[i, j] > 0:
                if t[i, j] >= r * (p[i] + ally):
                    f3 = t[i, j] / (t[i, j] + p[i] + ally) * mu[i, j] * (1 - h[i, j])
                if profit is not None and t[i, j] >= r * p[i]:
                    f3 += profit[i, j]
            f4 = min(h[i, j], h[j, i]) * c if w[1] * f2 > 0 else 0.0
            u[:, i, j] = np.array([f1, f2, f3, f4]) * w
    return u


@given(systems(), st.booleans(), st.floats(0.0, 0.3))
@settings(max_examples=80, deadline=None)
def test_compiled_kernel_matches_the_formulas(system, extras, thr):
    power, threat, hostility = system
    n = len(power)
    rng = np.random.default_rng(n)
    g = rng.random((n, n)) * 0.1 if extras else None
    profit = rng.random((n, n)) * 0.1 if extras else None
    got = alignment_utilities(power, threat, hostility, weakness_threshold=thr, shared_global=g, profit=profit)
    want = reference_utilities(power, threat, hostility, thr=thr, g=g, profit=profit)
    assert np.allclose(got, want, rtol=1e-12, atol=1e-15)


def test_docstring_examples_run():
    assert doctest.testmod(alignment, raise_on_error=False).failed == 0


@given(systems())
@settings(max_examples=80, deadline=None)
def test_shapes_diagonals_and_signs(system):
    power, threat, hostility = system
    u = alignment_utilities(power, threat, hostility)
    n = len(power)
    assert u.shape == (4, n, n)
    assert np.all(u >= 0)
    assert np.all(u[:, np.arange(n), np.arange(n)] == 0)


@given(systems(), hnp.arrays(float, 4, elements=st.floats(0.1, 3.0)))
@settings(max_examples=60, deadline=None)
def test_each_motive_contributes_its_weight_times_its_score(system, w):
    power, threat, hostility = system
    one = alignment_utilities(power, threat, hostility, tether_weight=1.0)
    weighted = alignment_utilities(
        power, threat, hostility,
        balance_power_weight=w[0], balance_threat_weight=w[1], bandwagon_weight=w[2], tether_weight=w[3],
    )
    assert np.allclose(weighted, w[:, None, None] * one)


@given(systems())
@settings(max_examples=80, deadline=None)
def test_tethering_is_zero_unless_another_motive_is_positive(system):
    power, threat, hostility = system
    u = alignment_utilities(power, threat, hostility)
    tethered = u[TETHER] > 0
    assert np.all(u[:TETHER].sum(axis=0)[tethered] > 0)
    off = alignment_utilities(power, threat, hostility, balance_threat_weight=0.0)
    assert np.all(off[TETHER] == 0)
    friendly = alignment_utilities(power, threat, np.zeros_like(hostility))
    assert np.all(friendly[TETHER] == 0)


@given(systems(), st.floats(0.0, 0.5))
@settings(max_examples=100, deadline=None)
def test_strong_states_never_bandwagon(system, threshold):
    power, threat, hostility = system
    u = alignment_utilities(power, threat, hostility, weakness_threshold=threshold, profit=np.ones_like(threat))
    assert np.all(u[BANDWAGON][power >= threshold] == 0)


@given(lonely_weak_states(), st.floats(0.0, 0.05))
@settings(max_examples=100, deadline=None)
def test_a_weak_state_facing_an_overwhelming_threat_with_no_ally_bandwagons(system, cost):
    """Walt (1987, ch. 2): weak, no allies available, aggressor appeasable -> bandwagon."""
    power, threat, hostility = system
    u = alignment_utilities(power, threat, hostility)
    assert u[BANDWAGON, 0, 1] > 0
    partner, dec = choose_alignment(u, None, cost)
    assert partner[0] == 1
    assert dec[0].argmax() == BANDWAGON
    # the same position, but the state is strong: it never bandwagons
    strong = power.copy()
    strong[0] = 0.05
    assert np.all(alignment_utilities(strong, threat, hostility)[BANDWAGON, 0] == 0)


@given(lonely_weak_states(), st.floats(0.01, 1.0))
@settings(max_examples=100, deadline=None)
def test_a_credible_balancing_partner_rules_bandwagoning_out(system, extra):
    """Add a state for which the threatening state is the main threat, strong enough to help."""
    power, threat, hostility = system
    n = len(power)
    p = np.append(power, threat[0, 1] / 3 + extra)
    t = np.zeros((n + 1, n + 1))
    t[:n, :n] = threat
    t[n, 1] = threat[0, 1]  # the newcomer's only (so main) threat is state 1
    h = np.zeros((n + 1, n + 1))
    h[:n, :n] = hostility
    u = alignment_utilities(p, t, h)
    assert u[BANDWAGON, 0, 1] == 0
    # ... and it is the partner state 0 balances with (F2), unless a nobler F1 option exists
    assert u[MOTIVES.index("balance_threat"), 0, n] > 0


def test_an_appeasable_aggressor_is_needed_to_bandwagon():
    power = np.array([0.01, 0.6, 0.02])
    threat = np.array([[0, 0.3, 0], [0, 0, 0], [0, 0, 0]])
    hostile = np.zeros((3, 3))
    hostile[0, 1] = 1.0  # aims that only force can change: bandwagoning is futile
    assert alignment_utilities(power, threat, hostile)[BANDWAGON, 0, 1] == 0
    assert alignment_utilities(power, threat, np.zeros((3, 3)))[BANDWAGON, 0, 1] > 0


def test_bandwagoning_for_profit_needs_weakness_but_not_the_absence_of_allies():
    """Schweller (1994): jackals bandwagon for gain even when they could balance."""
    power = np.array([0.01, 0.6, 0.7])
    threat = np.array([[0, 0.3, 0], [0, 0, 0], [0, 0.3, 0]])  # state 2 is a credible ally
    h = np.zeros((3, 3))
    assert alignment_utilities(power, threat, h)[BANDWAGON, 0, 1] == 0
    profit = np.zeros((3, 3))
    profit[0, 1] = profit[2, 1] = 0.4
    u = alignment_utilities(power, threat, h, profit=profit)
    assert u[BANDWAGON, 0, 1] == pytest.approx(0.4)
    assert u[BANDWAGON, 2, 1] == 0  # a strong state does not


def test_balancing_threat_is_the_published_pressure_reduction():
    """Three states: 0 and 2 both face 1 as their main threat."""
    power = np.array([0.1, 0.5, 0.3])
    threat = np.array([[0, 0.4, 0.05], [0, 0, 0], [0, 0.2, 0]])
    u = alignment_utilities(power, threat, np.zeros((3, 3)), balance_power_weight=0.0)
    f2 = u[MOTIVES.index("balance_threat")]
    t_star, p0, p2 = 0.4, 0.1, 0.3
    want = (t_star / (t_star + p0) - t_star / (t_star + p0 + p2)) * (1 - 0.05 / t_star)
    assert f2[0, 2] == pytest.approx(want)
    assert f2[0, 1] == 0  # allying with one's main threat is not balancing it
    assert f2[2, 0] == pytest.approx(0.2 / 0.5 - 0.2 / 0.6)


def test_balancing_power_counts_the_gap_to_the_strongest_other_state():
    power = np.array([0.5, 0.3, 0.1, 0.1])
    u = alignment_utilities(power, np.zeros((4, 4)), np.zeros((4, 4)))
    f1 = u[MOTIVES.index("balance_power")]
    assert np.all(f1[0] == 0)  # the strongest state has no stronger power to balance
    assert np.all(f1[:, 0] == 0)  # allying with the strongest is not balancing it
    assert f1[2, 1] == pytest.approx(0.3 / 0.5)  # partner's capability, gap 0.4 not binding
    assert f1[1, 2] == pytest.approx(0.1 / 0.5)
    assert f1[2, 3] == pytest.approx(0.1 / 0.5)


def test_states_balance_against_threat_rather_than_power():
    """Walt (1987, ch. 8): a state threatened by a nearby medium power allies with the distant
    superpower against it; balancing power alone would never ally with the strongest state."""
    # 0: a secondary power; 1: a hostile neighbour; 2: a distant superpower also threatened by 1.
    power = np.array([0.04, 0.2, 0.5, 0.1])
    threat = np.zeros((4, 4))
    threat[0, 1] = 0.15
    threat[0, 2] = 0.02
    threat[2, 1] = 0.05
    h = np.zeros((4, 4))
    kw = dict(bandwagon_weight=0.0, tether_weight=0.0)
    by_threat, _ = choose_alignment(alignment_utilities(power, threat, h, balance_power_weight=0.0, **kw), None, 0.0)
    by_power, _ = choose_alignment(alignment_utilities(power, threat, h, balance_threat_weight=0.0, **kw), None, 0.0)
    assert by_threat[0] == 2
    assert by_power[0] != 2


def test_tethering_binds_rivals_that_share_a_larger_threat():
    """Weitsman (2004): hostile 0 and 2 face 1 together; 2 threatens 0 less than 1 does."""
    power = np.array([0.2, 0.5, 0.2])
    threat = np.array([[0, 0.3, 0.1], [0, 0, 0], [0.1, 0.3, 0]])
    h = np.zeros((3, 3))
    h[0, 2] = h[2, 0] = 0.8
    u = alignment_utilities(power, threat, h)
    assert u[TETHER, 0, 2] > 0 and u[MOTIVES.index("balance_threat"), 0, 2] > 0
    # when the rival is the bigger threat there is nothing to tether to
    threat2 = threat.copy()
    threat2[0, 2] = 0.3
    assert alignment_utilities(power, threat2, h)[TETHER, 0, 2] == 0


def test_alignment_utilities_rejects_bad_input():
    p = np.array([0.1, 0.2])
    t = np.zeros((2, 2))
    with pytest.raises(ValueError, match="power: negative value"):
        alignment_utilities([0.1, -0.2], t, t)
    with pytest.raises(ValueError, match=r"threat: expected a square matrix of shape \(2, 2\)"):
        alignment_utilities(p, np.zeros((3, 3)), t)
    with pytest.raises(ValueError, match="hostility: value"):
        alignment_utilities(p, t, [[0, 2.0], [0, 0]])
    with pytest.raises(ValueError, match="motive weights"):
        alignment_utilities(p, t, t, tether_weight=-1.0)
    with pytest.raises(ValueError, match="overwhelm_ratio"):
        alignment_utilities(p, t, t, overwhelm_ratio=0.0)
    assert alignment_utilities([0.3], [[0.0]], [[0.0]]).shape == (4, 1, 1)


# --- check=False (the simulator's inputs are valid by construction) ---------------------------------


@given(systems(), st.sampled_from(["scalar", "vector", "matrix"]), st.booleans(), st.booleans(), st.data())
@settings(max_examples=60, deadline=None)
def test_check_false_gives_the_same_bits_on_valid_input(system, h_form, with_global, with_profit, data):
    power, threat, hostility = system
    n = len(power)
    h = {"scalar": float(hostility[0, 1]), "vector": hostility[:, 0], "matrix": hostility}[h_form]
    kw = {
        "weakness_threshold": data.draw(st.floats(0.0, 0.5)),
        "overwhelm_ratio": data.draw(st.floats(0.5, 5.0)),
        "tether_weight": data.draw(st.floats(0.0, 2.0)),
        "shared_global": data.draw(hnp.arrays(float, (n, n), elements=unit)) if with_global else None,
        "profit": data.draw(hnp.arrays(float, (n, n), elements=unit)) if with_profit else None,
    }
    u = alignment_utilities(power, threat, h, **kw)
    same_bits(u, alignment_utilities(power, threat, h, **kw, check=False))



def test_check_true_still_rejects_bad_input():
    p, t, h = np.array([0.1, 0.2]), np.zeros((2, 2)), np.zeros((2, 2))
    with pytest.raises(ValueError, match="power: non-finite value at index 0"):
        alignment_utilities([np.nan, 0.2], t, h, check=True)
    with pytest.raises(ValueError, match=r"hostility: value 2.0 at index \(0, 1\) is above 1"):
        alignment_utilities(p, t, [[0.0, 2.0], [0.0, 0.0]], check=True)
    with pytest.raises(ValueError, match="overwhelm_ratio: must be > 0"):
        alignment_utilities(p, t, h, overwhelm_ratio=0.0, check=True)


def test_the_total_formed_in_the_pass_is_the_sum_of_the_motives_to_the_bit():
    rng = np.random.default_rng(11)
    for n in (1, 2, 9, 66):
        power = rng.dirichlet(np.ones(n))
        threat = rng.random((n, n)) * 0.2
        h = rng.random((n, n))
        g = rng.random((n, n)) * 0.05
        u, total = alignment_utilities(power, threat, h, shared_global=g, weakness_threshold=0.2, return_total=True)
        assert u.tobytes() == alignment_utilities(power, threat, h, shared_global=g, weakness_threshold=0.2).tobytes()
        assert total.tobytes() == u.sum(axis=0).tobytes()


def test_tethering_counts_toward_a_pair_but_not_toward_joining_a_defence_treaty():
    """Weitsman (1997, 2004): tethering is a pact *with* a hostile state to restrain it, not a reason to join a defence treaty.

    State 0 and state 1 are hostile but share a larger threat, state 2, so 0's utility of a pact
    with 1 has a tethering contribution; joining a treaty whose members include 1 is worth the
    same to 0 whatever the tethering weight (:func:`accession_motives` drops it), while the
    pair's utility grows with it.
    """
    from foedus.theory.choice import join_utilities

    p = np.array([0.05, 0.05, 0.5, 0.05])
    t = np.array([[0, 0.04, 0.3, 0], [0.04, 0, 0.3, 0], [0, 0, 0, 0], [0, 0, 0.3, 0]])
    h = np.array([[0, 0.8, 0.9, 0], [0.8, 0, 0.9, 0], [0.9, 0.9, 0, 0], [0, 0, 0, 0]])
    members = np.array([[False, True, False, True]])  # a defence treaty of 1 and 3
    joins, pairs = [], []
    for w in (0.0, 0.5, 5.0):
        u = alignment_utilities(p, t, h, tether_weight=w)
        pairs.append(u.sum(axis=0)[0, 1])
        j = join_utilities(alignment.accession_motives(u), members, aggregate="capability", power=p, states=np.array([0]))
        joins.append(j[:, 0, 0])
        assert j[MOTIVES.index("tether"), 0, 0] == 0.0
    assert alignment_utilities(p, t, h)[MOTIVES.index("tether"), 0, 1] > 0  # the pair's tethering is real
    assert pairs[0] < pairs[1] < pairs[2]
    assert np.array_equal(joins[0], joins[1]) and np.array_equal(joins[1], joins[2])


def test_accession_motives_keep_the_other_motives_and_reject_a_wrong_shape():
    u = np.arange(4 * 3 * 3, dtype=float).reshape(4, 3, 3)
    out = alignment.accession_motives(u)
    assert np.array_equal(out[:3], u[:3]) and not out[3].any() and u[3].any()  # a copy: the input is untouched
    with pytest.raises(ValueError, match="utilities"):
        alignment.accession_motives(np.zeros((3, 2, 2)))


def test_a_permanently_neutral_state_is_barred_from_defence_and_offence_pacts_only():
    """Karsh (1988): the permanently neutral take on no pledge that carries them into war; neutrality, non-aggression and
    consultation pledges stay open (Switzerland's non-aggression commitments in ATOP 5.1)."""
    from foedus.theory.alignment import neutrality_bars
    from foedus.theory.obligations import OBLIGATION_GOODS, PACT_FORMS, pact_form, pact_goods

    goods = pact_goods(np.stack([pact_form(f) for f in PACT_FORMS]))
    bars = neutrality_bars(np.array([True, False]), goods)
    assert dict(zip(PACT_FORMS, bars[0].tolist())) == {
        "defence": True, "neutrality": False, "neutrality_nonaggression": False, "nonaggression": False, "consultation": False, "offence": True,
    }
    assert not bars[1].any()
    assert OBLIGATION_GOODS.shape[1] == goods.shape[1]
    with pytest.raises(ValueError, match="shape"):
        neutrality_bars([True], [[1, 0, 0]])


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, st.tuples(st.integers(2, 6)).map(lambda t: (t[0], t[0])), elements=st.floats(0, 5)), st.floats(0, 0.5))
def test_shared_pledge_value_conserves_the_joint_gain(v, k):
    """Bargaining moves the gain between the two sides, never creates or destroys it: V'_ij + V'_ji = V_ij + V_ji (Nash 1950)."""
    out = alignment.shared_pledge_value(v, share=k)
    np.testing.assert_allclose(out + out.T, v + v.T, rtol=1e-12, atol=1e-12)
    assert (out >= 0).all()


def test_shared_pledge_value_is_nash_symmetric_solution_and_off_at_zero():
    """At kappa 1/2, with equal costs c, each side's net is half the joint surplus (the symmetric Nash solution with
    transferable utility); so a pair signs exactly when the joint gain exceeds both costs; kappa 0 changes nothing."""
    rng = np.random.default_rng(1)
    v = rng.uniform(0, 1, (5, 5))
    np.fill_diagonal(v, 0.0)
    c = 0.3
    out = alignment.shared_pledge_value(v, share=0.5)
    surplus = v + v.T - 2 * c
    np.testing.assert_allclose(out - c, surplus / 2, atol=1e-12)
    np.testing.assert_array_equal((out > c) & (out.T > c), surplus > 0)
    np.testing.assert_array_equal(alignment.shared_pledge_value(v, share=0.0), v)
    # a strong state (0) gains nothing from a weak neighbour's pledge, the weak one 0.4 from its: alone the strong one refuses
    w = np.array([[0.0, 0.0], [0.4, 0.0]])
    assert w[0, 1] < 0.1 < w[1, 0]
    s = alignment.shared_pledge_value(w, share=0.5)
    assert s[0, 1] > 0.1 and s[1, 0] > 0.1


@pytest.mark.parametrize("kwargs, match", [({"value": np.ones((2, 3))}, "value"), ({"value": np.full((2, 2), np.nan)}, "finite"),
                                           ({"value": np.ones((2, 2)), "share": 0.7}, "share")])
def test_shared_pledge_value_rejects_bad_input(kwargs, match):
    value = kwargs.pop("value")
    with pytest.raises(ValueError, match=match):
        alignment.shared_pledge_value(value, **kwargs)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 6).flatmap(lambda n: st.tuples(hnp.arrays(np.float64, (n, n), elements=st.floats(0, 5)),
                                                      hnp.arrays(np.float64, (n, n), elements=st.sampled_from([0.0, 1.0])))),
       st.floats(0, 0.5))
def test_shared_pledge_value_pays_a_side_only_in_what_it_can_use(vu, k):
    """With ``usable``, i is paid k V_ji only where u_ij (Morrow 1991); the joint gain is kept, no value turns negative, and
    nobody usable leaves V as it is."""
    v, u = vu
    out = alignment.shared_pledge_value(v, share=k, usable=u)
    np.testing.assert_allclose(out + out.T, v + v.T, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(out, v + k * u * v.T - (k * u * v.T).T, rtol=1e-12, atol=1e-12)
    assert (out >= -1e-12).all()
    np.testing.assert_array_equal(alignment.shared_pledge_value(v, share=k, usable=np.zeros_like(u)), v)
