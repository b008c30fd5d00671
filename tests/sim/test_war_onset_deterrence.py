"""Extended deterrence among the great powers (gpwar13; issues 12 and 17): foedus.sim.steps.war_onset_deterrence and the
entry of a great power that signs a pact for a war against a great power (foedus.sim.steps.wartime).

Huth (1988), Leeds (2003): a great power's pledge to a minor state deters a great power's attack on it, because the attack would
be a war between great powers (Bremer 1992; Levy 1983). Mechanism claims one-sided at alpha 0.01.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from foedus.schema import OBLIGATIONS
from foedus.sim import Simulation
from foedus.sim.steps._common import ALLIANCE
from foedus.sim.steps.conflict import _war_onsets, defence_pairs
from foedus.sim.steps.war_entry import year_reach
from foedus.sim.steps.war_onset_deterrence import great_power_deterrence
from foedus.sim.steps.wartime import wartime_pacts
from foedus.testing import synthetic_scenario
from foedus.theory import war_restraint as th_restraint

ALPHA = 0.01


def _world(seed: int = 1, year: int = 1900, **parameters):
    """Five states, every pair contiguous, none allied; 0 and 2 great powers, 1, 3 and 4 minor, equal capabilities."""
    sc = synthetic_scenario(5, seed=seed, years=5, alliances=0, **parameters)
    sim = Simulation(sc, rng=seed)
    w = sim.world
    w.state.year = year
    w.inputs.contiguous[:] = True
    np.fill_diagonal(w.inputs.contiguous, False)
    w.state.major[:] = False
    w.state.major[[0, 2]] = True
    w.state.cinc[:] = 0.1
    return sim


def _defence(w, a: int, b: int) -> None:
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[OBLIGATIONS.index("defense")] = True
    pw = w.state.power[[a, b]]
    w.state.agreements.add_pairs(np.array([[a, b]]), w.state.year, kind=ALLIANCE, obligations=ob, asymmetric=np.array([False]), leader=np.array([a]),
                                 wartime=np.array([False]), power=pw[None, :])


def test_a_great_powers_protege_is_deterred_at_the_joint_major_odds():
    """Great power 0 against minor 1, which great power 2 is pledged to defend: the factor is extended_deterrence of the
    protector's chance (the era's reliability times its reach); without the pledge, against a great power (its hazard carries
    the term), for a minor attacker, or with the protector bound to the attacker too, nothing."""
    sim = _world()
    w = sim.world
    att, tgt = np.array([0, 0, 3, 0]), np.array([1, 4, 1, 2])
    f0, q0 = great_power_deterrence(w, att, tgt, defence_pairs(w))
    assert (f0 == 1.0).all() and (q0 == 0.0).all()
    _defence(w, 1, 2)
    f, q = great_power_deterrence(w, att, tgt, defence_pairs(w))
    rho = w.inputs.params.honour_base_rate
    reach = year_reach(w, np.array([1]))[2, 1]
    assert q[0] == pytest.approx(rho * reach, rel=1e-9) and q[0] > 0
    assert f[0] == pytest.approx(float(th_restraint.extended_deterrence([q[0]], w.inputs.params.war_onset_joint_major)[0]), rel=1e-12)
    assert f[0] < 1.0 and (f[1:] == 1.0).all()
    _defence(w, 0, 2)  # conflicting obligations: the protector is bound to the attacker as well
    assert (great_power_deterrence(w, att, tgt, defence_pairs(w))[0] == 1.0).all()


def test_the_war_onset_names_the_deterrence_it_passed():
    """A war a great power begins against a protected minor names extended_deterrence and the protector's chance in its factors."""
    sim = _world(seed=3, year=1880, war_onset_intercept=5.0, war_onset_expected_victory=0.0)
    w = sim.world
    _defence(w, 1, 2)
    w.state.hostility[:] = 0.0
    w.state.hostility[0, 1] = w.state.hostility[1, 0] = 0.9
    w.state.rivalry[0, 1] = w.state.rivalry[1, 0] = True
    found = False
    for _ in range(40):
        w.state.at_war[:] = False
        _war_onsets(w, sim.rng)
        ev = w.log.events_table()
        for e in ev.itertuples():
            d = e.detail if isinstance(e.detail, dict) else __import__("json").loads(e.detail or "{}")
            if e.kind == "war" and e.ccode == w.inputs.ccode[0] and e.ccode2 == w.inputs.ccode[1] and "extended_deterrence" in d.get("factors", {}):
                assert 0 < d["factors"]["extended_deterrence"] < 1 and d["factors"]["protector_fights_probability"] > 0
                found = True
        if found:
            break
    assert found


