"""The founding threat of a treaty and its lapse (foedus.theory.persistence), and its term in the dissolution hazard."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foedus.theory import abrogation, cohesion, persistence


def test_a_threat_as_large_as_at_signature_has_not_lapsed_and_a_vanished_one_has_entirely():
    g = persistence.threat_lapse([0.5, 0.8, 0.0, 0.25, 0.3], [0.5, 0.5, 0.5, 0.5, np.nan])
    assert g.tolist() == [0.0, 0.0, 1.0, 0.5, 0.0]  # unchanged, grown, gone, halved, no founding threat


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 2), st.floats(0, 2), st.floats(1e-3, 2))
def test_the_lapse_falls_as_the_threat_now_rises(t, dt, t0):
    a, b = persistence.threat_lapse([t, t + dt], t0)
    assert 0.0 <= b <= a <= 1.0


def test_bad_threats_are_refused_by_name():
    with pytest.raises(ValueError, match="threat_lapse: threat_now"):
        persistence.threat_lapse(-1.0, 0.5)
    with pytest.raises(ValueError, match="threat_at_signing"):
        persistence.threat_lapse(0.5, -0.5)


def test_the_founding_threat_is_the_outsider_that_threatens_every_member_most():
    rng = np.random.default_rng(3)
    t = rng.random((6, 6)) * (rng.random((6, 6)) < 0.6)  # some outsiders threaten some members not at all
    np.fill_diagonal(t, 0.0)
    m = rng.random((40, 6)) < 0.4
    m[0] = False
    m[1] = True  # everyone a member: no outsider
    target, level = persistence.founding_threat(m, t)
    shared_seen = fallback_seen = 0
    for a in range(len(m)):
        inside = np.flatnonzero(m[a])
        outside = np.flatnonzero(~m[a])
        if not len(inside) or not len(outside):
            assert target[a] == -1 and level[a] == 0.0
            continue
        block = t[np.ix_(inside, outside)]
        least, means = block.min(axis=0), block.mean(axis=0)
        if least.max() > 0:  # a threat every member faces (Walt 1987): the largest least threat
            shared_seen += 1
            assert target[a] == outside[least.argmax()]
        elif means.max() > 0:  # none shared by all: the largest mean
            fallback_seen += 1
            assert target[a] == outside[means.argmax()]
        else:
            assert target[a] == -1
            continue
        assert level[a] == pytest.approx(means[list(outside).index(target[a])])
    assert shared_seen and fallback_seen


def test_a_threat_one_member_alone_faces_is_not_the_pacts_founding_threat():
    # the China-North Korea case in world-2022: India threatens China a lot and North Korea not at all, the USA both
    china, nk, india, usa = range(4)
    t = np.zeros((4, 4))
    t[china, india], t[china, usa], t[nk, usa] = 0.9, 0.2, 0.3
    target, level = persistence.founding_threat(np.array([[True, True, False, False]]), t)
    assert target.tolist() == [usa] and level.tolist() == [pytest.approx(0.25)]


def test_without_a_shared_threat_the_pact_protects_its_weakest_member():
    # world-2022 as it is: India threatens China, South Korea North Korea, nobody both (Morrow 1991: the weaker ally gains security)
    china, nk, india, sk = range(4)
    t = np.zeros((4, 4))
    t[china, india], t[nk, sk] = 0.02, 0.01
    m = np.array([[True, True, False, False]])
    target, level = persistence.founding_threat(m, t, power=np.array([10.0, 0.5, 5.0, 2.0]))
    assert target.tolist() == [sk] and level.tolist() == [pytest.approx(0.005)]
    assert persistence.founding_threat(m, t)[0].tolist() == [india]  # without power: the largest mean
    with pytest.raises(ValueError, match="founding_threat: power"):
        persistence.founding_threat(m, t, power=np.ones(3))


def test_the_founding_threat_is_the_same_by_rows_as_at_once():
    rng = np.random.default_rng(5)
    t = rng.random((30, 30)) * (rng.random((30, 30)) < 0.3)
    m = rng.random((5000, 30)) < 0.1  # large enough for the row-by-row path
    a, la = persistence.founding_threat(m, t)
    b, lb = persistence.founding_threat(m[:50], t)
    assert a[:50].tolist() == b.tolist() and np.array_equal(la[:50], lb)


def test_a_member_that_allies_with_an_adversary_of_its_partner_has_realigned():
    # members enter in 1900; member 0 later enters a pact with a state its partner fears (1905), or earlier (1899)
    here = np.array([[1900, 1900, -1], [1900, 1900, -1], [1900, 1900, -1]])
    later = np.array([[1905, -1, -1], [1899, -1, -1], [-1, -1, -1]])
    assert persistence.realignment(here, later, 1907, memory_years=5).tolist() == [1.0, 0.0, 0.0]
    assert persistence.realignment(here, later, 1910, memory_years=5).tolist() == [0.0, 0.0, 0.0]  # remembered five years
    with pytest.raises(ValueError, match="realignment: memory_years"):
        persistence.realignment(here, later, 1907, memory_years=0)


def test_adversaries_are_those_near_ones_main_threat():
    t = np.array([[0, 0.4, 0.3, 0.1], [0.0, 0, 0, 0], [0.5, 0, 0, 0], [0, 0, 0, 0]])
    a = persistence.adversaries(t, share=0.5)
    assert a[0].tolist() == [False, True, True, False] and not a[1].any() and a[2].tolist() == [True, False, False, False]
    with pytest.raises(ValueError, match="adversaries: share"):
        persistence.adversaries(t, share=0.0)


def test_a_regime_change_is_the_largest_change_among_the_members():
    m = np.array([[True, True, False], [False, False, True], [False, False, False]])
    d = persistence.regime_change(m, np.array([0.9, 0.2, 0.3]), np.array([0.1, 0.3, 0.3]))
    assert d.round(6).tolist() == [0.8, 0.0, 0.0]


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_the_circumstance_terms_are_independent_further_causes(h, x, d, ha, hd, k):
    re, rg = persistence.circumstance_terms(h, x, d, realignment_hazard=ha, regime_hazard=hd, keep=k)
    assert re == pytest.approx(ha * x * k * (1 - h)) and rg == pytest.approx(hd * d * k * (1 - h - re))
    assert 0 <= h + re + rg <= 1 + 1e-12


def test_members_that_fear_no_one_have_no_founding_threat():
    target, level = persistence.founding_threat(np.array([[True, True, False]]), np.zeros((3, 3)))
    assert target.tolist() == [-1] and level.tolist() == [0.0]


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 0.5), st.floats(0, 1))
def test_the_lapse_is_an_independent_cause_of_dissolution(c, g, hg, inst, w, h0, dp):
    """The four terms sum to 1 - (1 - h_r)(1 - h_g g (1 - w I))(1 - h_0 (1 - w I)): independent competing causes."""
    kw = dict(capability_change=dp, max_hazard=0.3, change_weight=2.0, institutionalisation=inst, institution_weight=w, base_hazard=h0)
    terms = cohesion.dissolution_terms(c, threat_lapse=g, lapse_hazard=hg, **kw)
    h_r = cohesion.dissolution_terms(c, **kw)[:2].sum()
    keep = 1.0 - w * inst
    assert terms.sum() == pytest.approx(1.0 - (1.0 - h_r) * (1.0 - hg * g * keep) * (1.0 - h0 * keep), abs=1e-12)
    assert (terms >= 0).all() and terms[3] == pytest.approx(hg * g * keep * (1.0 - h_r), abs=1e-12)
    assert cohesion.dissolution_hazard(c, threat_lapse=g, lapse_hazard=hg, **kw) == pytest.approx(terms.sum())


def test_a_treaty_whose_threat_is_gone_lives_a_geometric_lifetime_of_mean_one_over_its_hazard():
    """Cohesive, no capability change, founding threat gone: h = h_g (1 - w I), mean lifetime 1 / h years."""
    h = float(cohesion.dissolution_hazard(1.0, threat_lapse=1.0, lapse_hazard=0.15, institutionalisation=0.5, institution_weight=0.8))
    assert h == pytest.approx(0.15 * 0.6)
    rng = np.random.default_rng(0)
    life = rng.geometric(h, 20000)
    assert life.mean() == pytest.approx(1.0 / h, rel=0.03)
    assert float(cohesion.dissolution_hazard(1.0, threat_lapse=0.0, lapse_hazard=0.15)) == 0.0  # its threat as it was: no end


def test_the_lapse_is_refused_outside_zero_one():
    with pytest.raises(ValueError, match="threat_lapse"):
        cohesion.dissolution_terms(0.5, threat_lapse=1.5, lapse_hazard=0.1)


def test_the_abrogating_member_is_the_one_whose_circumstances_changed_most():
    rng = np.random.default_rng(5)
    m = rng.random((30, 7)) < 0.5
    m[:, 0] = True
    m[:, 1] = True
    stake = rng.random((30, 7))
    stake[::4] = np.nan  # no founding threat
    moved = rng.random((30, 7))
    by_power = rng.random(30) < 0.3
    who = persistence.abrogating_member(m, stake, moved, by_power)
    for k in range(30):
        mem = np.flatnonzero(m[k])
        assert m[k, who[k]]
        if by_power[k] or np.isnan(stake[k]).all():
            assert who[k] == mem[moved[k, mem].argmax()]
        else:
            assert who[k] == mem[stake[k, mem].argmin()]


def test_a_treaty_without_members_is_refused():
    with pytest.raises(ValueError, match="abrogating_member"):
        persistence.abrogating_member(np.zeros((1, 3), bool), np.zeros((1, 3)), np.zeros((1, 3)), np.zeros(1, bool))


def test_institutions_protect_against_the_lapse_by_their_own_weight():
    kw = dict(threat_lapse=1.0, lapse_hazard=0.2, institutionalisation=1.0, institution_weight=0.8)
    assert float(cohesion.dissolution_hazard(1.0, **kw)) == pytest.approx(0.2 * 0.2)  # default: the same weight
    assert float(cohesion.dissolution_hazard(1.0, lapse_institution_weight=0.0, **kw)) == pytest.approx(0.2)  # specific assets
    assert float(cohesion.dissolution_hazard(1.0, lapse_institution_weight=0.5, **kw)) == pytest.approx(0.1)


def test_solidarity_damps_every_term_of_the_hazard():
    """Walt 1997, Bennett 1997, Lai & Reiter 2000: regime similarity is a proportional effect on the whole hazard."""
    kw = dict(capability_change=0.5, cohesion_at_formation=0.8, base_hazard=0.01, threat_lapse=0.5, lapse_hazard=0.2, max_hazard=0.3)
    base = cohesion.dissolution_terms(0.4, **kw)
    held = cohesion.dissolution_terms(0.4, solidarity=1.0, solidarity_weight=0.5, **kw)
    assert held[0] == pytest.approx(0.5 * base[0]) and held[1] == pytest.approx(0.5 * base[1])
    assert held[3] == pytest.approx(0.2 * 0.5 * 0.5 * (1.0 - held[0] - held[1])) and held.sum() < base.sum()
    assert held[2] == pytest.approx(0.01 * 0.5 * (1.0 - held[0] - held[1] - held[3]))
    assert cohesion.dissolution_terms(0.4, solidarity=1.0, solidarity_weight=0.0, **kw).tolist() == base.tolist()


def test_general_assets_carry_the_institutions_past_the_threat():
    """Wallander 2000: general assets (an integrated command) protect against the threat's lapse with the full
    institutional weight, assets specific to the threat by the lapse's own weight, and in between linearly."""
    kw = dict(threat_lapse=1.0, lapse_hazard=0.2, institutionalisation=1.0, institution_weight=0.8, lapse_institution_weight=0.0)
    assert float(cohesion.dissolution_hazard(1.0, general_assets=0.0, **kw)) == pytest.approx(0.2)
    assert float(cohesion.dissolution_hazard(1.0, general_assets=1.0, **kw)) == pytest.approx(0.2 * 0.2)
    assert float(cohesion.dissolution_hazard(1.0, general_assets=0.5, **kw)) == pytest.approx(0.2 * 0.6)
    uninstitutionalised = dict(kw, institutionalisation=0.0)
    assert float(cohesion.dissolution_hazard(1.0, general_assets=1.0, **uninstitutionalised)) == pytest.approx(0.2)


