"""The ideological camps of great-power rivalries: which great power a state fears for its camp (brief A2, F2; issue 17 item 2).

:func:`camp_adversaries`: a state bound to the camp of a great power fears that power's great-power rival
across camps (Haas 2005; Owen 2010), a route of threat (:func:`foedus.theory.relevance.patrons_threat` is
the other route by which a patron's adversary becomes a client's). Split from
:mod:`foedus.theory.relevance` for size.

.. [1] Haas, M. L. (2005). The Ideological Origins of Great Power Politics, 1789-1989. Cornell University Press.
.. [2] Owen, J. M. (2010). The Clash of Ideas in World Politics. Princeton University Press.
.. [3] Buzan, B., and O. Wæver (2003). Regions and Powers. Cambridge University Press.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.relevance import _shaped

__all__ = ["camp_adversaries"]


def camp_adversaries(excess, major, rivalry, *, known=None, allied=None, region=None, check: bool = True) -> np.ndarray:
    """``K[i, j] = [j major, E_ij > 0, and i is bound to the camp of a great-power rival k of j whose rivalry with j is a contest of camps]`` (Haas 2005; Owen 2010).

    .. math:: K_{ij} = [j \\text{ major}] \\, [E_{ij} > 0] \\, \\max_k [k \\text{ major}] \\, [E_{ik} = 0] \\, [R_{kj} > 0] \\, [E_{kj} > 0] \\, b_{ik}, \\qquad K_{ii} = 0

    .. math:: b_{ik} = [i = k] \\lor \\text{allied}_{ik} \\lor \\max_g C_{ig} \\, C_{gk} \\lor [r_i = r_k] \\, \\big(1 - \\max_{g \\text{ major}} \\text{allied}_{ig}\\big),
              \\qquad C_{ig} = \\text{allied}_{ig} \\, [g \\text{ major}] \\, [E_{ig} = 0]

    Ideology threatens across camps, and camps are led by rival great powers: Haas (2005, ch. 1) states the hypothesis for the
    leaders of great powers; Owen (2010, ch. 1-2) extends it to transnational ideological polarisation, in which the states of
    one camp fear the great power leading the other. ``E`` is the ideological distance beyond one camp
    (:func:`foedus.theory.intentions.ideological_excess`): ``i`` is in ``k``'s camp when ``E_ik = 0``. Two conditions of the
    literature hold the route to the contests it describes:

    - the rivalry is a contest of camps, ``E_kj > 0``: Owen's (2010, ch. 2) transnational polarisation is a contest between
      legitimating ideologies whose leaders stand in opposed camps (the Cold War's), not any strategic rivalry (Thompson 2001)
      of great powers that share one (Haas 2005, ch. 1: ideological distance between the leaderships makes threat). The United
      States and the Soviet Union stood 3.6-5.3 apart in UN ideal points (Bailey, Strezhnev & Voeten 2017) in 1946-1989,
      beyond the camp's width of 3.0; the United States and Russia 2.0-3.0 in 1991-2022: their rivalry made the United States
      the camp adversary of the 113 states whose votes sat near Russia's in a record-built run from 1990 (Belize, Tanzania,
      Sri Lanka named it), a threat no expert of the period would accept;
    - ``i`` is bound to ``k``'s camp by an alliance in arms (``allied``), or is ``k``: the camp whose adversary a state fears
      is the one it has joined (Walt 1987, ch. 2 and 5: weak states balance against threats close to them, and a distant
      great power threatens those it has a stake against; Snyder 1997, ch. 1: alignment is the expectation of support against a
      specific adversary). In the Cold War NATO's and the Rio Pact's members, allied to the United States, feared the Soviet
      Union, and the Warsaw Pact's the United States; Kazakhstan, Uzbekistan and Kyrgyzstan, whose votes sit near China's and
      which are allied to no Chinese pact, do not fear the United States for their votes (they named it in world-2022 with
      intentions of 4e-4 to 3e-3). A state is bound to ``k``'s camp (``b``) in three ways:

      - by its own alliance in arms with ``k`` (``allied``), or ``i = k``;
      - by an alliance in arms with a great power ``g`` of its camp (``C_ig``) that is itself allied in arms to ``k`` within one
        camp (``C_gk``): the great powers of one camp allied to each other lead one bloc (Snyder 1997, ch. 1 and 9: alliance
        systems; Waltz 1979, ch. 8: bipolar blocs), and an ally of one is bound to the bloc. In bipolar-1950 runs where the
        simulated rivalry of the United States and the Soviet Union lapses (seeds 1 and 4, from 1954), the Rio Pact's members,
        allied to the United States, which NATO allies to Britain, still face Britain's rival the Soviet Union rather than each
        other (they named their Rio Pact rivals, 11-17 % of the scenario's state-years naming a defence ally, without it);
      - in its own region (``region``, ``r``: :func:`foedus.theory.regions.cow_region`) while it is allied in arms to no great
        power at all (``max_g allied_ig [g major] = 0``; a state allied in arms to the other camp's leader, Finland to the Soviet
        Union in 1950, is not drawn by its region into a camp whose adversary is its own ally): a global rivalry overlays the regions of its leaders, whose
        unaligned states are drawn into it (Buzan & Wæver 2003, ch. 3: overlay, Europe in the Cold War its case; Walt 1987,
        ch. 5: proximity). In the record of 1946 the Netherlands, Belgium, Norway or Denmark had no pact with the United States
        or Britain before 1948-1949, nor Romania, Hungary or Bulgaria with the Soviet Union before 1948, and feared the other
        camp's leader all the same; Latin America the Soviet Union before the Rio Pact (1947). A state that has joined a great
        power of its camp has chosen its camp (Snyder 1997): Kazakhstan, Kyrgyzstan, allied to Russia (the CSTO), are not
        drawn into China's camp by their region (COW's Asia; Buzan & Wæver 2003, ch. 12, put Central Asia in the post-Soviet
        complex centred on Russia).

    Published form: Haas and Owen give no formula; this one is ours. Without ideal points (``E`` all 0) there is no camp
    adversary; without ``allied`` (None) every member of the camp is bound to it (the form before session 17).

    Parameters
    ----------
    excess : array (N, N) of float in [0, 1]
        ``E``.
    major : array (N,) of bool
    rivalry : array (N, N) of bool or float in [0, 1]
    known : array (N,) of bool, optional
        Whose ideal point is known (default all): a state whose is not belongs to no camp and has no camp adversary.
    allied : array (N, N) of bool, optional
        ``allied[i, k]``: ``i`` and ``k`` are allies in arms; None: every state of ``k``'s camp is bound to it.
    region : array (N,) of int, optional
        Each state's region (:func:`foedus.theory.regions.cow_region`), with ``allied``: a state allied in arms to no great power
        is bound to the camps of its region's great powers; None: no state is bound by its region.
    check : bool, default True

    Returns
    -------
    array (N, N) of bool, diagonal False.

    Examples
    --------
    >>> E = [[0, 0.8, 0], [0.8, 0, 0.9], [0, 0.9, 0]]  # the Netherlands, the Soviet Union, the United States
    >>> R = [[0, 0, 0], [0, 0, 1], [0, 1, 0]]
    >>> camp_adversaries(E, [False, True, True], R).astype(int).tolist()
    [[0, 1, 0], [0, 0, 1], [0, 1, 0]]
    >>> camp_adversaries(E, [False, True, True], R, allied=[[0, 0, 0], [0, 0, 0], [0, 0, 0]]).astype(int).tolist()  # the Netherlands in no pact
    [[0, 0, 0], [0, 0, 1], [0, 1, 0]]
    """
    e = np.asarray(excess, dtype=float)
    m = np.asarray(major, dtype=bool)
    r = np.asarray(rivalry, dtype=float)
    n = e.shape[0] if e.ndim == 2 else -1
    if check and (e.ndim != 2 or e.shape[1] != n or m.shape != (n,) or r.shape != e.shape):
        raise ValueError(f"excess (N, N), major (N,) and rivalry (N, N): got {e.shape}, {m.shape}, {r.shape}")
    ok = np.ones(max(n, 0), bool) if known is None else np.asarray(known, dtype=bool)
    if check and ok.shape != m.shape:
        raise ValueError(f"known: expected shape {m.shape}, got {ok.shape}")
    camp = (e <= 0) & m[None, :]  # camp[i, k]: i within the camp of the great power k (k itself included)
    if allied is not None:
        a = _shaped("allied", allied, e.shape, bool, check=check).copy()
        np.fill_diagonal(a, False)
        g = np.flatnonzero(m)
        joined = a[:, g] & camp[:, g]  # C[i, g]: i allied in arms to a great power g of its camp
        bound = a.copy()  # by an alliance in arms with k (Walt 1987; Snyder 1997)
        bound[:, g] |= (joined.astype(float) @ joined[g].astype(float)) > 0  # with a great power allied to k in one camp: one bloc (Snyder 1997)
        if region is not None:
            rg = _shaped("region", region, m.shape, check=check)
            bound |= (rg[:, None] == rg[None, :]) & ~a[:, g].any(axis=1)[:, None]  # the unaligned, in their region (Buzan & Wæver 2003)
        camp &= bound
    np.fill_diagonal(camp, m)
    camp = (camp & ok[:, None] & ok[None, :]).astype(float)
    rivals = ((r > 0) & (e > 0) & m[:, None] & m[None, :]).astype(float)  # great-power rivalries across camps (Owen 2010)
    # (camp @ rivals) > 0, the product over the great powers alone (rivals is 0 elsewhere: the same counts, a fraction of the work)
    g = np.flatnonzero(m)
    linked = np.zeros(e.shape, bool)
    linked[:, g] = (camp[:, g] @ rivals[g][:, g]) > 0
    out = linked & (e > 0) & m[None, :] & ok[:, None] & ok[None, :]
    np.fill_diagonal(out, False)
    return out
