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


def _local_balance_by_sort(t, r):
    """The sorting form local_balance had until 2026-12 (issue 16): the reference its two argmax passes must equal."""
    t = np.array(t, dtype=float)
    n = t.shape[0]
    np.fill_diagonal(t, 0.0)
    order = np.argsort(-t, axis=1, kind="stable")[:, :2]
    first, second = order[:, 0], order[:, 1]
    idx = np.arange(n)
    k = np.where(first[None, :] == idx[:, None], second[None, :], first[None, :])
    has = t[idx[None, :], k] > 0
    own = r.T
    enemy = r[idx[None, :], k]
    tot = own + enemy
    out = np.where(has & (tot > 0), own / np.where(tot > 0, tot, 1.0), 1.0)
    np.fill_diagonal(out, 1.0)
    return out


@pytest.mark.parametrize("seed", range(20))
def test_local_balance_equals_its_sorting_form_to_the_bit(seed):
    """The top two threats found by two argmax passes are the stable sort's first two, ties (many zeros, repeated values)
    included: the same bits as the sorting form."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    t = rng.choice([0.0, 0.1, 0.25, 0.5], size=(n, n)) if seed % 2 else rng.uniform(0, 1, (n, n)) * (rng.random((n, n)) < 0.3)
    r = rng.uniform(0, 0.5, (n, n)) * (rng.random((n, n)) < 0.8)
    got, want = local_balance(t, r), _local_balance_by_sort(t, r)
    assert got.tobytes() == want.tobytes()
