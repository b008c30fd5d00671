"""What an alliance's obligations are worth and what they cost (brief A2, F2, F4, P1, P2, P5).

ATOP codes five obligations (Leeds et al. 2002): defence, offence, neutrality, non-aggression
and consultation. They promise different things, so they are worth different things:

- **protection** (defence, offence): the partner fights beside one, worth the alignment
  utility of the pair (:func:`foedus.theory.alignment.alignment_utilities`, F1–F4);
- **reassurance** (non-aggression): the partner promises not to attack one, worth the pressure
  its own threat puts on one (Weitsman 2004: states *tether* a threatening partner and *hedge*
  when threats are low; Walt's pressure form ``T / (T + p)``);
- **abstention** (neutrality): the partner promises not to join one's attacker, worth the
  pressure it would add to one's main threat if it did (:func:`obligation_goods`);
- **transparency** (consultation): the partners promise to consult in a crisis, worth more the
  more they face the same threat (coordination under shared uncertainty);
- **aggrandisement** (offence): the partner promises to join one against a third party, worth
  the rise in one's odds against one's target (:func:`foedus.theory.offence.aggrandisement`;
  Snyder 1997, Bueno de Mesquita 1981).

:func:`obligation_goods` gives the four goods of every pair; :func:`pact_goods` which goods a set
of obligations provides; :func:`commitment_cost` the cost of a commitment on both sides of
Morrow's (1991) exchange (unclipped: a strong state gains autonomy concessions and pays for the
risk of defending); :func:`defence_burden` that risk; :func:`admits_members` whether a treaty
admits new members under its terms (ATOP ``proadd``); :func:`inertia_exit_probability` how
likely a member is to leave a treaty in force (Leeds & Savun 2007); :func:`pact_form` the
obligations of a new pact.

Published form vs ours
----------------------
The typology and the goods each obligation provides are Leeds et al.'s (2002) and Weitsman's
(2004); the measures of each good (pressure ratios in Walt's form), their sum over the
obligations of a pact, and the weights are ours.
"""

from __future__ import annotations

import numpy as np

from foedus.schema import OBLIGATIONS
from foedus.theory import obligations_kernels as _kern
from foedus.theory._validate import _broadcast, _checked, _matrix, _vector
from foedus.theory.commitment_share import (  # re-exported
    OBLIGATION_ENTRAPMENT,
    OBLIGATION_FORECLOSURE,
    entrapment_share,
)
from foedus.theory.projection import (
    projection_loss,  # re-exported: the patron's loss of strength
)
from foedus.theory.regions import (  # re-exported: their home was here
    COW_REGIONS,
    admissible,
    cow_region,
)
from foedus.theory.treaty_terms import (  # re-exported
    admits_members,
    coalition_treaty_groups,
)

__all__ = [
    "GOODS",
    "GOOD_MOTIVE",
    "OBLIGATION_ENTRAPMENT",
    "OBLIGATION_FORECLOSURE",
    "OBLIGATION_GOODS",
    "PACT_FORMS",
    "admission_votes",
    "admits_members",
    "coalition_treaty_groups",
    "commitment_cost",
    "defence_burden",
    "entrapment_share",
    "goods_inputs",
    "inertia_exit_probability",
    "main_threat",
    "motive_decomposition",
    "obligation_goods",
    "pact_form",
    "pact_goods",
    "projection_loss",  # re-exported from foedus.theory.projection
    "COW_REGIONS",
    "admissible",
    "cow_region",
]

GOODS = ("protection", "reassurance", "abstention", "transparency", "aggrandisement")
"""The goods an alliance's obligations provide, in the order of :func:`obligation_goods`."""

OBLIGATION_GOODS = np.array(
    [
        [1, 0, 0, 0, 0],  # defence: protection
        [0, 0, 0, 0, 1],  # offence: aggrandisement (joint action against a third party)
        [0, 0, 1, 0, 0],  # neutrality: abstention
        [0, 1, 0, 0, 0],  # non-aggression: reassurance
        [0, 0, 0, 1, 0],  # consultation: transparency
    ],
    dtype=bool,
)
"""(5, 5): the goods of each obligation of :data:`foedus.schema.OBLIGATIONS` (rows) among :data:`GOODS` (columns)."""

