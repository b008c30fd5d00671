"""Perceived aggressive intentions, Walt's fourth source of threat, read from acts (brief F2, T2).

Walt (1987, ch. 2) infers intentions from behaviour. This module holds how the simulator reads
them, for :func:`foedus.theory.threat.walt_threat` (which re-exports these functions):

- :func:`revealed_hostility`: the hostility a state has revealed towards another or towards its
  minor neighbours (aggression close by is read as the more dangerous), by the states within the
  aggressor's reach (:func:`reach_within`);
- :func:`intentions_from_acts`: intentions from revealed hostility and rivalry, the distance of
  foreign-policy ideal points colouring the reading of acts rather than standing in for them;
- :func:`allied_intentions`: allies are reassured about each other in proportion to the pact;
- :func:`commercial_restraint`: trade restrains intentions towards trade partners (T2).

Units: every matrix is ``(N, N)`` and dimensionless in [0, 1], ``[i, j]`` being ``i``'s view of ``j``.

References
----------
1. Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press, ch. 2, 5, 8.
2. Polachek, S. W. (1980). Conflict and trade. *Journal of Conflict Resolution* 24(1): 55-78.
3. Oneal, J. R. & Russett, B. M. (1997). The classical liberals were right. *International
   Studies Quarterly* 41(2): 267-294.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _array, _matrix, _zero_diagonal

from foedus.theory.relevance import politically_relevant, relevant_dyads  # re-exported: political relevance (Lemke & Reed 2001)

__all__ = ["allied_intentions", "commercial_restraint", "ideological_excess", "intentions_from_acts", "pledged_reassurance", "politically_relevant", "reach_within", "relevant_dyads", "revealed_hostility"]


def intentions_from_acts(
    revealed,
    ideal_point_distance=None,
    rivalry=None,
    *,
    weights: tuple[float, float, float] = (0.5, 0.25, 0.25),
    serious: float = 0.5,
    alone: float = 0.0,
    camp: float = 0.0,
    excess=None,
    check: bool = True,
) -> np.ndarray:
    """Perceived aggressive intentions read from acts and ideology: ``I_ij = (w_h H~ + w_d (D g + a (1 - g) E) + w_r R) / (w_h + w_d + w_r)``.

    ``g = min(1, max(H~, R) / s)`` reads ideology through acts; ``E = max(0, D - c) / (1 - c)`` is the ideological distance
    beyond one camp (``c``), which threatens without acts in the share ``a``.


    Walt (1987, ch. 2) infers intentions from behaviour: states "viewed as aggressive" are those
    whose acts reveal aggression: disputes and wars (the revealed hostility ``H~``,
    :func:`revealed_hostility`) and a strategic rivalry ``R`` (Thompson & Dreyer 2012: rivals see
    each other as enemies and threats). Ideology does not make a state aggressive by itself; it
    colours how its acts are read (Walt 1987, ch. 5: states of opposed ideology read each other's
    conduct as the more hostile; Haas 2005). So the distance of foreign-policy ideal points ``D``
    counts in proportion to the acts revealed, in full once they are serious (at least ``s``: a
    rivalry, a war; the floor of :func:`revealed_hostility`), and a state that has revealed no
    hostility towards ``i`` and is no rival of it has no aggressive intentions towards ``i``,
    however far apart their UN votes:

    .. math:: I_{ij} = \\frac{w_h \\tilde H_{ij} + w_d D_{ij} \\min\\left(1, \\max(\\tilde H_{ij}, R_{ij}) / s\\right) + w_r R_{ij}}{w_h + w_d + w_r},
              \\qquad I_{ii} = 0

    Ideological distance is also a source of threat in its own right (Haas 2005, ch. 1: "the
    greater the ideological differences dividing the leaders of great powers, the more likely they
    are to view one another as threatening", through demonstration effects and the expectation of
    conflict; Owen 2010: transnational ideological polarisation; Walt 1987, ch. 5: the Soviet Union
    was the West's threat from 1946-47 before any war between them). Haas's distance is between
    ideologies, not within one: leaders who share an ideology do not fear each other's small
    differences (Haas 2005, ch. 1: "ideological distance" between liberal, communist, monarchical,
    fascist leaderships; Hemmer & Katzenstein 2002 on the shared identity of a bloc). So the
    distance of UN ideal points beyond one camp's width ``c`` (``camp``, the simulator's
    ``ideology_camp_distance``), ``E = max(0, D - c) / (1 - c)``, threatens without any act in
    the share ``a`` (``alone``): the Soviet Union threatens Western Europe (the Cold War blocs of
    1947-49 formed against a state that had fought none of its future adversaries), while the
    United States, whose UN votes Mexico's or Brazil's differ from by a sixth of the range, does
    not threaten them by its votes. Where acts are serious (``g = 1``) the distance counts in full
    as before; ``a = 0`` is the act-reading rule above; ``a = 1, c = 0`` is Haas's rule, the plain
    weighted mean of :func:`perceived_intentions`.

    .. math:: \\text{ideological term} = w_d \\left(D_{ij} g_{ij} + a (1 - g_{ij}) E_{ij}\\right), \\qquad
              g_{ij} = \\min\\left(1, \\max(\\tilde H_{ij}, R_{ij}) / s\\right), \\qquad E_{ij} = \\frac{\\max(0, D_{ij} - c)}{1 - c}

    Analytic anchors: with ``a = 0``, ``I = 0`` without acts or rivalry; for a rival (``R = 1``), or once
    ``H~ >= s``, it equals the weighted mean of :func:`perceived_intentions`,
    ``(w_h H~ + w_d D + w_r R) / (w_h + w_d + w_r)``; below ``s`` the ideological term shrinks in
    proportion to the acts. With ``a = 1`` and ``c = 0`` it equals :func:`perceived_intentions` whatever the acts;
    within a camp (``D <= c``) ideology threatens only through acts, whatever ``a``.
    Without ideal points (before the UN) the ``w_d`` term and its weight drop out, as in
    :func:`perceived_intentions`.

    Parameters
    ----------
    revealed : array (N, N) of float in [0, 1]
        ``H~[i, j]``: hostility ``j`` has revealed towards ``i`` or its neighbours (:func:`revealed_hostility`).
    ideal_point_distance : array (N, N) of float in [0, 1], optional
        ``D[i, j]``: normalised distance of UN General Assembly ideal points (Bailey, Strezhnev & Voeten 2017).
    rivalry : array (N, N) of bool or float in [0, 1], optional
        ``R[i, j]``: strategic rivalry (Thompson & Dreyer 2012).
    weights : (w_h, w_d, w_r), each >= 0, default (0.5, 0.25, 0.25)
        As in :func:`perceived_intentions`.
    serious : float in [0, 1], default 0.5
        ``s``, the acts at which ideology counts in full (the simulator's ``aggression_hostility``);
        0 counts it in full for any act.
    alone : float in [0, 1], default 0
        ``a``, the share of the ideological term that counts without acts (Haas 2005; the
        simulator's ``ideology_alone``); 0 reads ideology only through acts, 1 in full.
    camp : float in [0, 1), default 0
        ``c``, the ideal-point distance within which states share a camp and ideology alone does not threaten
        (on the scaled distance ``D``).
    excess : array (N, N) of float in [0, 1], optional
        ``E`` given directly (the simulator passes :func:`ideological_excess` of the raw ideal points, comparable
        across years); None: ``max(0, D - camp) / (1 - camp)``.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in [0, 1], diagonal 0.

    Examples
    --------
    >>> intentions_from_acts([[0, 0.0], [0.0, 0]], [[0, 0.9], [0.9, 0]]).tolist()  # opposed votes, no acts
    [[0.0, 0.0], [0.0, 0.0]]
    >>> intentions_from_acts([[0, 1.0], [1.0, 0]], [[0, 0.4], [0.4, 0]], [[0, 1], [1, 0]]).round(3).tolist()
    [[0.0, 0.85], [0.85, 0.0]]
    >>> intentions_from_acts([[0, 0.0], [0.0, 0]], [[0, 0.8], [0.8, 0]], alone=0.5).round(3).tolist()  # Haas: opposed ideologies, half counted alone
    [[0.0, 0.133], [0.133, 0.0]]
    >>> intentions_from_acts([[0, 0.0], [0.0, 0]], [[0, 0.8], [0.8, 0]], alone=1.0, camp=0.6).round(3).tolist()  # a quarter of the range beyond one camp
    [[0.0, 0.167], [0.167, 0.0]]

    References
    ----------
    Walt (1987), ch. 2 and 5; Haas, M. L. (2005). *The Ideological Origins of Great Power Politics,
    1789-1989*. Ithaca: Cornell University Press, ch. 1; Owen, J. M. (2010). *The Clash of Ideas in World
    Politics*. Princeton: Princeton University Press; Bailey, Strezhnev & Voeten (2017).
    """
    h = _matrix("revealed", revealed, unit=True, check=check)
    n = h.shape[0]
    w = _array("weights", weights, nonneg=True, check=check)
    if check and w.shape != (3,):
        raise ValueError(f"weights: expected three weights (hostility, ideal_point_distance, rivalry), got shape {w.shape}")
    r = None if rivalry is None else _matrix("rivalry", rivalry, n, unit=True, check=check)
    total = w[0] * h
    denom = w[0]
    if check and not (np.isfinite(serious) and 0 <= serious <= 1):
        raise ValueError(f"serious: must lie in [0, 1], got {serious!r}")
    if check and not (np.isfinite(alone) and 0 <= alone <= 1):
        raise ValueError(f"alone: must lie in [0, 1], got {alone!r}")
    if check and not (np.isfinite(camp) and 0 <= camp < 1):
        raise ValueError(f"camp: must lie in [0, 1), got {camp!r}")
    if ideal_point_distance is not None:
        acts = h if r is None else np.maximum(h, r)
        read = np.minimum(1.0, acts / serious) if serious > 0 else (acts > 0).astype(float)
        d = _matrix("ideal_point_distance", ideal_point_distance, n, unit=True, check=check)
        beyond = np.maximum(d - camp, 0.0) / (1.0 - camp) if excess is None else _matrix("excess", excess, n, unit=True, check=check)  # E
        total = total + w[1] * (d * read + alone * (1.0 - read) * beyond)
        denom += w[1]
    if r is not None:
        total = total + w[2] * r
        denom += w[2]
    if check and denom <= 0:
        raise ValueError("weights: the indicators supplied all have weight 0")
    return _zero_diagonal(total / denom)


def ideological_excess(ideal_point, camp: float, *, known=None, check: bool = True) -> np.ndarray:
    """How far apart two states' ideologies lie beyond one camp: ``E_ij = max(0, |x_i - x_j| - c) / (max_kl |x_k - x_l| - c)``.

    Haas (2005, ch. 1) measures ideological distance between leaderships; Bailey, Strezhnev & Voeten
    (2017) place every state's UN General Assembly votes on one scale comparable across years (votes
    repeated from session to session bridge the years), so a camp's width ``c`` is one distance for
    every year: the share of the distance beyond it, over the system's widest distance beyond it,
    is in [0, 1]. (Scaling by each year's widest distance instead, as the scaled ``D`` does, would
    stretch a system whose poles are close, 2022's, to the width of 1946's.)

    .. math:: E_{ij} = \\frac{\\max(0, |x_i - x_j| - c)}{\\max_{k, l} |x_k - x_l| - c}, \\qquad E = 0 \\text{ when no pair is farther apart than } c

    Parameters
    ----------
    ideal_point : array (N,) of float
        UN ideal points (Bailey, Strezhnev & Voeten 2017), in their units; NaN for unknown.
    camp : float >= 0
        ``c``, in ideal-point units: states closer than this share a camp.
    known : array (N,) of bool, optional
        Whose ideal point is known (False: no excess for its pairs); default: the finite ones.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in [0, 1], symmetric, diagonal 0.

    Examples
    --------
    >>> ideological_excess([1.7, -3.1, 0.5, 2.4], 3.0).round(3).tolist()  # the United States, the Soviet Union, France, Britain
    [[0.0, 0.72, 0.0, 0.0], [0.72, 0.0, 0.24, 1.0], [0.0, 0.24, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]]
    """
    x = np.asarray(ideal_point, dtype=float)
    if check and x.ndim != 1:
        raise ValueError(f"ideal_point: expected a vector, got shape {x.shape}")
    if check and not (np.isfinite(camp) and camp >= 0):
        raise ValueError(f"camp: must be a number >= 0, got {camp!r}")
    ok = np.isfinite(x) if known is None else np.asarray(known, dtype=bool) & np.isfinite(x)
    d = np.where(ok[:, None] & ok[None, :], np.abs(np.where(ok, x, 0.0)[:, None] - np.where(ok, x, 0.0)[None, :]), 0.0)
    top = d.max() if d.size else 0.0
    if top <= camp:
        return np.zeros_like(d)
    return np.maximum(d - camp, 0.0) / (top - camp)


def revealed_hostility(
    hostility, proximity, exposed=None, *, floor: float = 0.0, reach=None, within=None, relevant=None, contiguous=None, exposed_near=None, struck=None,
    check: bool = True,
) -> np.ndarray:
    """Hostility of ``j`` towards ``i`` or towards an exposed neighbour of ``i``: ``max(H_ij, V_ij max_k pi_ik e_ik H_kj F_kj W_ikj)``.

    Walt (1987, ch. 2): intentions are inferred from behaviour, and aggression close by is read as
    the more dangerous ("states that are viewed as aggressive are likely to provoke others to
    balance against them"). A state hostile to a neighbour of ``i`` reveals intentions that ``i``
    cannot ignore, in proportion to how close that neighbour is (``pi_ik``) and how far ``i`` reads
    hostility towards it as aimed at states like itself (``e_ik``). The simulator sets
    ``e_ik = [k minor] (1 - D_ik) (1 - R_ik)``, with ``D`` the normalised distance of UN ideal points
    and ``R`` rivalry: aggression against a minor power is read as predatory, while the rivalries
    of great powers among themselves are read as competition among peers (Walt's examples of
    revealed aggression are attacks on weaker neighbours; Schweller 1994 on revisionist
    predators); hostility towards a state whose foreign policy one opposes does not alarm, and
    hostility towards one's own rival is not aimed at oneself (the enemy of my enemy: Heider 1958;
    Saudi Arabia, Egypt and Israel, Iran's rivals, do not read the United States' rivalry with Iran
    as a threat to themselves):

    .. math:: \\tilde H_{ij} = \\max\\left(H_{ij}, \\max_{k:\\, H_{kj} \\ge f} \\pi_{ik} e_{ik} \\, H_{kj} F_{kj} W_{ikj}\\right), \\qquad \\tilde H_{ii} = 0

    Only serious hostility (at least ``floor`` ``f``: a rivalry, a war) reveals aggression; everyday
    friction does not (and the sum visits only the few pairs above it). With ``reach`` ``F``
    (:func:`foedus.theory.projection.reach_fraction`: the share of ``j``'s capability that arrives
    at ``k``), the act is read in proportion to ``F_kj``: an attack where the aggressor's strength
    arrives in full, on its own neighbour, is the predator's act that alarms the region (Walt 1987,
    ch. 2: Germany, Italy and Japan in the 1930s; Schweller 1994); the rivalry of a power whose
    strength arrives only in part (the United States and Iran) alarms ``k``'s neighbours the less
    (Boulding's loss-of-strength gradient, in Bueno de Mesquita's 1981 form).

    And it alarms ``i`` only as far as ``i`` lies within the aggressor's reach (Walt 1987, ch. 2:
    "states that are nearby pose a greater threat than those that are far away", and aggressive
    intentions alarm the states the aggressor can reach; Boulding 1962, ch. 12: strength is lost
    with every mile beyond the point a state has shown it can strike). With ``within`` ``A``
    (the simulator passes the proximity ``pi``: how close each state is to each aggressor), the
    attack on ``k`` shows that ``j``'s reach extends as far as ``k``; a state at least as close to
    ``j`` as ``k`` is within it (``W = 1``), a state farther away lies beyond it by the ratio of
    the two proximities, the loss of strength over the extra distance
    (``pi_ij / pi_kj = exp(-(d_ij - d_kj) / lambda)`` between non-contiguous states):

    .. math:: W_{ikj} = \\min\\left(1, \\frac{A_{ij}}{A_{kj}}\\right) \\quad (W = 1 \\text{ when } A_{kj} = 0)

    India's attack on Pakistan alarms Pakistan's neighbours, which India reaches as it reached
    Pakistan, and not West Africa, which lies beyond that reach by thousands of kilometres (a
    1946 run: India, after attacking Pakistan, the main threat of some forty states, Nigeria and
    Liberia among them, through the faint proximity of West Africa to Pakistan's neighbours).
    Published form: Walt names the rule without a formula; the ratio is ours, on the model's
    proximity (:func:`foedus.theory.threat.proximity_matrix`).

    And only an aggressor that could fight ``i`` at all reveals anything to it by an act against another: with
    ``relevant`` ``V`` (:func:`foedus.theory.relevance.relevant_dyads`, Lemke & Reed 2001's politically relevant dyads: contiguous, or one
    of the two a major power, or one able to reach the other, Lemke 2002), the indirect term counts for the pairs
    ``(i, j)`` that are relevant, 0 elsewhere: the Ottoman Empire's quarrels in the Balkans are no threat to Spain or
    Belgium, which it neither borders nor reaches (a record-built run from 1900: Spain named the Ottoman Empire in 37 %
    of its state-years, Belgium in 23 %). Published form: the dyadic rule of Maoz & Russett (1993) and Lemke & Reed (2001).

    (Russia's war on Ukraine is read as hostile intent by Ukraine's neighbours; a rivalry between
    great powers, or one on the other side of the world, is not.) Published form: Walt names the
    source without a formula; this one is ours.

    And an aggressor's attack on one of its neighbours alarms its other neighbours, whether or not the victim lies in their
    own neighbourhood (Walt 1987, ch. 2: "states that are nearby pose a greater threat", and a state that has shown
    aggressive intentions towards one neighbour is feared by the next; Schweller 1994's predator; Georgia, which does not
    border Ukraine, reads Russia's war on it as Russia's intentions towards its own occupied provinces, and Hitler's
    neighbours read the Anschluss and Munich so). With ``contiguous`` ``C`` and ``exposed_near`` ``e'`` (``e`` without the
    observer's relevance of the victim: :func:`foedus.theory.relevance.politically_relevant`), the exposure of ``i`` to an act
    of ``j`` against ``k`` is ``max(e_ik, C_ij S_kj e'_ik)`` with ``S = C`` (any serious hostility, a rivalry or a war, towards
    a neighbour: the simulator's rule, as for the observer's own neighbours) or ``struck`` (``S_kj``: only the neighbours
    ``j`` is at war with, say); the victim and the observer both border the aggressor, so the act lies within the reach it
    showed (``W = 1`` between contiguous states). Published form: Walt's proximity and intentions, without a formula; the
    rule is ours (COW direct contiguity).

    Parameters
    ----------
    hostility : array (N, N) of float in [0, 1]
        ``H[k, j]``: hostility of ``j`` as seen by ``k``.
    proximity : array (N, N) of float in [0, 1]
        ``pi[i, k]``: how close ``k`` is to ``i`` (:func:`proximity_matrix`; its diagonal is 0).
    exposed : array (N,) or (N, N) of float in [0, 1], optional
        ``e[i, k]`` (or ``e[k]`` for every viewer): how far hostility towards ``k`` reveals
        aggression to ``i`` (default 1 for every pair).
    floor : float in [0, 1], default 0
        Least hostility towards a neighbour that reveals aggression.
    reach : array (N, N) of float in [0, 1], optional
        ``F[k, j]``: share of ``j``'s capability arriving at ``k``
        (:func:`foedus.theory.projection.reach_fraction`); None reads every act in full.
    within : array (N, N) of float in [0, 1], optional
        ``A[i, j]``: how close ``i`` is to ``j`` (the proximity ``pi``), for ``W``; None: ``W = 1``
        (every state reads the act as if within reach).
    relevant : array (N, N) of float in [0, 1], optional
        ``V[i, j]``: whether the pair of observer and aggressor is politically relevant (:func:`foedus.theory.relevance.relevant_dyads`); None: every pair.
    contiguous : array (N, N) of bool, optional
        ``C[i, j]``: COW direct contiguity; with ``struck`` and ``exposed_near``, an aggressor's neighbours read its attacks on its other neighbours. None: no such reading.
    exposed_near : array (N, N) of float in [0, 1], optional
        ``e'[i, k]``: the exposure ``e`` without the observer's relevance of the victim (with ``contiguous``).
    struck : array (N, N) of bool, optional
        ``S[k, j]``: the acts of ``j`` against ``k`` its neighbours read (with ``contiguous``; None: ``contiguous``, any serious hostility between neighbours).
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in [0, 1], diagonal 0.

    Examples
    --------
    >>> h = [[0, 0, 0], [0, 0, 1.0], [0, 1.0, 0]]  # 1 and 2 are at war; 0 is next to 1
    >>> revealed_hostility(h, [[0, 1.0, 0.1], [1.0, 0, 0.5], [0.1, 0.5, 0]])[0].tolist()
    [0.0, 0.1, 1.0]
    >>> revealed_hostility(h, [[0, 1.0, 0.1], [1.0, 0, 0.5], [0.1, 0.5, 0]], [1.0, 0.0, 1.0])[0].tolist()  # 1 is a major power
    [0.0, 0.1, 0.0]
    >>> far = [[1, 1, 1], [1, 1, 0.2], [1, 0.2, 1]]  # 2's strength arrives at 1 only in part
    >>> revealed_hostility(h, [[0, 1.0, 0.1], [1.0, 0, 0.5], [0.1, 0.5, 0]], reach=far)[0].round(3).tolist()
    [0.0, 0.02, 0.2]
    >>> prox = [[0, 1.0, 0.1], [1.0, 0, 0.5], [0.1, 0.5, 0]]  # 0 is a fifth as close to 2 as 2's victim 1 is
    >>> revealed_hostility(h, prox, within=prox)[0].round(3).tolist()  # 2's attack on 1 alarms 0 a fifth as much
    [0.0, 0.1, 0.2]

    References
    ----------
    Walt (1987), ch. 2 ("perceived intentions"); Boulding, K. E. (1962). *Conflict and Defense*.
    New York: Harper, ch. 12 (the loss-of-strength gradient); Schweller, R. L. (1994). Bandwagoning for profit.
    *International Security* 19(1): 72-107; Heider, F. (1958). *The Psychology of Interpersonal
    Relations*. New York: Wiley (structural balance).
    """
    h = _matrix("hostility", hostility, unit=True, check=check)
    n = h.shape[0]
    prox = _matrix("proximity", proximity, n, unit=True, check=check)
    if check and not (np.isfinite(floor) and 0 <= floor <= 1):
        raise ValueError(f"floor: must lie in [0, 1], got {floor!r}")
    if exposed is not None:
        e = _array("exposed", exposed, unit=True, check=check)
        weight = prox * (e[None, :] if e.ndim == 1 else _matrix("exposed", e, n, check=check))
    else:
        weight = prox
    if (contiguous is None) != (exposed_near is None):
        raise ValueError("contiguous and exposed_near: give both or neither")
    if contiguous is not None and n:  # max(e_ik, C_ij C_kj e'_ik): the aggressor's neighbours read its acts against its other neighbours
        c = _matrix("contiguous", np.asarray(contiguous, dtype=float), n, unit=True, check=check)
        hit = c if struck is None else _matrix("struck", np.asarray(struck, dtype=float), n, unit=True, check=check)
        near_weight = prox * _matrix("exposed_near", exposed_near, n, unit=True, check=check)
        weight = np.maximum(weight[:, :, None], (hit[None, :, :] * c[:, None, :]) * near_weight[:, :, None])  # [i, k, j]: S_kj C_ij
    else:
        weight = weight[:, :, None]
    if reach is None:
        serious = np.where(h >= floor, h, 0.0)
    else:  # H_kj F_kj: aggression where j's strength arrives
        serious = np.where(h >= floor, h * _matrix("reach", reach, n, unit=True, check=check), 0.0)
    if within is None or not n:
        near = (weight * serious[None, :, :]).max(axis=1) if n else h.copy()
    else:  # W_ikj = min(1, A_ij / A_kj): within the aggressor's reach as far as its victim was
        a = _matrix("within", within, n, unit=True, check=check)
        with np.errstate(divide="ignore", invalid="ignore"):
            w = np.where(a[:, None, :] >= a[None, :, :], 1.0, a[:, None, :] / a[None, :, :])
        near = ((weight * serious[None, :, :]) * w).max(axis=1)
    if relevant is not None and n:  # V_ij: only an aggressor that could fight i reveals anything to it (Lemke & Reed 2001)
        near = near * _matrix("relevant", relevant, n, unit=True, check=check)
    return _zero_diagonal(np.maximum(h, near))


def reach_within(proximity, weight: float = 1.0, *, check: bool = True) -> np.ndarray:
    """``A = proximity ** weight``: how close each state is to each aggressor, for the reach of its acts (:func:`revealed_hostility`'s ``within``).

    The act of ``j`` against ``k`` alarms ``i`` by ``W = min(1, A_ij / A_kj) = min(1, pi_ij / pi_kj) ** w``
    (Walt 1987, ch. 2; Boulding 1962, ch. 12): ``w = 1`` is the rule in full, ``w = 0`` (``A = 1``)
    reads every act as if within reach.

    Examples
    --------
    >>> reach_within([[0, 0.25], [0.25, 0]], 0.5).tolist()
    [[0.0, 0.5], [0.5, 0.0]]
    """
    prox = _matrix("proximity", proximity, unit=True, check=check)
    if check and not (np.isfinite(weight) and 0 <= weight <= 1):
        raise ValueError(f"weight: must lie in [0, 1], got {weight!r}")
    return prox if weight == 1.0 else prox**weight


def allied_intentions(intentions, commitment, *, discount: float = 0.9, hostility=None, serious: float = 0.0, rivalry=None, check: bool = True) -> np.ndarray:
    """Perceived intentions discounted for allies: ``I_ij (1 - discount * C_ij)``, unless force belies the pledge (brief F2, P5).

    An ally's forces are pledged to one's defence, not against it: Walt (1987, ch. 2 and 8) treats
    allies as reassured about each other's intentions, in proportion to what the pact promises.
    ``C_ij`` is the commitment of the strongest security agreement ``i`` and ``j`` share
    (:func:`foedus.theory.capability.commitment_strength`: defence 1, offence 0.8, neutrality 0.4,
    consultation 0.3, non-aggression 0.2), so a defence ally's intentions keep only
    ``1 - discount`` of their weight. The simulator counts a conditional pledge in full here
    (``foedus.sim.steps.threat.alliance_reassurance``): an ATOP condition (Leeds et al. 2002)
    restricts when aid is owed against a third party, not what the members promise each other.

    Words yield to deeds: with ``hostility`` given, a pair whose hostility ``H_ij`` is serious
    (at least ``serious`` and above 0: the use of force, :func:`revealed_hostility`'s floor) is not
    discounted, since the ally has shown by acts what its pledge promised it would not do (Walt
    1987, ch. 2: intentions are read from behaviour; the Soviet interventions in Hungary in 1956
    and Czechoslovakia in 1968, and the Greek-Turkish crisis of 1974, were against treaty allies):

    .. math:: I'_{ij} = I_{ij} \\left(1 - \\delta \\, C_{ij} \\, [H_{ij} < s \\text{ or } H_{ij} = 0] \\, (1 - R_{ij})\\right)

    Nor does a pledge reassure rivals (with ``rivalry`` ``R``): strategic rivals regard each other as enemies and sources of
    threat whatever they have signed (Thompson 2001; Thompson & Dreyer 2012), and a pledge between states that mistrust each
    other is cheap talk, not the costly signal that reassures (Kydd 2005, ch. 1 and 7). Greece and Turkey, rivals inside NATO,
    and Armenia and Azerbaijan, rivals under the CIS collective-security treaty ATOP still lists, fear each other (world-2022:
    their shared defence pact erased every intention between them, so both named Iran or Egypt instead).

    Parameters
    ----------
    intentions : array (N, N) of float in [0, 1]
    commitment : array (N, N) of float in [0, 1]
    discount : float in [0, 1], default 0.9
        Share of intentions a full (defence) commitment removes.
    hostility : array (N, N) of float in [0, 1], optional
        ``H[i, j]``, the pair's own hostility; None discounts every allied pair.
    serious : float in [0, 1], default 0
        ``s``: the hostility at which acts of force belie the pledge (with ``hostility``).
    rivalry : array (N, N) of bool or float in [0, 1], optional
        ``R[i, j]``: strategic rivalry; a rival's pledge reassures only in the share ``1 - R``. None: no rivalry.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in [0, 1]

    Examples
    --------
    >>> allied_intentions([[0, 0.5], [0.5, 0]], [[0, 1.0], [1.0, 0]], discount=0.9, rivalry=[[0, 1], [1, 0]]).tolist()  # rivals: no reassurance
    [[0.0, 0.5], [0.5, 0.0]]
    >>> allied_intentions([[0, 0.5], [0.5, 0]], [[0, 1.0], [1.0, 0]], discount=0.9).round(3).tolist()
    [[0.0, 0.05], [0.05, 0.0]]
    >>> allied_intentions([[0, 0.5], [0.5, 0]], [[0, 1.0], [1.0, 0]], discount=1.0, hostility=[[0, 1.0], [1.0, 0]], serious=0.9).tolist()  # at war
    [[0.0, 0.5], [0.5, 0.0]]
    """
    it = _matrix("intentions", intentions, unit=True, check=check)
    c = _matrix("commitment", commitment, it.shape[0], unit=True, check=check)
    if check and not (np.isfinite(discount) and 0 <= discount <= 1):
        raise ValueError(f"discount: must lie in [0, 1], got {discount!r}")
    if hostility is not None:
        h = _matrix("hostility", hostility, it.shape[0], unit=True, check=check)
        if check and not (np.isfinite(serious) and 0 <= serious <= 1):
            raise ValueError(f"serious: must lie in [0, 1], got {serious!r}")
        c = np.where((h >= serious) & (h > 0), 0.0, c)
    if rivalry is not None:  # a rival's pledge does not reassure (Thompson 2001; Kydd 2005)
        c = c * (1.0 - _matrix("rivalry", np.asarray(rivalry, dtype=float), it.shape[0], unit=True, check=check))
    return it * (1.0 - discount * c)


def pledged_reassurance(strength, adversary_gone, *, check: bool = True) -> np.ndarray:
    """How far each pact still reassures its members about one another: its strength, 0 once the adversary it names is gone.

    .. math:: c'_a = c_a \\, [\\text{the adversary } a \\text{ names is in the system}]

    A treaty written against a named adversary (ATOP ``statthr1``/``statthr2``) binds its members
    by that common threat; when the adversary leaves the system (defeated, occupied, dissolved)
    the pact's promise has nothing left to be kept against, and it no longer vouches for its
    members' intentions towards each other (Walt 1987, ch. 8: alliances formed against a threat
    lose their reason when it disappears; Snyder 1997, ch. 6 on alliance cohesion; Leeds & Savun
    2007: a change in threat ends alliances). The Anglo-Soviet treaty of 1942 and the Franco-Soviet
    treaty of 1944, written against Germany, stayed in force to 1955 and 1955 by ATOP's letter, yet
    from 1946 Britain and France balanced against the Soviet Union (Walt 1987, ch. 5). A pact that
    names no adversary, or whose adversary is still there, keeps its strength.

    Parameters
    ----------
    strength : array (A,) of float in [0, 1]
        Each pact's commitment strength (:func:`foedus.theory.capability.commitment_strength`).
    adversary_gone : array (A,) of bool
        The adversary the pact names has left the system (False for a pact that names none).
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (A,) of float in [0, 1]

    Examples
    --------
    >>> pledged_reassurance([1.0, 1.0, 0.3], [False, True, False]).tolist()
    [1.0, 0.0, 0.3]

    References
    ----------
    Walt (1987), ch. 5 and 8; Snyder, G. H. (1997). *Alliance Politics*. Ithaca: Cornell University
    Press, ch. 6; Leeds, B. A. & Savun, B. (2007). Terminating alliances. *Journal of Politics* 69(4): 1118-1132.
    """
    c = _array("strength", strength, unit=True, check=check)
    gone = np.asarray(adversary_gone, dtype=bool)
    if check and gone.shape != c.shape:
        raise ValueError(f"adversary_gone: expected shape {c.shape} like strength, got {gone.shape}")
    return np.where(gone, 0.0, c)


def commercial_restraint(dependence, *, weight: float = 2.0, check: bool = True) -> np.ndarray:
    """How far trade restrains a pair's aggressive intentions: ``exp(-weight * min(D_ij, D_ji))`` (brief T2).

    The commercial peace: a state that gains from trading with another pays for a conflict with it
    by losing that trade, so its intentions towards its trade partners are the less aggressive the
    more it depends on them (Polachek 1980). The dyad is as restrained as its less dependent
    member, the weak link of Dixon (1993) and Oneal & Russett (1997), whose logit of militarised
    disputes has the lower dependence as a linear term, so the odds of conflict fall by the factor
    ``exp(beta * D_low)`` (``beta < 0``); this factor scales perceived intentions here:

    .. math:: \\rho_{ij} = \\exp\\left(-w \\min(D_{ij}, D_{ji})\\right), \\qquad \\rho_{ii} = 1

    Analytic anchors: ``rho = 1`` without trade; ``rho = exp(-w)`` when each depends on the other
    for all its trade; symmetric; falls as either side's dependence grows only up to the other's.

    Parameters
    ----------
    dependence : array (N, N) of float in [0, 1]
        ``D[i, j]``: ``i``'s dependence on trade with ``j`` (the partner's share of ``i``'s trade,
        Barbieri 1996).
    weight : float >= 0, default 2
        ``w``, the restraint per unit of the weak link's dependence (the simulator's
        ``trade_restraint``); 0 switches the term off.
    check : bool, default True
        Validate the inputs; False skips the checks for callers whose inputs are valid by construction.

    Returns
    -------
    array (N, N) of float in (0, 1], symmetric.

    Examples
    --------
    >>> commercial_restraint([[0, 0.5], [0.1, 0]], weight=2.0).round(4).tolist()
    [[1.0, 0.8187], [0.8187, 1.0]]

    References
    ----------
    Polachek, S. W. (1980). Conflict and trade. *Journal of Conflict Resolution* 24(1): 55-78;
    Dixon, W. J. (1993). Democracy and the management of international conflict. *Journal of
    Conflict Resolution* 37(1): 42-68; Oneal, J. R. & Russett, B. M. (1997). The classical liberals
    were right. *International Studies Quarterly* 41(2): 267-294; Barbieri, K. (1996). Economic
    interdependence: a path to peace or a source of interstate conflict? *Journal of Peace
    Research* 33(1): 29-49.
    """
    d = _matrix("dependence", dependence, unit=True, check=check)
    if check and not (np.isfinite(weight) and weight >= 0):
        raise ValueError(f"weight: must be a non-negative number, got {weight!r}")
    return np.exp(-weight * np.minimum(d, d.T))