def test_a_treaty_is_renewed_while_the_circumstances_of_its_signature_hold_and_lapses_when_its_threat_is_gone():
    """Leeds & Savun 2007, Koremenos 2005: renewal at term's end is the share of the treaty's purpose that remains."""
    p = persistence.renewal_probability([0.8, 0.8, 0.4, 0.8], [0.0, 1.0, 0.0, 0.5], [0.0, 0.0, 0.0, 0.0], change_weight=1.0,
                                        cohesion_at_formation=[0.8, 0.8, 0.8, float("nan")])
    assert p.tolist() == pytest.approx([1.0, 0.0, 0.6, 0.4])  # as at signature; threat gone; 0.4 of cohesion lost; no reference
    moved = persistence.renewal_probability(1.0, 0.0, 0.5, change_weight=2.0)
    assert moved == pytest.approx(np.exp(-1.0))  # Morrow 1991: a shift in capability among the members
    kept = persistence.renewal_probability(1.0, 1.0, 0.0, change_weight=1.0, institutionalisation=[0.0, 0.5, 1.0], institution_weight=0.8)
    assert kept.tolist() == pytest.approx([0.0, 0.4, 0.8])  # institutions remove the share omega I of the lapse (Wallander 2000)


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 3), st.floats(0, 1))
def test_renewal_falls_as_cohesion_falls_and_the_threat_lapses(c, dc, g, dp, inst):
    p = persistence.renewal_probability([c, c * (1 - dc)], [g, min(g + dc, 1.0)], dp, change_weight=0.5, institutionalisation=inst, institution_weight=0.8)
    assert 0.0 <= p[1] <= p[0] + 1e-12 <= 1.0 + 1e-12


