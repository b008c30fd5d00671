"""The threat great powers pose each other under uncertain intentions (brief F2; Walt 1987; Mearsheimer 2001; Thompson & Dreyer 2012).

Walt's (1987, ch. 2) threat is a product of power, proximity, offensive power and aggressive intentions
(:func:`foedus.theory.threat.walt_threat`), and :func:`foedus.theory.intentions.intentions_from_acts` reads intentions from
acts and from a strategic rivalry: a state that has shown no hostility and is no rival has none. Between great powers
that reading fails: each can reach the other anywhere (Lemke 2002: a great power's relevant neighbourhood is the system)
and none can be sure of the other's intentions (Mearsheimer 2001, ch. 2: "states can never be certain about other
states' intentions", above all a peer's; Waltz 1979, ch. 6). In a run from the record of 1990, where no strategic
rivalry of the United States with Russia or China stands (Thompson & Dreyer 2012 code none for 1990-1995), Russia's
intentions term for the United States was its ideological excess alone (0.005) and Russia named Iran, for its hostility
towards Egypt, or Iraq, for its hostility towards Kuwait (threat 0.003-0.004 against the United States' 0.0006; the
session-20 audit, item 9): no scholar of the post-1945 system reads a regional power's quarrel with a third state as a
greater threat to a great power than its peer's (Walt 1987, ch. 8; Thompson & Dreyer 2012, the USA-Russia and
USA-China positional rivalries).

:func:`peer_rivalry_threat` reads a great power's rivalry with another great power as uncertain: what is not known is
taken at its base rate ``rho``, the share of great-power pair-years in a strategic rivalry, so the rivalry term of
:func:`~foedus.theory.intentions.intentions_from_acts` reads ``max(R, rho)`` instead of ``R`` between great powers. The
threat it adds is that term's increment through Walt's product, discounted as any intention is for an ally
(:func:`~foedus.theory.intentions.allied_intentions`) and for trade (:func:`~foedus.theory.intentions.commercial_restraint`).

References
----------
Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press, ch. 2 and 8; Mearsheimer, J. J. (2001).
*The Tragedy of Great Power Politics*. New York: Norton, ch. 2; Waltz, K. N. (1979). *Theory of International Politics*.
Reading, MA: Addison-Wesley, ch. 6; Thompson, W. R. & Dreyer, D. R. (2012). *Handbook of International Rivalries,
1494-2010*. Washington, DC: CQ Press; Lemke, D. (2002). *Regions of War and Peace*. Cambridge University Press, ch. 4.
"""

from __future__ import annotations

import numpy as np

from foedus.theory.intentions import allied_intentions
from foedus.theory.projection import projected_capability

__all__ = ["IN_SAMPLE_BASE_RATE", "peer_rivalry_threat"]

IN_SAMPLE_BASE_RATE = 923 / 1928
"""The share of pair-years of COW major powers in a strategic rivalry (Thompson & Dreyer 2012), 1816-1914 and 1946-1989 (813 of
1,504 and 110 of 424): the base rate ``rho`` estimated on the in-sample eras (0.479; 1919-1938 0.34 and 1990-2010 0.08 are out of sample)."""


