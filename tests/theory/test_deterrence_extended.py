"""Extended deterrence's local balance (theory/deterrence_extended.py; Huth & Russett 1984, Huth 1988)."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.theory.deterrence_extended import local_balance


def test_the_local_balance_is_the_defenders_share_of_the_forces_reaching_the_protege():
    """Equal forces at the protégé's territory give 1/2; more of the defender's forces raise it toward 1, more of the
    adversary's lower it toward 0; the adversary is the protégé's main threat other than the defender (one does not defend a
    partner against oneself); a protégé nobody threatens leaves the guarantee unchallenged (1)."""
    t = np.array([[0, 0, 0, 0], [0.3, 0, 0.1, 0], [0, 0, 0, 0], [0, 0, 0, 0]])  # 1 fears 0 most, then 2
    r = np.full((4, 4), 0.1)
    q = local_balance(t, r)
    assert q[2, 1] == pytest.approx(0.5) and q[3, 1] == pytest.approx(0.5)  # 2 and 3 face 0 at 1 with equal forces
    assert q[0, 1] == pytest.approx(0.5)  # 0 would defend 1 against its next threat, 2
    assert (q[:, [0, 2, 3]] == 1.0).all()  # no one threatens 0, 2 or 3
    stronger = r.copy()
    stronger[1, 3] = 0.3  # 3 brings three times the adversary's forces to 1
    assert local_balance(t, stronger)[3, 1] == pytest.approx(0.75)
    weaker = r.copy()
    weaker[1, 0] = 0.3  # the adversary (0) brings three times 2's forces
    assert local_balance(t, weaker)[2, 1] == pytest.approx(0.25)
    rng = np.random.default_rng(3)
    for _ in range(50):  # monotone in the defender's own forces at the protégé
        rr = rng.uniform(0.01, 0.5, (4, 4))
        more = rr.copy()
        more[1, 3] *= 2
        assert local_balance(t, more)[3, 1] >= local_balance(t, rr)[3, 1]


def test_local_balance_names_bad_input():
    with pytest.raises(ValueError, match="reach"):
        local_balance(np.zeros((3, 3)), -np.ones((3, 3)))
