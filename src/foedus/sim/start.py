"""The starting world of a scenario: its arrays, its agreements in force, the derived state of year one.

:func:`build_world` turns a validated :class:`~foedus.sim.scenario.Scenario` into the
:class:`~foedus.sim.world.World` a run starts from, without randomness: per-state arrays
(:func:`_state_arrays`), per-pair arrays (:func:`_pair_arrays`), the agreements in force
(:func:`_add_starting_agreements`) and the calibrated cyber intrusion scale (:func:`_cyber_scale`),
every field set when the world is constructed; then :func:`foedus.sim.steps.initialise`
derives what year one starts from. The last few scenarios' worlds are kept and copied, so an
ensemble builds its scenario once.
"""

from __future__ import annotations

import collections
import copy
import itertools
import operator

import numpy as np

from foedus.data.geography import great_circle_km
from foedus.schema import OBLIGATIONS, POWER_TIERS, power_tier
from foedus.sim import steps as st
from foedus.sim.scenario import GLOBAL_THREATS, Scenario
from foedus.sim.scenario_spells import spell_rows
from foedus.sim.steps.system import NO_RECORD, OPEN, crisis_kinds, make_dormant, membership_in
from foedus.sim.agreements import AGREEMENT_KINDS, DOMAINS, FIRST_SCENARIO_ID, TARGET_GONE, Agreements
from foedus.sim.world import Crises, World, WorldInputs, WorldState, YearResults, capability_arrays
from foedus.theory import persistence as th_persistence
from foedus.theory.capability import asymmetric_capabilities, offensive_capability
from foedus.theory.war import condition_bits
from foedus.theory.cyber import attribution_probability, defensive_posture, intrusion_propensity
from foedus.theory.threat import proximity_matrix

DEFAULT_EXPOSURE = {0: 0.9, 1: 0.7, 2: 0.4, 3: 0.2}
"""Exposure to global threats by power tier when a scenario gives none: states with wider
interests are hit by more of them (brief D4: threats hit states with different intensity)."""

_WORLDS: "collections.OrderedDict[int, tuple]" = collections.OrderedDict()
"""The starting worlds of the last few scenarios built (see :func:`build_world`)."""


def _identity(sc: Scenario) -> tuple:
    """What :func:`build_world` reads of a scenario, by identity (elements, parameters and trends are frozen models) or value."""
    return (
        tuple(tuple(map(id, lst)) for lst in (sc.actors, sc.relations, sc.agreements, sc.nonstate_actors, sc.shocks)),
        id(sc.parameters),
        id(sc.trends),
        sc.start_year,
        tuple(sorted(sc.global_threats.items())),
        sc.cyber_incidents_per_year,
        tuple(sc.crisis_threats),
        tuple(sorted(sc.crisis_threats_from.items())),
    )


def build_world(scenario: Scenario) -> World:
    """The starting :class:`~foedus.sim.world.World` of a scenario (no randomness), a fresh copy each call.

    An ensemble builds the same scenario's world for every run; the world is a function of the
    scenario alone, so the last 8 scenarios' worlds are kept and copied (:func:`_fresh`, a
    structured deep copy). A kept world is reused only for the same
    :class:`~foedus.sim.scenario.Scenario` object with the same elements (actors, relations,
    agreements, non-state actors, shocks: frozen models), parameters and trends (frozen too)
    and the same start year, global threats, cyber rate and crisis kinds; anything else builds
    anew (:func:`_build_world`).
    """
    key = _identity(scenario)
    hit = _WORLDS.get(id(scenario))
    if hit is None or hit[0] is not scenario or hit[1] != key:
        hit = (scenario, key, _build_world(scenario))
        _WORLDS[id(scenario)] = hit
        while len(_WORLDS) > 8:
            _WORLDS.popitem(last=False)
    template = hit[2]
    world = copy.copy(template)
    # the frozen scenario parts (parameters, trends, shocks) are shared, the rest copied
    world.__dict__.update({k: _fresh(v) for k, v in template.__dict__.items() if k not in _SHARED})
    return world


