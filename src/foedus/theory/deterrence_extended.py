"""Extended deterrence: whether a defender can honour a guarantee where the attack would come (brief P1, P2).

Huth & Russett (1984) and Huth (1988) find, over the cases of extended deterrence of 1900-1980,
that a defender's guarantee to a protégé holds when its *local* balance of forces in the
protégé's theatre is favourable, whatever its global strength. :func:`local_balance` measures
that balance with the capability each side can carry to the protégé (Bueno de Mesquita's 1981
distance discount of Boulding's 1962 loss-of-strength gradient), and the simulator counts a
protégé's autonomy concessions to a patron only where the patron's local balance reaches a
threshold (:func:`foedus.sim.steps.formation.concession_reach`): Morrow's (1991) exchange of
security for autonomy needs a patron that can provide the security.

Published form vs ours
----------------------
The finding (the local balance decides) is Huth's; the measure (a contest share of projected
capabilities against the protégé's main threat other than the defender) is ours.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _matrix

__all__ = ["local_balance"]


def local_balance(threat, reach, *, check: bool = True) -> np.ndarray:
    r"""The local balance ``q[i, j]`` of a defender i in its protégé j's theatre: (N, N) in [0, 1], 1 where j has no threat.

    .. math:: q_{ij} = \frac{R_{ji}}{R_{ji} + R_{jk}}, \qquad k = \arg\max_{m \ne i} T_{jm}

    the share of the forces that i and j's main threat :math:`k` (other than i itself, as in
    :func:`defence_burden`) can each carry to j's territory (:math:`R_{jm}`, the capability of m
    that reaches j: :func:`foedus.theory.projection.projected_capability`) that would be i's.
    Huth & Russett (1984) and Huth (1988) find that extended deterrence holds when the defender's
    local balance of forces in the protégé's theatre, not its global strength, is favourable: a
    guarantee the defender cannot honour where the attack would come is not believed by the
    attacker, nor bought by the protégé. So Morrow's (1991) exchange (security for the protégé's
    autonomy concessions) needs a defender that can bring its forces to bear against the
    protégé's adversary there (:func:`foedus.sim.steps.formation.concession_reach`).

    Examples
    --------
    State 1 is threatened by state 0; state 2 reaches 1 with 0.05 where 0 brings 0.2 (a fifth of the
    local forces), state 0 would defend 1 against its next threat, 2 (0.2 against 0.05):

    >>> import numpy as np
    >>> T = np.array([[0, 0, 0], [0.3, 0, 0.1], [0, 0, 0]])
    >>> R = np.array([[0.3, 0.1, 0.1], [0.2, 0.02, 0.05], [0.1, 0.1, 0.1]])
    >>> local_balance(T, R).round(2).tolist()
    [[1.0, 0.8, 1.0], [1.0, 1.0, 1.0], [1.0, 0.2, 1.0]]

    References
    ----------
    .. [1] Huth, P. & Russett, B. (1984). What makes deterrence work? Cases from 1900 to 1980. World Politics 36(4): 496-526.
    .. [2] Huth, P. K. (1988). Extended Deterrence and the Prevention of War. Yale University Press.
    """
    t = _matrix("threat", threat, np.shape(threat)[0], nonneg=True, check=check).copy()
    n = t.shape[0]
    r = _matrix("reach", reach, n, nonneg=True, check=check)
    np.fill_diagonal(t, 0.0)
    if n < 2:
        return np.ones((n, n))
    # each j's largest and second-largest threat, the first on ties (what a stable sort of the row puts first): two argmax
    # passes instead of sorting every row (issue 16)
    idx = np.arange(n)
    first = t.argmax(axis=1)
    top = t[idx, first]
    t[idx, first] = -1.0  # below every threat (threats are non-negative; t is this function's copy)
    second = t.argmax(axis=1)
    t[idx, first] = top
    # [i, j]: j's main threat other than i, k, is its first (one column-wide term), but in row i = first[j], its second
    f_reach, s_reach = r[idx, first], r[idx, second]  # R_{j, first[j]}, R_{j, second[j]}
    own = r.T  # [i, j]: R_ji
    tot = own + f_reach  # R_ji + R_{j, first[j]}
    out = np.where((t[idx, first] > 0) & (tot > 0), own / np.where(tot > 0, tot, 1.0), 1.0)
    tot = f_reach + s_reach  # at [first[j], j]: R_ji = R_{j, first[j]}
    out[first, idx] = np.where((t[idx, second] > 0) & (tot > 0), f_reach / np.where(tot > 0, tot, 1.0), 1.0)
    np.fill_diagonal(out, 1.0)
    return out