PACT_FORMS: dict[str, tuple[str, ...]] = {
    "defence": ("defense", "consultation"),
    "neutrality": ("neutrality",),
    "neutrality_nonaggression": ("neutrality", "nonaggression"),
    "nonaggression": ("nonaggression",),
    "consultation": ("consultation",),
    "offence": ("offense",),
}
"""The obligations a new pact is written with, by its strongest obligation: common combinations
of ATOP 5.1 (defence pacts nearly always add consultation; a
quarter of all ATOP treaties are pure non-aggression pacts). Each form provides a different set
of goods (:func:`pact_goods`), so a state chooses among them by what it needs. An offence pact
is a pledge of joint action against the partners' target and nothing more (ATOP codes 57 of its
treaties with offence and no defence obligation, most before 1914). A pledge of neutrality comes
alone or with one of non-aggression: ATOP 5.1 codes non-aggression in 75 of its 108 treaties
whose strongest obligation is neutrality (the Soviet and Locarno-era "treaties of neutrality and
non-aggression", Germany-USSR 1926 and 1939), so a state that fears a war with a third state
(and wants the partner out of it) *and* fears the partner itself signs both, a treaty ATOP ranks
as neutrality (Leeds et al. 2002: defence > offence > neutrality > non-aggression >
consultation)."""


def main_threat(threat, *, check: bool = True) -> np.ndarray:
    """Each state's main threat ``t(i) = argmax_j T[i, j]`` (N,) int, -1 for a state no one threatens.

    >>> main_threat([[0, 0.2, 0.1], [0.05, 0, 0], [0, 0, 0]]).tolist()
    [1, 0, -1]
    """
    t = _matrix("threat", threat, np.shape(threat)[0], nonneg=True, check=check)
    star, main = _kern.main_threats(np.ascontiguousarray(t, dtype=np.float64))  # t.max and t.argmax off the diagonal, compiled
    return np.where(star > 0, main, -1)


def admission_votes(value, cost, candidate_is_main_threat, protective, member_is_candidates_main_threat=False) -> np.ndarray:
    r"""Whether a member votes to admit a candidate to a treaty: ``value > cost`` unless the treaty
    protects and the candidate is the member's main threat, or the member is the candidate's main
    threat (any treaty; bool, broadcast shape).

    A member gains from a candidate's accession when the goods the treaty would give it from
    the candidate are worth more than its cost of a commitment to the candidate
    (:func:`commitment_cost`, the rule of a new pact). But a treaty that provides *protection*
    (defence, offence) protects its members against someone, and for a member that someone is
    its main threat: one does not defend a partner against itself (see :func:`defence_burden`),
    so admitting one's main threat dissolves the protection the treaty was signed for, whatever
    the reassurance of having it inside. Alliances form *against* a threat (Walt 1987, ch. 2);
    a state seeks reassurance from its threat in a pledge of non-aggression instead (Weitsman
    2004). NATO's members refused the Soviet Union's request to join in 1954 (Molotov's note
    of 31 March 1954) for this reason. Nor does a member vote to let in a state that sees it as
    its main threat: such a candidate comes to restrain it from inside, which is tethering, the
    business of a bilateral pact the member negotiates itself (Weitsman 1997, 2004).

    Parameters
    ----------
    value, cost : array_like, utility units
    candidate_is_main_threat : array_like of bool
    protective : array_like of bool
        Whether the treaty's obligations provide protection (:func:`pact_goods`).
    member_is_candidates_main_threat : array_like of bool, default False
        Whether the member is the candidate's main threat.

    Examples
    --------
    >>> admission_votes([0.5, 0.5, 0.5, 0.1], 0.2, [False, True, True, False], [True, True, False, True]).tolist()
    [True, False, True, False]
    >>> admission_votes([0.5, 0.5], 0.2, False, [True, False], member_is_candidates_main_threat=True).tolist()
    [False, False]

    References
    ----------
    .. [1] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press.
    .. [2] Weitsman, P. A. (2004). Dangerous Alliances. Stanford University Press.
    """
    gains = np.asarray(value, dtype=float) > np.asarray(cost, dtype=float)
    refused = np.asarray(candidate_is_main_threat, dtype=bool) & np.asarray(protective, dtype=bool)
    return gains & ~refused & ~np.asarray(member_is_candidates_main_threat, dtype=bool)


