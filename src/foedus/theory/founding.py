"""The threat a treaty was written against, and how much of it is gone (brief P5), for :mod:`foedus.theory.persistence`.

Split from :mod:`foedus.theory.persistence` (which re-exports every name here) when that module passed 600 lines; the same
functions, described and cited there (Walt 1987, 1997; Leeds et al. 2002; Leeds & Savun 2007; Wallander 2000):

- :func:`threat_lapse`: how much of the threat that motivated a treaty is gone since its signature;
- :func:`founding_threat`: the adversary a pact is against when its text names none, and how much;
- :func:`founding_members`: the members that signed a treaty, whose common threat it was written against;
- :func:`adapted_lapse`: the share of the lapse an institutionalised treaty does not absorb;
- :func:`named_threat_at_signing`: the reference of a named adversary first measured after its treaty's signature.

Every function broadcasts over arrays; bad input raises :class:`ValueError` naming the function, the argument and the
reason.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _broadcast, _checked


def threat_lapse(threat_now, threat_at_signing, *, check: bool = True) -> np.ndarray:
    r"""Share of a treaty's founding threat that has gone: :math:`g = \min(1, \max(0, 1 - T / T_0))`.

    ``T`` is the threat the treaty's adversary poses to its members now (their mean, in the
    threat matrix's units), :math:`T_0` the same when the treaty was signed (or when the run
    started). A threat as large as at signature, or larger, has not lapsed (:math:`g = 0`); an
    adversary that no longer threatens the members at all (defeated, left the system, become an
    ally) has lapsed entirely (:math:`g = 1`). Where :math:`T_0` is NaN or not positive there is
    no founding threat to lose (:math:`g = 0`): a pact of reassurance or consultation among
    states that feared no one.

    Parameters
    ----------
    threat_now, threat_at_signing : array_like, >= 0 (NaN allowed in ``threat_at_signing``)

    Returns
    -------
    ndarray in [0, 1].

    >>> threat_lapse([0.4, 0.2, 0.0, 0.3], [0.4, 0.4, 0.4, float("nan")]).tolist()
    [0.0, 0.5, 1.0, 0.0]

    References
    ----------
    .. [1] Walt, S. M. (1997). Why alliances endure or collapse. Survival 39(1): 156–179.
    .. [2] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118–1132.
    .. [3] Bennett, D. S. (1997). Testing alternative models of alliance duration, 1816–1984.
       American Journal of Political Science 41(3): 846–878.
    .. [4] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance treaty
       obligations and provisions, 1815–1944. International Interactions 28(3): 237–260.
    """
    f = "threat_lapse"
    t = _checked(threat_now, "threat_now", f, lo=0.0, check=check)
    t0 = np.asarray(threat_at_signing, dtype=float)
    if check and not np.all(np.isnan(t0) | (t0 >= 0)):
        raise ValueError(f"{f}: threat_at_signing must be >= 0 or NaN")
    t, t0 = _broadcast(f, threat_now=t, threat_at_signing=t0, check=check)
    known = t0 > 0  # False for NaN too
    g = 1.0 - t / np.where(known, t0, 1.0)
    return np.where(known, np.minimum(np.maximum(g, 0.0), 1.0), 0.0)


def founding_threat(members, threat, power=None, *, mean_fallback=True, check: bool = True) -> tuple[np.ndarray, np.ndarray]:
    r"""The common threat of each pact: the outsider ``k`` that threatens every member, :math:`\arg\max_k \min_{i \in a} T_{ik}`.

    ``members`` (A, N) bool, ``threat`` (N, N) with ``threat[i, k]`` the threat k poses to i.
    Returns ``target`` (A,) int, the outsider's index (-1 where no outsider threatens the
    members, or no members), and ``level`` (A,), :math:`\bar T_k = \frac1{|a|}\sum_{i \in a} T_{ik}`,
    the members' mean threat from that outsider (0 there). Walt's (1987) balance of threat: states
    ally against the state that threatens them, so a pact's founding threat is a threat its members
    *share*: the outsider whose smallest threat to a member is largest. Where no outsider threatens
    every member (the least is 0 for every k), the pact protects its weakest member (``power`` (N,)
    given): the main threat of the member of least power, as in an asymmetric alliance the weaker ally
    gains security and the stronger autonomy (Morrow 1991); without ``power``, the outsider of the
    largest mean threat :math:`\arg\max_k \bar T_k`. The mean alone named a threat one member faces
    and the other does not: the China-North Korea treaty of 1961 (ATOP names no adversary) was
    written against India in world-2022, India's threat to China outweighing any threat to both
    (North Korea's main threat is South Korea: the treaty's founding threat now).

    ``mean_fallback`` (bool, or (A,) bool): where False, a pact whose members share no threat and whose weakest member
    faces none has no founding threat (-1), instead of the outsider of the largest mean threat. That outsider is then
    the main threat of one member only (of the strongest, usually): for a treaty a run inherits, whose circumstances at
    signature the run does not observe, it is not what the treaty was written against, and its fluctuations are no
    change of the circumstances of signing (Leeds & Savun 2007 code termination by a change relative to the signing):
    NATO in a run from 1990 (no outsider threatens a European member in the 1990 threat matrix) was aimed at Cuba, the
    United States' main threat, as were the US treaties with Japan, Panama and Thailand, and ended 'threat gone' when
    Cuba's threat to the United States faded.

    >>> t = np.array([[0, 0, .5, .9], [0, 0, .3, 0], [.1, .1, 0, 0], [0, 0, 0, 0]])
    >>> [x.tolist() for x in founding_threat(np.array([[True, True, False, False]]), t)]
    [[2], [0.4]]
    >>> [x.tolist() for x in founding_threat(np.array([[True, False, False, False]]), t)]
    [[3], [0.9]]
    >>> [x.tolist() for x in founding_threat(np.array([[True, False, True, False]]), t, power=np.array([5.0, 1, 1, 1]))]
    [[1], [0.05]]
    >>> [x.tolist() for x in founding_threat(np.array([[True, False, True, False]]), t, mean_fallback=False)]
    [[-1], [0.0]]

    References
    ----------
    .. [1] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press.
    .. [2] Morrow, J. D. (1991). Alliances and asymmetry. American Journal of Political Science 35(4): 904-933.
    .. [3] Leeds, B. A. & Savun, B. (2007). Terminating alliances: why do states abrogate agreements? Journal of
       Politics 69(4): 1118-1132.
    """
    f = "founding_threat"
    m = np.asarray(members, dtype=bool)
    t = _checked(threat, "threat", f, lo=0.0, check=check)
    if check and (m.ndim != 2 or t.ndim != 2 or t.shape != (m.shape[1], m.shape[1])):
        raise ValueError(f"{f}: members must be (A, N) and threat (N, N), got {m.shape} and {t.shape}")
    size = m.sum(axis=1)
    mean = (m.astype(float) @ t) / np.maximum(size, 1)[:, None]
    mean = np.where(m, -np.inf, mean)  # members are not their own pact's adversary
    if not m.shape[1]:
        return np.full(len(m), -1), np.zeros(len(m))
    # the least threat the outsider poses to a member: a threat the members share (Walt 1987); (A, N) from row minima
    least = _least_threat(m, t)
    least = np.where(m | ~np.isfinite(least), -np.inf, least)
    shared = least.max(axis=1) > 0
    fallback = np.where(np.broadcast_to(np.asarray(mean_fallback, dtype=bool), (m.shape[0],)), mean.argmax(axis=1), -1)
    if power is not None:  # the weakest member's main threat (Morrow 1991: the asymmetric pact protects the weaker ally)
        pw = np.asarray(power, dtype=float)
        if check and pw.shape != (m.shape[1],):
            raise ValueError(f"{f}: power must be (N,) = ({m.shape[1]},), got {pw.shape}")
        weakest = np.where(m, pw[None, :], np.inf).argmin(axis=1)
        own = np.where(m, -np.inf, t[weakest])  # its threats from outsiders
        fallback = np.where(own.max(axis=1) > 0, own.argmax(axis=1), fallback)
    target = np.where(shared, least.argmax(axis=1), fallback)
    level = np.where(target >= 0, np.take_along_axis(mean, np.maximum(target, 0)[:, None], axis=1)[:, 0], 0.0)
    none = ~(level > 0)
    return np.where(none, -1, target), np.where(none, 0.0, level)


def founding_members(members, entry_year, start_year) -> np.ndarray:
    r"""The signatories of each treaty still in it: :math:`F_{ai} = m_{ai}\,[e_{ai} \le y_a]`, or all its members where none is.

    ``members`` (A, N) bool, ``entry_year`` (A, N) the year each member entered (-1 for a non-member), ``start_year`` (A,)
    the treaty's signature. A treaty is written against the threat its signatories shared at signature (Walt 1987; ATOP
    codes the adversary from the treaty's text, Leeds et al. 2002): the members who joined since accepted a treaty already
    aimed. A treaty a run inherits without an adversary named in its text is aimed, when the run starts, at the common
    threat of its signatories still in it, not at that of every member: measured over all sixteen members, NATO (ATOP
    names no adversary) was aimed in a run from 1990 at Syria, the main threat of Turkey, a member since 1952, which
    outweighed in the members' mean every threat to the signatories. Where no signatory remains (every member joined
    later), all its members.

    >>> founding_members(np.array([[True, True, True]]), np.array([[1949, 1952, 1949]]), np.array([1949])).tolist()
    [[True, False, True]]
    >>> founding_members(np.array([[True, True, False]]), np.array([[1955, 1960, -1]]), np.array([1949])).tolist()
    [[True, True, False]]

    References
    ----------
    .. [1] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press.
    .. [2] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance treaty obligations and provisions,
       1815–1944. International Interactions 28(3): 237–260.
    """
    m = np.asarray(members, dtype=bool)
    e = np.asarray(entry_year)
    y = np.asarray(start_year)
    if m.ndim != 2 or e.shape != m.shape or y.shape != m.shape[:1]:
        raise ValueError(f"founding_members: members and entry_year must be (A, N) and start_year (A,), got {m.shape}, {e.shape}, {y.shape}")
    f = m & (e <= y[:, None])
    return np.where(f.any(axis=1)[:, None], f, m)


def adapted_lapse(threat_lapse, institutional, *, threshold: float, check: bool = True) -> np.ndarray:
    r"""The lapse of a treaty's founding threat that its institutions do not absorb: :math:`g' = \max(0, g - \theta I) / (1 - \theta I)`.

    ``threat_lapse`` :math:`g` (:func:`threat_lapse`, 0-1), ``institutional`` :math:`I` the treaty's institutional assets
    (0-1: ATOP's military institutionalisation halved, or the integration reached;
    :func:`foedus.theory.integration.institutional_assets`), ``threshold`` :math:`\theta` (0-1) the share of the lapse
    that full assets absorb. Wallander (2000) finds that NATO outlived the Soviet threat by adapting its assets to new
    risks, and McCalla (1996) that an institutionalised alliance's organisation seeks new tasks as its threat changes;
    Walt (1997) names institutionalisation among the causes of an alliance's endurance. An institutionalised treaty absorbs
    a threat that has faded, up to :math:`\theta I`, and ends at the rate of any other treaty when its threat has gone
    entirely (:math:`g' = 1` at :math:`g = 1`: the Warsaw Pact, integrated command and all, ended in 1991; the
    institutionalised wartime treaties of 1946, made against Germany and Japan, ended within a year or two of the war).
    Without assets (:math:`I = 0`) or without threshold, :math:`g' = g`.

    >>> adapted_lapse([0.3, 0.6, 1.0, 0.6], [1.0, 1.0, 1.0, 0.0], threshold=0.5).round(2).tolist()
    [0.0, 0.2, 1.0, 0.6]

    References
    ----------
    .. [1] Wallander, C. A. (2000). Institutional assets and adaptability: NATO after the Cold War. International
       Organization 54(4): 705–735.
    .. [2] McCalla, R. B. (1996). NATO's persistence after the Cold War. International Organization 50(3): 445–475.
    .. [3] Walt, S. M. (1997). Why alliances endure or collapse. Survival 39(1): 156–179.
    """
    f = "adapted_lapse"
    g = _checked(threat_lapse, "threat_lapse", f, lo=0.0, hi=1.0, check=check)
    i = _checked(institutional, "institutional", f, lo=0.0, hi=1.0, check=check)
    th = float(_checked(threshold, "threshold", f, lo=0.0, hi=1.0, check=check))
    g, i = _broadcast(f, threat_lapse=g, institutional=i, check=check)
    if th == 0.0:
        return g
    a = th * i
    return np.where(a < 1.0, np.maximum(g - a, 0.0) / np.maximum(1.0 - a, 1e-300), np.where(g >= 1.0, 1.0, 0.0))


def named_threat_at_signing(named_now, common_now, *, check: bool = True) -> np.ndarray:
    r"""The threat at signature of a treaty's named adversary first measured after it was signed: :math:`T_0 = \max(T_k, \bar T_c)`.

    ``named_now`` is the mean threat the adversary the treaty's text names (ATOP ``statthr1``/``statthr2``) poses to
    its members when it is first measured (a run's first year, for a treaty the run inherits), ``common_now`` the mean
    threat of the members' common main threat then (:func:`founding_threat`'s level, 0 where none), both in the threat
    matrix's units. A treaty is written against the state that threatens its members most (Walt 1987: states balance
    against the greatest threat), so at signature its named adversary threatened them at least as much as any other
    outsider does when the treaty is first measured; measured against itself (:math:`T_0 = T_k`), an adversary already
    defeated at the run's start (France in 1816, occupied and disarmed, against which the Quadruple Alliance of 1815
    was made) would keep the treaty's purpose whole. With this reference, :func:`threat_lapse` at the first measure is
    :math:`1 - T_k / \bar T_c`: nil where the named adversary is still the members' main common threat, the whole of it
    where the adversary poses no threat (continuous with a named adversary gone from the world, lapse 1), so a treaty
    inherited after its purpose has changed ends as Walt (1997) and Leeds & Savun (2007) find treaties do. In the record,
    the treaties naming an adversary that were in force when an era began ended sooner than those naming none (ATOP
    5.1: in force in 1946, a median of 4 years against 10; in 1990, 1 to 2 against 29). NaN in ``common_now`` is read as 0.

    Parameters
    ----------
    named_now, common_now : array_like, >= 0

    Returns
    -------
    ndarray, >= ``named_now``.

    >>> named_threat_at_signing([0.04, 0.3, 0.0, 0.2], [0.2, 0.1, 0.2, 0.0]).tolist()
    [0.2, 0.3, 0.2, 0.2]
    >>> threat_lapse([0.04, 0.3], named_threat_at_signing([0.04, 0.3], [0.2, 0.1])).round(2).tolist()
    [0.8, 0.0]

    References
    ----------
    .. [1] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press.
    .. [2] Walt, S. M. (1997). Why alliances endure or collapse. Survival 39(1): 156–179.
    .. [3] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118–1132.
    """
    f = "named_threat_at_signing"
    t = _checked(named_now, "named_now", f, lo=0.0, check=check)
    c = np.asarray(common_now, dtype=float)
    c = np.where(np.isnan(c), 0.0, c)
    c = _checked(c, "common_now", f, lo=0.0, check=check)
    t, c = _broadcast(f, named_now=t, common_now=c, check=check)
    return np.maximum(t, c)


def _least_threat(m: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(A, N): per pact, the least threat each state poses to a member (inf without members): ``np.minimum.reduceat`` over
    the members' rows of ``t``, the values of ``np.where(m[:, :, None], t[None], inf).min(axis=1)`` without the (A, N, N)."""
    out = np.full(m.shape, np.inf)
    a, i = np.nonzero(m)  # row-major: grouped by pact
    if len(a):
        starts = np.flatnonzero(np.concatenate(([True], a[1:] != a[:-1])))
        out[a[starts]] = np.minimum.reduceat(t[i], starts, axis=0)
    return out
