"""The issueless_rival term of the war-onset hazard (Vasquez 1993; Senese & Vasquez 2008; gpwar16)."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from foedus.sim.parameters import Parameters
from foedus.theory import war_onset as th
from foedus.theory.war_onset_issues import issueless_rivalry


def test_only_a_rivalry_over_no_territory_between_states_that_do_not_border_is_issueless():
    rival = np.array([1, 1, 1, 1, 0, 0, 0, 0], bool)
    spatial = np.array([0, 1, 0, 1, 0, 1, 0, 1], bool)
    contiguous = np.array([0, 0, 1, 1, 0, 0, 1, 1], bool)
    assert issueless_rivalry(rival, spatial, contiguous).tolist() == [True] + [False] * 7


@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=30))
def test_an_issueless_rivalry_is_a_rivalry(rows):
    r, s, c = (np.array(x, bool) for x in zip(*rows))
    out = issueless_rivalry(r, s, c)
    assert not (out & ~r).any() and not (out & (s | c)).any()


def test_a_positional_rivalry_far_away_carries_less_war_than_a_territorial_one_at_the_defaults():
    """The published direction (territory makes rivals fight): the same pair, rivals over rank alone, has a lower hazard."""
    p = Parameters()
    base = dict(contiguous=0.0, log_distance=np.log1p(1.0), any_major=1.0, parity=0.6, rival=1.0, war_history=0.0, lower_democracy=0.2,
                higher_democracy=0.4, defence_pact=0.0, joint_nuclear=0.0, conquest_norm=0.0, joint_major=1.0)
    h = [th.war_onset_hazard(*(np.array([{**base, "issueless_rival": v}[t]]) for t in th.WAR_ONSET_TERMS), intercept=p.war_onset_intercept,
                             coefficients=p.war_onset_coefficients())[0] for v in (0.0, 1.0)]
    assert h[1] < h[0] / 3