def obligation_goods(
    protection, threat, power, *, reach=None, aggrandisement=None, isolation=None, defends=None, weights=(1.0, 1.0, 1.0, 1.0, 1.0), check: bool = True,
    reassurance_threat=None, war_risk=None, target=None, credibility=None,
) -> np.ndarray:
    r"""Each goods' value to ``i`` of a pact with ``j``: (5, N, N) in the order of :data:`GOODS`.

    With :math:`T_{ij}` the threat j poses to i, :math:`T^*_i = \max_k T_{ik}` i's main threat
    :math:`t(i)`, :math:`\mu_{ij} = T_{j,t(i)} / T^*_j` how far i's main threat is j's too, and
    :math:`p` power:

    .. math::

        \text{protection}_{ij} &= U_{ij} \quad\text{(the alignment utility, F1–F4)}\\
        \text{reassurance}_{ij} &= \rho(T_{ij}), \qquad \rho(x) = \frac{x}{x + p_i}\\
        \text{abstention}_{ij} &= (1 - \mu_{ij})\,\big[\rho(T^*_i + T_{ij}) - \rho(T^*_i)\big] + I_{ij}, \quad \text{the first term 0 for } j = t(i)\\
        \text{transparency}_{ij} &= \mu_{ij}\, \mu_{ji}\, \rho(T^*_i)\, \frac{R_{ij}}{T^*_i + R_{ij}}\\
        \text{aggrandisement}_{ij} &= A_{ij} \quad\text{(:func:`foedus.theory.offence.aggrandisement`)}

    with :math:`\rho` Walt's pressure of a threat on i's own capability (the form of
    :func:`foedus.theory.alignment.alignment_utilities`' F2). Reassurance is the pressure of j's
    own threat on i, which a non-aggression pledge addresses (tethering and hedging, Weitsman
    2004); abstention the pressure j would add to i's main threat were it to join it, which a
    neutrality pledge forgoes (a state threatened by the same adversary would fight beside i
    anyway, hence :math:`1 - \mu`), plus, on the attacker's side, :math:`I_{ij}` the expected
    utility of i's attack on its target that j's intervention on the target's side would cost
    (``isolation``, :func:`foedus.theory.offence.isolation`); transparency the value of consulting a partner when each
    faces the other's main threat (:math:`\mu_{ij}\mu_{ji}`), in proportion to the pressure of
    that threat and to the partner's weight against it. Each is multiplied by its entry of
    ``weights``.

    *Prior commitments* (``defends``). A state pledged to defend i's main threat cannot credibly
    promise to stay out of i's war with it: its treaty obliges it to fight (Snyder 1997, ch. 1 on
    the constraint of existing commitments; Bismarck's Reinsurance Treaty of 1887 promised Russia
    neutrality save in a war against Austria, whom the Dual Alliance bound Germany to defend). So
    the first term of abstention is 0 where :math:`j` defends :math:`t(i)`.

    *Expected war* (``war_risk``). A neutrality pledge is a promise about a war with a third party,
    worth that war's stakes times the chance it comes (Leeds et al. 2002; Snyder 1997, ch. 1; Fearon
    1997: a pledge ties hands for a contingency one expects): the first term of abstention is
    multiplied by :math:`W_{i,t(i)}`, :math:`I_{ij}` by :math:`W_{i,k(i)}`; and by :math:`C_{ij}`
    (``credibility``) the first term, a sworn enemy's promise to stay out being cheap talk.

    *Geography.* A pledge is worth what the partner could otherwise do to one, or for one: a
    neutrality or non-aggression pledge from a state that could never bring its forces to bear
    on one forgoes nothing, and consulting a partner whose capability cannot reach one's theatre
    coordinates nothing. Reassurance and abstention are measured in :math:`T_{ij}`, which is
    already j's capability carried over the distance (Bueno de Mesquita's 1981 discount;
    Boulding's 1962 loss-of-strength gradient) times its intentions
    (:func:`foedus.theory.threat.walt_threat`): a distant state, or a friendly one, offers little
    to abstain from. In transparency the partner weighs with :math:`R_{ij}`, the capability of j
    that arrives at i (``reach``, :func:`foedus.theory.projection.projected_capability`); without
    ``reach``, :math:`R_{ij} = p_j` (a partner counts with all its capability wherever it is).

    Parameters
    ----------
    protection : array (N, N) of float
        The pair's alignment utility ``sum_m U[m, i, j]``.
    threat : array (N, N) of float >= 0
        ``T[i, j]``, the threat j poses to i (capability-share units); the diagonal is ignored.
    power : array (N,) of float >= 0, capability share
    reach : array (N, N) of float >= 0, capability share, optional
        ``R[i, j]``, the capability of j that reaches i (diagonal ignored). Default: none (a
        partner counts with all its capability wherever it is).
    aggrandisement : array (N, N) of float >= 0, optional
        The value of an offence pledge (:func:`foedus.theory.offence.aggrandisement`). Default: 0.
    isolation : array (N, N) of float >= 0, optional
        The attacker's side of a neutrality pledge (:func:`foedus.theory.offence.isolation`). Default: 0.
    defends : array (N, N) of bool, optional
        ``defends[j, k]``: j is pledged to defend k (a defence pact in force). Default: no one.
    weights : 5 floats >= 0
    check : bool, default True
    reassurance_threat : array (N, N) >= 0, optional
        The threat reassurance is measured against, in place of ``threat``
        (:func:`foedus.theory.reassurance.expected_threat`: intentions unknown for want of a record).
    war_risk, target, credibility : optional
        ``W[i, k]`` the chance i and k fight a war over the pledge's horizon
        (:func:`foedus.theory.offence.war_expectation`), ``target`` (N,) i's target (-1 none), ``C[i, j]``
        the chance i believes j's pledge (Kydd 2005): see *Expected war* above.

    Returns
    -------
    array (5, N, N) of float; diagonals 0.

    Examples
    --------
    Two neighbours, the stronger threatening the weaker: the weak one values a non-aggression
    pledge from it; a distant state threatened by no one offers it nothing to consult about.

    >>> import numpy as np
    >>> g = obligation_goods(np.zeros((3, 3)), np.array([[0, 0.2, 0], [0.05, 0, 0], [0, 0, 0]]), np.array([0.05, 0.2, 0.05]))
    >>> round(float(g[1, 0, 1]), 3), float(g[3, 0, 2])
    (0.8, 0.0)

    Consulting a partner (2, 3) threatened by the same state (1) is worth more when the
    partner's capability reaches one (3 is a neighbour, 2 reaches with a tenth of its capability);
    a neutrality pledge from either is worth nothing: 2 poses no threat to abstain from, 3 faces
    the same threat and would fight beside one anyway:

    >>> t = np.array([[0, 0.2, 0, 0.02], [0.05, 0, 0, 0], [0, 0.1, 0, 0], [0, 0.1, 0, 0]])
    >>> r = np.array([[0, 0.2, 0.005, 0.05], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
    >>> g = obligation_goods(np.zeros((4, 4)), t, np.array([0.05, 0.2, 0.05, 0.05]), reach=r)
    >>> [round(float(x), 3) for x in (g[3, 0, 2], g[3, 0, 3], g[2, 0, 2], g[2, 0, 3])]
    [0.02, 0.16, 0.0, 0.0]

    References
    ----------
    .. [0] Bueno de Mesquita, B. (1981). The War Trap. Yale University Press, ch. 4.
    .. [1] Leeds, B. A., Ritter, J. M., Mitchell, S. M. & Long, A. G. (2002). Alliance Treaty
       Obligations and Provisions, 1815–1944. International Interactions 28(3): 237–260.
    .. [2] Weitsman, P. A. (2004). Dangerous Alliances: Proponents of Peace, Weapons of War.
       Stanford University Press.
    .. [3] Walt, S. M. (1987). The Origins of Alliances. Cornell University Press.
    """
    return _kern.goods_kernel(*goods_inputs(
        protection, threat, power, reach=reach, aggrandisement=aggrandisement, isolation=isolation, defends=defends, weights=weights, check=check,
        reassurance_threat=reassurance_threat, war_risk=war_risk, target=target, credibility=credibility,
    ))


