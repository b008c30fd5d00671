"""Who shares vulnerabilities with whom: trust, reciprocity and camps in cyber alignments (brief T3).

In cyberspace "to ally is to share one's vulnerabilities" (brief T3, after Kempf): what an actor
gains from a cyber alignment (shared early warning, joint defence of networks) it gains only if
the partners reciprocate, and what it exposes any one untrustworthy partner can exploit. The
criterion of alliance is therefore *trust*, in Kydd's (2005, ch. 1) sense: the belief that the
other side is trustworthy, i.e. prefers to reciprocate cooperation rather than exploit it.

Three rules, each from a published form:

- :func:`assurance_threshold`: in an Assurance game (a stag hunt), cooperating pays when the
  belief that the other reciprocates is at least the trust at which cooperating and defecting
  have the same expected payoff (Kydd 2005, ch. 1; the stag hunt's risk-dominance condition,
  Harsanyi & Selten 1988);
- :func:`group_reciprocity`: in an alignment of several partners the actor's exposure pays
  only if *no* partner exploits it: the n-person stag hunt, where cooperation succeeds only if
  all cooperate (Skyrms 2004; Pacheco et al. 2009), with independent beliefs about each
  partner's type (Kydd 2005). Trust is built pairwise and multiplies over partners, so an
  alignment of everyone needs near-certain trust in everyone: it does not form;
- :func:`sharing_value`: the expected payoff of sharing against staying out, whose sign is the
  threshold comparison;
- :func:`alignment_camp`, :func:`camp_distance`: shared values (Kempf; brief T3 "internet governance splits into blocs"):
  an actor aligns with the camp whose values it holds; a firm or NGO takes the camp of its home
  state unless it states its own values (:func:`actor_values`).

How much is shared is the alignment's *access* ``a`` in [0, 1] (the share of one's networks and
vulnerabilities opened to the partners): 0 for a norms pledge such as the 2018 Paris Call, where
nothing is exposed and only values decide, 1 for full sharing.

References
----------
.. [1] Kydd, A. H. (2005). Trust and Mistrust in International Relations. Princeton University
   Press.
.. [2] Harsanyi, J. C. & Selten, R. (1988). A General Theory of Equilibrium Selection in Games.
   MIT Press.
.. [3] Skyrms, B. (2004). The Stag Hunt and the Evolution of Social Structure. Cambridge
   University Press.
.. [4] Pacheco, J. M., Santos, F. C., Souza, M. O. & Skyrms, B. (2009). Evolutionary dynamics of
   collective action in N-person stag hunt dilemmas. Proc. R. Soc. B 276: 315–321.
"""

from __future__ import annotations

import numpy as np

from foedus.theory._validate import _broadcast, _checked

__all__ = ["assurance_threshold", "sharing_threshold", "cyber_salience", "trust_after_intrusions", "partner_reciprocity", "group_reciprocity", "sharing_value", "alignment_camp", "camp_distance", "actor_values", "nonstate_trust"]


def assurance_threshold(reward, sucker, temptation=0.0, punishment=0.0, *, check: bool = True) -> np.ndarray:
    """Minimum trust at which cooperating pays in an Assurance game (Kydd 2005; Harsanyi & Selten 1988).

    With payoffs ``R`` (both cooperate), ``S`` (one cooperates, the other exploits it), ``T``
    (one exploits a cooperator) and ``P`` (neither cooperates), and a belief ``p`` that the other
    reciprocates, cooperating is worth ``p R + (1 - p) S`` and defecting ``p T + (1 - p) P``; they
    are equal at

    .. math:: p^* = \\frac{P - S}{(R - T) + (P - S)}

    For a trustworthy type (Assurance preferences, ``R > T``, ``P > S``) ``p*`` lies in (0, 1):
    it cooperates exactly when its trust is at least ``p*``. Skyrms's (2004) stag hunt (R = 4,
    T = 3, P = 3, S = 0) gives 3/4. In a cyber alignment ``R`` is the benefit of sharing, ``S``
    the loss when a partner exploits what one exposed, ``T = P = 0`` (staying out).

    Returns
    -------
    ndarray in (0, 1) (probability), the broadcast shape of the inputs.

    Raises
    ------
    ValueError
        Unless ``R > T`` and ``P > S`` everywhere (the game is not an Assurance game).
    """
    f = "assurance_threshold"
    r, s, t, p = (_checked(x, n, f, check=check) for x, n in ((reward, "reward"), (sucker, "sucker"), (temptation, "temptation"), (punishment, "punishment")))
    r, s, t, p = _broadcast(f, reward=r, sucker=s, temptation=t, punishment=p, check=check)
    if check and not ((r > t).all() and (p > s).all()):
        raise ValueError(f"{f}: an Assurance game needs reward > temptation and punishment > sucker everywhere")
    return (p - s) / ((r - t) + (p - s))