_SHARED = frozenset({"params", "trends", "shocks", "log"})
"""The fields of a kept world (or of its inputs) that its copies share: the scenario's frozen parts, and no event log."""


def _fresh(v):
    """An independent copy of a value of a kept world: arrays copied, containers and the world's parts rebuilt.

    What :func:`copy.deepcopy` gives for a world's values (a world holds its :class:`WorldInputs`,
    whose frozen scenario parts the copies share, and :class:`WorldState`: arrays, lists, tuples
    and dicts of them, scalars, strings, its :class:`Agreements`, :class:`Crises`; and its
    :class:`YearResults`), built directly: a deep copy walks every value through its generic
    machinery and took a twentieth of a short run. Anything else falls back to :func:`copy.deepcopy`.
    """
    if isinstance(v, np.ndarray):
        return v.copy(order="K")
    if v is None or isinstance(v, (int, float, str, bytes, bool, np.generic)):
        return v
    if isinstance(v, list):
        return [_fresh(x) for x in v] if v and not isinstance(v[0], (int, float, str, type(None))) else list(v)
    if isinstance(v, tuple):
        return tuple(_fresh(x) for x in v)
    if isinstance(v, dict):
        return {k: _fresh(x) for k, x in v.items()}
    if isinstance(v, (Agreements, Crises, YearResults, WorldState)):
        out = copy.copy(v)
        out.__dict__.update({k: _fresh(x) for k, x in v.__dict__.items()})
        return out
    if isinstance(v, WorldInputs):
        out = copy.copy(v)
        out.__dict__.update({k: _fresh(x) for k, x in v.__dict__.items() if k not in _SHARED})
        return out
    return copy.deepcopy(v)


def _build_world(scenario: Scenario) -> World:
    """The starting :class:`~foedus.sim.world.World` of a scenario (no randomness), built from it.

    The states' arrays come from :func:`_state_arrays`, the pairs' from :func:`_pair_arrays`,
    the agreements in force from :func:`_add_starting_agreements`; every field is set when the
    world is constructed, and :func:`foedus.sim.steps.initialise` then derives what year one
    starts from (threats, cohesion, and the grievance term that makes the starting military
    spending a fixed point of :func:`foedus.sim.steps.capabilities.capabilities`).
    """
    sc = scenario
    prm = sc.parameters
    s = _state_arrays(sc)
    n = len(s["ccode"])
    pos = {int(c): i for i, c in enumerate(s["ccode"])}
    pairs = _pair_arrays(sc, pos, s["regime"], s["ideal_point"])
    military = s["milex"] / prm.military_depreciation
    power, cinc = capability_arrays(s["economy"], military, s["economy"], military, s["cinc0"])
    ns = sc.nonstate_actors
    ag = Agreements(n, len(ns), capacity=max(16, 2 * len(sc.agreements)))
    _add_starting_agreements(ag, power, _agreement_columns(sc, pos))
    _capability_at_signature(ag, sc, pos, power, s["cinc0"])
    _named_targets(ag, sc, pos)
    _stated_terms(ag, sc)
    intensity = np.array([sc.global_threats.get(t, 0.0) for t in GLOBAL_THREATS], dtype=float)
    shocks: dict[int, list] = {}
    for shock in sc.shocks:
        shocks.setdefault(shock.year, []).append(shock)
    nonstate_home = np.array([a.home or 0 for a in ns], dtype=np.int64)
    world = World.build(
        year=sc.start_year,
        **s,
        military=military,
        economy0=s["economy"].copy(),
        military0=s["milex"] / prm.military_depreciation,
        base_spending=np.zeros(n),
        **pairs,
        agreements=ag,
        nonstate_ids=[a.id for a in ns],
        nonstate_names=[a.name for a in ns],
        nonstate_kind=[a.kind for a in ns],
        nonstate_home=nonstate_home,
        nonstate_capacity=np.array([a.cyber_capacity for a in ns], dtype=float),
        nonstate_vulnerability=np.array([a.cyber_vulnerability for a in ns], dtype=float),
        nonstate_home_index=np.array([pos.get(int(h), -1) for h in nonstate_home], dtype=np.int64),
        nonstate_values=np.array([np.nan if a.values is None else a.values for a in ns], dtype=float),
        global_intensity=intensity.copy(),
        base_global=intensity.copy(),
        power=power,
        cinc=cinc,
        results=YearResults.empty(n, offensive=offensive_capability(military, power, floor=prm.offensive_floor, check=False)),
        at_war=np.zeros((n, n), bool),
        cyber_scale=_cyber_scale(s["cyber_capacity"], s["cyber_vulnerability"], s["regime"], sc),
        crisis_threat_from=_crisis_threat_from(sc),
        params=prm,
        trends=sc.trends,
        shocks=shocks,
        active=np.ones(n, bool),
        spells=_spells(sc),
        entered=_entered(sc),
        regime_changed=np.array([np.nan if a.regime_changed is None else float(a.regime_changed) for a in sc.actors], dtype=float),
        first_year=int(sc.start_year),
        war_history=np.zeros((n, n)),
        rivalry_balance0=_balance(power),
        treaty_terms=np.asarray(sc.treaty_terms, dtype=float),
        treaty_automatic=_treaty_automatic(sc),
        neutral_spells=np.array(spell_rows([a.neutral for a in sc.actors]), dtype=np.int64).reshape(-1, 3),
        major_spells=np.array(spell_rows([a.major_spells for a in sc.actors]), dtype=np.int64).reshape(-1, 3),
        out_since=np.array([NO_RECORD if a.nonaligned_since is None else min(a.nonaligned_since, sc.start_year) for a in sc.actors], dtype=np.int64),
        successions=np.array([(ag.agreement_id[k], pos[p_], pos[s_]) for k, a in enumerate(sc.agreements) for s_, p_ in a.successions.items()], dtype=np.int64).reshape(-1, 3),
    )
    world.state.crisis_threats = crisis_kinds(world.inputs.crisis_threat_from, sc.start_year)
    world.inputs.ideal_known = np.array([a.ideal_point is not None for a in sc.actors], dtype=bool)
    _schedule_system(world, sc.start_year)
    st.initialise(world)
    return world