def test_a_treaty_in_force_has_been_renewed_up_to_the_current_term():
    """ATOP length/renewlgt: the Triple Alliance (1882, six years, renewed by six) is in its 1900-1906 term in 1900...
    1901; the Reinsurance Treaty (1887, three years) ends its first term in 1890; no stated term, no end."""
    ends = persistence.term_end_after([1882, 1882, 1887, 1949], [6, 6, 3, 0], [6, 6, 0, 0], [1900, 1901, 1888, 1990])
    assert ends.tolist() == [1900.0, 1906.0, 1890.0, np.inf]
    assert persistence.term_end_after(1923, 131 / 12, 0.0, 1946) == pytest.approx(1923 + 3 * 131 / 12)


def test_bad_renewal_inputs_are_refused_by_name():
    with pytest.raises(ValueError, match="renewal_probability.*threat_lapse"):
        persistence.renewal_probability(0.5, 1.5, 0.0, change_weight=1.0)
    with pytest.raises(ValueError, match="renewal_probability.*change_weight"):
        persistence.renewal_probability(0.5, 0.5, 0.0, change_weight=-1.0)


def test_like_regimes_renew_more_as_they_abrogate_less():
    """Gaubatz 1996, Lai & Reiter 2000: solidarity damps the chance of lapsing by sigma S, as it damps the hazard."""
    p = persistence.renewal_probability(1.0, 1.0, 0.0, change_weight=1.0, solidarity=[0.0, 0.5, 1.0], solidarity_weight=0.4)
    assert p.tolist() == pytest.approx([0.0, 0.2, 0.4])