def goods_inputs(
    protection, threat, power, *, reach=None, aggrandisement=None, isolation=None, defends=None, weights=(1.0, 1.0, 1.0, 1.0, 1.0), check: bool = True,
    reassurance_threat=None, war_risk=None, target=None, credibility=None,
) -> tuple:
    """The arguments of :func:`obligation_goods`, checked (where ``check``) and as its compiled pass takes them
    (:func:`foedus.theory.obligations_kernels.goods_kernel`; :func:`~foedus.theory.obligations_kernels.goods_pairs` takes the same
    after its pairs and row terms, for a step that reads the goods of a few pairs only)."""
    p = _vector("power", power, nonneg=True, check=check)
    n = p.shape[0]
    u = _matrix("protection", protection, n, check=check)
    t = _matrix("threat", threat, n, nonneg=True, check=check)
    w = np.asarray(weights, dtype=float)
    if check and (w.shape != (len(GOODS),) or not np.isfinite(w).all() or (w < 0).any()):
        raise ValueError(f"obligation_goods: weights must be {len(GOODS)} finite values >= 0, got {weights!r}")
    # the formulas above entry by entry in one compiled pass (obligations_kernels.goods_kernel, equal to the array form to the bit)
    none2, none_b = np.zeros((1, 1)), np.zeros((1, 1), bool)
    opt = {"reach": reach, "aggrandisement": aggrandisement, "reassurance_threat": reassurance_threat, "credibility": credibility, "war_risk": war_risk,
           "isolation": isolation}  # checked in the order of the array form
    unit = {"credibility", "war_risk"}
    arr = {
        k: none2 if v is None else np.ascontiguousarray(_matrix(k, v, n, nonneg=k not in unit, unit=k in unit, check=check), dtype=np.float64)
        for k, v in opt.items()
    }
    tr = np.ascontiguousarray(t, dtype=np.float64) if reassurance_threat is None else arr["reassurance_threat"]
    has_risk, has_iso = war_risk is not None, isolation is not None
    k = np.ascontiguousarray(target, dtype=np.int64) if (has_risk and has_iso) else np.zeros(1, np.int64)
    return (
        np.ascontiguousarray(u, dtype=np.float64), np.ascontiguousarray(t, dtype=np.float64), tr,
        np.ascontiguousarray(p, dtype=np.float64), arr["reach"], reach is not None, arr["aggrandisement"], aggrandisement is not None,
        arr["isolation"], has_iso, none_b if defends is None else np.ascontiguousarray(defends, dtype=np.bool_), defends is not None,
        arr["credibility"], credibility is not None, arr["war_risk"], has_risk, k, np.ascontiguousarray(w, dtype=np.float64),
    )


