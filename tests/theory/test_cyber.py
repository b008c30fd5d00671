"""Tests of foedus.theory.cyber: trust-based alignment, attribution, intrusions, escalation."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory import cyber as C

FAST = settings(max_examples=60, deadline=None)
unit = st.floats(0.0, 1.0)
inner = st.floats(0.01, 0.99)
cap = st.floats(0.01, 10.0)


# --------------------------------------------------------------------------------------------
# attribution (Rid & Buchanan 2015)
# --------------------------------------------------------------------------------------------


def test_attribution_limits():
    p = C.attribution_probability([1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 0.0, 0.0], base=0.3)
    np.testing.assert_allclose(p, [0.3, 1.0, 0.0, 0.3])


@FAST
@given(cap, cap, st.floats(0.01, 5.0), inner, st.floats(0.1, 3.0))
def test_attribution_is_a_matter_of_degree(a, d, step, base, gamma):
    p = C.attribution_probability(a, d, base=base, sensitivity=gamma)
    assert 0 < p < 1
    assert C.attribution_probability(a, d + step, base=base, sensitivity=gamma) > p  # better forensics
    assert C.attribution_probability(a + step, d, base=base, sensitivity=gamma) < p  # stealthier attacker
    # odds scale with the capability ratio to the power gamma: p = o / (1 + o), checked in this
    # well-conditioned direction (p / (1 - p) loses every digit as p nears 1)
    odds = base / (1 - base) * (d / a) ** gamma
    assert p == pytest.approx(odds / (1 + odds), rel=1e-12)


# --------------------------------------------------------------------------------------------
# trust-based alignment
# --------------------------------------------------------------------------------------------


@FAST
@given(st.floats(0, 10), st.floats(0, 10), unit, unit, unit, st.floats(0.001, 0.5))
def test_alignment_value_properties(b, v, e, x, t, step):
    value = C.cyber_alignment_value(b, v, e, x, t)
    assert b - v - 1e-12 <= value <= b + 1e-12
    assert C.cyber_alignment_value(b, v, e, x, min(t + step, 1)) >= value  # trust helps
    assert C.cyber_alignment_value(b, v, min(e + step, 1), x, t) <= value  # espionage hurts
    assert C.cyber_alignment_value(b, v, e, min(x + step, 1), t) <= value  # exit exploitation hurts
    assert C.cyber_alignment_value(b, v + step, e, x, t) <= value  # more exposed, more at risk


def test_alignment_value_limits():
    # a fully trusted partner costs nothing whatever its capacity to misuse the access
    assert C.cyber_alignment_value(0.2, 5.0, 1.0, 1.0, 1.0) == pytest.approx(0.2)
    # an untrusted partner certain to misuse costs the whole exposure
    assert C.cyber_alignment_value(0.2, 5.0, 1.0, 0.0, 0.0) == pytest.approx(0.2 - 5.0)
    # espionage and exit exploitation are independent events: P(at least one) = 1 - (1-e)(1-x)
    assert C.cyber_alignment_value(0.0, 1.0, 0.5, 0.5, 0.0) == pytest.approx(-0.75)


def test_criterion_shifts_from_threat_to_trust():
    # partner 0: a great cyber power, the best ally against the common threat, barely trusted
    # partner 1: a small state (or firm) with little capability, long trusted
    capability = np.array([0.9, 0.05])
    threat_value = np.array([0.8, 0.05])
    trust = np.array([0.2, 0.9])
    espionage = C.partner_espionage_risk(capability)
    exit_risk = C.partner_exit_risk(capability, end_probability=0.5)
    benefit = np.array([0.5, 0.2])  # the small partner still brings early warning
    args = (threat_value, benefit, 1.0, espionage, exit_risk, trust)

    conventional = C.criterion_shift(*args, domain="conventional", cost=0.1)
    cyber = C.criterion_shift(*args, domain="cyber", cost=0.1)
    np.testing.assert_array_equal(conventional.accept, [True, False])  # chosen by threat
    np.testing.assert_array_equal(cyber.accept, [False, True])  # chosen by trust
    # the decomposition is the same in both domains; only the weighting differs
    np.testing.assert_allclose(conventional.threat_based, cyber.threat_based)
    np.testing.assert_allclose(conventional.trust_based, cyber.trust_based)
    np.testing.assert_allclose(cyber.value, cyber.trust_based)
    np.testing.assert_allclose(conventional.value, conventional.threat_based)
    mixed = C.criterion_shift(*args, domain=0.3, cost=0.1)
    np.testing.assert_allclose(mixed.value, 0.7 * mixed.threat_based + 0.3 * mixed.trust_based)


def test_criterion_weights():
    assert C.alignment_criterion_weight("conventional") == 0.0
    assert C.alignment_criterion_weight("cyber") == 1.0
    assert C.alignment_criterion_weight(0.25) == 0.25
    with pytest.raises(ValueError, match="unknown domain 'space'"):
        C.alignment_criterion_weight("space")
    with pytest.raises(ValueError, match="domain"):
        C.alignment_criterion_weight(1.5)


def test_hybrid_alignment_states_with_firms():
    # (N states) x (M non-state partners): arrays of actors, not only states
    trust = np.array([[0.9, 0.3, 0.6], [0.2, 0.8, 0.5]])
    firm_capability = np.array([0.1, 2.0, 0.5])
    espionage = C.partner_espionage_risk(firm_capability, access=np.array([[0.5], [1.0]]))
    assert espionage.shape == (2, 3)
    value = C.cyber_alignment_value(0.2, 1.0, espionage, 0.0, trust)
    assert value.shape == (2, 3)
    # state 0 aligns with the trusted small firm, not with the capable firm it distrusts
    assert value[0, 0] > 0 > value[0, 1]
    np.testing.assert_allclose(value, 0.2 - (1 - trust) * espionage)


@FAST
@given(cap, cap, unit, inner)
def test_stronger_partners_spy_and_exploit_more(c1, c2, access, end):
    lo, hi = sorted((c1, c2))
    assert C.partner_espionage_risk(hi, access=access) >= C.partner_espionage_risk(lo, access=access)
    assert C.partner_exit_risk(hi, end) >= C.partner_exit_risk(lo, end)
    assert 0 <= C.partner_exit_risk(hi, end) <= end


# --------------------------------------------------------------------------------------------
# trust dynamics
# --------------------------------------------------------------------------------------------


@FAST
@given(unit, st.floats(0, 20), unit, st.floats(0.001, 5), st.floats(0.001, 0.5))
def test_trust_update_properties(tau, n, a, dn, dtau):
    new = C.trust_update(tau, n, a)
    assert 0 <= new <= 1
    assert C.trust_update(tau, n + dn, a) <= new  # more intrusions, less trust
    assert C.trust_update(tau, n, min(a + dtau, 1)) <= new  # surer attribution, less trust
    assert C.trust_update(min(tau + dtau, 1), n, a) >= new  # order preserved


def test_trust_recovers_without_intrusions_and_is_lost_faster_than_rebuilt():
    assert C.trust_update(0.5, 0, 0.0) > 0.5
    after = float(C.trust_update(0.8, 1, 1.0))  # one intrusion traced to the partner
    assert after < 0.8
    quiet, t = 0, after
    while t < 0.8:
        t = float(C.trust_update(t, 0, 0.0))
        quiet += 1
    assert quiet > 5  # many quiet periods to rebuild what one betrayal cost


def test_suspicion_holds_unattributed_intrusions_against_everyone():
    assert C.trust_update(0.5, 3, 0.0) > 0.5  # unattributed: no evidence against this partner
    assert C.trust_update(0.5, 3, 0.0, suspicion=0.5) < 0.5  # "no friends, only enemies"


# --------------------------------------------------------------------------------------------
# intrusions and escalation (Buchanan 2017)
# --------------------------------------------------------------------------------------------


def test_defensive_states_still_intrude():
    capability = np.array([0.8, 0.8, 0.0])
    vulnerability = np.array([0.5, 0.5, 0.5])
    posture = np.array([1.0, 0.0, 0.5])  # purely defensive, offensive, incapable
    p = C.intrusion_propensity(capability, vulnerability, posture)
    assert p.shape == (3, 3) and np.all(np.diag(p) == 0)
    assert p[0, 2] > 0  # the purely defensive state intrudes (intelligence, early warning)
    assert p[1, 2] > p[0, 2]  # the offensive one more
    assert np.all(p[2] == 0)  # no capability, no intrusion
    # no defensive motive: a purely defensive state would not intrude
    assert C.intrusion_propensity(capability, vulnerability, posture, defensive_motive=0.0)[0, 2] == 0


def test_intrusion_accepts_perceived_vulnerability_matrix_and_checks_shapes():
    v = np.array([[0.0, 0.9], [0.1, 0.0]])
    p = C.intrusion_propensity([1.0, 1.0], v, [0.5, 0.5])
    assert p[0, 1] > p[1, 0]
    with pytest.raises(ValueError, match="vulnerability_target"):
        C.intrusion_propensity([1.0, 1.0], np.ones(3) * 0.5, [0.5, 0.5])
    with pytest.raises(ValueError, match="defensive_posture"):
        C.intrusion_propensity([1.0, 1.0], [0.5, 0.5], [0.5])
    with pytest.raises(ValueError, match="capability must be 1-D"):
        C.intrusion_propensity(np.ones((2, 2)), [0.5, 0.5], [0.5, 0.5])


@FAST
@given(unit, unit, unit, unit, unit, unit)
def test_indistinguishable_intrusions_escalate_whatever_the_purpose(i, a, fear, det, purpose1, purpose2):
    # the cybersecurity dilemma: with no way to tell espionage from attack preparation, the
    # victim's response depends on its fear, not on what the intruder meant
    p1 = C.escalation_probability(i, a, fear, detection=det, purpose_attack=purpose1)
    p2 = C.escalation_probability(i, a, fear, detection=det, purpose_attack=purpose2)
    assert p1 == pytest.approx(p2, abs=1e-12)
    assert p1 == pytest.approx(i * a * fear * det, abs=1e-12)


@FAST
@given(inner, inner, inner, st.floats(0.05, 1.0))
def test_distinguishable_intrusions_spare_the_spy(i, a, fear, delta):
    spy = C.escalation_probability(i, a, fear, distinguishability=delta, purpose_attack=0.0)
    attacker = C.escalation_probability(i, a, fear, distinguishability=delta, purpose_attack=1.0)
    assert spy < attacker
    assert spy < C.escalation_probability(i, a, fear, distinguishability=0.0)
    assert 0 <= spy <= 1 and 0 <= attacker <= 1


def test_perfect_distinguishability_means_no_escalation_against_a_spy():
    assert C.escalation_probability(1.0, 1.0, 0.4, distinguishability=1.0, purpose_attack=0.0) == 0.0
    assert C.escalation_probability(1.0, 1.0, 0.4, distinguishability=1.0, purpose_attack=1.0) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: C.attribution_probability(-1.0, 1.0), "capability_attacker"),
        (lambda: C.attribution_probability(1.0, 1.0, base=1.0), "base"),
        (lambda: C.cyber_alignment_value(0.1, 1.0, 0.2, 0.2, 1.2), "trust"),
        (lambda: C.cyber_alignment_value(0.1, 1.0, [0.2, 0.1], 0.2, [0.5, 0.5, 0.5]), "broadcast"),
        (lambda: C.trust_update(0.5, -1, 0.5), "observed_intrusions"),
        (lambda: C.trust_update(0.5, 1, 0.5, learning_rate=2.0), "learning_rate"),
        (lambda: C.escalation_probability(0.5, 0.5, np.nan), "fear"),
        (lambda: C.partner_exit_risk(1.0, 1.5), "end_probability"),
    ],
)
def test_cyber_bad_input(call, field):
    with pytest.raises(ValueError, match=field):
        call()


# --------------------------------------------------------------------------------------------
# check=False (the simulator's inputs are valid by construction)
# --------------------------------------------------------------------------------------------


def _same_bits(a, b):
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape and a.dtype == b.dtype
    assert np.array_equal(a, b) and a.tobytes() == b.tobytes()


def _draw(rng, shape, lo=0.0, hi=1.0):
    """Uniform values in [lo, hi] with some entries exactly at the bounds; a float for shape ()."""
    x = rng.uniform(lo, hi, shape)
    x = np.where(rng.random(shape) < 0.1, lo, np.where(rng.random(shape) < 0.1, hi, x))
    return float(x) if shape == () else x


@pytest.mark.filterwarnings("error::FutureWarning")  # trust_update's compiled pass gets plain arrays, not broadcast views
@FAST
@given(st.integers(0, 2**32 - 1), st.integers(1, 7), st.data())
def test_check_false_gives_the_same_bits_on_valid_input(seed, n, data):
    rng = np.random.default_rng(seed)
    # scalar, per actor, per pair (and the simulator's (N, 1) x (1, N) attribution call)
    shape = data.draw(st.lists(st.sampled_from([(), (n,), (n, n)]), min_size=6, max_size=6))
    cap_ = _draw(rng, n, 0.0, 5.0)
    kw = {"base": float(rng.uniform(0.05, 0.95)), "sensitivity": float(rng.uniform(0.1, 3.0))}
    for a, d in ((cap_[:, None], cap_[None, :]), (_draw(rng, shape[0], 0.0, 5.0), _draw(rng, shape[1], 0.0, 5.0))):
        _same_bits(C.attribution_probability(a, d, **kw), C.attribution_probability(a, d, **kw, check=False))
    args = (_draw(rng, shape[0], 0.0, 2.0), _draw(rng, shape[1], 0.0, 5.0), *(_draw(rng, s) for s in shape[2:5]))
    _same_bits(C.cyber_alignment_value(*args), C.cyber_alignment_value(*args, check=False))
    args = tuple(_draw(rng, s) for s in shape[:3])
    kw = {"detection": _draw(rng, shape[3]), "distinguishability": _draw(rng, shape[4]), "purpose_attack": _draw(rng, shape[5])}
    _same_bits(C.escalation_probability(*args, **kw), C.escalation_probability(*args, **kw, check=False))
    _same_bits(C.escalation_probability(1.0, 1.0, args[2]), C.escalation_probability(1.0, 1.0, args[2], check=False))
    v = _draw(rng, data.draw(st.sampled_from([(n,), (n, n)])))
    kw = {"offensive_motive": float(rng.uniform(0, 2)), "defensive_motive": float(rng.uniform(0, 2)), "rate": float(rng.uniform(0.1, 5))}
    posture = _draw(rng, n)
    _same_bits(C.intrusion_propensity(cap_, v, posture, **kw), C.intrusion_propensity(cap_, v, posture, **kw, check=False))
    # trust: the (N, N) compiled pass, also when a scalar argument is broadcast to it, and the numpy form
    tau, intr, attr = _draw(rng, shape[0]), rng.integers(0, 3, shape[1]).astype(float), _draw(rng, shape[2])
    kw = {"learning_rate": float(rng.random()), "recovery_rate": float(rng.random()), "suspicion": float(rng.random())}
    _same_bits(C.trust_update(tau, intr, attr, **kw), C.trust_update(tau, intr, attr, **kw, check=False))


def test_check_true_still_rejects_bad_input():
    with pytest.raises(ValueError, match="attribution_probability: capability_defender must be finite"):
        C.attribution_probability(1.0, [1.0, np.nan], check=True)
    with pytest.raises(ValueError, match="cyber_alignment_value: trust must be <= 1"):
        C.cyber_alignment_value(0.1, 1.0, 0.2, 0.2, 1.2, check=True)
    with pytest.raises(ValueError, match="escalation_probability: shapes do not broadcast"):
        C.escalation_probability([0.5, 0.5], [0.5, 0.5, 0.5], 0.5, check=True)
    with pytest.raises(ValueError, match=r"intrusion_propensity: defensive_posture must have shape \(2,\)"):
        C.intrusion_propensity([1.0, 1.0], [0.5, 0.5], [0.5], check=True)
    with pytest.raises(ValueError, match="trust_update: observed_intrusions must be >= 0"):
        C.trust_update(0.5, -1.0, 0.5, check=True)
