"""Step 3, threat perception: Walt's threat with geography, and the global threats no state embodies (brief F1, F2).

The step draws nothing: :func:`perceive_threats` is the whole of it, and
:func:`foedus.sim.steps.initialise` calls it to start year one. The formulas are
:func:`foedus.theory.threat.walt_threat` (threat) and
:func:`foedus.theory.projection.projected_capability` (reach, for regional balancing of power), both
from the territory of the allies that host a great power's forces where that is nearer
(:func:`foedus.theory.projection.forward_exponent`, :func:`forward_distance_exponent`);
:func:`threat_of` evaluates both in one compiled pass, equal to the theory to the bit
(``tests/sim/steps/test_threat.py``). Which terms set a pair's threat, for an event's
explanation: :func:`threat_terms`.
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps._common import SECURITY
from foedus.sim.steps.threat_flank import _near_weight, exposed_near, proximity_weight
from foedus.sim.steps.threat_forward import (  # noqa: F401 (re-exported)
    CALL_TO_ARMS,
    STATIONING,
    distance_exponent,
    forward_distance_exponent,
    forward_hosts,
)
from foedus.sim.steps.threat_kernels import (
    _camp_kernel,
    _commitment_kernel,
    _main_threat_kernel,
    _neighbourhoods_kernel,
    _reach_columns_kernel,
    _revealed_kernel,
    _threat_kernel,
)
from foedus.sim.steps.threat_pairs import (
    _commitment_rows,
    _forward_pairs,
    _reassurance_key,
    _reassurance_pairs,
    _reassurance_strength,
    _trade_restraint_pairs,
)
from foedus.sim.steps.threat_peer import peer_threat, peer_unknown, perceived_threat
from foedus.sim.steps.threat_year import live_issue_pass, year_pass
from foedus.sim.world import World
from foedus.theory import camps as th_camps
from foedus.theory import intentions as th_intentions
from foedus.theory import projection as th_projection
from foedus.theory import relevance as th_relevance
from foedus.theory import threat as th_threat
from foedus.theory.regions import cow_region

_INTENT_WEIGHTS = (0.5, 0.25, 0.25)
"""The weights of hostility, ideal-point distance and rivalry in perceived intentions (the
defaults of :func:`foedus.theory.threat.intentions_from_acts`)."""


def threat_perception(world: World, rng: np.random.Generator) -> None:
    """Walt's threat matrix and global threats (brief F2; Walt 1987): :func:`perceive_threats`; ``rng`` is not drawn from."""
    perceive_threats(world)


def perceive_threats(world: World) -> None:
    """Set ``world.results.threat``, ``reach``, ``global_threat`` and ``shared_global`` (brief F1, F2; Walt 1987).

    ``T[i, j] = (power_j * offensive_j) ** x_ij * I'_ij`` (:func:`foedus.theory.threat.walt_threat`):
    offensive power carried over the distance with Bueno de Mesquita's (1981) discount
    (exponent ``x_ij`` from ``distance_km`` and ``miles_per_day``, relative to home:
    :func:`~foedus.theory.projection.relative_discount_exponent`; from the territory of the weaker
    allies that host a great power's forces where that is nearer: :func:`forward_distance_exponent`,
    Boulding 1962), times perceived intentions
    read from acts (:func:`foedus.theory.threat.intentions_from_acts`: the hostility revealed towards
    ``i`` or its minor neighbours, read by ``i`` only as far as it lies within the reach the aggressor
    has shown, scaled by UN ideal-point distance, and rivalry; and the ideological distance beyond one camp, which
    threatens without acts in the share ``ideology_alone``: :func:`ideological_excess`, Haas 2005), discounted for allies by the reassurance of their strongest shared security pact
    (``ally_discount``, :func:`alliance_reassurance`: conditional pledges count in full; a rival's pledge not at all, Thompson 2001, Kydd 2005).
    There is no reach floor: a superpower reaches far because its
    capability is large. ``reach[i, k] = power_k ** x_ik`` is the capability of ``k`` that
    reaches ``i``, against which ``i`` balances power (F1). Global threats (terrorism,
    proliferation, organised crime) enter as each state's exposure weighted by their intensity
    (:func:`~foedus.theory.threat.global_threat_exposure`) and as the shared exposure of pairs
    (:func:`~foedus.theory.threat.shared_global_threat`). A state names a main threat only when it
    is at least ``threat_perception_threshold`` times its own capability and lies in its relevant neighbourhood or has a live issue
    with it (:func:`main_threat_of`, :func:`live_issues`, kept with the matrix: Lemke 2002, Walt 1987).
    """
    p = world.inputs.params
    if not world.inputs.check:  # the year's reach, neighbourhoods and exposure in one compiled pass (threat_year), kept for whoever reads them
        year_pass(world, home_reach, lambda w: alliance_commitment(w) >= CALL_TO_ARMS)
    x = distance_exponent(world)
    xf = forward_distance_exponent(world)
    offensive = walt_offensive(world)
    commitment = alliance_reassurance(world)
    exposed = exposed_states(world)
    restraint = trade_restraint(world)
    if world.inputs.check:
        world.results.threat = th_threat.walt_threat(
            world.state.power, offensive, x, world.state.hostility, world.inputs.proximity, world.inputs.ideal_distance, world.state.rivalry, commitment, exposed,
            weights=_INTENT_WEIGHTS, ally_discount=p.ally_discount, aggression_floor=p.aggression_hostility, restraint=restraint, belied=p.aggression_hostility,
            serious=p.ideology_read_hostility, reach_weight=p.aggression_reach_weight, ideology_alone=p.ideology_alone, ideology_excess=ideological_excess(world),
            forward=xf, relevant=relevant_dyads(world), contiguous=world.inputs.contiguous, exposed_near=exposed_near(world), check=True,
        )
        world.results.reach = th_projection.projected_capability(world.state.power, xf, check=True)
    else:
        world.results.threat, world.results.reach = threat_of(
            world.state.hostility, world.inputs.ideal_distance, world.state.rivalry, world.inputs.proximity, commitment, x, world.state.power, offensive, p.ally_discount,
            exposed, p.aggression_hostility, weight=_revealing_weight(world), restraint=restraint, belied=p.aggression_hostility,
            serious=p.ideology_read_hostility, within=aggression_within(world), alone=p.ideology_alone, excess=ideological_excess(world), forward=xf,
            relevant=relevant_dyads(world), contiguous=world.inputs.contiguous, near_weight=_near_weight(world), home=home_reach(world),
        )
    world.cache["peer_threat"] = (world.state.year, peer_threat(world, offensive, xf, commitment, restraint, _INTENT_WEIGHTS))  # threat_peer
    world.cache["live_issues"] = (world.results.threat, live_issues(world, perceived_threat(world)))
    key = world.state.global_intensity.tobytes()
    hit = world.cache.get("global_threats")
    if hit is None or hit[0] != key:
        exposure = th_threat.global_threat_exposure(world.state.exposure, world.state.global_intensity, check=world.inputs.check)
        shared = th_threat.shared_global_threat(world.state.exposure, world.state.global_intensity, check=world.inputs.check)
        exposure.flags.writeable = shared.flags.writeable = False
        hit = world.cache["global_threats"] = (key, exposure, shared)
    world.results.global_threat, world.results.shared_global = hit[1], hit[2]


