"""Pledges that no longer align: a defence pact written against an adversary now gone, between states one of which fears the other (issue 17; nato21).

:func:`lapsed_ties`: the pairs whose only pledges of protection in force were written against an adversary that has left the
system, and one of which has the other for its main threat. Such a pledge does not put its member in the camp of the partner it
fears: the adversary bloc of a threat (:func:`foedus.theory.multilateral.adversary_bloc`) leaves it out, and it may balance
against that partner with others (:func:`foedus.theory.multilateral.shared_threat`).

Walt (1987, ch. 1-2, 5 and 8): states align against the source of threat, and an alliance formed against one threat loses its
reason when that threat disappears; the Anglo-Soviet treaty of 1942 and the Franco-Soviet treaty of 1944, which ATOP codes as
written against Germany (``statthr1`` 255) and conditional on an attack by it (``defcoadv``; Leeds, Ritter, Mitchell & Long
2002), stayed in force to 1955 by their letter, yet from 1946 Britain and France balanced against the Soviet Union and founded
the Brussels Treaty (1948) and NATO (1949) against it. Leeds, Long & Mitchell (2000): a pledge is invoked only by the war its
text names; a pledge against a defeated enemy calls its members against no one. The pledge still binds a pair that does not
fear one another (the Soviet Union and Poland, 1945, also written against Germany, stood in one bloc): only the pair one of
which fears the other is released, as :func:`foedus.theory.intentions.pledged_reassurance` already releases it from the
reassurance of the same pledge.

.. [1] Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press.
.. [2] Leeds, B. A., Long, A. G. & Mitchell, S. M. (2000). Reevaluating alliance reliability: specific threats, specific
   promises. *Journal of Conflict Resolution* 44(5): 686-699.
.. [3] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance treaty obligations and provisions,
   1815-1944. *International Interactions* 28(3): 237-260.
"""

from __future__ import annotations

import numpy as np

__all__ = ["aligned_defence", "lapsed_ties"]


def lapsed_ties(members, protects, gone, main) -> np.ndarray:
    """``L[i, j]``: every pact in force that pledges protection between ``i`` and ``j`` was written against an adversary now
    gone, and ``j`` is ``i``'s main threat or ``i`` is ``j``'s (N, N) bool, symmetric, diagonal False.

    .. math:: L_{ij} = \\big[\\exists a: M_{ai} M_{aj} P_a\\big] \\, \\big[\\nexists a: M_{ai} M_{aj} P_a (1 - G_a)\\big] \\,
              \\big([m_i = j] \\lor [m_j = i]\\big)

    Parameters
    ----------
    members : array (A, N) of bool
        ``M``: the members of each pact in force.
    protects : array (A,) of bool
        ``P``: the pact pledges protection (a defence obligation: :func:`foedus.theory.obligations.pact_goods`' first good).
    gone : array (A,) of bool
        ``G``: the adversary the pact was written against has left the system (ATOP ``statthr1``/``statthr2``, or the founding
        threat of a pact the run formed; False for a pact against no one).
    main : array (N,) of int
        Each state's main threat (index), -1 for none.

    Returns
    -------
    array (N, N) of bool

    Examples
    --------
    >>> m = np.array([[1, 1, 0, 0], [1, 0, 1, 0], [0, 0, 1, 1]], bool)  # Britain-Soviet Union, Britain-France, France-Poland
    >>> lapsed_ties(m, [True, True, True], [True, False, True], [1, -1, -1, -1]).astype(int).tolist()
    [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    """
    mb = np.asarray(members, dtype=bool)
    p = np.asarray(protects, dtype=bool)
    g = np.asarray(gone, dtype=bool)
    mt = np.asarray(main)
    if mb.ndim != 2 or p.shape != (mb.shape[0],) or g.shape != p.shape or mt.shape != (mb.shape[1],):
        raise ValueError(f"lapsed_ties: expected members (A, N), protects and gone (A,), main (N,); got {mb.shape}, {p.shape}, {g.shape}, {mt.shape}")
    n = mb.shape[1]
    if not n:
        return np.zeros((0, 0), bool)
    idx = np.arange(n)
    fears = (mt[:, None] == idx[None, :]) & (mt[:, None] >= 0)
    fears = fears | fears.T
    if not (p & g).any() or not fears.any():
        return np.zeros((n, n), bool)
    lapsed = mb[p & g].astype(float)
    live = mb[p & ~g].astype(float)
    out = ((lapsed.T @ lapsed) > 0) & ~((live.T @ live) > 0) & fears
    np.fill_diagonal(out, False)
    return out


def aligned_defence(defends, lapsed) -> np.ndarray:
    """``defends[i, j]`` (``i`` pledged to defend ``j``, (N, N) bool) less the :func:`lapsed_ties` ``lapsed``: the pledges that align
    ``i`` with ``j`` against a third party (Walt 1987).

    >>> aligned_defence([[False, True], [True, False]], [[False, True], [True, False]]).tolist()
    [[False, False], [False, False]]
    """
    d = np.asarray(defends, dtype=bool)
    lp = np.asarray(lapsed, dtype=bool)
    if d.shape != lp.shape or d.ndim != 2:
        raise ValueError(f"aligned_defence: expected defends and lapsed (N, N) of one shape; got {d.shape}, {lp.shape}")
    return d & ~lp
