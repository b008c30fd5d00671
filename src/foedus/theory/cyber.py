"""Cyber alignment: intrusions, attribution, and alliances built on trust rather than threat (brief T3).

In conventional alliance theory a state picks partners by the threat they help it face (Walt
1987; :mod:`foedus.theory.alignment`). In cyberspace, to ally is to *share one's
vulnerabilities*: the partner learns where one is weak, may use the access to spy, and can
watch, wipe or exfiltrate when the alignment ends. Attribution of intrusions is a matter of
degree (Rid & Buchanan 2015), and intrusions are rational even for purely defensive states,
while the defender cannot tell espionage from preparation for attack (Buchanan 2017). The
criterion for choosing a partner therefore shifts from *threat* to *trust*
(:func:`criterion_shift`).

Partners need not be states: every function broadcasts over arrays of actors, so an
``(N, M)`` array of states × firms or NGOs (the brief's hybrid alignments, e.g. the 2018
Paris Call) works as well as ``(N, N)`` states × states.

The functional forms are ours (the cited works argue in prose); each docstring says what
comes from where. Bad input raises :class:`ValueError` naming the function and argument.

References
----------
.. [1] Buchanan, B. (2017). The Cybersecurity Dilemma: Hacking, Trust and Fear Between
   Nations. London: Hurst / New York: Oxford University Press (often cited as 2016).
.. [2] Rid, T. & Buchanan, B. (2015). Attributing cyber attacks. Journal of Strategic Studies
   38(1–2): 4–37.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

# one input checker for the whole theory kernel (same owner, same messages)
from foedus.theory._validate import _broadcast, _checked

__all__ = [
    "attribution_probability",
    "partner_espionage_risk",
    "partner_exit_risk",
    "cyber_alignment_value",
    "alignment_criterion_weight",
    "AlignmentCriterion",
    "criterion_shift",
    "trust_update",
    "intrusion_propensity",
    "intrusion_rates",
    "escalation_probability",
    "defensive_posture",
]


def attribution_probability(
    capability_attacker,
    capability_defender,
    *,
    base: float = 0.3,
    sensitivity: float = 1.0,
    check: bool = True,
) -> np.ndarray:
    """Probability that the defender attributes an intrusion to its author (brief T3).

    Rid & Buchanan (2015) argue that attribution is not solved-or-unsolved but a matter of
    degree, limited by the defender's resources (forensic skill, time, intelligence) and by
    the sophistication of the adversary. We write it as odds that scale with the ratio of
    the two capabilities:

    .. math::

        \\frac{P}{1 - P} = \\frac{b}{1 - b} \\left(\\frac{c_D}{c_A}\\right)^{\\gamma}
        \\iff P = \\frac{b\\, c_D^{\\gamma}}{b\\, c_D^{\\gamma} + (1 - b)\\, c_A^{\\gamma}}

    so that equal capabilities give the base rate ``b``, a defender without capability
    never attributes, and an attacker without capability is always found (``b`` where both
    are 0).

    Parameters
    ----------
    capability_attacker, capability_defender : array_like, >= 0
        Cyber capabilities (any common unit); broadcast against each other.
    base : float in (0, 1)
        Attribution probability between equals.
    sensitivity : float, > 0
        :math:`\\gamma`, how strongly the capability ratio matters.
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, 1].
    """
    f = "attribution_probability"
    a = _checked(capability_attacker, "capability_attacker", f, lo=0.0, check=check)
    d = _checked(capability_defender, "capability_defender", f, lo=0.0, check=check)
    b = float(_checked(base, "base", f, lo=0.0, hi=1.0, lo_open=True, hi_open=True, check=check))
    g = float(_checked(sensitivity, "sensitivity", f, lo=0.0, lo_open=True, check=check))
    a, d = _broadcast(f, capability_attacker=a, capability_defender=d, check=check)
    num = b * d**g
    den = num + (1.0 - b) * a**g
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), b)


def partner_espionage_risk(partner_capability, *, access=1.0, rate: float = 2.0) -> np.ndarray:
    """Probability that a partner exploits the access an alignment gives it to spy.

    .. math:: e = 1 - \\exp(-\\lambda\\, c\\, a)

    Rises with the partner's cyber capability ``c`` and with the access ``a`` the alignment
    opens: strong allies spy on allies, and cooperation is itself a channel for espionage
    (brief T3; Buchanan 2017). Our form.

    Parameters
    ----------
    partner_capability : array_like, >= 0
    access : array_like in [0, 1]
        Share of one's networks and vulnerabilities exposed to the partner.
    rate : float, > 0

    Returns
    -------
    ndarray in [0, 1).
    """
    f = "partner_espionage_risk"
    c = _checked(partner_capability, "partner_capability", f, lo=0.0)
    a = _checked(access, "access", f, lo=0.0, hi=1.0)
    lam = float(_checked(rate, "rate", f, lo=0.0, lo_open=True))
    c, a = _broadcast(f, partner_capability=c, access=a)
    return -np.expm1(-lam * c * a)


def partner_exit_risk(partner_capability, end_probability, *, rate: float = 2.0) -> np.ndarray:
    """Probability that a partner exploits what it learned when the alignment ends.

    .. math:: x = P(\\text{end}) \\cdot \\left(1 - \\exp(-\\lambda c)\\right)

    The brief's warning (T3): at the end of a cyber alliance the stronger partner can watch,
    wipe or exfiltrate. Feed ``end_probability`` from
    :func:`foedus.theory.cohesion.dissolution_hazard`. Our form.

    Returns
    -------
    ndarray in [0, 1).
    """
    f = "partner_exit_risk"
    c = _checked(partner_capability, "partner_capability", f, lo=0.0)
    p = _checked(end_probability, "end_probability", f, lo=0.0, hi=1.0)
    lam = float(_checked(rate, "rate", f, lo=0.0, lo_open=True))
    c, p = _broadcast(f, partner_capability=c, end_probability=p)
    return p * -np.expm1(-lam * c)


def cyber_alignment_value(
    benefit_sharing,
    vulnerability_exposed,
    espionage_risk,
    exit_exploitation_risk,
    trust,
    *,
    check: bool = True,
) -> np.ndarray:
    """Expected value of a trust-based cyber alignment; positive means align (brief T3).

    To share information on threats and vulnerabilities (shared early warning, joint
    defence of infrastructure) is to expose one's weaknesses. The partner is trustworthy
    with probability :math:`\\tau`; an untrustworthy partner misuses the exposure during the
    alignment (espionage, probability ``e``) or at its end (``x``), independently:

    .. math:: V = B - v\\,(1 - \\tau)\\,\\big[1 - (1 - e)(1 - x)\\big]

    ``B`` and ``v`` are in the same value units (e.g. fractions of what the protected
    networks are worth). The partner's power against a common threat does not enter except
    through ``B``; what decides is trust (see :func:`criterion_shift`). The form is ours;
    the components are Buchanan's (2017) and the brief's.

    Parameters
    ----------
    benefit_sharing : array_like, >= 0
        Value of what the alignment brings (intelligence, joint defence).
    vulnerability_exposed : array_like, >= 0
        Value at risk through what is shared.
    espionage_risk, exit_exploitation_risk : array_like in [0, 1]
        See :func:`partner_espionage_risk`, :func:`partner_exit_risk`.
    trust : array_like in [0, 1]
        Probability that the partner will not misuse the access (see :func:`trust_update`).
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray, value units; broadcast shape of the inputs (actors need not be states).
    """
    f = "cyber_alignment_value"
    b = _checked(benefit_sharing, "benefit_sharing", f, lo=0.0, check=check)
    v = _checked(vulnerability_exposed, "vulnerability_exposed", f, lo=0.0, check=check)
    e = _checked(espionage_risk, "espionage_risk", f, lo=0.0, hi=1.0, check=check)
    x = _checked(exit_exploitation_risk, "exit_exploitation_risk", f, lo=0.0, hi=1.0, check=check)
    t = _checked(trust, "trust", f, lo=0.0, hi=1.0, check=check)
    b, v, e, x, t = _broadcast(
        f, benefit_sharing=b, vulnerability_exposed=v, espionage_risk=e, exit_exploitation_risk=x, trust=t, check=check
    )
    misuse = 1.0 - (1.0 - e) * (1.0 - x)
    return b - v * (1.0 - t) * misuse


_DOMAIN_WEIGHTS = {"conventional": 0.0, "cyber": 1.0}


def alignment_criterion_weight(domain) -> float:
    """Weight of the trust criterion against the threat criterion in a domain (brief T3).

    ``"conventional"`` → 0 (partners chosen by threat, Walt 1987); ``"cyber"`` → 1 (chosen by
    trust). A number in [0, 1] is returned as is, for mixed portfolios (e.g. an alliance
    whose value is 30 % in cyber cooperation).

    Raises
    ------
    ValueError
        For an unknown domain name or a number outside [0, 1].
    """
    if isinstance(domain, str):
        try:
            return _DOMAIN_WEIGHTS[domain]
        except KeyError:
            raise ValueError(
                f"alignment_criterion_weight: unknown domain {domain!r}; use one of "
                f"{sorted(_DOMAIN_WEIGHTS)} or a number in [0, 1]"
            ) from None
    return float(_checked(domain, "domain", "alignment_criterion_weight", lo=0.0, hi=1.0))


class AlignmentCriterion(NamedTuple):
    """The two criteria for choosing a partner, and the verdict in a given domain."""

    threat_based: np.ndarray
    """Value by the conventional criterion (minus cost)."""
    trust_based: np.ndarray
    """Value by the cyber criterion, :func:`cyber_alignment_value` (minus cost)."""
    value: np.ndarray
    """Blend by :func:`alignment_criterion_weight` of the domain."""
    accept: np.ndarray
    """bool, value > 0."""


def criterion_shift(
    threat_value,
    benefit_sharing,
    vulnerability_exposed,
    espionage_risk,
    exit_exploitation_risk,
    trust,
    *,
    domain="cyber",
    cost=0.0,
) -> AlignmentCriterion:
    """Decompose a partner's value by threat and by trust, and decide in ``domain`` (brief T3).

    .. math::

        V_{threat} = T - k, \\quad V_{trust} = V_{cyber} - k, \\quad
        V = (1 - w)\\, V_{threat} + w\\, V_{trust}

    with ``T`` the threat-based value (e.g. the balance-of-threat utility from
    :func:`foedus.theory.alignment.alignment_utilities`), :math:`V_{cyber}` from
    :func:`cyber_alignment_value`, ``k`` the cost and ``w`` from
    :func:`alignment_criterion_weight`. In the cyber domain a powerful partner that would be
    the best ally against a threat is rejected if it cannot be trusted with one's
    vulnerabilities, and a weak but trusted partner is accepted: the criterion has shifted
    from threat to trust.

    Returns
    -------
    AlignmentCriterion, every field of the inputs' broadcast shape.
    """
    f = "criterion_shift"
    t = _checked(threat_value, "threat_value", f)
    k = _checked(cost, "cost", f)
    w = alignment_criterion_weight(domain)
    v_cyber = cyber_alignment_value(benefit_sharing, vulnerability_exposed, espionage_risk, exit_exploitation_risk, trust)
    t, v_cyber, k = _broadcast(f, threat_value=t, cyber_value=v_cyber, cost=k)
    threat_based = t - k
    trust_based = v_cyber - k
    value = (1.0 - w) * threat_based + w * trust_based
    return AlignmentCriterion(threat_based, trust_based, value, value > 0.0)


def trust_update(
    trust,
    observed_intrusions,
    attributed,
    *,
    learning_rate: float = 0.5,
    recovery_rate: float = 0.05,
    suspicion: float = 0.0,
    check: bool = True,
) -> np.ndarray:
    """One period's update of trust in a partner after observing intrusions (brief T3).

    Evidence of betrayal is the expected number of intrusions traced to the partner,
    :math:`m = n\\,[\\alpha + s(1 - \\alpha)]`, turned into a signal
    :math:`S = 1 - e^{-m}` in [0, 1). Trust then falls in proportion to the signal and
    recovers slowly in its absence:

    .. math:: \\tau' = \\tau - \\lambda\\, S\\, \\tau + \\mu\\, (1 - S)(1 - \\tau)

    With :math:`\\lambda > \\mu` trust is lost faster than it is rebuilt, the asymmetry
    Slovic (1993) documents. ``α`` is the attribution probability
    (:func:`attribution_probability`) or a 0/1 verdict; ``s`` (suspicion) is how much
    *unattributed* intrusions are held against this partner too: with attribution rarely
    possible, a suspicious state treats everyone as a suspect ("no friends, only enemies").
    Adaptive-expectations form, ours; no published form is canonical.

    Parameters
    ----------
    trust : array_like in [0, 1]
    observed_intrusions : array_like, >= 0
        Intrusions observed this period (counts).
    attributed : array_like in [0, 1]
        Probability (or 0/1 verdict) that they come from this partner.
    learning_rate, recovery_rate, suspicion : float in [0, 1]
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, 1], non-increasing in intrusions and attribution, non-decreasing in prior
    trust.

    References
    ----------
    .. [1] Slovic, P. (1993). Perceived risk, trust, and democracy. Risk Analysis 13(6):
       675–682.
    """
    f = "trust_update"
    tau = _checked(trust, "trust", f, lo=0.0, hi=1.0, check=check)
    n = _checked(observed_intrusions, "observed_intrusions", f, lo=0.0, check=check)
    alpha = _checked(attributed, "attributed", f, lo=0.0, hi=1.0, check=check)
    lam = float(_checked(learning_rate, "learning_rate", f, lo=0.0, hi=1.0, check=check))
    mu = float(_checked(recovery_rate, "recovery_rate", f, lo=0.0, hi=1.0, check=check))
    s = float(_checked(suspicion, "suspicion", f, lo=0.0, hi=1.0, check=check))
    tau, n, alpha = _broadcast(f, trust=tau, observed_intrusions=n, attributed=alpha, check=check)
    if tau.ndim == 2:
        # one compiled pass (the usual (N, N) call of the simulator); same formula as below
        out = np.empty(tau.shape)
        # broadcast views (np.broadcast_arrays) become plain arrays for the compiled pass
        tau, n, alpha = (np.array(a) if a.base is not None else a for a in (tau, n, alpha))
        _trust_kernel(tau, n, alpha, lam, mu, s, out)
        return out
    signal = -np.expm1(-n * (alpha + s * (1.0 - alpha)))
    return np.clip(tau - lam * signal * tau + mu * (1.0 - signal) * (1.0 - tau), 0.0, 1.0)


@njit(cache=True)
def _trust_kernel(tau, n, alpha, lam, mu, s, out):  # pragma: no cover (compiled)
    for i in range(tau.shape[0]):
        for j in range(tau.shape[1]):
            t = tau[i, j]
            m = n[i, j] * (alpha[i, j] + s * (1.0 - alpha[i, j]))
            signal = -np.expm1(-m) if m != 0.0 else 0.0
            v = t - lam * signal * t + mu * (1.0 - signal) * (1.0 - t)
            out[i, j] = min(max(v, 0.0), 1.0)


def intrusion_propensity(
    capability,
    vulnerability_target,
    defensive_posture,
    *,
    offensive_motive: float = 1.0,
    defensive_motive: float = 0.5,
    rate: float = 3.0,
    check: bool = True,
) -> np.ndarray:
    """Propensity of each state to intrude into each other state's networks, (N, N) (brief T3).

    Buchanan (2017): intruding into others' networks has defensive value (intelligence on
    their capabilities, early warning, preparing a response), so even states with no wish
    to harm others find it prudent to intrude. A state's motive mixes offence and defence
    by its posture ``d`` and both count:

    .. math::

        P_{ij} = 1 - \\exp\\big(-\\lambda\\, c_i\\, v_{j}\\, [d_i\\, m_D + (1 - d_i)\\, m_O]\\big)

    with capability ``c``, target vulnerability ``v`` and motives :math:`m_D, m_O`. With
    :math:`m_D > 0` a fully defensive state (``d = 1``) still intrudes. Our form.

    Parameters
    ----------
    capability : array_like (N,), >= 0
        Cyber capability of each potential intruder.
    vulnerability_target : array_like (N,) or (N, N), in [0, 1]
        Vulnerability of each target, or ``[i, j]`` = j's vulnerability as seen by i.
    defensive_posture : array_like (N,), in [0, 1]
        1 = purely defensive aims.
    offensive_motive, defensive_motive : float, >= 0
    rate : float, > 0
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray (N, N) in [0, 1); ``[i, j]`` is i's propensity to intrude into j; diagonal 0.
    """
    f = "intrusion_propensity"
    c = _checked(capability, "capability", f, lo=0.0, check=check)
    v = _checked(vulnerability_target, "vulnerability_target", f, lo=0.0, hi=1.0, check=check)
    d = _checked(defensive_posture, "defensive_posture", f, lo=0.0, hi=1.0, check=check)
    m_o = float(_checked(offensive_motive, "offensive_motive", f, lo=0.0, check=check))
    m_d = float(_checked(defensive_motive, "defensive_motive", f, lo=0.0, check=check))
    lam = float(_checked(rate, "rate", f, lo=0.0, lo_open=True, check=check))
    if check and c.ndim != 1:
        raise ValueError(f"{f}: capability must be 1-D (N,), got shape {c.shape}")
    n = c.shape[0]
    if check and d.shape != (n,):
        raise ValueError(f"{f}: defensive_posture must have shape ({n},), got {d.shape}")
    one_target_row = v.shape == (n,)
    if not one_target_row and check and v.shape != (n, n):
        raise ValueError(f"{f}: vulnerability_target must have shape ({n},) or ({n}, {n}), got {v.shape}")
    rate_i = _intrusion_rates(c, d, m_o, m_d, lam)
    rows = np.flatnonzero(rate_i > 0)  # states without capability or motive never intrude
    if len(rows) == n:  # every state intrudes: no rows to pick or scatter
        p = -np.expm1(-rate_i[:, None] * (v[None, :] if one_target_row else v))
    else:
        p = np.zeros((n, n))
        p[rows] = -np.expm1(-rate_i[rows, None] * (v[None, :] if one_target_row else v[rows]))
    np.fill_diagonal(p, 0.0)
    return p


def intrusion_rates(capability, defensive_posture, *, offensive_motive: float = 1.0, defensive_motive: float = 0.5, rate: float = 3.0,
                    check: bool = True) -> np.ndarray:
    """Each state's intrusion rate, ``lambda * c_i * [d_i m_D + (1 - d_i) m_O]`` (N,): the exponent of :func:`intrusion_propensity`,
    ``P_ij = 1 - exp(-rate_i * v_j)`` (the same numbers as that function uses; its arguments and checks). Our form, as that
    function's (Buchanan 2017: defensive states intrude too, ``m_D > 0``)."""
    f = "intrusion_rates"
    c = _checked(capability, "capability", f, lo=0.0, check=check)
    d = _checked(defensive_posture, "defensive_posture", f, lo=0.0, hi=1.0, check=check)
    m_o = float(_checked(offensive_motive, "offensive_motive", f, lo=0.0, check=check))
    m_d = float(_checked(defensive_motive, "defensive_motive", f, lo=0.0, check=check))
    lam = float(_checked(rate, "rate", f, lo=0.0, lo_open=True, check=check))
    return _intrusion_rates(c, d, m_o, m_d, lam)