def test_democratic_commitment_is_the_weakest_link():
    """Gaubatz 1996, Dixon 1993: a treaty binds as durably as its least democratic member."""
    m = np.array([[True, True, False, False], [False, False, True, True], [True, False, True, False]])
    r = np.array([0.9, 0.8, 0.1, 0.1])
    assert persistence.democratic_commitment(m, r).tolist() == [0.8, 0.1, 0.1]
    # like autocracies (regime similarity 1) get no protection; democracies do (Reed 1997: their alliances last longer)
    kw = dict(max_hazard=0.3, solidarity_weight=0.4, cohesion_at_formation=0.9)
    h_dem, h_aut = (float(cohesion.dissolution_hazard(0.6, solidarity=s, **kw)) for s in persistence.democratic_commitment(m[:2], r))
    assert h_dem == pytest.approx(0.3 * 0.3 * (1 - 0.4 * 0.8)) and h_aut == pytest.approx(0.3 * 0.3 * (1 - 0.4 * 0.1)) and h_dem < h_aut
    with pytest.raises(ValueError, match="democratic_commitment"):
        persistence.democratic_commitment(m, r[:3])


def test_a_treaty_without_a_third_party_purpose_does_not_end_when_a_third_party_fades():
    """Non-aggression, neutrality and consultation regulate the members' own relation (Weitsman 2004): the founding
    threat's lapse, which ends a defence pact at the lapse hazard, adds nothing to their hazard or to their lapsing at
    term's end; the other terms are the same."""
    ob = np.array([[1, 0, 0, 0, 1], [0, 0, 0, 1, 0], [0, 0, 1, 1, 1], [0, 1, 0, 0, 0]], dtype=bool)
    tp = persistence.has_third_party_purpose(ob)
    assert tp.tolist() == [True, False, False, True]
    terms = cohesion.dissolution_terms(1.0, threat_lapse=1.0, lapse_hazard=0.2, third_party=tp)
    assert terms[3].tolist() == pytest.approx([0.2, 0.0, 0.0, 0.2])
    renew = persistence.renewal_probability(1.0, 1.0, 0.0, change_weight=1.0, third_party=tp)
    assert renew.tolist() == [0.0, 1.0, 1.0, 0.0]