def _balance(power: np.ndarray) -> np.ndarray:
    """(N, N) ``log(power_i / power_j)`` (:func:`foedus.theory.rivalry.log_ratio`; 0 where either has none): the starting rivalries' balance."""
    ok = power > 0
    lp = np.log(np.where(ok, power, 1.0))
    return np.where(ok[:, None] & ok[None, :], lp[:, None] - lp[None, :], 0.0)


def _entered(sc: Scenario) -> np.ndarray:
    """Each actor's first entry into the state system (:attr:`~foedus.sim.world.WorldInputs.entered`)."""
    from foedus.theory.reassurance import STATE_LIST_START

    def first(a) -> int:
        if a.since is not None:
            return int(a.since)
        if a.in_system and int(a.in_system[0][0]) > sc.start_year:
            return int(a.in_system[0][0])
        return STATE_LIST_START

    return np.array([first(a) for a in sc.actors], dtype=np.int64)


def _spells(sc: Scenario) -> np.ndarray:
    """The actors' scheduled spells in the system as (S, 3) rows: state index, first, last year (:data:`~foedus.sim.steps.system.OPEN`);
    none when no actor has any, the whole run for an actor without."""
    if all(a.in_system is None for a in sc.actors):
        return np.zeros((0, 3), np.int64)
    spells = [a.in_system if a.in_system is not None else [(sc.start_year, None)] for a in sc.actors]
    rows = [(i, f, OPEN if l is None else l) for i, sp in enumerate(spells) for f, l in sp]
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


def _schedule_system(world: World, year: int) -> None:
    """Keep the scenario's figures of states scheduled to enter or leave, and make those outside the system in ``year`` dormant."""
    if not len(world.inputs.spells):
        return
    world.inputs.dormant = {
        "economy": world.state.economy.copy(), "milex": world.state.milex.copy(), "milper": world.state.milper.copy(), "cinc": world.state.cinc0.copy(),
        "major": world.state.major.copy(), "cyber_capacity": world.state.cyber_capacity.copy(), "cyber_vulnerability": world.state.cyber_vulnerability.copy(),
        "exposure": world.state.exposure.copy(), "hostility": world.state.hostility.copy(),
        "hostility_base": world.state.hostility_base.copy(), "rivalry": world.state.rivalry.copy(),
    }
    now = membership_in(world.inputs.spells, world.n, year)
    if now.all():
        return
    make_dormant(world, np.flatnonzero(~now))
    world.update_power()
    world.results.offensive = offensive_capability(world.state.military, world.state.power, floor=world.inputs.params.offensive_floor, check=False)