def _intrusion_rates(c: np.ndarray, d: np.ndarray, m_o: float, m_d: float, lam: float) -> np.ndarray:
    """``lam * c * (d * m_d + (1 - d) * m_o)``, in :func:`intrusion_propensity`'s order of operations."""
    motive = d * m_d + (1.0 - d) * m_o
    return lam * c * motive


def escalation_probability(
    intrusion,
    attribution,
    fear,
    *,
    detection=1.0,
    distinguishability=0.0,
    purpose_attack=0.0,
    check: bool = True,
) -> np.ndarray:
    """Probability that an intrusion leads the victim to counter-attack (the cybersecurity dilemma).

    Buchanan (2017): the victim of an intrusion cannot tell espionage from the preparation of
    an attack, so it reads intrusions by its fears and may respond as to an attack. The
    victim detects the intrusion (``detection``), attributes it (``attribution``), and
    observes a signal that matches the true purpose with probability
    :math:`q = (1 + \\delta)/2` (``δ`` = distinguishability). Its posterior that an attack is
    being prepared, from the prior ``fear`` ``φ``, is

    .. math::

        \\pi_A = \\frac{\\varphi q}{\\varphi q + (1 - \\varphi)(1 - q)}, \\quad
        \\pi_E = \\frac{\\varphi (1 - q)}{\\varphi (1 - q) + (1 - \\varphi) q}

    after an attack-like or espionage-like signal, and it escalates with probability equal
    to its posterior. For an intruder whose true purpose is attack with probability ``a``:

    .. math::

        P = I \\cdot D \\cdot \\alpha \\cdot \\big[a\\,(q \\pi_A + (1 - q)\\pi_E)
            + (1 - a)\\,((1 - q)\\pi_A + q\\, \\pi_E)\\big]

    With :math:`\\delta = 0`, Buchanan's cyber case, :math:`\\pi_A = \\pi_E = \\varphi` and
    the response is the same whatever the intruder meant: a purely defensive intrusion is
    as escalatory as preparation for attack. Our form.

    Parameters
    ----------
    intrusion : array_like in [0, 1]
        Probability of an intrusion (e.g. :func:`intrusion_propensity`).
    attribution : array_like in [0, 1]
        (:func:`attribution_probability`).
    fear : array_like in [0, 1]
        Victim's prior that an intrusion prepares an attack.
    detection, distinguishability, purpose_attack : array_like in [0, 1]
    check : bool, default True
        Validate the inputs (shapes, finiteness, ranges); False skips the checks, for callers whose
        inputs are valid by construction such as the simulator (as scipy's ``check_finite``).

    Returns
    -------
    ndarray in [0, 1].
    """
    f = "escalation_probability"
    i = _checked(intrusion, "intrusion", f, lo=0.0, hi=1.0, check=check)
    a = _checked(attribution, "attribution", f, lo=0.0, hi=1.0, check=check)
    phi = _checked(fear, "fear", f, lo=0.0, hi=1.0, check=check)
    det = _checked(detection, "detection", f, lo=0.0, hi=1.0, check=check)
    delta = _checked(distinguishability, "distinguishability", f, lo=0.0, hi=1.0, check=check)
    purpose = _checked(purpose_attack, "purpose_attack", f, lo=0.0, hi=1.0, check=check)
    if check:
        # unchecked, the operands broadcast in the arithmetic below (+, -, *, / only: the same
        # numbers element by element) without six broadcast copies of the scalar parameters
        i, a, phi, det, delta, purpose = _broadcast(
            f, intrusion=i, attribution=a, fear=phi, detection=det, distinguishability=delta, purpose_attack=purpose, check=check
        )
    q = 0.5 * (1.0 + delta)
    with np.errstate(invalid="ignore", divide="ignore"):
        den_a = phi * q + (1.0 - phi) * (1.0 - q)
        den_e = phi * (1.0 - q) + (1.0 - phi) * q
        # a zero denominator means that signal never occurs; its posterior is then irrelevant
        post_a = np.where(den_a > 0, phi * q / np.where(den_a > 0, den_a, 1.0), 0.0)
        post_e = np.where(den_e > 0, phi * (1.0 - q) / np.where(den_e > 0, den_e, 1.0), 0.0)
    read_attack = purpose * (q * post_a + (1.0 - q) * post_e) + (1.0 - purpose) * ((1.0 - q) * post_a + q * post_e)
    return i * det * a * read_attack


def defensive_posture(regime, *, check: bool = True) -> np.ndarray:
    """How defensive a state's cyber posture is, 0.5-1, from its regime (0-1): ``0.5 + 0.5 * regime`` (brief T3).

    Democracies keep a more defensive posture; the ``defensive_posture`` of
    :func:`intrusion_propensity`, also the posture at which a run calibrates its intrusion scale.
    Our form: a fully autocratic state mixes offence and defence equally, a full democracy is
    purely defensive (and still intrudes: Buchanan 2017).
    """
    r = _checked(regime, "regime", "defensive_posture", lo=0.0, hi=1.0, check=check)
    return 0.5 + 0.5 * r
