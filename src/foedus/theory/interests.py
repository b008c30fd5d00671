"""Where a great power's interests lie: the partners that matter to its contest with its adversaries (brief P1).

:func:`adversary_relevance` says which partners' concessions a great power can use against its adversaries (Morrow
1991), the ``relevant`` argument of :func:`foedus.theory.exchange.concession_interest`. Pure and vectorised; bad input
raises :class:`ValueError` naming the function, the argument and the reason.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _checked

__all__ = ["adversary_relevance"]


def adversary_relevance(contiguous, adversary, reach_share=None, *, threshold: float = 0.5, check: bool = True) -> np.ndarray:
    r"""Whether a partner matters to a state's contest with its adversaries: (N, N) in {0, 1}, ``V[i, j]``.

    .. math:: V_{ij} = \big[\,\exists a: A_{ia} \wedge (C_{aj} \vee \rho_{aj} \ge \rho_0)\,\big]

    with :math:`A_{ia}` whether ``a`` is an adversary of ``i`` (its main threat or a strategic rival), :math:`C` COW direct
    contiguity and :math:`\rho_{aj}` the share of the adversary's capability that reaches ``j`` (Boulding's 1962
    loss-of-strength gradient). Morrow (1991, pp. 908-914): the strong side of an asymmetric alliance values the weak side's
    concessions (bases, transit, a say in its alignment) for what they let it do against its own adversaries; the bases
    the United States gained in Spain, Turkey, Iran, Pakistan, Japan and the Philippines faced the Soviet Union and China.
    A partner is of use in that contest where the adversary is: on its border (a rival's neighbour: Turkey, Iran, Pakistan,
    Japan against the Soviet Union) or inside its relevant neighbourhood, the region its power reaches (Lemke 2002, ch. 4),
    where the adversary can be met or must be stopped. A client across the world from every adversary (Paraguay, Nicaragua or
    Jamaica for the United States against the Soviet Union) concedes nothing that serves the contest. The rule is the
    politically relevant dyads (Maoz & Russett 1993; Lemke & Reed 2001) read one step through the adversary: not whether
    ``j`` is relevant to ``i``, but whether it is relevant to ``i``'s adversary (Quackenbush's 2006 politically active
    dyads read relevance through a third state the same way). The threshold :math:`\rho_0` and the binary form are ours.

    Parameters
    ----------
    contiguous : array (N, N) of bool
        COW direct contiguity.
    adversary : array (N, N) of bool
        ``adversary[i, a]``: ``a`` is an adversary of ``i`` (its main threat, a rival).
    reach_share : array (N, N) in [0, 1], optional
        ``reach_share[a, j]``: the share of ``a``'s capability that reaches ``j``; None: contiguity only.
    threshold : float in [0, 1]
        :math:`\rho_0`; 1 leaves the adversaries' neighbours only (and those its full capability reaches).
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    array (N, N) of float in {0, 1}; a state without adversaries has none (row 0).

    Examples
    --------
    A great power (0) whose adversary is 1; 2 borders 1, 3 lies in 1's reach, 4 across the world:

    >>> c = np.zeros((5, 5), bool); c[1, 2] = c[2, 1] = True
    >>> a = np.zeros((5, 5), bool); a[0, 1] = True
    >>> rho = np.eye(5); rho[1, 3] = 0.6; rho[1, 4] = 0.2
    >>> adversary_relevance(c, a, rho, threshold=0.5)[0].tolist()
    [0.0, 1.0, 1.0, 1.0, 0.0]

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904-933.
    .. [2] Lemke, D. (2002). Regions of War and Peace. Cambridge University Press, ch. 4.
    .. [3] Boulding, K. E. (1962). Conflict and Defense: A General Theory. Harper, ch. 12.
    .. [4] Maoz, Z. & Russett, B. (1993). Normative and structural causes of democratic peace, 1946-1986. APSR 87(3): 624-638.
    .. [5] Quackenbush, S. L. (2006). Identifying opportunity for conflict: politically active dyads. CMPS 23(1): 37-51.
    """
    f = "adversary_relevance"
    c = np.asarray(contiguous, dtype=bool)
    a = np.asarray(adversary, dtype=bool)
    if check and (c.ndim != 2 or c.shape[0] != c.shape[1] or a.shape != c.shape):
        raise ValueError(f"{f}: contiguous and adversary: must be (N, N) alike, got {c.shape} and {a.shape}")
    r0 = float(_checked(threshold, "threshold", f, lo=0.0, hi=1.0, check=check))
    near = c.copy()
    if reach_share is not None:
        rho = _checked(reach_share, "reach_share", f, lo=0.0, hi=1.0, check=check)
        if check and rho.shape != c.shape:
            raise ValueError(f"{f}: reach_share: must be {c.shape}, got {rho.shape}")
        near |= np.asarray(rho) >= r0
    return ((a.astype(float) @ near.astype(float)) > 0).astype(float)