def test_institutions_specific_to_a_threat_now_gone_do_not_renew_a_treaty():
    """Wallander 2000, as in the hazard's 'threat gone' term: at term's end (or the war's), a treaty whose founding
    threat is gone is kept by its general assets only; while the threat is there, all its institutions count."""
    kw = dict(change_weight=1.0, institutionalisation=1.0, institution_weight=0.8, lapse_institution_weight=0.0)
    gone = persistence.renewal_probability(0.5, 1.0, 0.0, general_assets=[0.0, 0.5, 1.0], **kw)
    assert gone.tolist() == pytest.approx([0.0, 0.4, 0.8])
    present = persistence.renewal_probability(0.5, 0.0, 0.0, cohesion_at_formation=1.0, general_assets=0.0, **kw)
    assert float(present) == pytest.approx(1 - 0.5 * 0.2)


def test_cohesion_lost_is_a_difference_not_a_ratio():
    """The share of cohesion lost since signature (Leeds & Savun 2007) in cohesion's own units: a move from 0.06 to
    0.04 is a loss of 0.02 (the ratio called it a third), a rise is no loss, and no reference leaves cohesion as it is."""
    assert cohesion.cohesion_retained([0.04, 0.9, 0.2, 0.3], [0.06, 0.5, 0.8, np.nan]).tolist() == pytest.approx([0.98, 1.0, 0.4, 0.3])
    h = cohesion.dissolution_hazard(0.04, max_hazard=0.3, cohesion_at_formation=0.06)
    assert float(h) == pytest.approx(0.3 * 0.02)


def _simulated_survival(h: float, term: float, p: float, years: int, n: int, seed: int) -> np.ndarray:
    """The discrete process the simulator runs: a hazard draw each year, then at each term's end the renewal draw."""
    rng = np.random.default_rng(seed)
    alive = np.ones(n, bool)
    out = [alive.mean()]
    for t in range(1, years + 1):
        alive &= rng.random(n) >= h
        if term and t % term == 0:
            alive &= rng.random(n) < p
        out.append(alive.mean())
    return np.array(out)


@pytest.mark.parametrize("h, term, p", [(0.05, 5, 0.7), (0.02, 10, 0.5), (0.1, 0, 1.0)])
def test_survival_with_terms_is_the_law_of_the_hazard_and_renewal_process(h, term, p):
    """Analytic: S(t) = (1-h)^t p^floor(t/T), within 3 binomial standard errors of 20,000 simulated treaties."""
    n = 20000
    sim = _simulated_survival(h, term, p, 30, n, seed=7)
    law = persistence.survival_with_terms(np.arange(31), h, term if term else np.inf, p)
    assert np.all(np.abs(sim - law) <= 3 * np.sqrt(law * (1 - law) / n) + 1e-12)


def test_tacit_renewal_leaves_only_the_geometric_law_of_the_hazard():
    """Koremenos 2005: a term that renews unless a member gives notice is no decision point: its renewal probability is 1
    whatever the circumstances, so the treaty's survivor function is the abrogation hazard's geometric law (1-h)^t, the
    same as a treaty with no term; one renewed by agreement whose founding threat is gone does not outlive its first term."""
    p = persistence.renewal_probability([0.2, 0.2], [1.0, 1.0], 0.5, change_weight=1.0, cohesion_at_formation=[0.9, 0.9], automatic=[True, False])
    assert p.tolist() == [1.0, 0.0]
    t = np.arange(25)
    assert np.allclose(persistence.survival_with_terms(t, 0.04, 5, p[0]), persistence.survival_with_terms(t, 0.04, np.inf, 0.0))
    assert persistence.survival_with_terms(5, 0.0, 5, p[1]) == 0.0


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_a_pact_without_a_third_party_purpose_loses_only_the_weighted_share_of_its_cohesion(c, c0, kappa, dp):
    """Long, Nordstrom & Baek 2007: a non-aggression pact regulates its members' own relation, so the cohesion it lost (which
    moves with the common external threat) counts with weight kappa: its 'cohesion lost' term is kappa times a defence
    pact's (analytic), 0 at kappa 0, and at a term's end the retained cohesion is 1 - kappa (1 - c~)."""
    c0 = max(c0, c)
    kw = dict(cohesion_at_formation=c0, max_hazard=0.3, capability_change=dp, change_weight=1.0, unaimed_cohesion_weight=kappa)
    aimed = cohesion.dissolution_terms(c, third_party=True, **kw)
    unaimed = cohesion.dissolution_terms(c, third_party=False, **kw)
    assert float(unaimed[0]) == pytest.approx(kappa * float(aimed[0]), abs=1e-12)
    if kappa == 0.0:
        assert float(unaimed[0]) == 0.0
    kept = cohesion.cohesion_retained(c, c0)
    p = persistence.renewal_probability(c, 0.0, 0.0, change_weight=1.0, cohesion_at_formation=c0, third_party=False, unaimed_cohesion_weight=kappa)
    assert float(p) == pytest.approx(1.0 - kappa * (1.0 - float(kept)), abs=1e-12)


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_a_tacit_term_keeps_the_notice_share_of_the_chance_of_lapsing(c, g, nu):
    """Analytic: p_auto = 1 - nu (1 - p) for the p of the same treaty renewed by agreement; nu 0 is renewal for sure, nu 1
    a decision afresh (Koremenos 2005; Leeds & Savun 2007)."""
    kw = dict(change_weight=1.0, cohesion_at_formation=1.0)
    p = float(persistence.renewal_probability(c, g, 0.1, **kw))
    q = float(persistence.renewal_probability(c, g, 0.1, automatic=True, notice_share=nu, **kw))
    assert q == pytest.approx(1.0 - nu * (1.0 - p), abs=1e-12) and p - 1e-12 <= q <= 1.0
    with pytest.raises(ValueError, match="notice_share"):
        persistence.renewal_probability(c, g, 0.1, automatic=True, notice_share=1.5, **kw)


