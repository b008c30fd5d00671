"""Political relevance: which states have the opportunity to fight each other, and whose fate concerns whom (brief F2).

The politically relevant dyads of the conflict literature (Maoz & Russett 1993; Lemke & Reed 2001) are the pairs that are
contiguous or contain a major power; Lemke (2002) adds the pairs one of which can reach the other, and Quackenbush (2006)
the pairs in which one is allied to a state contiguous to the other. :func:`politically_relevant` reads the rule from an
observer's side (whose fate concerns ``i``), :func:`relevant_dyads` as the symmetric dyadic rule (who could fight ``i``).
Both are used by :func:`foedus.theory.intentions.revealed_hostility` (and re-exported from :mod:`foedus.theory.intentions`).

References
----------
Lemke, D. (2002). *Regions of War and Peace*. Cambridge University Press, ch. 4; Lemke, D. & Reed, W. (2001). The relevance of
politically relevant dyads. *Journal of Conflict Resolution* 45(1): 126-144; Maoz, Z. & Russett, B. (1993). Normative and
structural causes of democratic peace, 1946-1986. *American Political Science Review* 87(3): 624-638; Quackenbush, S. L. (2006).
Identifying opportunity for conflict: politically active dyads. *Conflict Management and Peace Science* 23(1): 37-51.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _zero_diagonal

__all__ = ["politically_relevant", "relevant_dyads"]


def politically_relevant(contiguous, major, able=None, allied=None, *, check: bool = True) -> np.ndarray:
    """``P[i, k] = [i, k contiguous or i a major power or i able to reach k]``: whether what befalls ``k`` is relevant to ``i`` (Maoz & Russett 1993; Lemke & Reed 2001).

    The politically relevant dyads of the conflict literature are the pairs that are contiguous or
    contain a major power: the only ones with the opportunity, and so the interest, to fight each other
    (Maoz & Russett 1993; Lemke & Reed 2001 show the rule keeps nearly all wars). Read from the side of an
    observer ``i`` of an act against ``k`` (:func:`revealed_hostility`'s ``exposed``): a minor state is
    exposed to what befalls its neighbours and to nothing farther, a great power, with interests
    everywhere, to what befalls any state (Britain and Austria-Hungary watched Russia's wars on the
    Ottoman Empire as the Eastern Question; Spain and the Low Countries did not read them as aimed at
    themselves). With ``able`` (Lemke 2002's refinement of relevance for minor powers: a state can reach another
    where its capability, discounted for distance in Bueno de Mesquita's 1981 form, is at least the other's), a
    minor state is exposed also to what befalls the states it could reach. With ``allied`` (Quackenbush 2006's
    politically active dyads: relevance also through an ally), a state is exposed also to what befalls the states
    its allies border (Spain, through its NATO allies, to Russia's war on Ukraine). Quackenbush's criterion is an ally
    *contiguous* to the other state, not one that can reach it: with reach, an ally of Russia (Armenia, in the CSTO) or of
    Turkey (Azerbaijan) was exposed to the fate of every state in Europe that Russia or Turkey reaches (world-2022). Diagonal 0.

    Parameters
    ----------
    contiguous : array (N, N) of bool
        COW direct contiguity (land, or water up to 400 miles).
    major : array (N,) of bool
        COW major powers.
    able : array (N, N) of bool, optional
        ``able[i, k]``: ``i`` can reach ``k`` (:func:`foedus.theory.projection.able_to_reach`); None: contiguity and major status only.
    allied : array (N, N) of bool, optional
        ``allied[i, b]``: ``i`` and ``b`` are allies in arms; ``i`` is then exposed to what befalls the states ``b`` borders (Quackenbush 2006).
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    array (N, N) of float in {0, 1}, diagonal 0.

    Examples
    --------
    >>> politically_relevant([[0, 1, 0], [1, 0, 0], [0, 0, 0]], [False, False, True]).tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0]]

    References
    ----------
    Lemke, D. (2002). *Regions of War and Peace*. Cambridge: Cambridge University Press, ch. 4 (relevant neighbourhoods);
    Maoz, Z. & Russett, B. (1993). Normative and structural causes of democratic peace, 1946-1986.
    *American Political Science Review* 87(3): 624-638; Quackenbush, S. L. (2006). Identifying opportunity for conflict:
    politically active dyads. *Conflict Management and Peace Science* 23(1): 37-51; Lemke, D. & Reed, W. (2001). The relevance of
    politically relevant dyads. *Journal of Conflict Resolution* 45(1): 126-144.
    """
    c = np.asarray(contiguous, dtype=bool)
    m = np.asarray(major, dtype=bool)
    if check and (c.ndim != 2 or c.shape[0] != c.shape[1] or m.shape != (c.shape[0],)):
        raise ValueError(f"contiguous: must be (N, N) and major (N,), got {c.shape} and {m.shape}")
    out = c | m[:, None]
    if able is not None:
        a = np.asarray(able, dtype=bool)
        if check and a.shape != c.shape:
            raise ValueError(f"able: must be {c.shape}, got {a.shape}")
        out = out | a
    if allied is not None:  # through an ally that borders or reaches k (Quackenbush 2006)
        b = np.asarray(allied, dtype=bool)
        if check and b.shape != c.shape:
            raise ValueError(f"allied: must be {c.shape}, got {b.shape}")
        out = out | ((b.astype(float) @ c.astype(float)) > 0)  # an ally contiguous to k, not one that merely reaches it
    return _zero_diagonal(out.astype(float))


def relevant_dyads(contiguous, major, able=None, *, check: bool = True) -> np.ndarray:
    """``V[i, j] = [i, j contiguous or either a major power or either able to reach the other]``: Lemke & Reed's (2001) politically relevant dyads.

    The dyadic rule of Maoz & Russett (1993) and Lemke & Reed (2001), symmetric: a pair has the opportunity to fight when the two
    are contiguous or one of them is a major power; with ``able`` (Lemke 2002), also when either can reach the other. It is
    :func:`politically_relevant` read from both sides, ``max(P, P^T)``. Diagonal 0.

    Parameters
    ----------
    contiguous, major, able, check
        As in :func:`politically_relevant`.

    Returns
    -------
    array (N, N) of float in {0, 1}, symmetric, diagonal 0.

    Examples
    --------
    >>> relevant_dyads([[0, 1, 0], [1, 0, 0], [0, 0, 0]], [False, False, True]).tolist()
    [[0.0, 1.0, 1.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0]]
    >>> relevant_dyads(np.zeros((3, 3), bool), [False] * 3, [[0, 1, 0], [0, 0, 0], [0, 0, 0]]).tolist()  # 0 reaches 1
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]

    References
    ----------
    Maoz & Russett (1993); Lemke & Reed (2001); Lemke (2002), ch. 4.
    """
    p = politically_relevant(contiguous, major, able, check=check)
    return np.maximum(p, p.T)
