"""foedus.theory.war: the call to arms (Leeds et al. 2000, 2002), disputes and escalation."""

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from foedus.schema import OBLIGATIONS
from foedus.theory import war
from foedus.theory.capability import commitment_strength
from foedus.theory.war import casus_foederis, dispute_probability, escalation_probability, institutional_restraint, war_commitment

pytestmark = pytest.mark.filterwarnings("error")
DEF, OFF = OBLIGATIONS.index("defense"), OBLIGATIONS.index("offense")


def test_docstring_examples_run():
    assert doctest.testmod(war, raise_on_error=False).failed == 0


def test_only_defence_and_offence_promise_to_fight():
    eye = np.eye(5, dtype=bool)
    assert war_commitment(eye).tolist() == [1.0, 0.8, 0.0, 0.0, 0.0]
    # a defence pact keeps the strength ATOP's weights give it, conditional or not
    ob = np.array([[1, 0, 0, 1, 1], [1, 0, 0, 1, 1]], bool)
    assert np.array_equal(war_commitment(ob, [False, True]), commitment_strength(ob, [False, True]))


@given(
    hnp.arrays(bool, st.tuples(st.integers(1, 6), st.integers(3, 7))),
    st.data(),
)
@settings(max_examples=200, deadline=None)
def test_nobody_is_called_without_a_defence_or_offence_obligation_toward_the_side_it_joins(members, data):
    s, n = members.shape
    ob = data.draw(hnp.arrays(bool, (s, 5)))
    att = data.draw(st.integers(0, n - 1))
    tgt = data.draw(st.integers(0, n - 1).filter(lambda t: t != att))
    commit, pact, side = casus_foederis(members, ob, att, tgt)
    for i in np.flatnonzero(commit > 0):
        p = pact[i]
        assert members[p, i] and members[p, side[i]] and not members[p, att if side[i] == tgt else tgt]
        assert ob[p, DEF] if side[i] == tgt else ob[p, OFF]
        assert i not in (att, tgt)
    # nobody bound by a defence pact to the state it would fight is called against it (conflicting obligations)
    guards = lambda x: (members & (ob[:, DEF] & members[:, x])[:, None]).any(axis=0)  # noqa: E731
    for i in np.flatnonzero(commit > 0):
        assert not guards(att if side[i] == tgt else tgt)[i]
    # and everyone a defence pact of the target alone binds is called (to some side), unless bound to defend the attacker
    for p in range(s):
        if ob[p, DEF] and members[p, tgt] and not members[p, att]:
            for i in np.flatnonzero(members[p]):
                if i not in (att, tgt) and not guards(att)[i]:
                    assert commit[i] > 0


def test_neutrality_nonaggression_and_consultation_call_nobody():
    m = np.ones((3, 4), bool)
    m[:, 0] = False  # the attacker is outside every pact
    ob = np.zeros((3, 5), bool)
    ob[0, OBLIGATIONS.index("neutrality")] = ob[1, OBLIGATIONS.index("nonaggression")] = ob[2, OBLIGATIONS.index("consultation")] = True
    commit, pact, side = casus_foederis(m, ob, 0, 1)
    assert not commit.any() and (pact == -1).all() and (side == -1).all()


def test_a_state_bound_both_ways_answers_the_defence_call():
    m = np.array([[0, 1, 1], [1, 0, 1]], bool)  # 2 defends 1; 2 has an offence pact with 0
    ob = np.zeros((2, 5), bool)
    ob[0, DEF] = ob[1, OFF] = True
    commit, pact, side = casus_foederis(m, ob, attacker=0, target=1)
    assert (commit[2], pact[2], side[2]) == (1.0, 0, 1)


def test_a_state_bound_to_defend_both_belligerents_stays_out():
    """Conflicting obligations: 2 must defend 1 (pact 0) and also 0 (pact 1, a NATO ally of the attacker): when 0 attacks 1
    the EU-like pact 0 does not call 2 against its other ally (the Cyprus war of 1974, the Football War of 1969); 3, bound
    to 1 alone, is called."""
    m = np.array([[0, 1, 1, 1], [1, 0, 1, 0]], bool)
    ob = np.zeros((2, 5), bool)
    ob[:, DEF] = True
    commit, pact, side = casus_foederis(m, ob, attacker=0, target=1)
    assert commit[2] == 0 and pact[2] == -1 and side[2] == -1
    assert (commit[3], pact[3], side[3]) == (1.0, 0, 1)