def test_a_treaty_made_for_an_event_is_not_renewed_when_it_comes():
    """ATOP speclgth 2 (Leeds et al. 2002): a pact made until a war's end is fulfilled by it, whatever else holds."""
    p = persistence.renewal_probability(1.0, 0.0, 0.0, change_weight=1.0, institutionalisation=1.0, institution_weight=1.0, event_bound=True)
    assert float(p) == 0.0
    with pytest.raises(ValueError, match="survival_with_terms"):
        persistence.survival_with_terms(1, 1.5, 5, 0.5)


def test_a_small_regime_drift_is_not_called_a_regime_change():
    """Issue 17 item 4: a label says what the values show. A transition (Hungary 1989-90, about 0.6 on V-Dem's scale) is
    'regime changed'; a drift of 0.05 is 'regime shifted'; without the values the cause is named as it is."""
    assert cohesion.dissolution_label([5, 5, 5], 1.0, 0.0, [0.6, 0.05, 0.15]) == ["regime changed", "regime shifted", "regime changed"]
    assert cohesion.dissolution_label([5, 4], 1.0, 0.0) == ["regime changed", "realigned"]


def test_only_a_military_commitment_as_strong_and_against_another_enemy_realigns():
    """Snyder 1997, Weitsman 2004: a neutrality, non-aggression or consultation pledge with an adversary is hedging; a pact
    against the old treaty's own founding threat reinforces it; a defence pact against another enemy is realignment."""
    commit = np.array([0.75, 0.75, 0.75, 0.30, 0.75, 0.30])
    third = np.array([True, True, True, False, True, False])
    target = np.array([4, 4, 9, -3, -1, -3])  # -3, -1: none known
    r = abrogation.realigning_pledges(commit, third, target)
    assert not r[1, 0] and r[2, 0] and not r[3, 0] and r[4, 0]  # same enemy; other enemy; a lesser, non-military pledge; unknown enemy
    assert not r[3, 5] and r[0, 5] and not r[5, 3]  # a non-aggression pact never realigns, even a non-aggression treaty
    assert not r.diagonal().any()
    lesser = abrogation.realigning_pledges(np.array([0.75, 0.5]), np.array([True, True]), np.array([-1, -1]))
    assert lesser.tolist() == [[False, True], [False, False]]  # a weaker military pledge is no substitute for a stronger one


def test_regime_abrogation_is_the_union_of_the_changed_members_independent_abrogations():
    rng = np.random.default_rng(3)
    m = rng.random((40, 6)) < 0.5
    r, r0 = rng.random(6), rng.random(6)
    h = 0.3
    p = abrogation.regime_abrogation(m, r, r0, hazard=h)
    for a in range(40):
        assert p[a] == pytest.approx(1 - np.prod(1 - h * np.abs(r - r0)[m[a]]))
    one = np.zeros((1, 6), bool)
    one[0, :2] = True
    r1 = r0.copy()
    r1[0] = r0[0] + 0.5 if r0[0] < 0.5 else r0[0] - 0.5  # a single member changed: the old form h * Delta
    assert abrogation.regime_abrogation(one, r1, r0, hazard=h)[0] == pytest.approx(h * persistence.regime_change(one, r1, r0)[0])
    with pytest.raises(ValueError, match="regime_abrogation: hazard"):
        abrogation.regime_abrogation(m, r, r0, hazard=1.5)


