"""Strategic rivalries begin and end (brief D1, F2): the hazards of :mod:`foedus.theory.rivalry`, each year.

Runs after :mod:`.conflict` so that this year's wars count, and after the alliance politics of
:mod:`.politics`, whose democratisation (:func:`foedus.sim.steps.politics._democratisation`, Pevehouse
2005) and the scenario's scheduled ``regime_change`` shocks (:mod:`.trends`) are the simulator's regime
changes: the termination hazard reads them as each state's regime shift against its discounted
memory (``WorldState.regime_reference``, kept here). Rivalry feeds back on the rest of the
year through perceived intentions (:mod:`.threat`: rivalry is a third of the intentions term) and
the hostility baseline (a new rivalry raises it to ``rivalry_hostility``; an ended one lowers it by
as much), and on the trend step's pairs of rivals (T1).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.data.succession import lineage
from foedus.schema import OBLIGATIONS
from foedus.sim.steps._common import COALITION, SECURITY
from foedus.sim.steps.conflict import defence_pairs, nonaggression_pairs
from foedus.sim.steps.formation import entry_years
from foedus.sim.steps.pact_pairs import security_pairs
from foedus.sim.steps.settlement import record_rivalry_end
from foedus.sim.steps import year_goods
from foedus.sim.steps.threat import distance_exponent
from foedus.sim.world import World
from foedus.theory import positional_rivalry as gp
from foedus.theory import rivalry as th
from foedus.theory import rivalry_gates as gates
from foedus.theory.reassurance import STATE_LIST_START


def _upper(world: World) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``i < j`` (kept in the world's cache)."""
    hit = world.cache.get("upper_pairs")
    if hit is None or len(hit[0]) != world.n * (world.n - 1) // 2:
        hit = world.cache["upper_pairs"] = np.triu_indices(world.n, 1)
    return hit