def _state_arrays(sc: Scenario) -> dict[str, np.ndarray | list]:
    """The per-state fields of the starting :class:`~foedus.sim.world.World`, from the scenario's actors.

    Military spending is floored at ``start_milex_gdp_floor`` of GDP (a state with none still has
    a force to grow), the starting CINC shares at ``start_cinc_floor`` (GDP shares when the
    scenario gives no CINC at all; both :class:`~foedus.sim.parameters.Parameters`); growth and
    regime take :class:`~foedus.sim.scenario.Actor`'s defaults (2 % a year, 0.5) when not given.
    Exposure to global threats defaults by power tier (:data:`DEFAULT_EXPOSURE`).
    """
    acts = sc.actors
    prm = sc.parameters

    def col(name: str, default: float = 0.0) -> np.ndarray:
        return np.array([getattr(a, name) if getattr(a, name) is not None else default for a in acts], dtype=float)

    gdp = col("gdp")
    milex = np.maximum(col("milex"), prm.start_milex_gdp_floor * gdp)
    cinc0 = col("cinc")
    if cinc0.sum() <= 0:
        cinc0 = gdp / gdp.sum()
    cinc0 = np.maximum(cinc0, prm.start_cinc_floor)
    ip = np.array([np.nan if a.ideal_point is None else a.ideal_point for a in acts])
    if np.isfinite(ip).sum() >= 2:
        ip = np.where(np.isfinite(ip), ip, np.nanmean(ip))  # a missing ideal point counts as the mean of the others
    major = np.array([a.major for a in acts], dtype=bool)
    pin = np.array([-1 if a.tier is None else POWER_TIERS.index(a.tier) for a in acts], dtype=np.int8)
    return {
        "ccode": np.array([a.ccode for a in acts], dtype=np.int64),
        "abb": [a.abb for a in acts],
        "names": [a.name for a in acts],
        "since": np.array([a.since if a.since is not None else sc.start_year for a in acts], dtype=np.int64),
        "economy": gdp.copy(),
        "growth": col("growth"),
        "milex": milex.copy(),
        "milper": col("milper"),
        "population": col("population"),
        "regime": col("regime"),
        "ideal_point": ip,
        "major": major,
        "cinc0": cinc0,
        "cyber_capacity": col("cyber_capacity"),
        "cyber_vulnerability": col("cyber_vulnerability"),
        "exposure": _exposure(acts, cinc0, major, pin),
        "milex0": milex.copy(),
        "milper0": col("milper"),
        "milex_floor": milex.copy(),
        "tier_pin": pin,
        "milex_prewar": col("milex_prewar", np.nan),
        # each state's memory of its regime (the record's years before the start; omitted: its regime now): a recent transition
        "regime_reference": np.array([a.regime if a.regime_memory is None else a.regime_memory for a in acts], dtype=float),
    }


def _exposure(acts: list, cinc0: np.ndarray, major: np.ndarray, pin: np.ndarray) -> np.ndarray:
    """Each state's exposure (N, K) to the global threats: the scenario's, or :data:`DEFAULT_EXPOSURE` by starting tier."""
    tier0 = power_tier(cinc0, major)
    code = np.array([POWER_TIERS.index(t) for t in tier0])
    code = np.where((pin >= 0) & major, np.minimum(code, pin), code)
    exposure = np.zeros((len(acts), len(GLOBAL_THREATS)))
    for i, a in enumerate(acts):
        for k, t in enumerate(GLOBAL_THREATS):
            exposure[i, k] = a.exposure.get(t, DEFAULT_EXPOSURE[int(code[i])]) if a.exposure else DEFAULT_EXPOSURE[int(code[i])]
    return exposure