def peer_rivalry_threat(
    power, offensive, exponent, major, rivalry, commitment, *, prior: float, share: float, discount: float = 0.9, hostility=None,
    belied: float = 0.0, restraint=None, check: bool = True,
) -> np.ndarray:
    """``U[i, j] = (P_j O_j)^{x_ij} s max(0, rho - R_ij) (1 - d C'_ij) X_ij`` for two great powers ``i != j``, else 0.

    .. math:: U_{ij} = [i, j \\text{ major}] \\; (P_j O_j)^{x_{ij}} \\; s \\, \\max(0, \\rho - R_{ij}) \\; (1 - d \\, C'_{ij}) \\; X_{ij}

    The increment of Walt's threat (:func:`foedus.theory.threat.walt_threat`) when the rivalry term of the intentions
    (weight share ``s = w_r / (w_h + w_d + w_r)``, :func:`~foedus.theory.intentions.intentions_from_acts`) reads a great
    power's uncertain rivalry with another at its base rate ``rho`` (Mearsheimer 2001, ch. 2: a peer's intentions can never be
    known; Thompson & Dreyer 2012: how often great powers are rivals). ``C'`` is the commitment of a pact the two share,
    void where force belies it (``hostility >= belied``) or they are rivals (:func:`~foedus.theory.intentions.allied_intentions`,
    the same discount ``d``); ``X`` the commercial restraint (None: 1). A rivalry already known (``R = 1``) adds nothing, nor does
    a pair with a minor power. Published form: Walt's and Mearsheimer's are verbal; the base-rate reading is ours.

    Parameters
    ----------
    power : array (N,) of float in [0, 1], capability share
    offensive : array (N,) of float in [0, 1]
        Walt's offensive power (:func:`foedus.theory.threat.offensive_power`).
    exponent : array (N, N) of float > 0
        The distance-discount exponents of the projected power (with forward presence, as :func:`~foedus.theory.threat.walt_threat`'s ``forward``).
    major : array (N,) of bool
        Great powers (COW).
    rivalry : array (N, N) of float in [0, 1]
        ``R``: strategic rivalry.
    commitment : array (N, N) of float in [0, 1]
        ``C``: the reassurance of the strongest security pact each pair shares.
    prior : float in [0, 1]
        ``rho``, the base rate of strategic rivalry between great powers.
    share : float in [0, 1]
        ``s``, the rivalry term's share of the intentions' weights.
    discount : float in [0, 1], default 0.9
        ``d``, as in :func:`~foedus.theory.intentions.allied_intentions`.
    hostility : array (N, N) of float in [0, 1], optional
        With ``belied``: an ally whose hostility reaches ``belied`` is not discounted. None: every ally is.
    belied : float in [0, 1], default 0
    restraint : array (N, N) of float in [0, 1], optional
        ``X``; None: none.
    check : bool, default True
        Validate the inputs.

    Returns
    -------
    array (N, N) of float >= 0, capability share; 0 outside the pairs of great powers and on the diagonal.

    Examples
    --------
    >>> P, O, x = [0.15, 0.12, 0.01], [0.5, 0.5, 0.5], np.ones((3, 3))  # two great powers, no rivals, and a minor power
    >>> U = peer_rivalry_threat(P, O, x, [True, True, False], np.zeros((3, 3)), np.zeros((3, 3)), prior=0.48, share=0.25)
    >>> U.round(4).tolist()  # 0.06 x 0.25 x 0.48 for the first; nothing with the minor power
    [[0.0, 0.0072, 0.0], [0.009, 0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> peer_rivalry_threat(P, O, x, [True, True, False], np.ones((3, 3)), np.zeros((3, 3)), prior=0.48, share=0.25).max().item()  # known rivals
    0.0

    References
    ----------
    Walt (1987), ch. 2; Mearsheimer (2001), ch. 2; Thompson & Dreyer (2012).
    """
    p = np.asarray(power, dtype=float)
    o = np.asarray(offensive, dtype=float)
    m = np.asarray(major, dtype=bool)
    x = np.asarray(exponent, dtype=float)
    r = np.asarray(rivalry, dtype=float)
    c = np.asarray(commitment, dtype=float)
    n = p.shape[0]
    if check:
        if p.ndim != 1 or o.shape != (n,) or m.shape != (n,):
            raise ValueError(f"power, offensive and major: must be (N,) alike, got {p.shape}, {o.shape}, {m.shape}")
        for name, a in (("exponent", x), ("rivalry", r), ("commitment", c)):
            if a.shape != (n, n):
                raise ValueError(f"{name}: must be {(n, n)}, got {a.shape}")
        for name, v in (("prior", prior), ("share", share), ("discount", discount), ("belied", belied)):
            if not (np.isfinite(v) and 0 <= v <= 1):
                raise ValueError(f"{name}: must lie in [0, 1], got {v!r}")
    out = np.zeros((n, n))
    idx = np.flatnonzero(m)
    if len(idx) < 2 or prior <= 0 or share <= 0:
        return out
    sub = np.ix_(idx, idx)
    unknown = share * np.maximum(prior - r[sub], 0.0)
    np.fill_diagonal(unknown, 0.0)
    h = None if hostility is None else np.asarray(hostility, dtype=float)[sub]
    intent = allied_intentions(unknown, c[sub], discount=discount, hostility=h, serious=belied if h is not None else 0.0, rivalry=r[sub], check=check)
    if restraint is not None:
        intent = intent * np.asarray(restraint, dtype=float)[sub]
    out[sub] = projected_capability(p[idx] * o[idx], x[sub], check=check) * intent
    np.fill_diagonal(out, 0.0)
    return out