_OBLIGATION_BITS = 1 << np.arange(len(OBLIGATIONS), dtype=np.int64)
_PACT_GOODS_TABLE = ((((np.arange(1 << len(OBLIGATIONS))[:, None] & _OBLIGATION_BITS) > 0)[:, :, None] & OBLIGATION_GOODS).any(axis=1))
"""(32, 5): the goods (:data:`OBLIGATION_GOODS` any over the obligations) of each set of obligations, by the set's bits."""


def pact_goods(obligations) -> np.ndarray:
    """Which of :data:`GOODS` a pact with ``obligations`` provides: (..., 5) bool.

    ``obligations``: (..., 5) booleans in the order of :data:`foedus.schema.OBLIGATIONS`. A
    good is provided once, whatever the number of obligations that provide it.

    >>> pact_goods([True, False, False, False, True]).tolist()
    [True, False, False, True, False]
    """
    o = np.asarray(obligations, dtype=bool)
    return _PACT_GOODS_TABLE[o @ _OBLIGATION_BITS]  # the goods of each of the 32 sets of obligations, looked up


def pact_form(form: str) -> np.ndarray:
    """The obligations (5,) bool of a new pact of form ``form`` (a key of :data:`PACT_FORMS`)."""
    if form not in PACT_FORMS:
        raise ValueError(f"pact_form: unknown form {form!r}; expected one of {sorted(PACT_FORMS)}")
    return np.array([o in PACT_FORMS[form] for o in OBLIGATIONS], dtype=bool)


