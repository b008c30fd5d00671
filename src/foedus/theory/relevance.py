"""Political relevance: which states have the opportunity to fight each other, and whose fate concerns whom (brief F2).

The politically relevant dyads of the conflict literature (Maoz & Russett 1993; Lemke & Reed 2001) are the pairs that are
contiguous or contain a major power; Lemke (2002) adds the pairs one of which can reach the other, and Quackenbush (2006)
the pairs in which one is allied to a state contiguous to the other. :func:`politically_relevant` reads the rule from an
observer's side (whose fate concerns ``i``), :func:`relevant_dyads` as the symmetric dyadic rule (who could fight ``i``).
Both are used by :func:`foedus.theory.intentions.revealed_hostility` (and re-exported from :mod:`foedus.theory.intentions`).
:func:`live_issue` restricts whom a state can perceive as a threat at all: a state of its relevant neighbourhood, or one with
which it has a live issue (Lemke 2002; Vasquez 1993; Walt 1987).

References
----------
Lemke, D. (2002). *Regions of War and Peace*. Cambridge University Press, ch. 4; Lemke, D. & Reed, W. (2001). The relevance of
politically relevant dyads. *Journal of Conflict Resolution* 45(1): 126-144; Maoz, Z. & Russett, B. (1993). Normative and
structural causes of democratic peace, 1946-1986. *American Political Science Review* 87(3): 624-638; Quackenbush, S. L. (2006).
Identifying opportunity for conflict: politically active dyads. *Conflict Management and Peace Science* 23(1): 37-51;
Snyder, G. H. (1997). *Alliance Politics*. Ithaca: Cornell University Press, ch. 1; Buzan, B. & Wæver, O. (2003). *Regions and
Powers: The Structure of International Security*. Cambridge University Press, ch. 3 (overlay) and 12; Waltz, K. N. (1979). *Theory of
International Politics*. Reading, MA: Addison-Wesley, ch. 8; Haas, M. L. (2005). *The Ideological Origins
of Great Power Politics, 1789-1989*. Ithaca: Cornell University Press, ch. 1; Owen, J. M. (2010). *The Clash of Ideas in World Politics*.
Princeton: Princeton University Press, ch. 1; Vasquez, J. A. (1993). *The War Puzzle*. Cambridge University Press, ch. 4 (territorial issues between neighbours); Huth, P. K.
(1996). *Standing Your Ground: Territorial Disputes and International Conflict*. Ann Arbor: University of Michigan Press; Walt, S. M. (1987).
*The Origins of Alliances*. Ithaca: Cornell University Press, ch. 2; Thompson, W. R. (2001). Identifying rivals and rivalries in world
politics. *International Studies Quarterly* 45(4): 557-586.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _zero_diagonal


def _shaped(name: str, x, shape: tuple[int, ...], dtype=None, *, check: bool = True) -> np.ndarray:
    """``x`` as an array of ``dtype``, or a ValueError naming ``name`` when its shape is not ``shape`` (no value checks)."""
    a = np.asarray(x, dtype=dtype)
    if check and a.shape != shape:
        raise ValueError(f"{name}: must be {shape}, got {a.shape}")
    return a

__all__ = [
    "allied_rivals", "live_issue", "patrons_threat", "pledge_holds",
    "politically_relevant", "reached_by", "relevant_dyads",
]


def politically_relevant(contiguous, major, able=None, allied=None, *, rows=None, ally_conflict=None, check: bool = True) -> np.ndarray:
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
    Turkey (Azerbaijan) was exposed to the fate of every state in Europe that Russia or Turkey reaches (world-2022). With
    ``ally_conflict`` (``X``, e.g. the pairs at war), the route through an ally ``b`` holds only where ``b`` is in conflict with
    ``k``: Quackenbush's (2006) opportunity is the ally's border as the route by which the *ally's* war may draw ``i`` in (his rule
    extends the dyads that can fight through the commitment), not a reason for ``i`` to fear ``k`` as it fears a neighbour. Read as
    the domain of threat (:func:`live_issue`), the unrestricted route put Iran in the
    neighbourhood of every NATO member through Turkey and Turkey in Kazakhstan's and Uzbekistan's through Armenia, and Poland,
    Italy, Spain and Belgium named Iran their main threat (world-2022, seed 2, 12-15 state-years each). Diagonal 0.

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
    ally_conflict : array (N, N) of bool, optional
        ``X[b, k]``: the ally ``b`` and ``k`` are in conflict; with ``allied``, ``i`` is relevant to ``k`` through ``b`` only where ``b``
        borders ``k`` and ``X[b, k]`` (Quackenbush 2006: the route of the ally's war). None: every ally's border.
    rows : array (M,) of int, optional
        Only the rows ``P[rows]`` (the observers ``rows``), each computed as in the whole matrix (the same values: 0 or 1);
        None: every row.
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    array (N, N) of float in {0, 1}, diagonal 0 (with ``rows``: (M, N), 0 at ``[k, rows[k]]``).

    Examples
    --------
    >>> politically_relevant([[0, 1, 0], [1, 0, 0], [0, 0, 0]], [False, False, True]).tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0]]
    >>> C, A = [[0, 0, 0], [0, 0, 1], [0, 1, 0]], [[0, 1, 0], [1, 0, 0], [0, 0, 0]]  # 0 allied to 1, which borders 2
    >>> politically_relevant(C, [False] * 3, allied=A).tolist()  # 2 is relevant to 0 through its ally's border
    [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    >>> politically_relevant(C, [False] * 3, allied=A, ally_conflict=np.zeros((3, 3), bool)).tolist()  # ... only if 1 and 2 are in conflict
    [[0.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]]

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
    r = slice(None) if rows is None else np.asarray(rows, dtype=np.intp)
    out = c[r] | m[r, None]
    if able is not None:
        a = np.asarray(able, dtype=bool)
        if check and a.shape != c.shape:
            raise ValueError(f"able: must be {c.shape}, got {a.shape}")
        out = out | a[r]
    if allied is not None:  # through an ally that borders or reaches k (Quackenbush 2006)
        b = np.asarray(allied, dtype=bool)
        if check and b.shape != c.shape:
            raise ValueError(f"allied: must be {c.shape}, got {b.shape}")
        # an ally contiguous to k, not one that merely reaches it: [(B C)_ik > 0], a count of 0/1 terms, exact in single precision
        # below 2^24 states (half the time of the double-precision product)
        # (the product over the allies alone, the columns of b[r] with a True: the same counts, a fraction of the work)
        br = b[r]
        via = np.flatnonzero(br.any(axis=0))
        border = c
        if ally_conflict is not None:  # only the border of an ally in conflict with k: the route of the ally's war
            x = np.asarray(ally_conflict, dtype=bool)
            if check and x.shape != c.shape:
                raise ValueError(f"ally_conflict: must be {c.shape}, got {x.shape}")
            border = c & x
        out = out | ((br[:, via].astype(np.float32) @ border[via].astype(np.float32)) > 0)
    if rows is None:
        return _zero_diagonal(out.astype(float))
    out = out.astype(float)
    out[np.arange(len(r)), r] = 0.0
    return out


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


def live_issue(
    relevant, rivalry=None, hostility=None, *, serious: float = 0.5, territorial=None, able=None, war=None, within=None, patron=None, side=None,
    region=None, check: bool = True,
) -> np.ndarray:
    """``G[i, j] = [P_ij = 1 or R_ij > 0 or H_ij >= s > 0 ...]``: whether ``j`` can be a threat to ``i`` at all (Lemke 2002; Walt 1987; Vasquez 1993).

    .. math:: G_{ij} = \\max\\left(P_{ij},\\; [R_{ij} > 0],\\; [H_{ij} > 0 \\text{ and } H_{ij} \\ge s],\\; [D_{ij}],\\;
              A_{ji} [r_i = r_j] \\max_k P_{ik} W_{kj} [e \\, Q_{ij} \\ge Q_{kj}] [S_{ik} < S_{ij}],\\; B_{ij}\\right), \\qquad G_{ii} = 0

    Walt (1987, ch. 2) makes threat the product of power, proximity, offensive power *and* aggressive intentions; intentions
    are read from a state's conduct towards the perceiver, and a state that has no issue with another has none towards it.
    Two published restrictions say where a state can have such an issue:

    - its relevant neighbourhood ``P`` (:func:`politically_relevant` with its ``able`` and ``allied``): Lemke (2002, ch. 4)
      shows that a minor power's relevant neighbourhood, the states it can reach, is far smaller than a major power's, which
      is the whole system; Quackenbush (2006) adds the states its allies border (politically active dyads); Vasquez (1993,
      ch. 4) finds the issues that lead to war are above all territorial ones between neighbours;
    - or a live issue with the other state wherever it lies: a strategic rivalry ``R`` (Thompson 2001: rivals see each other
      as enemies and threats), hostility of its own towards ``i`` at least ``s`` (``serious``: a dispute or war, not the
      residue of everyday friction), or an unsettled territorial claim ``D`` between them (Vasquez 1993; Huth 1996);
    - or force used next to it by a state that can reach it: ``j`` is at war (``W``, ``war``) with a state ``k`` of ``i``'s
      neighbourhood, ``j`` can reach ``i`` (``A``, ``able``: Lemke's reach from ``j``'s side) and ``i`` lies within the reach
      ``j`` has shown by striking ``k`` (``Q``, ``within``: how close each state is to ``j``, the proximity read as in
      :func:`foedus.theory.intentions.revealed_hostility`; ``i`` no farther than one characteristic range of it beyond ``k``,
      ``Q_ij >= Q_kj / e``; Boulding 1962, ch. 12: strength is lost beyond the point a state has shown it can strike).
      Walt (1987, ch. 2): aggression close by is read as the more dangerous, and the aggressor that has shown it can strike
      next door has shown an issue with the region (Russia's war on Ukraine alarms Moldova, which it does not border). A
      rivalry of ``j`` next door is not force: Syria's rivalry with Turkey is no issue of Georgia's, nor China's rivalry with
      Japan, whose ally the United States borders it, an issue of Iceland's. With ``side`` (``S``, UN ideal-point distances), only
      a war on a state whose side ``i`` takes, nearer in its votes to the victim than to the aggressor (``S_ik < S_ij``): Walt (1987,
      ch. 2) has aggression threaten the states that would be its next targets, those aligned with its victim, not every state
      within reach (Georgia named Saudi Arabia, Egypt or Germany at war next door with Iran or Russia, states it stands nearer to
      than to their enemy, in world-2022 runs without it; Moldova still names Russia at war with Ukraine). With ``region``
      (``r``, :func:`foedus.theory.regions.cow_region`), only an aggressor of ``i``'s own region, ``r_i = r_j`` (Walt 1987, ch. 2
      and 5: weak states balance against the threats close to them; Lemke 2002: minor powers' neighbourhoods lie within regions):
      the United States' war on Iran made it the main threat of Armenia and Azerbaijan, Iran's neighbours, over their own rivalry
      (world-2022, seed 1; a strict xfail of the face tests);
    - or the main threat of a great-power ally (``B``, ``patron``, :func:`patrons_threat`): an alliance is formed against a
      common threat (Walt 1987, ch. 1-2) and its members inherit their great-power partner's adversary (Snyder 1997, ch. 1:
      alignment is the expectation of support against a specific adversary); the Rio Pact's members, allied with the United
      States, faced the Soviet Union, and the Warsaw Pact's the United States, without bordering or reaching them; and the
      great power leading the ideological camp opposed to ``i``'s (:func:`foedus.theory.camps.camp_adversaries`; Haas 2005, Owen 2010).

    A state outside both has no intentions towards ``i`` that ``i`` can read, whatever its power or its UN votes: a small state
    names a distant great power as its threat only if that power has an issue with it (Ghana and Nigeria the United States,
    Iceland China, Georgia Syria were defects of a rule in which any distant power's faint intentions cleared the threshold of
    a state of their size). A state without any such threat has none (:func:`foedus.theory.threat.perceived_main_threat`: -1).
    Published form: Lemke's and Quackenbush's rules are dyad definitions; using them as the domain of Walt's intentions is ours.

    Parameters
    ----------
    relevant : array (N, N) of float in [0, 1] or bool
        ``P[i, j]``: ``j`` lies in ``i``'s relevant neighbourhood (:func:`politically_relevant`; a major ``i``: every ``j``).
    rivalry : array (N, N) of bool or float in [0, 1], optional
        ``R[i, j]``: strategic rivalry; None: none.
    hostility : array (N, N) of float in [0, 1], optional
        ``H[i, j]``: hostility of ``j`` as seen by ``i``; None: none.
    serious : float in [0, 1], default 0.5
        ``s``: the least hostility that is a live issue (the simulator's ``ideology_read_hostility``, a rivalry's or a war's).
    territorial : array (N, N) of bool, optional
        ``D[i, j]``: an unsettled territorial dispute; None: none.
    able : array (N, N) of bool, optional
        ``A[j, i]``: ``j`` can reach ``i`` (:func:`foedus.theory.projection.able_to_reach`); with ``war``.
    war : array (N, N) of bool, optional
        ``W[k, j]``: ``k`` and ``j`` are at war; None: force next door is not read.
    within : array (N, N) of float in [0, 1], optional
        ``Q[i, j]``: how close ``i`` is to ``j`` (:func:`foedus.theory.intentions.reach_within` of the proximity); None: every
        state within the shown reach.
    side : array (N, N) of float, optional
        ``S[i, j]``: UN ideal-point distance (NaN unknown: no side taken); None: every victim's neighbour, whatever its side.
    region : array (N,) of int, optional
        Each state's region (:func:`foedus.theory.regions.cow_region`): force next door is an issue only from an aggressor of
        ``i``'s region; None: any region.
    patron : array (N, N) of bool, optional
        ``B[i, j]``: ``j`` is the main threat of a great power allied to ``i`` (:func:`patrons_threat`), or a great power of the
        ideological camp opposed to ``i``'s (:func:`foedus.theory.camps.camp_adversaries`); None: none.
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    array (N, N) of float in {0, 1}, diagonal 0.

    Examples
    --------
    >>> P = [[0, 1, 0], [1, 0, 0], [0, 0, 0]]  # 0 and 1 neighbours; 2 far from both (a minor power)
    >>> live_issue(P).tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> live_issue(P, rivalry=[[0, 0, 1], [0, 0, 0], [1, 0, 0]], hostility=[[0, 0, 0], [0, 0, 0.3], [0, 0.3, 0]]).tolist()  # a rivalry; a minor dispute is not an issue
    [[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]

    References
    ----------
    Lemke (2002), ch. 4; Quackenbush (2006); Vasquez (1993), ch. 4; Walt (1987), ch. 2; Thompson (2001).
    """
    p = np.asarray(relevant, dtype=float)
    if check and (p.ndim != 2 or p.shape[0] != p.shape[1]):
        raise ValueError(f"relevant: must be (N, N), got {p.shape}")
    if check and not (np.isfinite(serious) and 0 <= serious <= 1):
        raise ValueError(f"serious: must lie in [0, 1], got {serious!r}")
    out = p > 0
    if rivalry is not None:
        r = _shaped("rivalry", rivalry, p.shape, float, check=check)
        out = out | (r > 0)
    if hostility is not None:
        h = _shaped("hostility", hostility, p.shape, float, check=check)
        out = out | ((h > 0) & (h >= serious))
    if able is not None and war is not None:  # j at war with a state of i's neighbourhood, j able to reach i
        a, w = np.asarray(able, dtype=bool), np.asarray(war, dtype=float)
        if check and (a.shape != p.shape or w.shape != p.shape):
            raise ValueError(f"able and war: must be {p.shape}, got {a.shape} and {w.shape}")
        sd = None if side is None else _shaped("side", side, p.shape, float, check=check)
        rg = None if region is None else _shaped("region", region, (p.shape[0],), check=check)
        if (sd is not None or rg is not None) and within is None:
            within = np.ones(p.shape)
        if within is None:
            out = out | (((p @ w) > 0) & a.T)
        else:
            q = _shaped("within", within, p.shape, float, check=check)
            for j in np.flatnonzero(w.any(axis=0)):  # the few states at war
                victims = np.flatnonzero(w[:, j])
                near = q[:, j][:, None] * np.e >= q[victims, j][None, :]  # near[i, v]: i within the reach j showed against v
                if sd is not None:
                    with np.errstate(invalid="ignore"):
                        near &= sd[:, victims] < sd[:, j][:, None]  # i nearer the victim v than the aggressor j (NaN: no side)
                hit = (p[:, victims].astype(bool) & near).any(axis=1) & a[j]
                out[:, j] |= hit if rg is None else hit & (rg == rg[j])
    if patron is not None:
        b = _shaped("patron", patron, p.shape, bool, check=check)
        out = out | b
    if territorial is not None:
        d = _shaped("territorial", territorial, p.shape, bool, check=check)
        out = out | d
    return _zero_diagonal(out.astype(float))


def patrons_threat(allied, major, main, region=None, *, check: bool = True) -> np.ndarray:
    """``B[i, j] = [some great power k allied to i has j as its main threat]`` (Walt 1987; Snyder 1997): the adversary an alliance inherits.

    .. math:: B_{ij} = \\max_k \\, [\\text{allied}_{ik}] \\, [k \\text{ major}] \\, [t(k) = j] \\, [r_i = r_j], \\qquad B_{ii} = 0

    with ``t(k)`` the main threat of ``k`` (:func:`foedus.theory.threat.perceived_main_threat`; -1 for none). A great power's
    relevant neighbourhood is the whole system (Lemke 2002), so its main threat does not depend on :func:`live_issue`; its
    minor allies inherit it (:func:`live_issue`'s ``patron``). With ``region``, only an adversary of the ally's own region
    (``r``, :func:`foedus.theory.regions.cow_region`): Walt (1987, ch. 2 and 5) finds that weak states balance against the threats
    close to them and that proximity is a source of threat in itself, and Lemke (2002) draws minor powers' relevant
    neighbourhoods within regions. Armenia and Azerbaijan, allied to Russia (the CSTO, the CIS Charter), named the United States,
    Russia's main threat, over each other (world-2022, seed 2, 14 state-years each); NATO's European members still inherit Russia.
    In the Cold War the camps' adversaries reach across regions through ideology (:func:`foedus.theory.camps.camp_adversaries`), not through this route.

    Parameters
    ----------
    allied : array (N, N) of bool
        ``allied[i, k]``: ``i`` and ``k`` are allies in arms.
    major : array (N,) of bool
        Great powers (COW).
    main : array (N,) of int
        Each state's main threat, -1 for none.
    region : array (N,) of int, optional
        Each state's region (:func:`foedus.theory.regions.cow_region`); None: any region.
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    array (N, N) of bool, diagonal False.

    Examples
    --------
    >>> allied = [[0, 1, 0], [1, 0, 0], [0, 0, 0]]  # 0, a minor state, allied to the great power 1, whose main threat is 2
    >>> patrons_threat(allied, [False, True, True], [-1, 2, 1]).astype(int).tolist()
    [[0, 0, 1], [0, 0, 0], [0, 0, 0]]
    """
    a = np.asarray(allied, dtype=bool)
    m = np.asarray(major, dtype=bool)
    t = np.asarray(main, dtype=np.intp)
    n = a.shape[0] if a.ndim == 2 else -1
    if check and (a.ndim != 2 or a.shape[1] != n or m.shape != (n,) or t.shape != (n,) or (t >= n).any() or (t < -1).any()):
        raise ValueError(f"allied (N, N), major (N,) and main (N,) in [-1, N): got {a.shape}, {m.shape}, {t.shape}")
    onehot = np.zeros((n, n))
    has = np.flatnonzero((t >= 0) & m)
    onehot[has, t[has]] = 1.0
    out = ((a & m[None, :]).astype(float) @ onehot) > 0
    if region is not None:
        r = _shaped("region", region, m.shape, check=check)
        out &= r[:, None] == r[None, :]
    np.fill_diagonal(out, False)
    return out


def allied_rivals(allied, major, rivalry, able, ideal_distance=None, region=None, *, check: bool = True) -> np.ndarray:
    """``B'[i, j] = max_k [allied_ik] [k major] [j major] [R_kj > 0] [A_ji] [d_ij > d_ik] [r_i = r_j]``: a great-power rival of a great-power ally that can reach ``i`` in its region.

    .. math:: B'_{ij} = \\max_k \\, [\\text{allied}_{ik}] \\, [k, j \\text{ major}] \\, [R_{kj} > 0] \\, A_{ji} \\, [d_{ij} > d_{ik}] \\, [r_i = r_j], \\qquad B'_{ii} = 0

    :func:`patrons_threat` hands a minor ally its great-power partner's *main* threat; an alliance faces the partner's other
    great-power adversaries too (Snyder 1997, ch. 1: alignment is the expectation of support against specific adversaries; the
    partner's strategic rivals, Thompson 2001, are those adversaries). Walt's (1987, ch. 2) sources of threat select among them the
    ones that can threaten ``i``: aggregate power (a great power), proximity and offensive power (``A_ji``, ``j`` can reach ``i``:
    :func:`foedus.theory.projection.able_to_reach`, Bueno de Mesquita's 1981 distance discount; Lemke 2002) and intentions: ``i``
    stands nearer its ally than ``j`` in UN ideal points (``d``; Bailey, Strezhnev & Voeten 2017), so ``j``'s camp is not its own
    (Haas 2005). Australia, allied to the United States under ANZUS, within China's reach and farther from it than from the United
    States, has China as an issue though it borders no Chinese territory and has no rivalry of its own with it (Australian Defence
    White Papers 2009, 2016; Defence Strategic Update 2020); a Rio Pact member nearer China's votes than the United States' does
    not. Proximity is also regional (Walt 1987, ch. 2: states nearby pose the greater threat; Lemke 2002 finds minor powers'
    relevant neighbourhoods within regions): with ``region`` only a rival of ``i``'s region is added (COW regions put Australia in
    Asia with China); China reaches Portugal and Iceland too, but their alliance's adversary in their region is Russia (NATO's
    Strategic Concept 2022: Russia the most significant and direct threat, China a systemic challenge; without the region 128 of
    their state-years named China instead of Russia in world-2022, seeds 1-4). Published form: the rule is ours, from Snyder's,
    Walt's and Lemke's verbal ones.

    Parameters
    ----------
    allied : array (N, N) of bool
        Allies in arms.
    major : array (N,) of bool
    rivalry : array (N, N) of bool or float in [0, 1]
    able : array (N, N) of bool
        ``A[j, i]``: ``j`` can reach ``i``.
    ideal_distance : array (N, N) of float, optional
        Ideal-point distances (NaN unknown: the pair is not admitted); None: intentions not read (every rival admitted).
    region : array (N,) of int, optional
        Each state's region (:func:`foedus.theory.regions.cow_region`); None: any region.
    check : bool, default True

    Returns
    -------
    array (N, N) of bool, diagonal False.

    Examples
    --------
    >>> allied = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]  # 0 (Australia) allied to 1 (the United States)
    >>> R = [[0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0]]  # 1 and 2 (China) rivals; 3 a great power, no rival of 1
    >>> A = np.ones((4, 4), bool)
    >>> d = [[0, 1.0, 2.5, 2.5], [1.0, 0, 3.5, 1], [2.5, 3.5, 0, 1], [2.5, 1, 1, 0]]
    >>> allied_rivals(allied, [False, True, True, True], R, A, d).astype(int).tolist()
    [[0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    """
    a = np.asarray(allied, dtype=bool)
    m = np.asarray(major, dtype=bool)
    r = np.asarray(rivalry, dtype=float) > 0
    reach = np.asarray(able, dtype=bool)
    n = a.shape[0] if a.ndim == 2 else -1
    if check and (a.ndim != 2 or a.shape[1] != n or m.shape != (n,) or r.shape != a.shape or reach.shape != a.shape):
        raise ValueError(f"allied, rivalry, able (N, N) and major (N,): got {a.shape}, {r.shape}, {reach.shape}, {m.shape}")
    patrons = a & m[None, :]
    rivals = r & m[:, None] & m[None, :]
    d = None if ideal_distance is None else np.asarray(ideal_distance, dtype=float)
    if check and d is not None and d.shape != a.shape:
        raise ValueError(f"ideal_distance: must be {a.shape}, got {d.shape}")
    region = None if region is None else _shaped("region", region, m.shape, check=check)
    ks = np.flatnonzero(patrons.any(axis=0) & rivals.any(axis=1))  # the few great powers with both allies and great-power rivals
    cand = patrons[:, ks][:, :, None] & rivals[ks][None, :, :]  # cand[i, k, j]: k is i's great-power ally and j its great-power rival
    if d is not None:
        with np.errstate(invalid="ignore"):
            cand &= d[:, None, :] > d[:, ks][:, :, None]  # i farther from j than from k (NaN: not admitted)
    out = cand.any(axis=1) & reach.T
    if region is not None:
        out &= region[:, None] == region[None, :]
    np.fill_diagonal(out, False)
    return out


def reached_by(able, major, region=None, hostility=None, *, check: bool = True) -> np.ndarray:
    """``N[i, j] = [A_ji, j not major, j of i's region, H_ij > 0]``: a hostile minor power of its region that can reach ``i`` lies in ``i``'s relevant neighbourhood (Lemke & Reed 2001; Lemke 2002).

    Lemke's relevance is dyadic (Lemke & Reed 2001: a pair is relevant when *either* can reach the other); read from the
    observer's side only (:func:`politically_relevant`: the states ``i`` can reach), a minor power that grows out of its
    neighbours' reach leaves their neighbourhood just as it becomes more dangerous to them, which inverts Walt's (1987) aggregate
    power. This adds the minor powers that can reach ``i``; a great power that reaches ``i`` is an issue of ``i``'s only through
    the routes of :func:`live_issue` (a great power reaches nearly every state: Ghana naming the United States was a defect of
    admitting them all). Lemke (2002, ch. 4-5) finds the relevant neighbourhoods of minor powers within regions (the local
    hierarchies of South America, the Middle East, the Far East, Africa): with ``region`` only a minor power of ``i``'s region is
    added (a middle power that reaches the small states of another region is no issue of theirs: Georgia naming Iran, Saudi
    Arabia or Egypt, Kazakhstan and Tajikistan Saudi Arabia, in world-2022 runs without it). With ``hostility``, only a state that
    has shown ``i`` some hostility of its own (``H_ij > 0``, any dispute: Walt's 1987 intentions, read from conduct towards ``i``):
    reach alone made the middle powers of Africa the threats of small states they had no quarrel with (Namibia naming the DR
    Congo, Gabon and the Congo Nigeria, Burundi and Rwanda Angola: 136 state-years in two runs from 1990). Diagonal False.

    Parameters
    ----------
    able : array (N, N) of bool
        ``A[j, i]``: ``j`` can reach ``i`` (:func:`foedus.theory.projection.able_to_reach`).
    major : array (N,) of bool
    region : array (N,) of int, optional
        Each state's region (:func:`foedus.theory.regions.cow_region`); None: any region.
    hostility : array (N, N) of float in [0, 1], optional
        ``H[i, j]``, ``j``'s hostility as seen by ``i``; None: not required.
    check : bool, default True

    Returns
    -------
    array (N, N) of bool, diagonal False.

    Examples
    --------
    >>> reached_by([[0, 1, 1], [0, 0, 0], [0, 0, 0]], [False, False, True]).astype(int).tolist()  # 0, a minor, reaches 1 and 2
    [[0, 0, 0], [1, 0, 0], [1, 0, 0]]
    """
    a = np.asarray(able, dtype=bool)
    m = np.asarray(major, dtype=bool)
    if check and (a.ndim != 2 or a.shape[0] != a.shape[1] or m.shape != (a.shape[0],)):
        raise ValueError(f"able (N, N) and major (N,): got {a.shape} and {m.shape}")
    out = a.T & ~m[None, :]
    if region is not None:
        r = _shaped("region", region, m.shape, check=check)
        out &= r[:, None] == r[None, :]
    if hostility is not None:
        h = _shaped("hostility", hostility, a.shape, float, check=check)
        out &= h > 0
    np.fill_diagonal(out, False)
    return out


def pledge_holds(allied, hostility, *, serious: float = 0.5, check: bool = True) -> np.ndarray:
    """``L[i, j] = [allied_ij and not H_ij >= s > 0]``: an ally in arms whose pledge no serious dispute belies, which ``i`` does not name as its main threat (Walt 1987; Kydd 2005).

    Walt (1987, ch. 2): intentions are the source of threat that separates an ally from an enemy, and a defence pact is the
    costliest statement of benign intentions (Kydd 2005, ch. 1 and 7: a costly signal reassures); a state does not balance
    against the power pledged to its defence. Deeds outweigh words: a serious dispute or the use of force between the two
    (hostility at least ``serious``) belies the pledge, and the ally may be named (Armenia and Azerbaijan, Greece and Turkey,
    rivals with live disputes under the CIS Charter and NATO; the Soviet interventions in Hungary and Czechoslovakia). A
    rivalry alone does not: a rivalry that begins between allies in a run, before any dispute, made France name the United
    States (world-2022 seeds 8 and 12, 16 state-years over 16 seeds) and Azerbaijan Turkey, its closest ally (seed 1, 23 of 30
    years), although neither had shown the other any hostility of consequence. Read in the choice of the main threat only
    (with :func:`live_issue`); the threat itself is kept (what a state values). Published form: the rule is ours, from
    Walt's and Kydd's verbal ones. Diagonal False.

    Parameters
    ----------
    allied : array (N, N) of bool
        Allies in arms (a defence or offence pledge that still stands).
    hostility : array (N, N) of float in [0, 1]
        ``H[i, j]``.
    serious : float in [0, 1], default 0.5
        ``s``: the least hostility that belies a pledge (the simulator's ``ideology_read_hostility``, as :func:`live_issue`'s).
    check : bool, default True

    Returns
    -------
    array (N, N) of bool, diagonal False.

    Examples
    --------
    >>> pledge_holds([[0, 1, 1], [1, 0, 0], [1, 0, 0]], [[0, 0.1, 0.6], [0.1, 0, 0], [0.6, 0, 0]]).astype(int).tolist()
    [[0, 1, 0], [1, 0, 0], [0, 0, 0]]
    """
    a = np.asarray(allied, dtype=bool)
    h = np.asarray(hostility, dtype=float)
    if check and (a.ndim != 2 or a.shape[0] != a.shape[1] or h.shape != a.shape):
        raise ValueError(f"allied and hostility: must be (N, N) alike, got {a.shape} and {h.shape}")
    if check and not (np.isfinite(serious) and 0 <= serious <= 1):
        raise ValueError(f"serious: must lie in [0, 1], got {serious!r}")
    out = a & ~((h > 0) & (h >= serious))
    np.fill_diagonal(out, False)
    return out
