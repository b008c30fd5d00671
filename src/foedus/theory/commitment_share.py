r"""The share of the base cost of allying each obligation carries: what a pledge gives up of its conduct in a partner's war.

The base cost of allying in :func:`foedus.theory.obligations.commitment_cost` is entrapment, the risk of being dragged into
a partner's war, which grows with one's commitments (Snyder 1984; 1997, ch. 6), and the foreclosure of the alternative
alignment (Snyder 1997, ch. 1). A pledge to fight carries it all; so does a pledge to stay out of the partner's wars
(neutrality), which cannot entrap but forecloses joining the partner's adversary; a pledge of non-aggression or
consultation binds no conduct in a third party's war and carries a share of it (session 17: lowob17, lowob17b). Kept
apart from :mod:`foedus.theory.obligations`, which re-exports it. References: :func:`entrapment_share`.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.theory._validate import _checked

__all__ = ["OBLIGATION_ENTRAPMENT", "OBLIGATION_FORECLOSURE", "defence_risk_share", "entrapment_share"]

OBLIGATION_ENTRAPMENT = np.array([True, True, False, False, False])
"""(5,): whether each obligation of :data:`foedus.schema.OBLIGATIONS` pledges to fight beside the partner (defence, offence)
and so can drag the state into the partner's war: entrapment (Snyder 1984; 1997, ch. 6). A pledge to stay out of the
partner's wars (neutrality), not to attack it (non-aggression) or to talk with it in a crisis (consultation) promises no
help in war and cannot entrap (Leeds et al. 2002's typology; Morrow 1991 prices the commitment to fight)."""

OBLIGATION_FORECLOSURE = np.array([False, False, True, False, False])
"""(5,): whether each obligation of :data:`foedus.schema.OBLIGATIONS` binds the state's conduct in a war the partner fights with
a third state by pledging it to stay out (neutrality): it cannot entrap, but it forecloses the alternative alignment, the option
of joining (or siding with) the partner's adversary, and so the freedom of action in that war that an ally gives up (Snyder
1997, ch. 1 and 6, on the foreclosure of alternatives as a cost of alliance; the Reinsurance Treaty of 1887 and the Nazi-Soviet
pact of 1939 bound each side out of the other's wars). This is what makes neutrality the larger pledge than non-aggression in
Leeds et al.'s (2002) ordering, which promises only not to attack the partner itself; a deeper commitment is the costlier one
(Mattes 2012). Non-aggression and consultation bind no conduct in a third party's war."""


def entrapment_share(obligations, lesser_share: float = 0.0, *, check: bool = True) -> np.ndarray:
    r"""The share :math:`e` of the base cost of allying a pact with ``obligations`` carries (..., ) in [0, 1].

    .. math:: e = 1 \text{ if the pact binds one's conduct in the partner's war (defence, offence, neutrality), else } \lambda

    The base cost of allying in :func:`commitment_cost` is what a state gives up of its conduct in a partner's war:
    entrapment, the risk of being dragged into it, which grows with one's commitments (Snyder 1984; 1997, ch. 6; with the
    risk of defending the partner it is what Morrow (1991) prices on the strong side of the exchange), and the foreclosure of
    the alternative alignment (Snyder 1997, ch. 1). A pledge to fight beside the partner (:data:`OBLIGATION_ENTRAPMENT`)
    carries it, and so does a pledge to stay out of the partner's wars (:data:`OBLIGATION_FORECLOSURE`, neutrality): it
    cannot entrap, but it forecloses joining the partner's adversary, the larger pledge than non-aggression (Leeds et al.
    2002; Mattes 2012: the deeper commitment costs more). A treaty of non-aggression or consultation binds no conduct in
    a third party's war. :math:`\lambda` (``lesser_share``) is the share such a pledge carries of it: what is left of the
    base cost when the war is taken out. No author publishes a :math:`\lambda`: 0 (the default here) is the argument's
    strict form, and the engine's value is ours, fitted in sample (``lesser_entrapment_share``). In :func:`commitment_cost`
    it multiplies the base cost only, inside the commitment's strength :math:`s`, which already scales the whole of a
    lesser pledge's cost down (non-aggression 0.2): the two discount different things (how much is promised; whether the
    promise binds one in a partner's war), not the same twice. Snyder (1997) also shows loose ties entrapping (Britain and
    the Entente, 1914): :math:`\lambda > 0` leaves room for it.

    Parameters
    ----------
    obligations : (..., 5) array_like of bool, in the order of :data:`foedus.schema.OBLIGATIONS`
    lesser_share : float in [0, 1]

    Examples
    --------
    A consultation pact at a share of 0.5 carries half, a defence pact (with consultation) and a pact of neutrality and
    non-aggression all of it, a non-aggression pact half; at the strict form's share 0 a consultation pact carries none:

    >>> entrapment_share([[0, 0, 0, 0, 1], [1, 0, 0, 0, 1], [0, 0, 1, 1, 0], [0, 0, 0, 1, 0]], 0.5).tolist()
    [0.5, 1.0, 1.0, 0.5]
    >>> entrapment_share([0, 0, 0, 0, 1]).tolist()
    0.0

    References
    ----------
    .. [1] Snyder, G. H. (1984). The security dilemma in alliance politics. World Politics 36(4): 461–495.
    .. [2] Snyder, G. H. (1997). Alliance Politics. Cornell University Press.
    .. [3] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904–933.
    .. [4] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations and
       Provisions, 1815–1944. International Interactions 28(3): 237–260.
    .. [5] Mattes, M. (2012). Reputation, symmetry, and alliance design. International Organization 66(4): 679–707.
    """
    lam = float(_checked(lesser_share, "lesser_share", "entrapment_share", lo=0.0, hi=1.0, check=check))
    o = np.asarray(obligations, dtype=bool)
    _check_obligations(o, "entrapment_share", check)
    return np.where((o & (OBLIGATION_ENTRAPMENT | OBLIGATION_FORECLOSURE)).any(axis=-1), 1.0, lam)


def defence_risk_share(obligations, offence_share: float = 0.0, *, check: bool = True) -> np.ndarray:
    r"""The share :math:`r` of the risk of defending the partner a pact with ``obligations`` carries (..., ) in [0, 1].

    .. math:: r = 1 \text{ with a defence pledge}, \quad \rho \text{ with an offence pledge and no defence}, \quad 0 \text{ otherwise}

    The risk of defending the partner (:func:`foedus.theory.obligations.defence_burden`, Morrow 1991's price on the strong
    side of the exchange) is the pressure of the partner's main threat on one's forces: a defence pledge promises to fight
    whoever attacks the partner, so it carries it whole. An offence pledge promises joint action against one named
    adversary only (Leeds et al. 2002: ATOP codes offence apart from defence, a pledge "to join in military action against
    a specified third party"), a war the pledging state wants for a gain of its own: Schweller's (1994) jackal
    "bandwagons for profit", sharing the spoils of the aggressor's war (Piedmont with France 1858-59, Italy with Prussia
    1866, the Balkan League 1912), and Benson (2012) sets such compellent pacts apart from the deterrent ones that pledge
    the partner's defence. The cost of that war is already in the pledge's value (the expected utility of the joint attack,
    :func:`foedus.theory.offence.aggrandisement`), so what an offence pledge carries of the risk of defending the partner
    against its main threat is :math:`\rho` (``offence_share``): 0 is the published form (no defence is pledged), 1 charges it
    as a defence pledge (foedus before session 18). Its entrapment, the base cost of allying, is whole either way
    (:func:`entrapment_share`).

    Parameters
    ----------
    obligations : (..., 5) array_like of bool, in the order of :data:`foedus.schema.OBLIGATIONS`
    offence_share : float in [0, 1]

    Examples
    --------
    A defence pact carries all the risk, an offence pact its share, a neutrality or consultation pact none:

    >>> defence_risk_share([[1, 0, 0, 0, 1], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [1, 1, 0, 0, 0]], 0.25).tolist()
    [1.0, 0.25, 0.0, 1.0]

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904–933.
    .. [2] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty Obligations and
       Provisions, 1815–1944. International Interactions 28(3): 237–260.
    .. [3] Schweller, R. L. (1994). Bandwagoning for profit. International Security 19(1): 72–107.
    .. [4] Benson, B. V. (2012). Constructing International Security: Alliances, Deterrence, and Moral Hazard. Cambridge
       University Press.
    """
    rho = float(_checked(offence_share, "offence_share", "defence_risk_share", lo=0.0, hi=1.0, check=check))
    o = np.asarray(obligations, dtype=bool)
    _check_obligations(o, "defence_risk_share", check)
    return np.where(o[..., 0], 1.0, np.where(o[..., 1], rho, 0.0))


def _check_obligations(o: np.ndarray, name: str, check: bool) -> None:
    """Raise ``ValueError`` naming ``name`` unless ``o`` ends in one boolean per obligation of :data:`foedus.schema.OBLIGATIONS`."""
    if check and (o.ndim < 1 or o.shape[-1] != len(OBLIGATIONS)):
        raise ValueError(f"{name}: obligations must end in {len(OBLIGATIONS)} booleans, got shape {o.shape}")