def walt_offensive(world: World) -> np.ndarray:
    """(N,): Walt's offensive power of each state for the threat (:func:`foedus.theory.threat.offensive_power` of the military
    stock and military personnel, floor ``offensive_floor``), kept for the year's capabilities."""
    key = (world.state.year, world.state.military.tobytes(), world.state.milper.tobytes())
    hit = world.cache.get("walt_offensive")
    if hit is None or hit[0] != key:
        o = th_threat.offensive_power(world.state.military, world.state.milper, world.state.power, floor=world.inputs.params.offensive_floor, check=world.inputs.check)
        o.flags.writeable = False
        hit = world.cache["walt_offensive"] = (key, o)
    return hit[1]


def main_threat_of(world: World, idx: np.ndarray | None = None) -> np.ndarray:
    """The main threat of the states ``idx`` (all by default): the index of the state that threatens each most, -1 when none is perceived
    (:func:`foedus.theory.threat.perceived_main_threat` of this year's threat as perceived, :func:`.threat_peer.perceived_threat` (a great
    power reads its peers' uncertain rivalry, Mearsheimer 2001), where :func:`live_issues` holds: a state
    names only a state of its relevant neighbourhood or with a live issue with it, never an ally in arms whose pledge stands, Lemke 2002,
    Walt 1987; threshold ``threat_perception_threshold``, ceiling ``threat_perception_ceiling``, floor ``threat_perception_floor``)."""
    hit = world.cache.get("main_threat")  # kept for this year's threats (a step that changes them in place drops it)
    if hit is None or hit[0] is not world.results.threat or hit[1] != world.state.year:
        main = _perceived_main_threat(world, perceived_threat(world), live_issues(world))
        hit = world.cache["main_threat"] = (world.results.threat, world.state.year, main)
    return hit[2] if idx is None else hit[2][np.asarray(idx, dtype=np.intp)]