def _lineage(world: World) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(N,) each state's first entry (:func:`.formation.entry_years`), the entry its pairs with third states date from
    (its predecessor's if earlier: :data:`foedus.data.succession.SUCCESSIONS`), its predecessor's COW code (-1 for none) and
    its own code, for :func:`foedus.theory.rivalry.succession_pair_age` (kept in the world's cache with the codes they are of)."""
    entered = np.ascontiguousarray(entry_years(world), dtype=float)
    hit = world.cache.get("rivalry_lineage")
    if hit is None or hit[0].shape != entered.shape or not np.array_equal(hit[0], entered) or not np.array_equal(hit[3], world.inputs.ccode):
        code = np.ascontiguousarray(world.inputs.ccode, dtype=np.int64)
        pred, since, _ = (np.asarray(v) for v in lineage(code.tolist()))
        inherited = np.where(pred >= 0, since, entered).astype(float)
        hit = world.cache["rivalry_lineage"] = (entered, inherited, np.ascontiguousarray(pred, dtype=np.int64), code)
    return hit


def rivalries(world: World, rng: np.random.Generator) -> None:
    """Rivalries begin and end with their annual hazards; log ``rivalry_onset`` / ``rivalry_end`` with their factors.

    The war memory first takes this year's wars (:func:`foedus.theory.rivalry.war_history`).
    Every pair of system members draws once: a pair not in rivalry becomes one with
    :func:`~foedus.theory.rivalry.rivalry_onset_hazard` of its contiguity, major-power status
    (both, or one), log capability parity (:func:`~foedus.theory.rivalry.log_parity`: the capacity to threaten),
    how newly the two have both been in the system (:func:`~foedus.theory.rivalry.new_pair` of
    :func:`foedus.theory.rivalry.succession_pair_age` of the states' first entries, :func:`.formation.entry_years`, a successor
    state taking up its predecessor's pairs with third states, :func:`_lineage`), war memory, joint democracy, regime distance and whether two
    minor states lie beyond ``rivalry_reach_km`` (:func:`~foedus.theory.rivalry.out_of_reach`: contact), whether they share a
    defence pact (allies seldom become rivals: Bremer 1992), the relevance of the pair (the distance of two minor states without
    a border, :func:`~foedus.theory.rivalry.minor_distance`; for a great power and a minor state, the weaker's capability as it arrives
    at the stronger, :func:`~foedus.theory.rivalry.log_reach`, and almost no new-pair term, :func:`~foedus.theory.rivalry.one_major_part`:
    Thompson 2001's capacity to threaten), and 0 for
    two minor states without a border beyond ``rivalry_contact_km`` (:func:`~foedus.theory.rivalry.beyond_contact`) and for
    two democracies that share a security agreement of any obligation, an alliance or a security organisation
    (:func:`.pact_pairs.security_pairs`; :func:`~foedus.theory.rivalry.security_community`, Deutsch 1957, Adler & Barnett 1998) or
    shared one within ``rivalry_community_years`` (``WorldState.security_tie_last``, :func:`foedus.theory.rivalry_gates.community_tie`:
    the community outlives its treaty), and for two minor states without a border of two Correlates of War regions farther apart than
    ``rivalry_region_km`` (:func:`foedus.theory.rivalry_gates.cross_region_minor`: Lemke 2002, Buzan & Waever 2003); a
    rivalry ends with :func:`~foedus.theory.rivalry.rivalry_termination_hazard` of contiguity,
    major status, the power shift since it began, war memory, joint democracy, regime distance and
    the regime shift of either state (:func:`~foedus.theory.rivalry.regime_shift` against
    ``WorldState.regime_reference``, which then takes this year's regimes,
    :func:`~foedus.theory.rivalry.regime_reference`) and how recently the rivals came to share a pledge of non-aggression without
    a defence pact (:func:`~foedus.theory.rivalry.new_pledge`, :func:`_new_pledge`: the signing of a peace treaty ends rivalries,
    Lupu & Poast 2016). Coefficients: ``rivalry_onset_*`` and
    ``rivalry_end_*`` of :class:`~foedus.sim.parameters.Parameters`, estimated on the record's
    in-sample eras (1816–1914, 1946–1989; ``tools/rivalry_fit.py``). The hazards
    of all pairs are one compiled pass (:func:`_hazard_kernel`, bit for bit the theory's;
    ``tests/sim/test_rivalry_kernel.py``); the covariates are built again, by the theory's
    functions, only for the few pairs whose rivalry begins or ends (their explanations).
    """
    p = world.inputs.params
    world.state.war_history = th.war_history(world.state.war_history, world.state.at_war, memory=p.war_memory)
    if world.state.regime_reference.shape != (world.n,):
        world.state.regime_reference = np.asarray(world.state.regime, dtype=float).copy()
    change = np.abs(world.state.regime - world.state.regime_reference)  # each state's part of foedus.theory.rivalry.regime_shift
    world.state.regime_reference = th.regime_reference(world.state.regime_reference, world.state.regime, memory=p.regime_memory)
    shared = security_pairs(world)  # the security community's tie, kept after its treaty (foedus.theory.rivalry_gates.community_tie)
    if world.state.security_tie_last.shape != shared.shape:
        world.state.security_tie_last = np.full(shared.shape, np.nan)
    world.state.security_tie_last = gates.last_shared_year(world.state.security_tie_last, shared, world.state.year)
    i, j = _upper(world)
    draw = rng.random(len(i))
    dem = world.state.regime >= p.democracy_threshold
    # the pairs of system members with capability (live), their hazards and their draws in one compiled pass (_year_kernel):
    # positions in (i, j) of the rivalries that begin and end, and the hazards of the live pairs (0 elsewhere)
    h_on, h_end, begin, end = _year_draws(world, i, j, draw, dem, change)
    if len(begin) or len(end):
        _apply(world, i, j, begin, end, dem, change, h_on, h_end)
    if p.gp_rivalry_hazards:  # the last decade's capability shares, read by the great powers' positional hazards alone
        world.state.power_past = gp.past_power(world.state.power_past, world.state.power, years=int(p.gp_rivalry_change_years))


def rivalry_hazards(world: World, i: np.ndarray, j: np.ndarray, dem: np.ndarray, change: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The onset hazard of the pairs ``(i, j)`` not in rivalry and the termination hazard of the rivals (0 elsewhere), in one compiled pass.

    ``change`` is each state's ``|regime - regime_reference|`` (the regime shift of a pair is the
    larger of its two). Equal to the bit to :func:`foedus.theory.rivalry.rivalry_onset_hazard` and
    :func:`~foedus.theory.rivalry.rivalry_termination_hazard` of :func:`_covariates`.
    """
    h_on = np.zeros(len(i))
    h_end = np.zeros(len(i))
    _hazard_kernel(np.ascontiguousarray(i, dtype=np.int64), np.ascontiguousarray(j, dtype=np.int64), *_hazard_args(world, dem, change), h_on, h_end)
    empty = np.empty(0, np.int64)
    h_on, h_end, _, _ = _great_power_draws(world, i, j, np.ones(len(i)), dem, h_on, h_end, empty, empty)  # the live pairs of great powers: their hazards
    return h_on, h_end


def _hazard_args(world: World, dem: np.ndarray, change: np.ndarray) -> tuple:
    """The arguments of :func:`_hazard_kernel` after the pairs and before the outputs (the world's inputs and the coefficients)."""
    p = world.inputs.params
    return (
        world.inputs.contiguous, world.state.major, world.state.power, defence_pairs(world), _community(world),
        world.state.war_history, dem, world.state.regime, world.state.rivalry, world.state.rivalry_balance0, world.inputs.distance_km, _new_pledge(world),
        np.ascontiguousarray(change, dtype=float), float(p.rivalry_reach_km), float(p.rivalry_contact_km), _regions(world), float(p.rivalry_region_km),
        *_lineage(world), float(world.state.year), float(STATE_LIST_START), float(p.rivalry_new_pair_years), th.PARITY_FLOOR, _log_distance(world), distance_exponent(world),
        np.asarray(p.rivalry_onset_coefficients(), dtype=float), float(p.rivalry_onset_intercept),
        np.asarray(p.rivalry_end_coefficients(), dtype=float), float(p.rivalry_end_intercept),
    )


def _community(world: World) -> np.ndarray:
    """(N, N) bool: the pairs bound as a security community would be, :func:`foedus.theory.rivalry_gates.community_tie` of the security
    agreements shared now (:func:`.pact_pairs.security_pairs`) and of the last year each pair shared one (``WorldState.security_tie_last``,
    kept by :func:`rivalries`; before its first year, the agreements shared now), within ``rivalry_community_years``. A state that
    leaves the system and returns keeps its pairs' last years (the occupied democracies of 1940-45 came back to their community)."""
    shared = security_pairs(world)
    last = world.state.security_tie_last
    if last.shape != shared.shape:
        return shared
    return gates.community_tie(shared, last, world.state.year, years=world.inputs.params.rivalry_community_years)


def _regions(world: World) -> np.ndarray:
    """(N,) int64: each state's Correlates of War region (:func:`.year_goods.regions`, kept while the codes are the same)."""
    return np.ascontiguousarray(year_goods.regions(world), dtype=np.int64)


def _new_pledge(world: World) -> np.ndarray:
    """(N, N) :func:`foedus.theory.rivalry.new_pledge` of the rival pairs (0 for the others): the years since each pair of rivals
    came to share a pledge of non-aggression in force (:func:`.conflict.nonaggression_pairs`: a security agreement other than a
    coalition with the obligation; the pair's earliest joint entry, the later of the two members' entries, among them), counted
    only without a defence pact (:func:`foedus.theory.rivalry.nonaggression_only`). The clock differs from the fit's in one case:
    :func:`foedus.analysis.rivalry.rivalry_dyad_years` counts the years of the pair's unbroken run of "a pledge and no defence
    pact", so a defence pact that lapses over an old pledge starts a new run there, while here the pledge keeps its age (rivals
    that share a defence pact are rare in runs; not yet made one rule: the review of session 18)."""
    n = world.n
    out = np.zeros((n, n))
    nag = nonaggression_pairs(world)
    if not nag.any():  # no pledge of non-aggression in force: 0 for every pair
        return out
    ag = world.state.agreements
    slots = ag.in_force(domain=SECURITY, not_kind=COALITION)
    slots = np.ascontiguousarray(slots[ag.obligations[slots, OBLIGATIONS.index("nonaggression")]], dtype=np.int64)
    # the rival pairs i < j (in np.nonzero's order) that share a pledge without a defence pact, and the later of their entries into
    # each pledge they share, the earliest such (NaN propagated as numpy's maximum and min): one compiled pass (_pledge_since_kernel)
    ra, rb, since = np.empty(n * (n - 1) // 2, np.int64), np.empty(n * (n - 1) // 2, np.int64), np.empty(n * (n - 1) // 2)
    k = _pledge_since_kernel(world.state.rivalry, nag, defence_pairs(world), ag.members, ag.entry_year, slots, ra, rb, since)
    if not k:
        return out
    ra, rb, since = ra[:k], rb[:k], since[:k]
    value = th.new_pledge(float(world.state.year) - since, np.ones(len(ra), bool), years=world.inputs.params.rivalry_pledge_years)
    out[ra, rb] = out[rb, ra] = value
    return out


@njit(cache=True)
def _pledge_since_kernel(rivalry, nag, defence, members, entry, slots, ra, rb, since):  # pragma: no cover (compiled)
    """:func:`_new_pledge`'s pairs and clocks: the pairs ``i < j`` (row by row, ``np.nonzero(np.triu(rivalry, 1))``'s order) in rivalry
    that share a pledge of non-aggression and no defence pact (:func:`foedus.theory.rivalry.nonaggression_only`), written to ``ra``,
    ``rb``, with ``since`` the least over the pledges ``slots`` both belong to of the later of their two entries (NaN if any is NaN, as
    numpy's ``maximum`` and ``min``; inf if none); returns their number."""
    n = rivalry.shape[0]
    k = 0
    for a in range(n):
        for b in range(a + 1, n):
            if rivalry[a, b] == 0.0 or not nag[a, b] or defence[a, b]:
                continue
            s = np.inf
            for q in range(slots.shape[0]):
                r = slots[q]
                if members[r, a] and members[r, b]:
                    ea = float(entry[r, a])
                    eb = float(entry[r, b])
                    e = ea if (ea >= eb or ea != ea) else eb
                    if e != e:
                        s = e
                        break
                    if e < s:
                        s = e
            ra[k] = a
            rb[k] = b
            since[k] = s
            k += 1
    return k


def _log_distance(world: World) -> np.ndarray:
    """(N, N): ``log(1 + distance_km / MARITIME_KM)`` of every pair, the term of :func:`foedus.theory.rivalry.minor_distance` (the
    distances are fixed: computed once, by :func:`log_distance_kernel`, the operations the hazard kernel made pair by pair each year;
    kept while the distances' bytes are the same, so a change of ``distance_km`` in place is seen)."""
    d = world.inputs.distance_km
    key = np.ascontiguousarray(d, dtype=float).tobytes()
    hit = world.cache.get("rivalry_log_distance")
    if hit is None or hit[0] != key:
        out = np.empty(d.shape)
        log_distance_kernel(np.ascontiguousarray(d, dtype=float), float(th.MARITIME_KM), out)
        out.flags.writeable = False
        hit = world.cache["rivalry_log_distance"] = (key, out)
    return hit[1]


@njit(cache=True)
def log_distance_kernel(distance, unit, out):  # pragma: no cover (compiled)
    """``out[i, j] = log1p(distance[i, j] / unit)`` (:func:`foedus.theory.rivalry.minor_distance` before its selection of the pairs)."""
    for i in range(distance.shape[0]):
        for j in range(distance.shape[1]):
            out[i, j] = np.log1p(distance[i, j] / unit)


def _year_draws(world: World, i: np.ndarray, j: np.ndarray, draw: np.ndarray, dem: np.ndarray, change: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(h_on, h_end, begin, end)`` of the pairs ``(i, j)`` and their ``draw``: the hazards of :func:`rivalry_hazards` of the live pairs (both
    active with capability; 0 for the others), and the positions, in order, of the pairs not in rivalry whose draw falls below their onset
    hazard (``begin``) and of the rivals whose draw falls below their termination hazard (``end``). One compiled pass
    (:func:`_year_kernel`): the live pairs' selection, :func:`_hazard_kernel` of them and the draws' comparisons (issue 16: the numpy
    selections around the kernel took as long as it), the same hazards and the same pairs (``tests/sim/test_rivalry_kernel.py``)."""
    h_on = np.zeros(len(i))
    h_end = np.zeros(len(i))
    begin = np.empty(len(i), np.int64)
    end = np.empty(len(i), np.int64)
    s = world.state
    nb, ne = _year_kernel(
        np.ascontiguousarray(i, dtype=np.int64), np.ascontiguousarray(j, dtype=np.int64), np.ascontiguousarray(draw, dtype=float), s.active, s.power,
        _hazard_args(world, dem, change), h_on, h_end, begin, end,
    )
    return _great_power_draws(world, i, j, draw, dem, h_on, h_end, begin[:nb], end[:ne])


def _great_power_pairs(world: World, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Positions in ``(i, j)`` of the live pairs of two major powers (both active with capability), when ``gp_rivalry_hazards`` is on."""
    s = world.state
    if not world.inputs.params.gp_rivalry_hazards:
        return np.empty(0, np.int64)
    return np.flatnonzero(s.major[i] & s.major[j] & s.active[i] & s.active[j] & (s.power[i] > 0) & (s.power[j] > 0))


def _gp_covariates(world: World, a: np.ndarray, b: np.ndarray) -> dict[str, np.ndarray]:
    """The covariates of :mod:`foedus.theory.positional_rivalry` of the pairs of major powers ``(a, b)``: log parity, whether one is
    the leading great power (:func:`~foedus.theory.positional_rivalry.leading_power` among the active majors) and the change of parity
    since the first year of ``WorldState.power_past`` (0 before the step's first year)."""
    s = world.state
    past = s.power_past[0] if s.power_past.shape == (int(world.inputs.params.gp_rivalry_change_years), world.n) else s.power
    lead = gp.leading_power(s.power, s.major & s.active)
    return {
        "log_parity": th.log_parity(s.power[a], s.power[b]),
        "leader_pair": gp.leader_pair(a, b, lead),
        "parity_change": gp.parity_change(s.power[a], s.power[b], past[a], past[b]),
    }


def _great_power_draws(world: World, i, j, draw, dem, h_on, h_end, begin, end) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The hazards and draws of :func:`_year_draws` with the live pairs of two major powers (:func:`_great_power_pairs`) read by the great
    powers' positional hazards (:func:`foedus.theory.positional_rivalry.positional_onset_hazard` and
    :func:`~foedus.theory.positional_rivalry.positional_termination_hazard`, coefficients ``gp_rivalry_*``; issue 17) in place of the
    general ones; two democracies sharing a security agreement, or having shared one within ``rivalry_community_years``, stay out of
    onset (:func:`foedus.theory.rivalry.security_community` of :func:`_community`).
    The other pairs keep the compiled pass's hazards and draws; ``begin`` and ``end`` stay in the order of the positions."""
    q = _great_power_pairs(world, i, j)
    if not len(q):
        return h_on, h_end, begin, end
    p = world.inputs.params
    a, b = i[q], j[q]
    x = _gp_covariates(world, a, b)
    rival = world.state.rivalry[a, b].astype(bool)
    gate = th.security_community(dem[a] & dem[b], _community(world)[a, b])  # the community outlives its treaty (rival22)
    on = np.where(rival | gate, 0.0, gp.positional_onset_hazard(x["log_parity"], x["leader_pair"], intercept=p.gp_rivalry_onset_intercept, coefficients=p.gp_rivalry_onset_coefficients()))
    off = np.where(rival, gp.positional_termination_hazard(x["parity_change"], intercept=p.gp_rivalry_end_intercept, coefficients=p.gp_rivalry_end_coefficients()), 0.0)
    h_on[q], h_end[q] = on, off
    d = draw[q]
    begin = np.sort(np.concatenate([begin[~np.isin(begin, q)], q[~rival & (d < on)]])).astype(np.int64)
    end = np.sort(np.concatenate([end[~np.isin(end, q)], q[rival & (d < off)]])).astype(np.int64)
    return h_on, h_end, begin, end


@njit(cache=True)
def _year_kernel(ii, jj, draw, active, power, args, h_on, h_end, begin, end):  # pragma: no cover (compiled)
    """:func:`_year_draws`: the live pairs (``active`` with ``power > 0``, both), :func:`_hazard_kernel` of them (``args``: its arguments
    after the pairs), their hazards written back at their positions, and the positions of the onsets and terminations drawn."""
    m = ii.shape[0]
    pos = np.empty(m, np.int64)
    k = 0
    for q in range(m):
        a = ii[q]
        b = jj[q]
        if active[a] and active[b] and power[a] > 0 and power[b] > 0:
            pos[k] = q
            k += 1
    li = np.empty(k, np.int64)
    lj = np.empty(k, np.int64)
    for r in range(k):
        li[r] = ii[pos[r]]
        lj[r] = jj[pos[r]]
    on = np.zeros(k)
    off = np.zeros(k)
    _hazard_kernel(li, lj, *args, on, off)
    rivalry = args[8]
    nb = 0
    ne = 0
    for r in range(k):
        q = pos[r]
        h_on[q] = on[r]
        h_end[q] = off[r]
        if rivalry[li[r], lj[r]]:
            if draw[q] < off[r]:
                end[ne] = q
                ne += 1
        elif draw[q] < on[r]:
            begin[nb] = q
            nb += 1
    return nb, ne


def _covariates(world: World, a: np.ndarray, b: np.ndarray, dem: np.ndarray, change: np.ndarray, rivals: bool) -> dict[str, np.ndarray]:
    """The covariates of the pairs ``(a, b)`` by the theory's functions (:data:`~foedus.theory.rivalry.ONSET_TERMS`, or :data:`~foedus.theory.rivalry.TERMINATION_TERMS` for ``rivals``)."""
    x = {
        "contiguous": world.inputs.contiguous[a, b],
        "major_pair": world.state.major[a] & world.state.major[b],
        "war_history": th.war_term(world.state.war_history[a, b]),
        "joint_democracy": dem[a] & dem[b],
        "regime_distance": np.abs(world.state.regime[a] - world.state.regime[b]),
    }
    if rivals:
        x["power_shift"] = th.power_shift(world.state.power[a], world.state.power[b], world.state.rivalry_balance0[a, b])
        x["regime_shift"] = np.maximum(change[a], change[b])  # th.regime_shift of the regimes and their references
        x["new_nonaggression_pact"] = _new_pledge(world)[a, b]
    else:
        x["log_parity"] = th.log_parity(world.state.power[a], world.state.power[b])
        entered, inherited, pred, code = _lineage(world)
        age = th.succession_pair_age(world.state.year, entered[a], entered[b], inherited[a], inherited[b], th.related_pairs(code[a], code[b], pred[a], pred[b]))
        x["new_pair"] = th.new_pair(age, years=world.inputs.params.rivalry_new_pair_years)
        x["one_major"] = world.state.major[a] ^ world.state.major[b]
        x["out_of_reach"] = th.out_of_reach(world.inputs.distance_km[a, b], world.state.major[a], world.state.major[b], reach_km=world.inputs.params.rivalry_reach_km)
        x["defence_pact"] = defence_pairs(world)[a, b]
        x["minor_distance"] = th.minor_distance(world.inputs.distance_km[a, b], x["contiguous"], world.state.major[a], world.state.major[b])
        x["one_major_reach"] = th.one_major_part(th.log_reach(world.state.power[a], world.state.power[b], distance_exponent(world)[a, b]), world.state.major[a], world.state.major[b])
        x["one_major_new_pair"] = th.one_major_part(x["new_pair"], world.state.major[a], world.state.major[b])
    return x


@njit(cache=True)
def _hazard_kernel(ii, jj, contiguous, major, power, defence, community, war_history, dem, regime, rivalry, balance0, distance, pledge, change, reach, contact, region, region_km, entered, inherited, pred, code, year, list_start, new_years, floor, log_distance, expo, on_b, on_c, end_b, end_c, h_on, h_end):  # pragma: no cover (compiled)
    # the theory's logit_hazard term by term, in its order: intercept, then + b_k * x_k, then 1 / (1 + exp(-eta))
    for q in range(ii.shape[0]):
        i = ii[q]
        j = jj[q]
        c = 1.0 if contiguous[i, j] else 0.0  # contiguity is a bool matrix
        mp = 1.0 if (major[i] and major[j]) else 0.0
        w = war_history[i, j]
        if w != 0.0:  # log1p(0) is 0 (of either sign): the call only where there is a memory
            w = np.log1p(w)
        jd = 1.0 if (dem[i] and dem[j]) else 0.0
        rd = abs(regime[i] - regime[j])
        if rivalry[i, j]:
            s = abs(np.log(power[i] / power[j]) - balance0[i, j])
            eta = end_c
            eta = eta + end_b[0] * c
            eta = eta + end_b[1] * mp
            eta = eta + end_b[2] * s
            eta = eta + end_b[3] * w
            eta = eta + end_b[4] * jd
            eta = eta + end_b[5] * rd
            eta = eta + end_b[6] * max(change[i], change[j])
            eta = eta + end_b[7] * pledge[i, j]  # foedus.theory.rivalry.new_pledge (rivalry18)
            h_end[q] = 1.0 / (1.0 + np.exp(-eta))
        elif not major[i] and not major[j] and not contiguous[i, j] and distance[i, j] > contact:
            h_on[q] = 0.0  # beyond contact (foedus.theory.rivalry.beyond_contact)
        elif not major[i] and not major[j] and not contiguous[i, j] and distance[i, j] > region_km and region[i] != region[j]:
            h_on[q] = 0.0  # minor states of two regions (foedus.theory.rivalry_gates.cross_region_minor)
        elif dem[i] and dem[j] and community[i, j]:
            h_on[q] = 0.0  # a security community: two democracies sharing a security agreement, or within rivalry_community_years of one (foedus.theory.rivalry.security_community, rivalry_gates.community_tie)
        else:
            hi = max(power[i], power[j])
            lo = min(power[i], power[j])
            par = lo / hi if hi > 0 else 0.0
            lp = np.log(max(par, floor))  # foedus.theory.rivalry.log_parity
            rel = (pred[i] >= 0 and (pred[i] == pred[j] or pred[i] == code[j])) or (pred[j] >= 0 and pred[j] == code[i])  # foedus.theory.rivalry.related_pairs
            ei = entered[i] if rel else min(entered[i], inherited[i])  # foedus.theory.rivalry.succession_pair_age
            ej = entered[j] if rel else min(entered[j], inherited[j])
            ai = np.inf if ei <= list_start else year - ei
            aj = np.inf if ej <= list_start else year - ej
            age = max(min(ai, aj), 0.0)
            eta = on_c
            eta = eta + on_b[0] * c
            eta = eta + on_b[1] * mp
            eta = eta + on_b[2] * lp
            eta = eta + on_b[3] * w
            eta = eta + on_b[4] * jd
            eta = eta + on_b[5] * rd
            eta = eta + on_b[6] * (1.0 if major[i] != major[j] else 0.0)
            far = 1.0 if (not major[i] and not major[j] and distance[i, j] > reach) else 0.0
            eta = eta + on_b[7] * far
            eta = eta + on_b[8] * (1.0 if defence[i, j] else 0.0)
            # foedus.theory.rivalry.new_pair; exp(-inf) is 0: no call for the pairs of two old members (most)
            fresh = 0.0 if (age == np.inf and new_years > 0.0) else np.exp(-age / new_years)
            eta = eta + on_b[9] * fresh
            md = log_distance[i, j] if (not major[i] and not major[j] and not contiguous[i, j]) else 0.0  # foedus.theory.rivalry.minor_distance (log_distance_kernel)
            eta = eta + on_b[10] * md
            one = major[i] != major[j]  # foedus.theory.rivalry.one_major_part
            lr = 0.0
            if one:  # foedus.theory.rivalry.log_reach of the pair, for a great power and a minor state
                tiny = floor * floor
                lr = min(expo[i, j] * np.log(max(lo, tiny)) - np.log(max(hi, tiny)), 0.0)
                lr = max(lr, np.log(floor))
            eta = eta + on_b[11] * lr
            eta = eta + on_b[12] * (fresh if one else 0.0)
            h_on[q] = 1.0 / (1.0 + np.exp(-eta))


def _apply(world: World, i: np.ndarray, j: np.ndarray, begin: np.ndarray, end: np.ndarray, dem: np.ndarray, change: np.ndarray, h_on: np.ndarray, h_end: np.ndarray) -> None:
    """Start the rivalries ``begin`` and end the rivalries ``end`` (positions in ``i``, ``j``), and log them."""
    p = world.inputs.params
    y = world.state.year
    for k, kind, h, terms in ((begin, "rivalry_onset", h_on, th.ONSET_TERMS), (end, "rivalry_end", h_end, th.TERMINATION_TERMS)):
        if not len(k):
            continue
        a, b = i[k], j[k]
        starting = kind == "rivalry_onset"
        details = None
        if world.inputs.explain:  # the covariates before this change (power_shift reads the balance the rivalry began with)
            x = _covariates(world, a, b, dem, change, rivals=not starting)
            cols = {t: x[t].tolist() for t in terms}
            hz = h[k].tolist()
            details = [{"cause": "hazard", "factors": {"hazard": hz[m], **{t: cols[t][m] for t in terms}}} for m in range(len(k))]
            positional = np.isin(k, _great_power_pairs(world, i, j))  # the great powers' hazards (foedus.theory.positional_rivalry)
            if positional.any():
                g = {t: v.tolist() for t, v in _gp_covariates(world, a, b).items()}
                for m in np.flatnonzero(positional).tolist():
                    details[m]["factors"] = {"hazard": hz[m], "positional": True, **{t: g[t][m] for t in (gp.ONSET_TERMS if starting else gp.TERMINATION_TERMS)}}
        world.state.rivalry[a, b] = world.state.rivalry[b, a] = starting
        base = world.state.hostility_base[a, b]
        new = np.maximum(base, p.rivalry_hostility) if starting else np.maximum(base - p.rivalry_hostility, 0.0)
        world.state.hostility_base[a, b] = world.state.hostility_base[b, a] = new
        if starting:
            ratio = th.log_ratio(world.state.power[a], world.state.power[b])
            world.state.rivalry_balance0[a, b], world.state.rivalry_balance0[b, a] = ratio, -ratio
        if not starting:
            record_rivalry_end(world, a, b)  # the settlement value of the pair's ended rivalry (settlement.settlement)
        world.log.events(y, kind, -1, world.inputs.ccode[a], world.inputs.ccode[b], details)
    world.cache.pop("rival_pairs", None)  # the trend step's pairs of rivals and majors (T1)