def _pair_arrays(sc: Scenario, pos: dict[int, int], regime: np.ndarray, ideal_point: np.ndarray) -> dict[str, np.ndarray | None]:
    """The per-pair fields of the starting :class:`~foedus.sim.world.World`: geography, relations, trust.

    Distances are great-circle distances between capitals unless a relation gives the minimum
    distance (``capital_km`` keeps the capitals' distance for every pair: the war-onset model's covariate); proximity is :func:`foedus.theory.threat.proximity_matrix` with the scenario's
    ``decay_km``. Cyber trust defaults to ``trust_floor + trust_range * (1 - |regime_i - regime_j|) * (1 - d_ij)``
    with ``d`` the normalised distance of UN ideal points (0 when the scenario has fewer than
    two; ``ideal_point`` has the mean of the others for a missing one, :func:`_state_arrays`).
    """
    prm = sc.parameters
    acts = sc.actors
    n = len(acts)
    lat = np.array([a.lat if a.lat is not None else 0.0 for a in acts], dtype=float)
    lon = np.array([a.lon if a.lon is not None else 0.0 for a in acts], dtype=float)
    distance = great_circle_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    capital_km = distance.copy()
    np.fill_diagonal(capital_km, 0.0)
    contiguous = np.zeros((n, n), bool)
    hostility = np.zeros((n, n))
    hostility_base = np.zeros((n, n))
    rivalry = np.zeros((n, n), bool)
    ended = None
    trade = np.zeros((n, n))
    disputes = np.zeros((n, n), bool)
    spatial = np.zeros((n, n), bool)
    rel = _relation_columns(sc, pos)
    if rel is not None:
        i, j = rel["i"], rel["j"]
        for arr, key in ((hostility, "hostility"), (rivalry, "rivalry"), (contiguous, "contiguous"), (disputes, "territorial_dispute"), (spatial, "rivalry_spatial")):
            arr[i, j] = arr[j, i] = rel[key]
        base = np.where(np.isnan(rel["hostility_base"]), rel["hostility"], rel["hostility_base"])  # the baseline: the hostility when not given
        hostility_base[i, j] = hostility_base[j, i] = base
        has = ~np.isnan(rel["distance_km"])
        distance[i[has], j[has]] = distance[j[has], i[has]] = rel["distance_km"][has]
        has = ~np.isnan(rel["trade_ij"])
        trade[i[has], j[has]] = rel["trade_ij"][has]
        trade[j[has], i[has]] = rel["trade_ji"][has]
        if not np.isnan(rel["rivalry_ended"]).all():  # the rivalries ended before the start (settle20); none: the state's empty matrix, as before
            ended = np.full((n, n), np.nan)
            ended[i, j] = ended[j, i] = rel["rivalry_ended"]
    np.fill_diagonal(distance, 0.0)
    ideal_distance = None
    if np.isfinite(ideal_point).sum() >= 2:
        d = np.abs(ideal_point[:, None] - ideal_point[None, :])
        ideal_distance = d / d.max() if d.max() > 0 else d
    trust = prm.trust_floor + prm.trust_range * (1.0 - np.abs(regime[:, None] - regime[None, :])) * (1.0 - (ideal_distance if ideal_distance is not None else 0.0))
    if rel is not None:
        has = ~np.isnan(rel["trust"])
        i, j = rel["i"][has], rel["j"][has]
        trust[i, j] = trust[j, i] = rel["trust"][has]
    np.fill_diagonal(trust, 1.0)
    return {
        "distance_km": distance,
        "capital_km": capital_km,
        "contiguous": contiguous,
        "proximity": proximity_matrix(distance, contiguous, decay_km=prm.decay_km),
        "hostility": hostility,
        "hostility_base": hostility_base,
        "rivalry": rivalry,
        "trade_dependence": trade,
        "territorial_dispute": disputes,
        "rivalry_spatial": spatial,
        "trust": np.clip(trust, 0.0, 1.0),
        "ideal_distance": ideal_distance,
        **({"rivalry_ended": ended} if ended is not None else {}),
    }