def defence_burden(threat, power, *, reach=None, check: bool = True) -> np.ndarray:
    r"""The risk ``B[i, j]`` that i takes on by pledging to defend j: (N, N) in [0, 1).

    .. math:: B_{ij} = \frac{T^*_j}{T^*_j + p_i}

    the pressure of j's main threat :math:`T^*_j` (other than i itself: one does not defend a
    partner against oneself, so its next threat counts) on i's own capability: defending a
    partner that faces a strong adversary is costly and may drag one into its war (the cost of defending in Morrow
    1991; entrapment in Snyder 1984). A strong state defending a weak, unthreatened partner
    risks little; anyone defending a partner against a superpower risks much.

    *Geography* (``reach``). Defending a partner means fighting in its theatre, with the part
    of one's capability that can be carried there: with :math:`R_{ji}` the capability of i that
    reaches j (Bueno de Mesquita's 1981 distance discount, Boulding's 1962 loss-of-strength
    gradient; :func:`foedus.theory.projection.projected_capability`),

    .. math:: B_{ij} = \frac{T^*_j}{T^*_j + R_{ji}}

    so a promise to defend a distant partner is costly unless one can project power there. Without
    ``reach``, :math:`R_{ji} = p_i` (the form above).

    Examples
    --------
    >>> import numpy as np
    >>> T = np.array([[0, 0, 0], [0.3, 0, 0.1], [0, 0, 0]])   # 1 is threatened by 0 (0.3), then by 2 (0.1)
    >>> defence_burden(T, np.array([0.3, 0.02, 0.1])).round(3).tolist()
    [[0.0, 0.25, 0.0], [0.0, 0.0, 0.0], [0.0, 0.75, 0.0]]

    The same pledges when state 0 reaches state 1 with only a tenth of its capability:

    >>> R = np.array([[0.3, 0.02, 0.1], [0.03, 0.02, 0.1], [0.3, 0.02, 0.1]])
    >>> defence_burden(T, np.array([0.3, 0.02, 0.1]), reach=R).round(3).tolist()
    [[0.0, 0.769, 0.0], [0.0, 0.0, 0.0], [0.0, 0.75, 0.0]]

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904–933.
    .. [2] Snyder, G. H. (1984). The security dilemma in alliance politics. World Politics 36(4): 461–495.
    """
    p = _vector("power", power, nonneg=True, check=check)
    n = p.shape[0]
    t = _matrix("threat", threat, n, nonneg=True, check=check)
    r = None if reach is None else _matrix("reach", reach, n, nonneg=True, check=check)
    # the formula entry by entry in one compiled pass (obligations_kernels.burden_kernel, equal to the array form to the bit)
    return _kern.burden_kernel(
        np.ascontiguousarray(t, dtype=np.float64), np.ascontiguousarray(p, dtype=np.float64),
        np.zeros((1, 1)) if r is None else np.ascontiguousarray(r, dtype=np.float64), r is not None,
    )