def test_dispute_and_escalation_probabilities():
    assert dispute_probability(0.02, 1.0, 1.0) == pytest.approx(0.02)
    assert dispute_probability(0.02, 0.0, 1.0) == 0.0 and dispute_probability(0.02, 1.0, 0.0) == 0.0
    assert dispute_probability(0.02, 0.5, 0.5, 1.0) == 0.0
    assert institutional_restraint(1.0, 1.0) == 0.0 and institutional_restraint(0.6, 0.0) == pytest.approx(0.6)
    h = np.linspace(0, 1, 11)
    e = escalation_probability(0.1, h, 2.0)
    assert (np.diff(e) > 0).all() and e[-1] == pytest.approx(0.2)
    assert escalation_probability(0.9, 1.0, 10.0) == 1.0
    with pytest.raises(ValueError, match="hostility"):
        dispute_probability(0.02, 1.5, 0.5)


def test_a_pact_of_both_belligerents_calls_its_members_against_the_attacker_when_its_casus_arises_against_a_member():
    """ATOP's defence obligation is to aid a member attacked, whoever attacks (1866: the German Confederation against Prussia;
    1991: the Arab League's members against Iraq): with against_a_member the pact calls its other members to the victim and
    does not protect the attacking member; without it, the pact calls nobody (the OAS in 1969)."""
    m = [[1, 1, 1, 1]]
    ob = [[1, 1, 0, 0, 0]]  # defence and offence
    c, pact, side = casus_foederis(m, ob, attacker=0, target=1, against_a_member=True)
    assert side.tolist() == [-1, -1, 1, 1] and c.tolist() == [0.0, 0.0, 1.0, 1.0]
    c0, _, side0 = casus_foederis(m, ob, attacker=0, target=1)
    assert side0.tolist() == [-1] * 4 and not c0.any()
    # a second defence pact binding state 2 to the attacker still keeps it out (conflicting obligations)
    c2, _, side2 = casus_foederis([[1, 1, 1, 1], [1, 0, 1, 0]], [[1, 0, 0, 0, 0], [1, 0, 0, 0, 0]], attacker=0, target=1, against_a_member=True)
    assert side2.tolist() == [-1, -1, -1, 1]


def test_a_call_to_arms_follows_the_conditions_the_treaty_writes():
    """Leeds, Long & Mitchell (2000): honouring is judged against the written conditions (ATOP defcoadv, defconpr, offcoadv).

    States 0 Czechoslovakia, 1 Romania, 2 Hungary, 3 Germany, 4 France. Pact 0: Czechoslovakia-Romania, defence against
    Hungary only, if unprovoked (the Little Entente); pact 1: Czechoslovakia-France, defence against Germany only.
    """
    from foedus.theory.war import condition_bits, conditions_met, written_conditions

    m = [[1, 1, 0, 0, 0], [1, 0, 0, 0, 1]]
    ob = [[1, 0, 0, 0, 0], [1, 0, 0, 0, 0]]
    cond = [condition_bits(["defence_named_adversary", "defence_unprovoked"]), condition_bits(["defence_named_adversary"])]
    adv = [[2, -1], [3, -1]]
    c, _, side = casus_foederis(m, ob, attacker=2, target=0, conditions=cond, adversaries=adv)
    assert side.tolist() == [-1, 0, -1, -1, -1]  # Hungary attacks: Romania is called, France is not
    c, _, side = casus_foederis(m, ob, attacker=3, target=0, conditions=cond, adversaries=adv)
    assert side.tolist() == [-1, -1, -1, -1, 0]  # Germany attacks: France is called, Romania is not
    c, _, side = casus_foederis(m, ob, attacker=2, target=0, conditions=cond, adversaries=adv, provoked=True)
    assert side.tolist() == [-1, -1, -1, -1, -1]  # Czechoslovakia provoked Hungary: the Little Entente does not call
    # unconditional: the former rule, whoever attacks
    c, _, side = casus_foederis(m, ob, attacker=3, target=0)
    assert side.tolist() == [-1, 0, -1, -1, 0]
    # a pact written against a named adversary binds its members to defend the attacker only against that adversary:
    # France, bound to defend Germany against Britain (5) only, may be called against Germany when Germany attacks Czechoslovakia
    m2 = [[1, 0, 0, 0, 1, 0], [0, 0, 0, 1, 1, 0]]
    c, _, side = casus_foederis(m2, ob, attacker=3, target=0, conditions=[0, condition_bits(["defence_named_adversary"])], adversaries=[[-1], [5]])
    assert side[4] == 0
    c, _, side = casus_foederis(m2, ob, attacker=3, target=0)
    assert side[4] == -1  # unconditional: conflicting obligations keep France out
    # offence against named adversaries only
    assert conditions_met([condition_bits(["offence_named_adversary"])], [[7]], 7, defence=False).tolist() == [True]
    assert conditions_met([condition_bits(["offence_named_adversary"])], [[7]], 8, defence=False).tolist() == [False]
    # written with the record's shares: every bit at share 1 (where the obligation is held), none at 0
    u = np.random.default_rng(0).random((200, 3))
    assert set(written_conditions(u, [1.0, 1.0, 1.0], [[1, 1, 0, 0, 0]] * 200).tolist()) == {15}
    assert set(written_conditions(u, [0.0, 0.0, 0.0], [[1, 1, 0, 0, 0]] * 200).tolist()) == {8}
    assert set(written_conditions(u, [1.0, 1.0, 1.0], [[1, 0, 0, 0, 0]] * 200).tolist()) == {11}
    assert conditions_met([], np.zeros((0, 3)), 1, defence=True).shape == (0,)  # no pact at all
    with pytest.raises(ValueError, match="unknown condition"):
        condition_bits(["defence_in_europe"])