def test_a_great_power_signing_against_a_great_power_enters_less_often_than_a_minor():
    """Great power 0 attacks minor 1; state 3 shares 1's enemy and signs a pact for the war: as a minor it always enters (the
    record's minor signatories fought), as a great power with the era's reliability at the joint-major odds (Austria, 1854).
    One-sided Fisher at 1 % over 80 seeds; the pact is signed either way."""
    n = 80
    entered = {"minor": 0, "great": 0}
    signed = {"minor": 0, "great": 0}
    for seed in range(n):
        for kind in ("minor", "great"):
            sim = _world(seed=seed, wartime_pact_rate=50.0, wartime_neutrality_rate=0.0)
            w = sim.world
            w.state.major[3] = kind == "great"
            w.state.hostility[:] = 0.0
            w.state.hostility[0, 1] = w.state.hostility[1, 0] = 0.9
            w.state.hostility[3, 0] = w.state.hostility[0, 3] = 0.8
            w.state.rivalry[3, 0] = w.state.rivalry[0, 3] = True  # a common adversary (foedus.theory.wartime.common_adversary)
            w.state.at_war[:] = False
            w.state.at_war[0, 1] = w.state.at_war[1, 0] = True
            w.state.wars = [{"start": w.state.year, "attacker": 0, "target": 1, "side": {0: 1, 1: 2}, "pending": []}]
            wartime_pacts(w, sim.rng)
            ag = w.state.agreements
            s = np.flatnonzero(ag.active[: ag.n] & (ag.war_enemy[: ag.n] == 0) & ag.members[: ag.n, 3])
            signed[kind] += len(s) > 0
            entered[kind] += bool(w.state.at_war[3, 0])
            assert len(s) > 0 or not w.state.at_war[3, 0]
    assert signed["great"] >= 20 and signed["minor"] >= 20, signed
    assert entered["minor"] == signed["minor"], (entered, signed)
    table = [[entered["minor"], signed["minor"] - entered["minor"]], [entered["great"], signed["great"] - entered["great"]]]
    assert stats.fisher_exact(table, alternative="greater").pvalue < ALPHA, (entered, signed)


def test_a_nuclear_armed_partner_does_not_join_a_coalition_against_a_nuclear_armed_enemy():
    """Jervis (1989): every route into a war is held back by the nuclear restraint, the coalitions a war's outset makes too. In
    1961 the Soviet Union (COW 365) attacks China (710); the United States (2), sharing China's enemy, would combine with it: it
    never enters in 30 seeds, while a non-nuclear partner (Japan, 740) in the same place enters in some."""
    entered = {2: 0, 740: 0}
    for seed in range(30):
        for code in entered:
            sim = _world(seed=seed, year=1961, wartime_pact_rate=200.0, wartime_neutrality_rate=0.0, offence_abrogation_strength=0.0)
            w = sim.world
            w.inputs.ccode[:] = [365, 710, 900, code, 901]
            w.state.major[:] = False  # the nuclear restraint alone
            w.state.hostility[:] = 0.0
            w.state.hostility[0, 1] = w.state.hostility[1, 0] = 0.9
            w.state.hostility[3, 0] = w.state.hostility[0, 3] = 0.8
            w.state.rivalry[3, 0] = w.state.rivalry[0, 3] = True  # a common adversary (foedus.theory.wartime.common_adversary)
            w.state.at_war[:] = False
            w.state.at_war[0, 1] = w.state.at_war[1, 0] = True
            w.state.wars = [{"start": w.state.year, "attacker": 0, "target": 1, "side": {0: 1, 1: 2}, "pending": []}]
            w.cache.clear()
            wartime_pacts(w, sim.rng)
            entered[code] += bool(w.state.at_war[3, 0])
    assert entered[2] == 0 and entered[740] >= 5, entered


def _pact(w, a: int, b: int, obligation: str) -> None:
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[OBLIGATIONS.index(obligation)] = True
    w.state.agreements.add_pairs(np.array([[a, b]]), w.state.year, kind=ALLIANCE, obligations=ob, asymmetric=np.array([False]), leader=np.array([a]),
                                 wartime=np.array([False]), power=w.state.power[[a, b]][None, :])


@pytest.mark.parametrize(("year", "weight"), [(1900, 1.0), (1960, 1.0), (1960, 0.0)])
def test_the_initiator_counts_its_defence_and_offence_partners(year, weight):
    """Bueno de Mesquita (1981) counts a third party by its preference, an ally's being for its partner, and by the chance it
    fights. Minor 3 against minor 4 (equal capabilities): an offence partner of 3, pledged to join its attack, raises its odds
    of prevailing by the partner's capability arriving at the target (victory_probability), a defence partner of the target
    lowers them by the same; a defence partner of 3, pledged to defend it and not to join its attack, adds its capability at
    its expected support (the era's reliability of a call, 0.68 before 1945 and 0.22 from 1945 at the defaults; in full at
    weight 0; Leeds 2003; initiator21)."""
    from foedus.sim.steps.conflict import expected_victory
    from foedus.theory.expected_victory import victory_probability

    att, tgt = np.array([3]), np.array([4])

    def odds(*pact):
        w = _world(year=year, war_onset_ally_expected_support=weight).world
        if pact:
            _pact(w, *pact)
        return float(expected_victory(w, att, tgt)[0]), w

    alone, w = odds()
    p = w.inputs.params
    s = {1.0: p.honour_base_rate if year < 1945 else p.honour_base_rate_charter, 0.0: 1.0}[weight]
    r3, r1 = year_reach(w, tgt)[3, 4], year_reach(w, tgt)[1, 4]
    assert alone == pytest.approx(float(victory_probability([0.1 * r3], [0.1])[0]), rel=1e-12)
    backed = float(victory_probability([0.1 * r3], [0.1], [0.1 * r1], [0.0])[0])
    defended = float(victory_probability([0.1 * r3], [0.1], [s * 0.1 * r1], [0.0])[0])
    assert odds(3, 1, "offense")[0] == pytest.approx(backed, rel=1e-12)
    assert odds(3, 1, "defense")[0] == pytest.approx(defended, rel=1e-12)
    deterred = odds(4, 1, "defense")[0]
    assert deterred == pytest.approx(float(victory_probability([0.1 * r3], [0.1], [0.0], [0.1 * r1])[0]), rel=1e-12)
    assert backed >= defended > alone > deterred and (defended < backed) == (weight > 0)