def commitment_cost(
    base, commitment, autonomy_change, *, autonomy_weight: float, burden=0.0, burden_weight: float = 0.0, treaty_cost: float = 0.0, entrapment=1.0,
    check: bool = True,
) -> np.ndarray:
    r"""Cost to a state of a commitment of strength ``commitment``, on either side of Morrow's (1991) exchange.

    .. math:: C = \tau + s\,\big(e\,c + \beta B - \theta \log(1 + \Delta a)\big)

    with :math:`s` the commitment's strength (:func:`foedus.theory.capability.commitment_strength`:
    defence 1 ... non-aggression 0.2), :math:`c` the base cost of allying (entrapment grows with
    one's commitments, Snyder 1984), :math:`\beta B` the risk of defending the partner
    (:func:`defence_burden`; the strong side's cost of the commitment in Morrow 1991) and
    :math:`\theta \log(1 + \Delta a)` the autonomy term of Morrow's utility
    :math:`u = \log s + \theta \log a` (:func:`foedus.theory.exchange.morrow_exchange`), with
    :math:`\Delta a` the state's autonomy change in the exchange: negative for the weak side,
    which concedes autonomy (bases, a say in its policy), positive for the strong side, which
    gains the concessions. Nothing is clipped: a strong state whose autonomy gain exceeds what
    the commitment costs it has a negative cost (it gains from the exchange itself, as Morrow's
    strong side does), and it pays :math:`\beta B` for the risk of defending whatever its gain.
    :math:`\tau` (``treaty_cost``, 0 by default) is the cost of negotiating and ratifying a
    formal treaty whatever it promises (Lipson 1991; Abbott & Snidal 2000 on the contracting
    costs of formal agreements): paid to sign a new treaty or to accede, sunk once signed (leave
    it out of the cost of staying). :math:`e` (``entrapment``, 1 by default) is the share of the base cost the
    commitment carries (:func:`entrapment_share`: 1 for a pledge to fight, which entraps, or to stay out of the partner's war,
    which forecloses the alternative; lambda, 0 in the argument's strict form and ours fitted in the engine, for a pledge of
    non-aggression or consultation, which binds no conduct in a third party's war), so at lambda 0 a consultation pact costs
    its treaty alone and a defence pact Morrow's whole cost.

    Parameters
    ----------
    base : array_like, utility units
    commitment : array_like in [0, 1]
    autonomy_change : array_like in (-1, inf)
    autonomy_weight : float >= 0
        :math:`\theta`.
    burden : array_like >= 0, optional
    burden_weight : float >= 0
        :math:`\beta`.
    treaty_cost : float >= 0
        :math:`\tau`.
    entrapment : array_like in [0, 1], default 1
        :math:`e` (:func:`entrapment_share`).

    Returns
    -------
    ndarray, utility units (may be negative).

    Examples
    --------
    The weak side of an asymmetric exchange pays more than the base cost, the strong side
    less, and below zero when its concessions outweigh the risk it takes on:

    >>> commitment_cost(0.1, 1.0, [-0.5, 0.5], autonomy_weight=0.5, burden=[0.0, 0.2], burden_weight=0.5).round(3).tolist()
    [0.447, -0.003]

    A consultation pact (strength 0.3) that carries no entrapment costs its treaty alone:

    >>> float(commitment_cost(0.1, 0.3, 0.0, autonomy_weight=0.5, treaty_cost=0.05, entrapment=0.0))
    0.05

    References
    ----------
    .. [1] Morrow, J. D. (1991). Alliances and asymmetry. AJPS 35(4): 904–933.
    .. [2] Snyder, G. H. (1984). The security dilemma in alliance politics. World Politics 36(4): 461–495.
    .. [3] Lipson, C. (1991). Why are some international agreements informal? International
       Organization 45(4): 495–538.
    .. [4] Abbott, K. W. & Snidal, D. (2000). Hard and soft law in international governance.
       International Organization 54(3): 421–456.
    """
    f = "commitment_cost"
    c = _checked(base, "base", f, check=check)
    s = _checked(commitment, "commitment", f, lo=0.0, hi=1.0, check=check)
    da = _checked(autonomy_change, "autonomy_change", f, lo=-1.0, lo_open=True, check=check)
    b = _checked(burden, "burden", f, lo=0.0, check=check)
    w = float(_checked(autonomy_weight, "autonomy_weight", f, lo=0.0, check=check))
    beta = float(_checked(burden_weight, "burden_weight", f, lo=0.0, check=check))
    c, s, da, b = _broadcast(f, base=c, commitment=s, autonomy_change=da, burden=b, check=check)
    tau = float(_checked(treaty_cost, "treaty_cost", f, lo=0.0, check=check))
    if not (np.ndim(entrapment) == 0 and float(entrapment) == 1.0):  # e = 1 leaves c as it is (to the bit)
        c = _checked(entrapment, "entrapment", f, lo=0.0, hi=1.0, check=check) * c
    return tau + s * (c + beta * b - w * np.log1p(da))