def sharing_threshold(benefit, loss) -> np.ndarray:
    """Kydd's minimum trust for sharing, ``L / (B + L)``: :func:`assurance_threshold` with ``R = B``, ``S = -L``, ``T = P = 0``.

    Probability in [0, 1); 0 where both are 0 (nothing to gain or lose: any trust will do).
    """
    b = np.asarray(benefit, dtype=float)
    loss = np.asarray(loss, dtype=float)
    den = b + loss
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, loss / np.where(den > 0, den, 1.0), 0.0)


def cyber_salience(t3: float) -> float:
    """How much cyber matters this year, ``2 * T3`` (brief T3): 1 at T3 = 0.5, the level at which a run's rates are calibrated.

    It scales both the intrusion rate and the benefit of sharing in a cyber alignment (shared
    early warning is worth more when intrusions are common). Our form.
    """
    return 2.0 * float(t3)


def trust_after_intrusions(trust, intruded, espionage_risk: float) -> np.ndarray:
    """Trust that an actor can place in each partner this year, ``min(trust, 1 - e * intruded.T)`` (brief T3).

    ``intruded[j, i]`` is True when j intruded into i this year; i then believes j untrustworthy
    with probability at least ``espionage_risk`` (cooperation is a channel for espionage; Buchanan
    2017), whatever its standing trust (:func:`foedus.theory.cyber.trust_update` moves that one).
    Returns ``[i, j]``: i's trust in j.
    """
    return np.minimum(np.asarray(trust, dtype=float), 1.0 - espionage_risk * np.asarray(intruded, dtype=float).T)


def partner_reciprocity(trust, access) -> np.ndarray:
    """Belief that one partner will not exploit what one opens to it, ``1 - a (1 - τ)`` (Kydd 2005; brief T3).

    :func:`group_reciprocity` with a single partner: an untrustworthy partner (probability
    ``1 - τ``) exploits the share ``a`` of one's networks that the alignment opens.
    """
    return 1.0 - np.asarray(access, dtype=float) * (1.0 - np.asarray(trust, dtype=float))


def group_reciprocity(trust, members, access, *, check: bool = True) -> np.ndarray:
    """Probability that no partner of an alignment exploits what an actor exposes to it (brief T3).

    Actor ``m`` believes state ``j`` untrustworthy with probability ``1 - τ_mj`` (Kydd 2005), beliefs
    independent across partners; an untrustworthy partner exploits the share ``a`` of one's networks
    that the alignment opens to it. The actor's exposure pays only if no partner exploits it, the
    n-person stag hunt where cooperation needs all (Skyrms 2004; Pacheco et al. 2009):

    .. math:: \\rho_{am} = \\prod_{j \\in a} \\big[1 - a_a\\,(1 - \\tau_{mj})\\big]

    With ``a = 1`` this is the product of pairwise trusts (trust never universal: twenty partners
    trusted at 0.9 give 0.12); with ``a = 0`` (a norms pledge) nothing is exposed and ρ = 1. One
    partner gives ``1 - a (1 - τ)``. The actor's trust in itself must be 1 (a member's own entry
    then counts for nothing).

    Parameters
    ----------
    trust : array_like (M, N) in [0, 1]
        ``[m, j]``: actor m's trust in state j (M actors: states, or firms and NGOs).
    members : array_like (A, N) bool
        The states of each alignment.
    access : array_like (A,) in [0, 1]
        Share of one's networks and vulnerabilities each alignment opens to its partners.

    Returns
    -------
    ndarray (A, M) in [0, 1] (probability).
    """
    f = "group_reciprocity"
    tau = _checked(trust, "trust", f, lo=0.0, hi=1.0, check=check)
    m = np.asarray(members, dtype=bool)
    acc = _checked(access, "access", f, lo=0.0, hi=1.0, check=check)
    if check and (tau.ndim != 2 or m.ndim != 2 or acc.shape != (m.shape[0],) or m.shape[1] != tau.shape[1]):
        raise ValueError(f"{f}: trust must be (M, N), members (A, N) and access (A,); got {tau.shape}, {m.shape}, {acc.shape}")
    # sum of log factors over members as a matrix product, once per distinct access (a few values)
    log_rho = np.zeros((m.shape[0], tau.shape[0]))
    mf = m.astype(float)
    for a_val in sorted(set(acc.tolist())):  # the distinct access values (np.unique's, as Python floats: a few alignments, no sort of an array)
        rows = acc == a_val
        if a_val == 0.0:
            continue
        mr = mf if rows.all() else mf[rows]
        # the logarithms are taken only in the columns of states that belong to one of these
        # alignments; the others are 0 and meet only zero weights in the product below, so every
        # sum is the same (a zero term adds nothing) at a fraction of the logarithms
        used = m[rows].any(axis=0)
        with np.errstate(divide="ignore"):
            if used.all():
                logf = np.log1p(-a_val * (1.0 - tau))  # (M, N); -inf where exploitation is certain
            else:
                logf = np.zeros(tau.shape)
                logf[:, used] = np.log1p(-a_val * (1.0 - tau[:, used]))
        finite = np.isfinite(logf)
        if finite.all():
            log_rho[rows] = mr @ logf.T
            continue
        certain = (mr @ (~finite).T.astype(float)) > 0  # a member certain to exploit: reciprocity 0
        log_rho[rows] = np.where(certain, -np.inf, mr @ np.where(finite, logf, 0.0).T)
    return np.exp(log_rho)