def _perceived_main_threat(world: World, threat: np.ndarray, gate: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.threat.perceived_main_threat` of ``threat * gate`` with the world's threshold, ceiling and floor; in a
    run that does not check its inputs, one compiled pass that forms no product matrix (:func:`.threat_kernels._main_threat_kernel`,
    the same to the bit: ``tests/sim/steps/test_threat_rows.py``)."""
    p = world.inputs.params
    if world.inputs.check:
        return th_threat.perceived_main_threat(
            threat * gate, world.state.power, threshold=p.threat_perception_threshold, ceiling=p.threat_perception_ceiling,
            floor=p.threat_perception_floor, check=True,
        )
    out = np.empty(threat.shape[0], np.intp)
    _main_threat_kernel(
        np.ascontiguousarray(threat, dtype=float), np.ascontiguousarray(gate, dtype=float), float(p.threat_perception_threshold),
        float(p.threat_perception_ceiling), float(p.threat_perception_floor), np.ascontiguousarray(world.state.power, dtype=float), out,
    )
    return out


def main_threat_codes(world: World, idx: np.ndarray | None = None) -> list[int | None]:
    """The COW code of the main threat of the states ``idx`` (:func:`main_threat_of`), None for a state that perceives no threat."""
    m = main_threat_of(world, idx)
    return [None if k < 0 else c for k, c in zip(m.tolist(), world.inputs.ccode[np.maximum(m, 0)].tolist())]


def trade_restraint(world: World) -> np.ndarray:
    """(N, N): :func:`foedus.theory.intentions.commercial_restraint` of the pairs' trade dependence with
    weight ``trade_restraint`` (T2), kept until the dependence or the weight changes (it moves each
    year when T2 is not 0.5)."""
    key = (world.inputs.params.trade_restraint, world.state.trade_dependence.tobytes())
    hit = world.cache.get("trade_restraint")
    if hit is None or hit[0] != key:
        r = th_threat.commercial_restraint(world.state.trade_dependence, weight=world.inputs.params.trade_restraint, check=world.inputs.check)
        r.flags.writeable = False
        hit = world.cache["trade_restraint"] = (key, r)
    return hit[1]


def exposed_states(world: World) -> np.ndarray:
    """(N, N): ``e[i, k] = [k minor] P_ik (1 - D_ik) (1 - R_ik)``, how far hostility towards ``k`` reveals aggression to ``i``
    (:func:`foedus.theory.threat.revealed_hostility`): towards a minor neighbour it does, a great-power
    rivalry does not, the less so the more ``i`` opposes ``k``'s foreign policy (UN ideal points), and
    not at all when ``k`` is ``i``'s own rival (hostility towards one's rival is not aimed at oneself),
    nor when ``k`` is not politically relevant to ``i`` (``P``, :func:`foedus.theory.relevance.politically_relevant`:
    a minor ``i`` reads only what befalls its neighbours and the states it can reach, :func:`foedus.theory.projection.able_to_reach`;
    or that its allies in arms border or reach; Maoz & Russett 1993, Lemke & Reed 2001, Lemke 2002, Quackenbush 2006).
    Kept until the majors, the rivalries, the capabilities or the agreements change."""
    key = (world.state.major.tobytes(), world.state.rivalry.tobytes(), world.inputs.contiguous.tobytes(), world.state.power.tobytes(), world.state.agreements.version)
    hit = world.cache.get("exposed_states")
    if hit is None or hit[0] != key:
        e = _exposed(world, slice(None), neighbourhood(world))
        e.flags.writeable = False
        hit = world.cache["exposed_states"] = (key, e)
    return hit[1]


def _exposed(world: World, rows, relevant: np.ndarray) -> np.ndarray:
    """The rows ``rows`` (a slice or indices) of :func:`exposed_states`, given those rows of :func:`neighbourhood` (element by element, the same values)."""
    minor = 1.0 - world.state.major.astype(float)
    ideal = world.inputs.ideal_distance
    e = minor[None, :] * (1.0 - ideal[rows]) if ideal is not None else np.repeat(minor[None, :], relevant.shape[0], axis=0)
    return e * (1.0 - world.state.rivalry[rows]) * relevant


def _revealing_rows(world: World, i: np.ndarray) -> np.ndarray:
    """``_revealing_weight(world)[i]``, computed for the rows ``i`` alone (:func:`threat_terms` asks for a few rows after the
    agreements changed, when the whole matrix kept for the year's threats no longer holds): the same products of the same
    values, so the same bits; the allies in arms of the rows ``i`` alone too (:func:`_commitment_rows`; the other rows, which
    :func:`foedus.theory.relevance.politically_relevant` does not read with ``rows``, stay False)."""
    allied = np.zeros((world.n, world.n), dtype=bool)
    allied[i] = _commitment_rows(world, i) >= CALL_TO_ARMS
    relevant = th_relevance.politically_relevant(
        world.inputs.contiguous, world.state.major, able_to_reach(world), allied, rows=i, check=world.inputs.check,
    )
    return world.inputs.proximity[i] * _exposed(world, i, relevant)


def reach_fractions(world: World) -> np.ndarray:
    """(N, N): :func:`foedus.theory.projection.reach_fraction` of the year's capabilities from home (:func:`distance_exponent`), the share
    of each state's capability that arrives at each other; kept until the capabilities (or the exponents) change."""
    x = distance_exponent(world)
    key = world.state.power.tobytes()
    hit = world.cache.get("reach_fraction")
    if hit is None or hit[0] != key or hit[1] is not x:
        f = th_projection.reach_fraction(world.state.power, x, check=False)
        f.flags.writeable = False
        hit = world.cache["reach_fraction"] = (key, x, f)
    return hit[2]


def reach_columns(world: World, j: np.ndarray) -> np.ndarray:
    """``reach_fractions(world)[:, j]`` (N, len(j)) without the whole matrix: :func:`foedus.theory.projection.reach_fraction` is
    elementwise in the capability of ``j`` and the exponents to it, so its columns ``j`` are the same bits evaluated alone (issue 11:
    :func:`threat_terms` asks a few columns a few times a year, and the capabilities change every year, so the whole (N, N) matrix
    was evaluated each year for them). The kept matrix serves while it holds."""
    x = distance_exponent(world)
    hit = world.cache.get("reach_fraction")
    if hit is not None and hit[0] == world.state.power.tobytes() and hit[1] is x:
        return hit[2][:, j]
    # the theory's array form over the columns (reach_fraction(power[j], x[:, j])), compiled: its operations pair by pair (issue 16)
    j = np.asarray(j, dtype=np.int64).reshape(-1)
    out = np.empty((x.shape[0], len(j)))
    _reach_columns_kernel(np.ascontiguousarray(world.state.power, dtype=float), x, j, out)
    return out


def neighbourhood(world: World) -> np.ndarray:
    """(N, N): ``P[i, k]``, ``k`` lies in ``i``'s relevant neighbourhood (:func:`exposed_states`, :func:`live_issues`; :func:`foedus.theory.relevance.politically_relevant`:
    contiguous, ``i`` a major power, ``i`` able to reach ``k``, :func:`foedus.theory.projection.able_to_reach`, or an ally in arms of ``i`` borders
    ``k``; Maoz & Russett 1993, Lemke 2002, Quackenbush 2006). Kept until the majors, the capabilities or the agreements change."""
    key = (world.state.major.tobytes(), world.inputs.contiguous.tobytes(), world.state.power.tobytes(), world.state.agreements.version)
    if not world.inputs.check:  # with issue_neighbourhood, in one compiled pass (_neighbourhoods)
        return _kept(world, "neighbourhood", key, lambda: _neighbourhoods(world)[0])
    return _kept(world, "neighbourhood", key, lambda: th_relevance.politically_relevant(
        world.inputs.contiguous, world.state.major, able_to_reach(world), alliance_commitment(world) >= CALL_TO_ARMS, check=world.inputs.check,
    ))


def _kept(world: World, name: str, key, make):
    """``make()`` kept read-only in ``world.cache[name]`` until ``key`` changes."""
    hit = world.cache.get(name)
    if hit is None or hit[0] != key:
        v = make()
        v.flags.writeable = False
        hit = world.cache[name] = (key, v)
    return hit[1]


def issue_neighbourhood(world: World) -> np.ndarray:
    """(N, N): :func:`neighbourhood` for :func:`live_issues`, the route through an ally in arms held to an ally at war with ``k``
    (``ally_conflict`` of :func:`foedus.theory.relevance.politically_relevant`; Quackenbush 2006: the ally's border is the route of
    the ally's war, not a neighbour to fear; Poland named Iran through Turkey, world-2022 seed 2); :func:`exposed_states` keeps it.
    Kept as :func:`neighbourhood` is, and until the wars change."""
    st = world.state
    key = (st.major.tobytes(), world.inputs.contiguous.tobytes(), st.power.tobytes(), st.agreements.version, st.at_war.shape, st.at_war.tobytes())
    if not world.inputs.check:
        return _kept(world, "issue_neighbourhood", key, lambda: _neighbourhoods(world, key)[1])
    return _kept(world, "issue_neighbourhood", key, lambda: th_relevance.politically_relevant(
        world.inputs.contiguous, st.major, able_to_reach(world), alliance_commitment(world) >= CALL_TO_ARMS, ally_conflict=st.at_war, check=world.inputs.check,
    ))


def _neighbourhoods(world: World, key=None) -> tuple[np.ndarray, np.ndarray]:
    """(:func:`neighbourhood`, :func:`issue_neighbourhood`) from one compiled pass (:func:`.threat_kernels._neighbourhoods_kernel`: both
    :func:`foedus.theory.relevance.politically_relevant` calls, the same values), the pair kept under the key of the second."""
    st = world.state
    key = key or (st.major.tobytes(), world.inputs.contiguous.tobytes(), st.power.tobytes(), st.agreements.version, st.at_war.shape, st.at_war.tobytes())
    hit = world.cache.get("neighbourhoods")
    if hit is None or hit[0] != key:
        n = world.n
        near, issue = np.empty((n, n)), np.empty((n, n))
        _neighbourhoods_kernel(np.ascontiguousarray(world.inputs.contiguous, dtype=bool), np.ascontiguousarray(st.major, dtype=bool),
                               np.ascontiguousarray(able_to_reach(world), dtype=bool), np.ascontiguousarray(alliance_commitment(world) >= CALL_TO_ARMS),
                               np.ascontiguousarray(st.at_war, dtype=bool), near, issue)
        hit = world.cache["neighbourhoods"] = (key, near, issue)
    return hit[1], hit[2]


def live_issues(world: World, threat: np.ndarray | None = None) -> np.ndarray:
    """(N, N): :func:`foedus.theory.relevance.live_issue` of the world, ``G[i, j]``, ``j`` can threaten ``i`` at all: it lies in ``i``'s
    relevant neighbourhood (:func:`issue_neighbourhood`: through an ally in arms only where the ally is at war with ``j``,
    Quackenbush 2006; Lemke 2002: a minor power's is far smaller than a major's) or is ``i``'s rival or
    hostile to it at least ``ideology_read_hostility`` or in a territorial dispute with it, or it is at war with a state of ``i``'s
    neighbourhood and can reach ``i``, or it is the main threat of a great power allied in arms to ``i``
    (:func:`foedus.theory.relevance.patrons_threat` of the great powers' main threats in ``threat``, the matrix before the issue;
    Walt 1987, Vasquez 1993, Thompson 2001, Snyder 1997), or it is a great-power rival of such an ally, of ``i``'s region, that can
    reach ``i`` and whose UN votes lie farther from ``i``'s than the ally's (:func:`foedus.theory.relevance.allied_rivals`: Australia and
    China), or a minor power of ``i``'s region, hostile to it, that can reach it (:func:`foedus.theory.relevance.reached_by`, Lemke & Reed
    2001: a neighbour that outgrows ``i``'s reach stays in its neighbourhood); and never an ally in arms whose pledge no serious dispute
    belies (:func:`foedus.theory.relevance.pledge_holds`; Walt 1987, Kydd 2005). Without ``threat``: this year's, as
    :func:`perceive_threats` left it."""
    hit = world.cache.get("live_issues")
    if threat is None and hit is not None and hit[0] is world.results.threat:
        return hit[1]
    t = perceived_threat(world) if threat is None else threat
    region = _kept(world, "cow_region", world.inputs.ccode.tobytes(), lambda: cow_region(world.inputs.ccode))
    if not world.inputs.check:  # the same composition in one compiled pass (the same bits: tests/sim/steps/test_threat_year.py)
        g = live_issue_pass(world, t, alliance_commitment(world), alliance_reassurance(world), CALL_TO_ARMS, issue_neighbourhood(world), able_to_reach(world),
                            region, aggression_within(world), camp_adversaries(world))
    else:
        allied, p, able = alliance_commitment(world) >= CALL_TO_ARMS, world.inputs.params, able_to_reach(world)
        holds = th_relevance.pledge_holds(alliance_reassurance(world) >= CALL_TO_ARMS, world.state.hostility, serious=p.ideology_read_hostility, check=True)
        main = _perceived_main_threat(world, t, ~holds)  # a great power's neighbourhood is the system: its main threat as main_threat_of names it
        g = _live_issues_theory(world, allied, holds, main, able, region)
    if threat is not None:
        world.cache["live_issues"] = (None, g)  # bound to the gated matrix by perceive_threats
    return g


def _live_issues_theory(world: World, allied: np.ndarray, holds: np.ndarray, main: np.ndarray, able: np.ndarray, region: np.ndarray) -> np.ndarray:
    """:func:`live_issues` from the theory's functions (a checked run; the reference of :func:`.threat_year.live_issue_pass`)."""
    p = world.inputs.params
    patron = th_relevance.patrons_threat(allied, world.state.major, main, region, check=world.inputs.check) | camp_adversaries(world)
    if world.inputs.ideal_distance is not None:  # the route reads intentions from UN ideal points (from 1946); unknown ones admit no pair
        known = world.inputs.ideal_known if world.inputs.ideal_known is not None else np.ones(world.n, dtype=bool)
        d = np.where(known[:, None] & known[None, :], world.inputs.ideal_distance, np.nan)
        patron |= th_relevance.allied_rivals(allied, world.state.major, world.state.rivalry, able, d, region, check=world.inputs.check)
    g = th_relevance.live_issue(
        np.maximum(issue_neighbourhood(world), th_relevance.reached_by(able, world.state.major, region, world.state.hostility, check=world.inputs.check)), world.state.rivalry,
        world.state.hostility, serious=p.ideology_read_hostility, territorial=world.inputs.territorial_dispute, able=able, war=world.state.at_war,
        within=aggression_within(world), patron=patron, side=world.inputs.ideal_distance, region=region, check=world.inputs.check,
    ) * ~holds  # an ally in arms is no candidate while no serious dispute belies its pledge (Walt 1987, Kydd 2005)
    return g


def camp_adversaries(world: World) -> np.ndarray:
    """(N, N) bool: :func:`foedus.theory.camps.camp_adversaries` of :func:`ideological_excess` (Haas 2005, Owen 2010), none for a
    state whose ideal point is unknown: the great-power rival, across camps, of a great power to whose camp a state is bound by an
    alliance in arms, its own or a bloc partner's (Walt 1987; Snyder 1997), or, allied to no great power of its camp, by its COW region
    (Buzan & Wæver 2003); kept until the excess, the majors, the rivalries or the alliances in arms change."""
    e = ideological_excess(world)
    allied = alliance_commitment(world) >= CALL_TO_ARMS
    key = (e.tobytes(), world.state.major.tobytes(), world.state.rivalry.tobytes(), allied.tobytes())
    hit = world.cache.get("camp_adversaries")
    if hit is None or hit[0] != key:
        known = world.inputs.ideal_known if world.inputs.ideal_known is not None else np.ones(world.n, dtype=bool)
        if world.inputs.check:
            k = th_camps.camp_adversaries(
                e, world.state.major, world.state.rivalry, known=known, allied=allied, region=cow_region(world.inputs.ccode), check=True,
            )
        else:  # the same truth values in one compiled pass (threat_kernels._camp_kernel)
            k = np.empty((world.n, world.n), bool)
            _camp_kernel(np.ascontiguousarray(e, dtype=float), np.ascontiguousarray(world.state.major, dtype=bool), np.ascontiguousarray(world.state.rivalry, dtype=float),
                         np.ascontiguousarray(known, dtype=bool), np.ascontiguousarray(allied), True, np.ascontiguousarray(cow_region(world.inputs.ccode)), True, k)
        k.flags.writeable = False
        hit = world.cache["camp_adversaries"] = (key, k)
    return hit[1]


def able_to_reach(world: World) -> np.ndarray:
    """(N, N) bool: :func:`foedus.theory.projection.able_to_reach` of the year's capabilities (Lemke 2002), kept until they change
    (from :func:`home_reach`, the projection it compares)."""
    return _kept(world, "able_to_reach", world.state.power.tobytes(), lambda: th_projection.able_to_reach(
        world.state.power, distance_exponent(world), arrives=home_reach(world), check=world.inputs.check))


def home_reach(world: World) -> np.ndarray:
    """(N, N): :func:`foedus.theory.projection.projected_capability` of the year's capabilities from home (:func:`distance_exponent`),
    ``[k, i]`` the capability of ``i`` that arrives at ``k``; kept until the capabilities change. :func:`able_to_reach` compares it, and
    the threat's reach (:func:`threat_of`, ``home``) takes it for every pair whose exponent forward presence leaves as it is (most): the
    same numbers (``exp(x ln power)``), evaluated once a year instead of twice."""
    x = distance_exponent(world)
    key = world.state.power.tobytes()
    hit = world.cache.get("home_reach")
    if hit is None or hit[0] != key or hit[1] is not x:
        r = th_projection.projected_capability(world.state.power, x, check=world.inputs.check)
        r.flags.writeable = False
        hit = world.cache["home_reach"] = (key, x, r)
    return hit[2]


def relevant_dyads(world: World) -> np.ndarray:
    """(N, N): :func:`foedus.theory.relevance.relevant_dyads` of the world (Lemke & Reed 2001: contiguous, a major power in the pair,
    or either able to reach the other, :func:`foedus.theory.projection.able_to_reach`): the only aggressors whose acts against
    others a state reads as revealing intentions towards itself. Kept until the majors, contiguity or capabilities change."""
    key = (world.state.major.tobytes(), world.inputs.contiguous.tobytes(), world.state.power.tobytes())
    hit = world.cache.get("relevant_dyads")
    if hit is None or hit[0] != key:
        v = th_relevance.relevant_dyads(world.inputs.contiguous, world.state.major, able_to_reach(world), check=world.inputs.check)
        v.flags.writeable = False
        hit = world.cache["relevant_dyads"] = (key, v)
    return hit[1]


def ideological_excess(world: World) -> np.ndarray:
    """(N, N): :func:`foedus.theory.intentions.ideological_excess` of the UN ideal points (known ones only) beyond
    ``ideology_camp_distance``, what ideology alone makes threatening (Haas 2005); kept until the ideal points or the width change."""
    known = world.inputs.ideal_known if world.inputs.ideal_known is not None else np.ones(world.n, dtype=bool)
    key = (world.inputs.params.ideology_camp_distance, world.inputs.ideal_point.tobytes(), known.tobytes())
    hit = world.cache.get("ideological_excess")
    if hit is None or hit[0] != key:
        e = th_intentions.ideological_excess(world.inputs.ideal_point, world.inputs.params.ideology_camp_distance, known=known, check=world.inputs.check)
        e.flags.writeable = False
        hit = world.cache["ideological_excess"] = (key, e)
    return hit[1]


def _revealing_weight(world: World) -> np.ndarray:
    """``proximity * exposed_states``: the weight of hostility towards ``k`` in what ``i`` reads (kept with :func:`exposed_states`)."""
    return proximity_weight(world, exposed_states(world), "revealing_weight")


def aggression_within(world: World) -> np.ndarray:
    """(N, N): ``proximity ** aggression_reach_weight`` (:func:`foedus.theory.intentions.reach_within`), how close each state is to each
    aggressor for the reach of its acts (:func:`foedus.theory.intentions.revealed_hostility`'s ``within``); the distances are fixed, so kept per weight."""
    w = world.inputs.params.aggression_reach_weight
    hit = world.cache.get("aggression_within")
    if hit is None or hit[0] != w or hit[1].shape[0] != world.n:
        a = th_intentions.reach_within(world.inputs.proximity, w, check=world.inputs.check)
        a = a.copy() if a is world.inputs.proximity else a
        a.flags.writeable = False
        hit = world.cache["aggression_within"] = (w, a)
    return hit[1]


def alliance_commitment(world: World) -> np.ndarray:
    """(N, N): commitment of the strongest security agreement in force each pair shares (0 for none), kept until the agreements change."""
    ag = world.state.agreements
    hit = world.cache.get("alliance_commitment")
    if hit is None or hit[0] != ag.version or hit[1].shape[0] != world.n:
        out = np.zeros((world.n, world.n))
        _commitment_kernel(ag.members, ag.active, ag.domain, ag.commitment, ag.n, SECURITY, out)
        out.flags.writeable = False
        hit = world.cache["alliance_commitment"] = (ag.version, out)
    return hit[1]


def alliance_reassurance(world: World) -> np.ndarray:
    """(N, N): how far the security agreements in force each pair shares reassure it about each other's intentions
    (:func:`foedus.theory.intentions.allied_intentions`), kept until the agreements change.

    The strongest shared obligation (:func:`foedus.theory.capability.commitment_strength` with
    ``conditional=False``; 0 for none): an ATOP condition (Leeds et al. 2002: a named adversary, a
    region, an unprovoked attack) restricts when help is owed against a third party, so it weakens
    the pledge of aid (:func:`alliance_commitment`, capability aggregation, the hegemon's camp) but
    not what the members promise each other. Counting it there made the Quadruple Alliance's and the
    German Confederation's members (Austria, Prussia, Russia, Britain; conditional defence pacts)
    one another's main threats as soon as France's offensive power fell. A pact whose named adversary
    has left the system (``Agreements.target`` gone, or not a member this year) reassures no more
    (:func:`foedus.theory.intentions.pledged_reassurance`: Britain and the Soviet Union after 1945).
    """
    ag = world.state.agreements
    key, gone = _reassurance_key(world)
    hit = world.cache.get("alliance_reassurance")
    if hit is None or hit[0] != key or hit[1].shape[0] != world.n:
        out = np.zeros((world.n, world.n))
        _commitment_kernel(ag.members, ag.active, ag.domain, _reassurance_strength(world, gone), ag.n, SECURITY, out)
        out.flags.writeable = False
        hit = world.cache["alliance_reassurance"] = (key, out)
    return hit[1]


def threat_terms(world: World, i: np.ndarray, j: np.ndarray) -> list[dict | None]:
    """The terms of the threat ``j[k]`` poses to ``i[k]``, one dict per pair, for an event's explanation (F5).

    Every term of :func:`foedus.theory.threat.walt_threat`: the threat, the projected offensive
    power and the distance it crosses, the intentions and what makes them (hostility, the
    hostility revealed towards ``i``'s neighbours, ideal-point distance, rivalry), the distance-discount exponent and the
    one from ``j``'s home (lower when ``j``'s forces reach ``i`` from an ally's territory: :func:`forward_distance_exponent`) and the
    reassurance of a pact the two share (``ally_commitment``, :func:`alliance_reassurance`), which discounts them, and whether ``j``
    can threaten ``i`` at all (``live_issue``, :func:`live_issues`), and between great powers the uncertain rivalry read at its base rate
    (``peer_rivalry_prior``, ``max(0, rho - R)``: :mod:`.threat_peer`, Mearsheimer 2001) and the threat it adds (``peer_threat``; ``threat``
    is the threat as perceived, with it), both only when the prior is on.
    A pair whose ``j`` is -1 (no main threat, :func:`main_threat_of`) gets None.
    """
    i, j = np.asarray(i, dtype=np.intp), np.asarray(j, dtype=np.intp)
    if not len(i):
        return []
    if (j < 0).any():  # no main threat (:func:`main_threat_of`): no terms
        out: list[dict | None] = [None] * len(i)
        has = np.flatnonzero(j >= 0)
        for k, d in zip(has.tolist(), threat_terms(world, i[has], j[has])):
            out[k] = d
        return out
    h = world.state.hostility
    x_ij = _forward_pairs(world, i, j)  # the pairs alone (issue 16: the whole matrices were rebuilt after each founding to read a few pairs)
    reach = reach_columns(world, j)
    # the serious hostilities of each state n towards j, within the reach j has shown (revealed_hostility), weighed by what i reads
    # of n, at most, against h[i, j]: one compiled pass (threat_kernels._revealed_kernel, the numpy code's bits)
    revealed = np.empty(len(i))
    _revealed_kernel(h, i, j, np.ascontiguousarray(reach), aggression_within(world), np.ascontiguousarray(_revealing_rows(world, i), dtype=float),
                     relevant_dyads(world), float(world.inputs.params.aggression_hostility), np.ascontiguousarray(world.inputs.contiguous, dtype=np.bool_),
                     np.ascontiguousarray(world.inputs.contiguous, dtype=np.bool_), np.ascontiguousarray(_near_weight(world)[i]), revealed)
    commitment = _reassurance_pairs(world, i, j) * (1.0 - world.state.rivalry[i, j])  # a rival's pledge does not reassure (allied_intentions)
    offensive = walt_offensive(world)[j]
    projected = (world.state.power[j] * offensive) ** x_ij
    ideal = world.inputs.ideal_distance[i, j] if world.inputs.ideal_distance is not None else np.full(len(i), np.nan)
    rows = zip(
        perceived_threat(world)[i, j].tolist(), offensive.tolist(), projected.tolist(), world.inputs.distance_km[i, j].tolist(), h[i, j].tolist(), revealed.tolist(),
        ideal.tolist(), world.state.rivalry[i, j].astype(float).tolist(), commitment.tolist(), _trade_restraint_pairs(world, i, j).tolist(),
        x_ij.tolist(), distance_exponent(world)[i, j].tolist(),
    )
    keys = ("threat", "offensive_power", "projected_power", "distance_km", "hostility", "revealed_hostility", "ideal_point_distance", "rivalry", "ally_commitment", "trade_restraint",
            "distance_exponent", "home_distance_exponent")  # below home_: projected from an ally's territory (forward presence)
    known = world.inputs.ideal_distance is not None  # the ideological distance beyond one camp, read without acts (Haas 2005)
    extra = {"ideology_alone": world.inputs.params.ideology_alone if known else None, "ideological_excess": ideological_excess(world)[i, j].tolist() if known else None}
    issue = live_issues(world)[i, j].tolist()  # 1: j lies in i's relevant neighbourhood or has a live issue with it (else i cannot name it)
    peer = peer_unknown(world, i, j)  # a great power's uncertain rivalry with another, read at its base rate (threat_peer; None: off)
    return [{**{k: (None if v != v else v) for k, v in zip(keys, row)}, "ideology_alone": extra["ideology_alone"], "live_issue": issue[k],
             "ideological_excess": None if extra["ideological_excess"] is None else extra["ideological_excess"][k], **(peer[k] if peer else {})}
            for k, row in enumerate(rows)]


def threat_of(
    hostility: np.ndarray, ideal_distance: np.ndarray | None, rivalry: np.ndarray, proximity: np.ndarray, commitment: np.ndarray,
    exponent: np.ndarray, power: np.ndarray, offensive: np.ndarray, ally_discount: float, exposed: np.ndarray | None = None, aggression_floor: float = 0.0,
    *, weight: np.ndarray | None = None, restraint: np.ndarray | None = None, belied: float | None = None, serious: float | None = None,
    within: np.ndarray | None = None, alone: float = 0.0, camp: float = 0.0, excess: np.ndarray | None = None, forward: np.ndarray | None = None,
    relevant: np.ndarray | None = None, issue: np.ndarray | None = None, contiguous: np.ndarray | None = None, near_weight: np.ndarray | None = None,
    exposed_near: np.ndarray | None = None, struck: np.ndarray | None = None, home: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Walt's threat with geography and the reach of every state, in one compiled pass (brief F1, F2).

    Returns ``(threat, reach)``: :func:`foedus.theory.threat.walt_threat` of the arguments
    (weights :data:`_INTENT_WEIGHTS`; ``aggression_floor`` its ``aggression_floor``) and :func:`foedus.theory.projection.projected_capability`
    of ``power`` and ``exponent``, evaluated pair by pair in the theory's order of operations, so
    the result is the same to the bit (``tests/sim/steps/test_threat.py`` proves it on random
    inputs); the hostility revealed towards neighbours visits only the serious hostilities.
    ``weight`` is ``proximity * exposed`` when the caller keeps it (the simulator: both are fixed);
    ``restraint`` is the theory's ``restraint`` (:func:`foedus.theory.intentions.commercial_restraint`; None for none);
    ``belied`` the theory's ``belied`` (None: every ally discounted); ``serious`` the theory's ``serious`` (None: ``aggression_floor``);
    ``within`` the theory's ``reach_within(proximity, reach_weight)`` (None: ``proximity``, the rule in full);
    ``alone``, ``camp`` and ``excess`` the theory's ``ideology_alone``, ``ideology_camp`` and ``ideology_excess`` (the share of the ideological
    distance beyond one camp that threatens without acts; Haas 2005; ``excess`` None: from ``ideal_distance`` and ``camp``);
    ``forward`` the theory's ``forward`` (the exponents with forward presence for the threat and the reach; None: ``exponent``);
    ``relevant`` the theory's ``relevant`` (the politically relevant dyads whose aggressor's acts against others count; None: every pair);
    ``issue`` the theory's ``issue`` (0 or 1 per pair, :func:`foedus.theory.relevance.live_issue`; None: every pair), applied to the result;
    ``contiguous``, ``exposed_near`` and ``struck`` the theory's (the aggressor's neighbours read its attacks on its other neighbours; None: not so),
    ``near_weight`` ``proximity * exposed_near`` when the caller keeps it; ``home`` :func:`foedus.theory.projection.projected_capability` of
    ``power`` and ``exponent`` when the caller keeps it (:func:`home_reach`), the reach of every pair whose ``forward`` exponent is ``exponent``'s.
    """
    w0, w1, w2 = _INTENT_WEIGHTS
    denom = w0 + (w1 if ideal_distance is not None else 0.0) + w2
    ideal = np.zeros((0, 0)) if ideal_distance is None else np.ascontiguousarray(ideal_distance, dtype=float)
    n = hostility.shape[0]
    if weight is None:
        e = np.ones(n) if exposed is None else np.asarray(exposed, dtype=float)
        weight = proximity * (e[None, :] if e.ndim == 1 else e)
    out, reach = np.empty((n, n)), np.empty((n, n))
    if contiguous is not None and near_weight is None:
        near_weight = proximity * np.asarray(exposed_near, dtype=float)
    flank = np.zeros((0, 0), np.bool_) if contiguous is None else np.ascontiguousarray(contiguous, dtype=np.bool_)
    hit = flank if struck is None else np.ascontiguousarray(struck, dtype=np.bool_)
    near_weight = np.zeros((0, 0)) if contiguous is None else np.ascontiguousarray(near_weight, dtype=float)
    has_restraint = restraint is not None
    restraint = np.ascontiguousarray(restraint, dtype=float) if has_restraint else np.ones((1, 1))
    if ideal_distance is not None and excess is None:
        excess = np.maximum(ideal - camp, 0.0) / (1.0 - camp)
    excess = np.zeros((0, 0)) if excess is None else np.ascontiguousarray(excess, dtype=float)
    _threat_kernel(
        np.ascontiguousarray(hostility, dtype=float), ideal, np.ascontiguousarray(rivalry), np.ascontiguousarray(proximity, dtype=float),
        np.ascontiguousarray(commitment, dtype=float), np.ascontiguousarray(exponent, dtype=float), w0, w1, w2, denom, float(ally_discount),
        np.ascontiguousarray(power, dtype=float), np.ascontiguousarray(offensive, dtype=float), np.ascontiguousarray(weight, dtype=float), float(aggression_floor), restraint, has_restraint,
        np.inf if belied is None else float(belied), float(aggression_floor) if serious is None else float(serious), out, reach,
        np.ascontiguousarray(proximity if within is None else within, dtype=float), float(alone), excess,
        np.ascontiguousarray(exponent if forward is None else forward, dtype=float),
        np.zeros((0, 0)) if relevant is None else np.ascontiguousarray(relevant, dtype=float), flank, hit, near_weight,
        np.zeros((0, 0)) if home is None else np.ascontiguousarray(home, dtype=float),
    )
    if issue is not None:  # 0 or 1: exact in any order (the theory multiplies the intentions)
        out *= issue
    return out, reach