def _relation_columns(sc: Scenario, pos: dict[int, int]) -> dict[str, np.ndarray] | None:
    """The scenario's relations as columns (state indices ``i``, ``j``; NaN where a value is not given)."""
    if not sc.relations:
        return None
    rel = sc.relations
    get = operator.attrgetter("pair", "hostility", "rivalry", "contiguous", "territorial_dispute", "distance_km", "trust", "trade_dependence", "rivalry_spatial", "hostility_base",
                              "rivalry_ended")
    pair, host, riv, cont, disp, dist, trust, trade, spatial, base, ended = zip(*map(get, rel))
    codes = np.array(pair, dtype=np.int64)
    known = np.fromiter(pos.keys(), np.int64, len(pos))
    lookup = np.full(int(max(codes.max(), known.max())) + 1, -1, np.intp)  # COW code -> state index
    lookup[known] = np.fromiter(pos.values(), np.intp, len(pos))
    nan2 = (float("nan"), float("nan"))
    td = np.array([nan2 if t is None else t for t in trade], dtype=float)
    return {
        "i": lookup[codes[:, 0]],
        "j": lookup[codes[:, 1]],
        "hostility": np.array(host, dtype=float),
        "hostility_base": np.array(base, dtype=float),  # None (not given) becomes NaN
        "rivalry": np.array(riv, dtype=bool),
        "contiguous": np.array(cont, dtype=bool),
        "territorial_dispute": np.array(disp, dtype=bool),
        "rivalry_spatial": np.array(spatial, dtype=bool),
        "distance_km": np.array(dist, dtype=float),  # None (not given) becomes NaN
        "trade_ij": td[:, 0],
        "trade_ji": td[:, 1],
        "trust": np.array(trust, dtype=float),
        "rivalry_ended": np.array([np.nan if e is None else e for e in ended], dtype=float),
    }


def _agreement_columns(sc: Scenario, pos: dict[int, int]) -> dict | None:
    """The scenario's starting agreements as the arrays :meth:`Agreements.add_many` takes (what does not depend on the world)."""
    specs = sc.agreements
    if not specs:
        return None
    nsidx = {a.id: k for k, a in enumerate(sc.nonstate_actors)}
    get = operator.attrgetter(
        "members", "entry_years", "start_year", "asymmetric", "id", "nonstate_members", "kind", "domain",
        "obligations", "conditional", "institutionalised", "integration", "name", "admits_members",
    )
    members, entry_years, start, asym_given, given_id, ns_members, kinds, domains, obligations, conditional, inst, integ, names, admits = zip(*map(get, specs))
    sizes = np.fromiter(map(len, members), np.intp, len(specs))
    owner = np.repeat(np.arange(len(specs)), sizes)
    codes = np.fromiter(itertools.chain.from_iterable(members), np.int64, int(sizes.sum()))
    known = np.fromiter(pos.keys(), np.int64, len(pos))
    lookup = np.full(int(max(codes.max(), known.max())) + 1, -1, np.intp)  # COW code -> state index
    lookup[known] = np.fromiter(pos.values(), np.intp, len(pos))
    start_year = np.array(start, dtype=np.int32)
    entry = start_year[owner]
    for k in np.flatnonzero([bool(e) for e in entry_years]):  # the few agreements that list later entries
        lo = int(sizes[:k].sum())
        entry[lo : lo + sizes[k]] = [entry_years[k].get(c, start[k]) for c in members[k]]
    ids = np.empty(len(specs), np.int64)
    next_id = FIRST_SCENARIO_ID
    for k, g in enumerate(given_id):
        if g is None:
            ids[k], next_id = next_id, next_id + 1
        else:
            ids[k] = g
    ns = np.array([(k, nsidx[s_]) for k, m in enumerate(ns_members) for s_ in m], dtype=np.intp).reshape(-1, 2)
    kind_code = {k: i for i, k in enumerate(AGREEMENT_KINDS)}
    domain_code = {d: i for i, d in enumerate(DOMAINS)}
    inst_a = np.array(inst, dtype=np.int8)
    return {
        "sizes": sizes,
        "owner": owner,
        "member": lookup[codes],
        "start_year": start_year,
        "entry_year": entry,
        "asymmetric_given": np.array([-1 if g is None else int(g) for g in asym_given]),
        "kind": np.array([kind_code[k] for k in kinds], dtype=np.int8),
        "domain": np.array([domain_code[d] for d in domains], dtype=np.int8),
        "obligations": np.array([[o in ob for o in OBLIGATIONS] for ob in obligations], dtype=bool),
        "conditional": np.array(conditional, dtype=bool),
        "institutionalised": inst_a,
        "integration": np.where(np.equal(integ, None), inst_a / 2.0, np.array(integ, dtype=object)).astype(float),
        "agreement_id": ids,
        # the treaty's terms, or by its format: a bilateral treaty is closed (foedus.theory.obligations.admits_members)
        "admits": np.array([len(m) > 2 if a is None else bool(a) for m, a in zip(members, admits)], dtype=bool),
        "names": list(names),
        "nonstate": ns,
    }