def sharing_value(reciprocity, benefit, loss, *, check: bool = True) -> np.ndarray:
    """Expected value of sharing one's vulnerabilities in a cyber alignment rather than staying out (brief T3).

    The Assurance game of :func:`assurance_threshold` with ``R = B`` (the benefit when all
    reciprocate), ``S = -L`` (the exposure lost when one exploits it) and ``T = P = 0``:

    .. math:: V = \\rho\\,B - (1 - \\rho)\\,L

    positive exactly when ``ρ > p* = L / (B + L)`` (Kydd 2005). ``ρ`` is
    :func:`group_reciprocity`. Value units (fractions of what the protected networks are worth).
    """
    f = "sharing_value"
    rho = _checked(reciprocity, "reciprocity", f, lo=0.0, hi=1.0, check=check)
    b = _checked(benefit, "benefit", f, lo=0.0, check=check)
    loss = _checked(loss, "loss", f, lo=0.0, check=check)
    rho, b, loss = _broadcast(f, reciprocity=rho, benefit=b, loss=loss, check=check)
    return rho * b - (1.0 - rho) * loss


def alignment_camp(members, capacity, values) -> np.ndarray:
    """The camp of each alignment: the values of its leading member, the one of greatest cyber capacity (brief T3, A3).

    Internet governance splits into blocs around the leading cyber powers (brief T3): a bloc's
    values are its leader's, which new members do not dilute (a members' mean would drift towards
    each new member and admit ever more distant ones). Ties go to the first state.

    Parameters
    ----------
    members : array_like (A, N) bool
    capacity : array_like (N,), >= 0
        Cyber capacity of each state.
    values : array_like (N,) in [0, 1]
        Each state's position on the values axis (V-Dem polyarchy, 0-1).

    Returns
    -------
    ndarray (A,) in [0, 1]; NaN for an alignment without member states.
    """
    m = np.asarray(members, dtype=bool)
    cap = np.asarray(capacity, dtype=float)
    w = np.asarray(values, dtype=float)
    lead = np.where(m, cap[None, :], -np.inf).argmax(axis=1)
    return np.where(m.any(axis=1), w[lead], np.nan)


def camp_distance(values, camp, *, check: bool = True) -> np.ndarray:
    """Distance of each actor's values from each alignment's camp, ``|w_m - w_a|`` (A, M) (brief T3).

    Shared values are the second ground of cyber trust (Kempf): an actor aligns only within its
    camp (:func:`alignment_camp`). The values axis is the regime scale (V-Dem polyarchy, 0-1),
    standing for the split of internet governance between a state-controlled and an open,
    multi-stakeholder internet (brief T3); a firm's or NGO's position is :func:`actor_values`.

    Parameters
    ----------
    values : array_like (M,) in [0, 1]
    camp : array_like (A,) in [0, 1] (NaN: no camp, every distance NaN)
    """
    f = "camp_distance"
    w = _checked(values, "values", f, lo=0.0, hi=1.0, check=check)
    c = np.asarray(camp, dtype=float)
    return np.abs(w[None, :] - c[:, None])


def actor_values(stated, home_index, state_values) -> np.ndarray:
    """Position of each firm or NGO on the values axis: its stated values, else its home state's (brief T3).

    ``stated`` (K,) holds NaN where the actor states none; ``home_index`` (K,) the index of its
    home state, -1 for none. An actor with neither has no camp: NaN, and it aligns with no camp.
    """
    stated = np.asarray(stated, dtype=float)
    home = np.asarray(home_index, dtype=np.int64)
    from_home = np.where(home >= 0, np.asarray(state_values, dtype=float)[np.maximum(home, 0)] if len(home) else 0.0, np.nan)
    return np.where(np.isnan(stated), from_home, stated)


def nonstate_trust(trust, home_index, *, home_trust: float, no_home_trust: float) -> tuple[np.ndarray, np.ndarray]:
    """Trust between firms or NGOs and states, from their home state's (brief T3).

    A firm is trusted as its home state is, and trusts as its home state does: ``[k, j]`` of the
    first array is actor k's trust in state j, the home state's trust in j, except ``home_trust``
    in its own home state; the second array ``[j, k]`` is state j's trust in actor k, j's trust in
    k's home state, and ``home_trust`` from the home state itself. An actor without a home state
    trusts and is trusted at ``no_home_trust`` throughout.

    Returns
    -------
    (ndarray (K, N), ndarray (N, K)), in [0, 1].
    """
    tau = np.asarray(trust, dtype=float)
    home = np.asarray(home_index, dtype=np.int64)
    n = tau.shape[0]
    h = np.maximum(home, 0)
    is_home = np.arange(n)[None, :] == home[:, None]  # (K, N)
    has = (home >= 0)[:, None]
    out = np.where(has, np.where(is_home, home_trust, tau[h, :]), no_home_trust)
    into = np.where(has, np.where(is_home, home_trust, tau[:, h].T), no_home_trust).T
    return out, into
