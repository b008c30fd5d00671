r"""The theatre of a shared threat: the states a great power's multilateral treaty may bind across an ocean (brief F2, F5; issue 17).

A multilateral treaty's clients are one region's states (:func:`foedus.theory.multilateral.regional_veto`: a pair of clients
no farther apart than ``bloc_region_km``); a great power leads them from afar (Cha 2010). The record's North Atlantic Treaty
binds clients an ocean apart, Canada with Turkey (8,200 km) and Norway with Portugal (2,700 km), because what made them one
community was the threat they shared and the power that could defend them, not their distance (Hemmer & Katzenstein 2002: a
North Atlantic community of the states that saw the Soviet threat; Walt 1987, ch. 2: alignment follows the threat, and the
threat is felt where the adversary's power reaches; Weber 1992: the United States chose the multilateral form for partners
alike in the threat they faced). Whether an adversary's power, and a defender's, reach a state is Boulding's (1962, ch. 12)
loss-of-strength gradient: a state's strength falls with the distance from its base, and a state lies in another's theatre
where enough of that strength arrives; Bueno de Mesquita (1981, pp. 103-105) gives the gradient its quantitative form
(:func:`foedus.theory.projection.reach_fraction`: the share ``F[i, k]`` of ``k``'s capability that arrives at ``i``, 1 at home).

:func:`in_theatre`
    A candidate lies in the theatre of the threat ``t`` its great-power leader ``L`` faces where both their strengths reach it,
    each with at least the share ``f`` of its strength at home:

    .. math:: \theta_i = [F_{it} \ge f] \wedge [F_{iL} \ge f]

    (Boulding's zone where the two gradients meet: the adversary can strike the state, the leader can defend it).
:func:`theatre_exempt`
    Two clients that both lie in the theatre are not held to the region (the regional veto lifted for the pair).

The simulator asks it of a superpower leader only (:mod:`foedus.sim.steps.blocs_theatre`): a great power short of one is decisive
in its region, of limited global reach (Buzan & Waever 2003: the superpowers' security reach spans the regions, the great powers'
their own and its neighbours'), and its clients stay one region's.

Our form: Boulding states the gradient and the zone it draws without a threshold, Walt the proximity of the threat without a
distance; the one share ``f`` of both strengths is ours. Its value read from the record (:data:`NATO_SHARE`, 0.49; the simulator's
``bloc_theatre_reach``, off by default) is the lowest
share, over the members of the North Atlantic Treaty at their entry (the twelve of 1949, Greece and Turkey 1952, West Germany
1955), of the Soviet or the American strength that reached them (CShapes minimum distances, NMC 6.0 capability shares of the
record-built scenarios of those years): 0.518 of the Soviet strength at Portugal, 0.496 of the American at Italy (1949) and
Turkey (1952). At 0.49 the theatre of the Soviet threat under the United States' lead in 1949 is Europe, Canada and Iceland
(not Japan, 0.31 of the Soviet strength; not Australia, 0.20; not Latin America, 0.2-0.27), in 1952 Europe and the Middle
East besides: the North Atlantic community, and the Baghdad Pact's states.

References
----------
.. [1] Boulding, K. E. (1962). *Conflict and Defense: A General Theory*. New York: Harper, ch. 12.
.. [2] Bueno de Mesquita, B. (1981). *The War Trap*. New Haven: Yale University Press, pp. 103-105.
.. [3] Walt, S. M. (1987). *The Origins of Alliances*. Ithaca: Cornell University Press, ch. 2.
.. [4] Hemmer, C. and P. J. Katzenstein (2002). Why is there no NATO in Asia? Collective identity, regionalism, and the
   origins of multilateralism. *International Organization* 56(3): 575-607.
.. [5] Weber, S. (1992). Shaping the postwar balance of power: multilateralism in NATO. *International Organization* 46(3):
   633-680.
.. [6] Cha, V. D. (2010). Powerplay: origins of the U.S. alliance system in Asia. *International Security* 34(3): 158-196.
.. [7] Buzan, B. and O. Waever (2003). *Regions and Powers: The Structure of International Security*. Cambridge University Press.
"""