def test_a_treaty_ends_for_all_only_when_its_drawn_cause_is_a_founding_threat_gone():
    assert abrogation.ends_the_whole_treaty([True, True, True, False], [1.0, 0.5, 0.49, 1.0]).tolist() == [True, True, False, False]


def test_for_a_regime_change_the_member_whose_regime_moved_most_abrogates():
    m = np.array([[True, True, True, False], [True, True, True, False]])
    stake = np.array([[0.3, 0.1, 0.2, 0.9]] * 2)
    moved = np.array([[0.0, 0.2, 0.1, 0.0]] * 2)
    shift = np.array([0.1, 0.0, 0.6, 0.9])  # the non-member moved most: it is not chosen
    who = persistence.abrogating_member(m, stake, moved, np.array([False, True]), shift, np.array([True, True]))
    assert who.tolist() == [2, 1]  # a regime change: state 2; a power shift comes first: state 1
    assert persistence.abrogating_member(m, stake, moved, np.array([False, False])).tolist() == [1, 1]  # unchanged without it


def test_the_least_threat_to_a_pact_is_the_minimum_over_its_members_to_the_bit():
    """``_least_threat`` (one reduction over the members' rows, issue 16) gives the bits of the (A, N, N) expression it replaced,
    on random pacts (some empty) and threats with zeros, infinities and NaN."""
    rng = np.random.default_rng(16)
    for _ in range(300):
        n_a, n = rng.integers(0, 9), rng.integers(1, 10)
        m = rng.random((n_a, n)) < rng.random()
        t = rng.random((n, n)) * (rng.random((n, n)) < 0.7)
        t[rng.random((n, n)) < 0.05] = np.nan
        t[rng.random((n, n)) < 0.05] = np.inf
        want = np.where(m[:, :, None], t[None, :, :], np.inf).min(axis=1)
        assert np.array_equal(persistence._least_threat(m, t).view(np.int64), want.view(np.int64))


def test_a_named_adversary_first_measured_after_signature_is_held_to_the_members_common_main_threat():
    """Walt 1987: a treaty is written against the outsider that threatens its members most, so its named adversary threatened
    them at signature at least as much as their common main threat does at the first measure: nil lapse where it still is
    that threat, 1 - T_k / T_c where another outsider now threatens more (a defeated adversary), the whole where it poses
    none (continuous with a named adversary gone from the world, lapse 1)."""
    ref = persistence.named_threat_at_signing([0.4, 0.04, 0.0, 0.3, 0.2], [0.4, 0.2, 0.2, 0.1, np.nan])
    assert ref.tolist() == [0.4, 0.2, 0.2, 0.3, 0.2]
    g = persistence.threat_lapse([0.4, 0.04, 0.0, 0.3, 0.2], ref)
    assert g.round(12).tolist() == [0.0, 0.8, 1.0, 0.0, 0.0]


@settings(max_examples=60, deadline=None)
@given(st.floats(1e-4, 2), st.floats(0, 2))
def test_the_first_lapse_of_a_named_adversary_is_its_shortfall_from_the_common_threat(t, c):
    g = persistence.threat_lapse(t, persistence.named_threat_at_signing(t, c))
    assert g == pytest.approx(max(0.0, 1.0 - t / c) if c > 0 else 0.0, abs=1e-12)


def test_bad_named_threats_are_refused_by_name():
    with pytest.raises(ValueError, match="named_threat_at_signing: named_now"):
        persistence.named_threat_at_signing(-0.1, 0.2)
    with pytest.raises(ValueError, match="named_threat_at_signing: common_now"):
        persistence.named_threat_at_signing(0.1, -0.2)