def _add_starting_agreements(ag: Agreements, power: np.ndarray, cols: dict | None) -> None:
    """The scenario's agreements in force at the start (``cols`` from :func:`_agreement_columns`), added at once.

    Each agreement's leader is its strongest member (the first listed among equals); it is
    asymmetric (brief A3), unless the scenario says, when the leader has at least three times
    the capability of every other member (:func:`foedus.theory.capability.asymmetric_capabilities`).
    """
    if cols is None:
        return
    sizes, owner, member = cols["sizes"], cols["owner"], cols["member"]
    power = power[member]
    # leader and runner-up of each agreement: sort memberships by agreement, then power (descending), then listing order
    order = np.lexsort((np.arange(len(member)), -power, owner))
    first = np.cumsum(sizes) - sizes
    leader = member[order[first]]
    top = power[order[first]]
    second = np.where(sizes >= 2, power[order[np.minimum(first + 1, len(member) - 1)]], np.inf)
    derived = (sizes >= 2) & asymmetric_capabilities(top, second)
    given = cols["asymmetric_given"]
    ag.add_many(
        owner,
        member,
        cols["start_year"],
        entry_year=cols["entry_year"],
        power=power,
        kind=cols["kind"],
        domain=cols["domain"],
        obligations=cols["obligations"],
        conditional=cols["conditional"],
        asymmetric=np.where(given >= 0, given == 1, derived),
        institutionalised=cols["institutionalised"],
        integration=cols["integration"],
        leader=leader,
        agreement_id=cols["agreement_id"],
        names=list(cols["names"]),
        nonstate_owner=cols["nonstate"][:, 0],
        nonstate_member=cols["nonstate"][:, 1],
        admits=cols["admits"],
    )


def _capability_at_signature(ag: Agreements, sc: Scenario, pos: dict[int, int], power: np.ndarray, cinc: np.ndarray) -> None:
    """Each starting agreement's members' capability when they entered (``AgreementSpec.capability_at_entry``): the power
    they joined with (``Agreements.power_start``) is their power now scaled by the record's change of their CINC share
    since, so that the capability change among the members (:func:`foedus.sim.membership.security_profile`) counts from
    the treaty's signature, as it does for a treaty the run forms (Leeds & Savun 2007; Morrow 1991). Members not listed,
    or without a CINC share now, count from the start."""
    for k, spec in enumerate(sc.agreements):  # the few starting agreements, once
        for c, v in spec.capability_at_entry.items():
            i = pos.get(int(c))
            if i is not None and ag.members[k, i] and cinc[i] > 0:
                ag.power_start[k, i] = power[i] * float(v) / float(cinc[i])