from __future__ import annotations

import numpy as np

__all__ = ["NATO_SHARE", "in_theatre", "theatre_exempt"]

NATO_SHARE = 0.49
"""The share ``f`` read from the record: the lowest share of the Soviet or the American strength that reached a member of the North
Atlantic Treaty at its entry, 1949-1955 (0.496 of the American at Italy, 1949, and Turkey, 1952; 0.518 of the Soviet at Portugal),
rounded down (the module's introduction)."""


def in_theatre(reach_of_threat, threat_power: float, reach_of_leader, leader_power: float, share: float) -> np.ndarray:
    """Which candidates lie in the theatre of a threat under a leader: (K,) bool, both strengths arriving at ``share`` of home or more.

    ``reach_of_threat`` (K,): the capability share of the threat that reaches each candidate (Bueno de Mesquita's distance
    discount, :func:`foedus.theory.projection.projected_capability`; the simulator's ``reach[i, t]``), ``threat_power`` the
    threat's own share; ``reach_of_leader`` (K,) and ``leader_power`` the same of the leader. A candidate is in the theatre where
    ``reach_of_threat >= share * threat_power`` and ``reach_of_leader >= share * leader_power`` (:mod:`foedus.theory.theatre`:
    Boulding 1962, Walt 1987). ``share`` in [0, 1]; 0 switches the theatre off (no candidate is in one); a power of 0 reaches
    no one.

    Examples
    --------
    >>> from foedus.theory.projection import relative_discount_exponent
    >>> d = np.array([[0.0, 7800.0, 1000.0, 5400.0], [7800.0, 0.0, 6900.0, 10900.0]])  # from the USSR and the United States
    >>> x = relative_discount_exponent(d)  # to Moscow itself, Washington, a West European and a far Pacific capital
    >>> ru, us = 0.17 ** x[0], 0.30 ** x[1]  # Bueno de Mesquita's c ** x: 1.0, 0.37, 0.80, 0.45 of the Soviet strength arrive
    >>> in_theatre(ru, 0.17, us, 0.30, 0.49).tolist()
    [True, False, True, False]
    >>> in_theatre(ru, 0.17, us, 0.30, 0.0).tolist()
    [False, False, False, False]
    """
    rt = np.asarray(reach_of_threat, dtype=float)
    rl = np.asarray(reach_of_leader, dtype=float)
    if rt.ndim != 1 or rl.shape != rt.shape or not 0 <= share <= 1 or threat_power < 0 or leader_power < 0:
        raise ValueError(
            f"in_theatre: expected reach_of_threat and reach_of_leader (K,), share in [0, 1] and powers >= 0; got {rt.shape}, {rl.shape}, {share}, "
            f"{threat_power}, {leader_power}"
        )
    if share == 0 or threat_power <= 0 or leader_power <= 0:
        return np.zeros(rt.shape, bool)
    return (rt >= share * threat_power) & (rl >= share * leader_power)


def theatre_exempt(region_veto, theatre) -> np.ndarray:
    """The regional veto (K, K) bool less the pairs of clients that both lie in the theatre ``theatre`` (K,) bool (:func:`in_theatre`).

    >>> theatre_exempt(np.array([[False, True, True], [True, False, True], [True, True, False]]), np.array([True, True, False])).tolist()
    [[False, False, True], [False, False, True], [True, True, False]]
    """
    v = np.asarray(region_veto, dtype=bool)
    t = np.asarray(theatre, dtype=bool)
    if v.ndim != 2 or v.shape[0] != v.shape[1] or t.shape != (v.shape[0],):
        raise ValueError(f"theatre_exempt: expected region_veto (K, K) and theatre (K,); got {v.shape}, {t.shape}")
    return v & ~(t[:, None] & t[None, :])