def inertia_exit_probability(value, value_at_entry, cost, *, rate: float, abrogation_cost: float = 0.0, check: bool = True) -> np.ndarray:
    r"""Yearly probability that a member leaves a treaty in force (Leeds & Savun 2007; brief P5).

    .. math:: P = r\,[v + a < c]\;\min\!\Big(1, \max\!\Big(0, \frac{v_0 - v}{\max(|v_0|, c)}\Big)\Big)

    A treaty in force is kept by inertia: states leave (or break) alliances when the
    circumstances that made them sign have changed (Leeds & Savun 2007: changes in power,
    regime or external threat), not merely because a membership is worth little. So a member
    whose membership is now worth less than its cost (:math:`v < c`) leaves at the rate ``r`` in
    proportion to how far the value fell since it entered (:math:`v_0`, the value at entry,
    measured relative to the larger of its size and the cost). A membership whose value has not
    fallen is kept, whatever its level.

    Leaving costs standing (``abrogation_cost`` :math:`a`, utility units, 0 by default: the published form): a state that
    reneges on a treaty is judged less reliable and finds fewer or costlier partners afterwards (Gibler 2008; Crescenzi,
    Kathman, Kleinberg & Wood 2012), so it leaves only when the membership is worth less than its cost by more than that.

    Parameters
    ----------
    value, value_at_entry, cost : array_like, utility units
    rate : float in [0, 1], per year
    abrogation_cost : float >= 0, utility units

    Returns
    -------
    ndarray in [0, rate].

    >>> inertia_exit_probability([0.0, 0.0, 0.5], [0.0, 0.2, 0.6], [0.1, 0.1, 0.1], rate=0.5).tolist()
    [0.0, 0.5, 0.0]
    >>> inertia_exit_probability([0.0, 0.05], [0.2, 0.2], [0.1, 0.1], rate=0.5, abrogation_cost=0.06).tolist()
    [0.5, 0.0]

    References
    ----------
    .. [1] Leeds, B. A. & Savun, B. (2007). Terminating alliances: Why do states abrogate
       agreements? Journal of Politics 69(4): 1118–1132.
    .. [2] Gibler, D. M. (2008). The costs of reneging: Reputation and alliance formation. Journal of Conflict
       Resolution 52(3): 426–454.
    .. [3] Crescenzi, M. J. C., Kathman, J. D., Kleinberg, K. B. & Wood, R. M. (2012). Reliability, reputation, and
       alliance formation. International Studies Quarterly 56(2): 259–274.
    """
    f = "inertia_exit_probability"
    v = _checked(value, "value", f, check=check)
    v0 = _checked(value_at_entry, "value_at_entry", f, check=check)
    c = _checked(cost, "cost", f, check=check)
    r = float(_checked(rate, "rate", f, lo=0.0, hi=1.0, check=check))
    a = float(_checked(abrogation_cost, "abrogation_cost", f, lo=0.0, check=check))
    v, v0, c = _broadcast(f, value=v, value_at_entry=v0, cost=c, check=check)
    scale = np.maximum(np.abs(v0), np.abs(c))
    fall = np.where(scale > 0, (v0 - v) / np.where(scale > 0, scale, 1.0), 0.0)
    return r * (v + a < c) * np.clip(fall, 0.0, 1.0)


GOOD_MOTIVE = (None, 3, 3, 1, 2)
"""The motive (index of :data:`foedus.theory.alignment.MOTIVES`) each good beyond protection
serves: reassurance and abstention tether a potential adversary (F4; Weitsman 2004),
transparency coordinates against a shared threat (F2), aggrandisement is bandwagoning for
profit (F3; Schweller 1994: revisionists ally to share the gains of an attack). Protection
keeps its own decomposition."""


def motive_decomposition(protection_motives, goods, provided) -> np.ndarray:
    """The motive decomposition (F5) of a pact's value: (..., 4), summing to ``(goods * provided).sum(-1)``.

    ``goods`` and ``provided`` are (..., 5) in the order of :data:`GOODS`.

    ``protection_motives`` (..., 4) is the alignment utility by motive (it sums to the protection
    good); ``goods`` (..., 4) the values of :data:`GOODS`; ``provided`` (..., 4) which the pact
    provides (:func:`pact_goods`). Protection counts with its own motives, the other goods with
    the motive of :data:`GOOD_MOTIVE`, except that reassurance sought from a partner one would
    bandwagon with (a positive bandwagoning motive, F3) counts as bandwagoning: a weak state's
    pledge of non-aggression with an overwhelming, appeasable threat is accommodation, not
    tethering (Walt 1987, ch. 2).

    >>> motive_decomposition([0.1, 0.2, 0.0, 0.0], [0.3, 0.05, 0.0, 0.02, 0.0], [True, True, False, True, False]).round(2).tolist()
    [0.1, 0.22, 0.0, 0.05]
    >>> motive_decomposition([0.0, 0.0, 0.1, 0.0], [0.1, 0.4, 0.0, 0.0, 0.0], [False, True, False, False, False]).round(2).tolist()
    [0.0, 0.0, 0.4, 0.0]
    >>> motive_decomposition([0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.06], [False, False, False, False, True]).round(2).tolist()
    [0.0, 0.0, 0.06, 0.0]
    """
    m = np.asarray(protection_motives, dtype=float)
    g = np.asarray(goods, dtype=float) * np.asarray(provided, dtype=bool)
    out = m * (np.asarray(provided, dtype=bool)[..., :1])
    out = np.array(out, dtype=float, copy=True)
    bandwagoning = m[..., 2] > 0
    for good, motive in enumerate(GOOD_MOTIVE):
        if motive is None:
            continue
        if good == 1:  # reassurance from a state one would bandwagon with is accommodation: bandwagoning
            out[..., 2] += np.where(bandwagoning, g[..., good], 0.0)
            out[..., motive] += np.where(bandwagoning, 0.0, g[..., good])
        else:
            out[..., motive] += g[..., good]
    return out