def _named_targets(ag: Agreements, sc: Scenario, pos: dict[int, int]) -> None:
    """The adversary each starting agreement names (``AgreementSpec.targets``): the first that is a state of the
    world, else ``TARGET_GONE`` (its threat measured from year one: :func:`foedus.sim.steps.politics.founding_threat_lapse`); the
    states it names as its adversaries (``adversary``, ``adversary_second``), and the written conditions of its war obligations (``AgreementSpec.war_conditions``)."""
    for k, spec in enumerate(sc.agreements):  # the few starting agreements, once
        if spec.targets:
            ag.target[k] = next((pos[c] for c in spec.targets if c in pos), TARGET_GONE)
            named = [pos[c] for c in spec.targets if c in pos]
            ag.adversary[k], ag.adversary_second[k] = (named + [-1, -1])[:2]
        if spec.war_conditions:  # the written conditions of its war obligations (ATOP defcoadv, defconpr, offcoadv)
            ag.war_conditions[k] = condition_bits(spec.war_conditions)


def _treaty_automatic(sc: Scenario) -> np.ndarray:
    """Whether each term of ``sc.treaty_terms`` renews automatically (``Scenario.treaty_terms_automatic``; False where not given)."""
    auto = np.zeros(len(sc.treaty_terms), dtype=bool)
    given = np.asarray(sc.treaty_terms_automatic[: len(auto)], dtype=bool)
    auto[: len(given)] = given
    return auto


def _stated_terms(ag: Agreements, sc: Scenario) -> None:
    """The stated term of each starting agreement (``AgreementSpec.term_years``, ``renewal_years``; ATOP ``length``,
    ``renewlgt``): :func:`foedus.theory.persistence.term_end_after` the start year; inf without a stated term; -inf for a
    treaty made for a war (``AgreementSpec.wartime``), which comes up for renewal once no member is at war."""
    k = len(sc.agreements)
    if not k:
        return
    term = np.array([a.term_years or 0.0 for a in sc.agreements])
    renewal = np.array([a.renewal_years or a.term_years or 0.0 for a in sc.agreements])
    ag.term_end[:k] = th_persistence.term_end_after([a.start_year for a in sc.agreements], term, renewal, sc.start_year)
    ag.renewal_years[:k] = np.where(renewal > 0, renewal, np.nan)
    # a treaty made for a war (ATOP wartime) comes up for renewal when no member is at war any more (-inf, as a pact
    # formed in war in the run: foedus.sim.steps.dissolution.expire_terms; Leeds & Savun 2007)
    war = np.array([a.wartime for a in sc.agreements], dtype=bool)
    ag.wartime[:k] |= war
    # a wartime treaty whose text states a term beyond the war (ATOP speclgth 1/3: the Anglo-Soviet treaty of 1942, 20
    # years) keeps that term; only one made until the war's end (no stated term) comes up for renewal with it
    ag.term_end[:k] = np.where(war & ~(term > 0), -np.inf, ag.term_end[:k])
    ag.automatic_renewal[:k] = np.array([a.automatic_renewal for a in sc.agreements], dtype=bool) & (term > 0)


def _cyber_scale(cap: np.ndarray, vulnerability: np.ndarray, regime: np.ndarray, sc: Scenario) -> float:
    """Scale of the intrusion probability.

    When the scenario gives the observed yearly count of state-on-state incidents (DCID 2.0
    counts incidents that became known, i.e. attributed ones), the scale makes the expected
    number of *attributed* intrusions in the first year equal to it at T3 = 0.5.
    """
    if not (cap > 0).any():
        return 0.0
    if sc.cyber_incidents_per_year is None:
        return sc.parameters.intrusion_rate
    prop = intrusion_propensity(cap, vulnerability, defensive_posture(regime))
    prop = prop * attribution_probability(cap[:, None], cap[None, :])
    np.fill_diagonal(prop, 0.0)
    total = float(prop.sum())
    return min(sc.cyber_incidents_per_year / total, 1.0 / max(float(prop.max()), 1e-12)) if total > 0 else 0.0


def _crisis_threat_from(sc: Scenario) -> np.ndarray:
    """(K,) int64: the first year in which each kind of :data:`~foedus.sim.scenario.GLOBAL_THREATS` may arise as a crisis
    (the scenario's ``crisis_threats_from``; any year when not named; never when ``crisis_threats`` leaves it out)."""
    never, always = np.iinfo(np.int64).max, np.iinfo(np.int64).min
    return np.array([sc.crisis_threats_from.get(t, always) if t in sc.crisis_threats else never for t in GLOBAL_THREATS], dtype=np.int64)