def test_escalation_obeys_the_restraints_of_the_direct_route():
    """Reed (2000): escalation shares the onset's covariates. The weak-link democratic peace (Russett & Oneal 2001) damps a
    dispute between two democracies by the onset logit's odds ratio; a state escalates against a stronger one in proportion
    to its capability ratio (Bueno de Mesquita 1981), never more than at parity."""
    from foedus.theory.war import escalation_restraint

    b = (-1.6001, 0.3947, -0.5)
    both = escalation_restraint(0.85, 0.9, 0, 0.05, 0.05, coefficients=b)
    assert both == pytest.approx(np.exp(-1.6001 * 0.85 + 0.3947 * 0.9))
    assert escalation_restraint(0.0, 0.0, 0, 0.05, 0.05, coefficients=b) == 1.0
    assert escalation_restraint(0.1, 0.9, 0, 0.05, 0.05, coefficients=b) == 1.0  # a mixed pair: no restraint (odds ratio above 1, capped)
    assert escalation_restraint(0.0, 0.0, 1, 0.05, 0.05, coefficients=b) == pytest.approx(np.exp(-0.5))
    weak = escalation_restraint(0.0, 0.0, 0, [0.001, 0.01, 0.1, 0.2], 0.1, coefficients=b)
    assert weak.tolist() == pytest.approx([0.01, 0.1, 1.0, 1.0])
    with pytest.raises(ValueError, match="initiator_capability"):
        escalation_restraint(0.0, 0.0, 0, -0.1, 0.1, coefficients=b)


def test_honour_base_rate_is_the_eras_published_reliability():
    """Berkemeier & Fuhrmann (2018): commitments honoured 66 % of the time before 1945, 22 % from 1945. With those intercepts a
    full defence commitment at middling cohesion, held by a non-democratic minor power without trade with the enemy, is honoured
    with exactly the era's share (honour_probability's intercept, analytically); the dating is the Charter's."""
    from foedus.theory.cohesion import honour_probability
    from foedus.theory.renunciation import territorial_integrity_norm
    from foedus.theory.war import honour_base_rate

    rates = honour_base_rate(territorial_integrity_norm([1866, 1914, 1944, 1945, 1982]), 0.66, 0.22)
    assert rates.tolist() == [0.66, 0.66, 0.66, 0.22, 0.22]
    for r in (0.66, 0.22):
        assert float(honour_probability(1.0, 0.0, 0.5, base_rate=r)) == pytest.approx(r)
    with pytest.raises(ValueError, match="after must be in"):
        honour_base_rate(True, 0.66, 1.0)
    with pytest.raises(ValueError, match="charter must be boolean"):
        honour_base_rate([2], 0.66, 0.22)


def test_intra_alliance_casus_is_atops_obligation_before_the_charter_and_the_councils_business_under_it():
    """ATOP's defence obligation (aid to a member attacked, whoever attacks) before 1945, the Charter's art. 52-53 from 1945:
    the value follows the Charter's date (territorial_integrity_norm), and inputs outside [0, 1] are refused."""
    from foedus.theory.renunciation import territorial_integrity_norm
    from foedus.theory.war import intra_alliance_casus

    assert intra_alliance_casus(territorial_integrity_norm([1866, 1938, 1944, 1945, 1969, 1991]), 1.0, 0.0).tolist() == [1.0, 1.0, 1.0, 0.0, 0.0, 0.0]
    assert intra_alliance_casus(False, 0.3, 0.9).tolist() == 0.3
    with pytest.raises(ValueError, match="before must be in"):
        intra_alliance_casus(True, 1.5, 0.0)
    with pytest.raises(ValueError, match="charter must be boolean"):
        intra_alliance_casus([2], 1.0, 0.0)