def test_an_institutionalised_treaty_absorbs_a_faded_threat_but_not_one_entirely_gone():
    """Wallander 2000, McCalla 1996: institutions adapt to a threat that has faded (a lapse under theta * I counts for
    nothing), not to one entirely gone (a lapse of 1 stays 1: the Warsaw Pact, 1991); without assets the lapse is whole."""
    g = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
    full = persistence.adapted_lapse(g, 1.0, threshold=0.5)
    assert full.round(12).tolist() == [0.0, 0.0, 0.0, 0.5, 1.0]
    assert persistence.adapted_lapse(g, 0.0, threshold=0.5).tolist() == g.tolist()
    assert persistence.adapted_lapse(g, 1.0, threshold=0.0).tolist() == g.tolist()
    # level 1 (I = 0.5): half the threshold
    assert persistence.adapted_lapse(g, 0.5, threshold=0.5).round(12).tolist() == [0.0, 0.0, 0.333333333333, 0.666666666667, 1.0]
    # all assets and all threshold: only a threat entirely gone counts
    assert persistence.adapted_lapse(g, 1.0, threshold=1.0).tolist() == [0.0, 0.0, 0.0, 0.0, 1.0]


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_the_adapted_lapse_is_a_lapse_no_larger_than_the_lapse_and_falls_with_the_assets(g, i, di, theta):
    a = persistence.adapted_lapse(g, i, threshold=theta)
    b = persistence.adapted_lapse(g, min(1.0, i + di), threshold=theta)
    assert 0.0 <= float(b) <= float(a) + 1e-12 <= g + 2e-12
    assert float(persistence.adapted_lapse(1.0, i, threshold=theta)) == 1.0


def test_bad_adapted_lapse_inputs_are_refused_by_name():
    with pytest.raises(ValueError, match="adapted_lapse: threat_lapse"):
        persistence.adapted_lapse(1.2, 0.5, threshold=0.5)
    with pytest.raises(ValueError, match="adapted_lapse: institutional"):
        persistence.adapted_lapse(0.2, -0.5, threshold=0.5)
    with pytest.raises(ValueError, match="adapted_lapse: threshold"):
        persistence.adapted_lapse(0.2, 0.5, threshold=1.5)


def test_an_inherited_treaty_is_aimed_at_its_signatories_common_threat():
    """Walt 1987: the signatories aim the treaty; a member that joined since (Turkey in NATO, 1952) does not re-aim it. Its
    signatories' common threat (state 3, threatening both) is its founding threat, not the threat of the later member
    (state 4) that outweighs it in the mean over all three."""
    m = np.array([[True, True, True, False, False]])
    entry = np.array([[1949, 1949, 1952, -1, -1]])
    t = np.zeros((5, 5))
    t[0, 3], t[1, 3] = 0.1, 0.1
    t[2, 4] = 0.9
    signed = persistence.founding_members(m, entry, np.array([1949]))
    assert signed.tolist() == [[True, True, False, False, False]]
    assert persistence.founding_threat(signed, t)[0].tolist() == [3]
    assert persistence.founding_threat(m, t)[0].tolist() == [4]
    # a pact formed this year: all its members signed it
    assert persistence.founding_members(m, np.array([[1990, 1990, 1990, -1, -1]]), np.array([1990])).tolist() == m.tolist()
    with pytest.raises(ValueError, match="founding_members"):
        persistence.founding_members(m, entry[:, :3], np.array([1949]))


def test_without_the_mean_fallback_a_threat_no_signatory_shares_and_the_weakest_does_not_face_is_none():
    """Leeds & Savun 2007: of a treaty whose circumstances at signature are unobserved, the outsider of the largest mean
    threat, which threatens neither every member nor the weakest, is no founding threat; the shared threat and the weakest
    member's are kept, row by row as ``mean_fallback`` says."""
    rng = np.random.default_rng(11)
    t = rng.random((8, 8)) * (rng.random((8, 8)) < 0.3)
    np.fill_diagonal(t, 0.0)
    m = rng.random((300, 8)) < 0.35
    power = rng.random(8)
    keep = rng.random(300) < 0.5
    a, la = persistence.founding_threat(m, t, power)
    b, lb = persistence.founding_threat(m, t, power, mean_fallback=keep)
    none_seen = 0
    for r in range(len(m)):
        inside, outside = np.flatnonzero(m[r]), np.flatnonzero(~m[r])
        if keep[r] or not len(inside) or not len(outside) or a[r] < 0:
            assert b[r] == a[r] and lb[r] == la[r]
            continue
        shared = t[np.ix_(inside, outside)].min(axis=0).max() > 0
        weakest = inside[power[inside].argmin()]
        if shared or t[weakest, outside].max() > 0:  # the common threat, or the weakest member's (Morrow 1991): kept
            assert b[r] == a[r] and lb[r] == la[r]
        else:  # the mean alone named it: none
            none_seen += 1
            assert b[r] == -1 and lb[r] == 0.0
    assert none_seen


def test_the_examples_of_persistence_and_founding_hold():
    """The docstrings' examples (the founding threat, its lapse, the renewal of a term) are run, not only read."""
    import doctest

    from foedus.theory import founding, persistence

    for module in (founding, persistence):
        result = doctest.testmod(module, raise_on_error=False)
        assert result.attempted > 0 and result.failed == 0, (module.__name__, result)
