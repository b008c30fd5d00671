"""foedus.theory.lapsed_ties: a pledge written against an adversary now gone does not align a state with the partner it fears."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory import lapsed_ties as tl
from foedus.theory import multilateral as tm

# the states of 1946: 0 the Soviet Union, 1 Britain, 2 France, 3 Poland, 4 the United States
USSR, UK, FRANCE, POLAND, USA = range(5)


def _pacts():
    members = np.zeros((4, 5), bool)
    members[0, [USSR, UK]] = True  # ATOP 2535 (1941), against Germany
    members[1, [USSR, FRANCE]] = True  # ATOP 2575 (1944), against Germany
    members[2, [USSR, POLAND]] = True  # ATOP 3025 (1945), against Germany
    members[3, [UK, FRANCE]] = True  # a pact against no one gone (Dunkirk, 1947)
    return members, np.ones(4, bool), np.array([True, True, True, False])


def test_the_wartime_pacts_against_germany_release_britain_and_france_not_poland():
    # Walt (1987): alignment follows the threat; Britain and France feared the Soviet Union from 1946, Poland the United States
    members, protects, gone = _pacts()
    main = np.array([USA, USSR, USSR, USA, USSR])
    lapsed = tl.lapsed_ties(members, protects, gone, main)
    assert lapsed[UK, USSR] and lapsed[USSR, UK] and lapsed[FRANCE, USSR] and lapsed[USSR, FRANCE]
    assert not lapsed[POLAND, USSR] and not lapsed[UK, FRANCE]
    assert (lapsed == lapsed.T).all() and not lapsed.diagonal().any()
    # the Soviet bloc (Snyder 1997's adversary and its allies) no longer holds Britain and France, who share its threat
    defends = (members.T.astype(int) @ members.astype(int)) > 0
    np.fill_diagonal(defends, False)
    bloc = tm.adversary_bloc(USSR, tl.aligned_defence(defends, lapsed))
    assert bloc.tolist() == [True, False, False, True, False]
    assert tm.shared_threat(main, bloc, np.ones(5, bool)).tolist() == [False, True, True, False, True]
    assert tm.adversary_bloc(USSR, defends).tolist() == [True, True, True, True, False]  # before: Britain and France in it


def test_a_live_pledge_or_no_fear_keeps_the_tie():
    members, protects, gone = _pacts()
    main = np.array([USA, USSR, USSR, USA, USSR])
    # the adversary still in the world: the pledge stands, whatever the members fear (Leeds, Long & Mitchell 2000)
    assert not tl.lapsed_ties(members, protects, np.zeros(4, bool), main).any()
    # a second pact in force against a live adversary binds the pair still
    both = np.vstack([members, members[:1]])
    assert not tl.lapsed_ties(both, np.ones(5, bool), np.append(gone, False), main)[UK, USSR]
    # a pact that pledges no protection (consultation) aligns no one either way
    assert not tl.lapsed_ties(members, np.zeros(4, bool), gone, main).any()
    # no one fears a partner: nothing is released
    assert not tl.lapsed_ties(members, protects, gone, np.full(5, -1)).any()


def test_bad_input_is_refused():
    members, protects, gone = _pacts()
    with pytest.raises(ValueError):
        tl.lapsed_ties(members, protects[:3], gone, np.zeros(5, int))
    with pytest.raises(ValueError):
        tl.aligned_defence(np.zeros((3, 3), bool), np.zeros((2, 2), bool))
