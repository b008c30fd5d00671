"""The steps of a simulated year, each a thin function ``step(world, rng) -> None``.

A simulated year runs these in order (:data:`DEFAULT_STEPS`; replace any of them from Python
through :attr:`foedus.sim.engine.Simulation.steps`):

1. :func:`trends_and_shocks`: the scenario's trend drivers T1–T5 and its scheduled shocks;
2. :func:`capabilities`: economic growth, arming under the security dilemma (D1; Richardson 1960,
   Jervis 1978) net of allies' protection, so that small allies free-ride (P4);
3. :func:`threat_perception`: Walt's threat matrix (F2) and global threats no state embodies;
4. :func:`alignment`: forming, joining and leaving alliances by balancing, bandwagoning and
   tethering (F1–F5), with partners' consent, accession rules and the autonomy–security
   exchange (P1); a state may belong to several agreements at once;
5. :func:`alliance_politics`: cohesion against a fading threat, economic competition and
   diverging regimes; entrapment and abandonment; integration against autonomy (P2, P3, P5,
   T2, T4, T5); dissolution;
6. :func:`crises_and_coalitions`: crises arise; coalitions of the willing assemble from exposure,
   capability and interoperability, act, and dissolve when the crisis ends (D4);
7. :func:`cyber`: intrusions, uncertain attribution, escalation, espionage among allies, and
   trust-based cyber alignments with firms and NGOs (T3);
8. :func:`conflict_and_commitments`: disputes and wars, and whether allies honour their
   commitments (T2, P5);
9. :func:`record`: the year's state arrays into the recorder (events are logged by the steps
   that cause them, each with its explanation).

The steps call :mod:`foedus.theory` for every mechanism; what is here is bookkeeping: which
arrays go in, what the results change, and which events are logged. No Python loop runs over
states or dyads: the passes over memberships and pairs are compiled (numba, here and in
:mod:`foedus.sim.world`), and Python loops run only over the (few) events of a year, the open
crises and the coalitions.

Speed. A year is mostly many small array operations, so the steps avoid work that cannot change
anything: they skip Morrow's exchange when ``autonomy_weight`` is 0, draw no disputes when
``dispute_rate`` is 0, keep what changes rarely (reach floors, global threats, tiers) until it
changes, and build no explanations when the run's events are only counted
(``Simulation(explain=False)``). None of this changes what a run does (a zero dispute rate
only saves the random draws that could never start a dispute).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from numba import njit

from foedus.schema import OBLIGATIONS
from foedus.sim.scenario import GLOBAL_THREATS, Shock
from foedus.sim.world import World, alliance_ties, leaders, member_counts, member_values, pair_max, security_profile
from foedus.theory import alignment as th_align
from foedus.theory import arms as th_arms
from foedus.theory import choice as th_choice
from foedus.theory import cohesion as th_cohesion
from foedus.theory import consent as th_consent
from foedus.theory import cyber as th_cyber
from foedus.theory import entrapment as th_entrapment
from foedus.theory import exchange as th_exchange
from foedus.theory import integration as th_integration
from foedus.theory import threat as th_threat

Step = Callable[[World, np.random.Generator], None]

MOTIVES = th_align.MOTIVES
SECURITY, CYBER_DOMAIN = 0, 1
ALLIANCE, COALITION, ORGANISATION = 0, 1, 2
_DEFENCE = OBLIGATIONS.index("defense")


def _sym_clip(a: np.ndarray) -> np.ndarray:
    """``a`` clipped to [0, 1] with a zero diagonal, in place."""
    np.minimum(a, 1.0, out=a)
    np.maximum(a, 0.0, out=a)
    if a.flags.c_contiguous:
        a.ravel()[:: a.shape[0] + 1] = 0.0  # the diagonal of the flat view (no copy)
    else:
        np.fill_diagonal(a, 0.0)
    return a


# ================================================================== 1. trends and shocks
def trends_and_shocks(world: World, rng: np.random.Generator) -> None:
    """Apply the trend drivers T1–T5 for one year, then this year's scheduled shocks.

    - T1 (great-power competition): the baseline hostility among major powers and strategic
      rivals drifts by ``0.04 * (T1 - 0.5)`` a year (up above 0.5, down below);
    - T2 (economic interdependence): trade dependence grows by ``8 % * (T2 - 0.5)`` a year;
    - T3 (cyber): cyber capacity of states that have some grows by ``2 % * T3`` of the gap to 1,
      and vulnerability by ``1 % * T3`` (digitisation widens the attack surface);
    - T4, T5 act inside :func:`alliance_politics` (integration target; weight of values).
    """
    tr = world.trends
    if tr.great_power_competition != 0.5:
        key = world.major.tobytes()  # pairs of major powers and rivals (the rivalries are fixed)
        hit = world.cache.get("rival_pairs")
        if hit is None or hit[0] != key:
            gp = world.major[:, None] & world.major[None, :]
            hit = world.cache["rival_pairs"] = (key, (gp | world.rivalry) & ~np.eye(world.n, dtype=bool))
        np.add(world.hostility_base, 0.04 * (tr.great_power_competition - 0.5), out=world.hostility_base, where=hit[1])
        _sym_clip(world.hostility_base)
    if tr.economic_interdependence != 0.5:
        world.trade_dependence *= 1.0 + 0.08 * (tr.economic_interdependence - 0.5)
        _sym_clip(world.trade_dependence)
    has = world.cyber_capacity > 0
    if tr.cyber > 0 and has.any():
        world.cyber_capacity[has] += 0.02 * tr.cyber * (1.0 - world.cyber_capacity[has])
        world.cyber_vulnerability[has] += 0.01 * tr.cyber * (1.0 - world.cyber_vulnerability[has])
    for shock in world.shocks.get(world.year, ()):
        apply_shock(world, shock, rng)


def _slot_by_name(world: World, name: str) -> int:
    ag = world.agreements
    for a in range(ag.n - 1, -1, -1):
        if ag.names[a] == name and ag.active[a]:
            return a
    return -1


def apply_shock(world: World, s: Shock, rng: np.random.Generator) -> None:
    """Apply one scheduled shock (see :class:`foedus.sim.scenario.Shock`) and log it."""
    ag = world.agreements
    log = world.log
    y = world.year
    detail = {"shock": s.kind, "description": s.description}
    actor = world.index_of(s.actor) if s.actor is not None else -1
    target = world.index_of(s.target) if s.target is not None else -1
    log.events(y, "shock", -1, s.actor if s.actor is not None else -1, s.target if s.target is not None else -1, detail)
    if s.kind == "invasion":
        world.hostility[actor, target] = world.hostility[target, actor] = 1.0
        world.hostility_base[actor, target] = world.hostility_base[target, actor] = max(world.hostility_base[actor, target], 0.8)
        world.at_war[actor, target] = world.at_war[target, actor] = True
        log.events(y, "war", -1, s.actor, s.target, {"cause": "scheduled invasion", "description": s.description})
        _call_allies(world, rng, np.array([actor]), np.array([target]))
        exposure = world.proximity[target].copy()
        exposure[target] = 1.0
        exposure[actor] = 0.0
        world.crises.add("aggression", y, np.clip(exposure, 0, 1), float(world.power[actor] * s.intensity), s.duration, actor, target)
    elif s.kind == "leave":
        a = _slot_by_name(world, s.agreement)
        if a >= 0 and ag.members[a, actor]:
            ag.leave(a, np.array([actor]), y)
            world.agreements.last_exit[a, actor] = y
            log.events(y, "exit", ag.agreement_id[a], s.actor, -1, {"cause": "scheduled shock", "description": s.description})
            _dissolve_if_empty(world, a, "too few members after a scheduled exit")
    elif s.kind == "join":
        a = _slot_by_name(world, s.agreement)
        if a >= 0:
            idx = np.array([world.index_of(c) for c in s.actors])
            idx = idx[~ag.members[a, idx]]
            ag.join(a, idx, y, world.power)
            log.events(y, "accession", ag.agreement_id[a], world.ccode[idx], -1, {"cause": "scheduled shock", "description": s.description})
    elif s.kind == "pact":
        idx = np.array([world.index_of(c) for c in s.actors])
        ob = np.array([o in s.obligations for o in OBLIGATIONS])
        kind = ("alliance", "coalition", "organisation").index(s.agreement_kind)
        a = ag.add(idx, y, kind=kind, obligations=ob, name=s.agreement, asymmetric=_asymmetric(world, idx), leader=int(idx[np.argmax(world.power[idx])]), power=world.power[idx])
        log.events(y, "formation", ag.agreement_id[a], world.ccode[idx], -1, {"cause": "scheduled shock", "description": s.description})
    elif s.kind == "dissolve":
        a = _slot_by_name(world, s.agreement)
        if a >= 0:
            ag.dissolve(a, y)
            log.events(y, "dissolution", ag.agreement_id[a], -1, -1, {"cause": "scheduled shock", "description": s.description})
    elif s.kind == "global_threat":
        k = GLOBAL_THREATS.index(s.threat)
        exposure = world.exposure[:, k]
        world.crises.add(s.threat, y, exposure, s.intensity * 0.05, s.duration)
        world.global_intensity[k] += s.intensity * 0.05
    elif s.kind == "growth":
        world.growth[actor] = s.value
    elif s.kind == "regime_change":
        world.regime[actor] = s.value
    elif s.kind == "hostility":
        world.hostility[actor, target] = world.hostility[target, actor] = s.value
        world.hostility_base[actor, target] = world.hostility_base[target, actor] = s.value


def _asymmetric(world: World, idx: np.ndarray) -> bool:
    """Brief A3: one great power with secondary allies (leader ≥ 3 × every other member's capability)."""
    p = np.sort(world.power[idx])[::-1]
    return bool(len(p) >= 2 and p[0] >= 3.0 * p[1])


def _dissolve_if_empty(world: World, slots: int | np.ndarray, cause: str) -> None:
    """Dissolve the security agreements among ``slots`` (in order) left with fewer than two members."""
    ag = world.agreements
    slots = np.atleast_1d(np.asarray(slots, dtype=np.intp))
    gone = slots[ag.active[slots] & (member_counts(ag.members, slots)[1] < 2) & (ag.domain[slots] == SECURITY)]
    if len(gone) and not world.explain:
        ag.dissolve_many(gone, world.year)
        world.log.events(world.year, "dissolution", ag.agreement_id[gone], -1, -1)
    elif len(gone):
        left = ag.members[gone]  # the member left behind, if any (at most one each)
        has = left.any(axis=1)
        who = world.ccode[left.argmax(axis=1)].tolist()
        last = [[c] if h else [] for c, h in zip(who, has.tolist())]
        ag.dissolve_many(gone, world.year)
        world.log.events(
            world.year,
            "dissolution",
            ag.agreement_id[gone],
            -1,
            -1,
            [{"cause": cause, "factors": {"members_left": m, "years_in_force": yrs}} for m, yrs in zip(last, (world.year - ag.start_year[gone]).tolist())],
        )


# ================================================================== 2. capabilities
def capabilities(world: World, rng: np.random.Generator) -> None:
    """Growth, and arming under the security dilemma net of allies' protection (D1, P4).

    Economy: ``GDP *= 1 + g_i + e_i`` with ``e_i ~ N(0, growth_noise)``.

    Arming: one Euler step of Richardson's (1960) equations
    (:func:`foedus.theory.arms.richardson_step`), ``x_i' = x_i + sum_j K_ij x_j - a x_i + g_i``.
    The pairwise reaction ``K_ij = kappa_ij * w_ij`` combines

    - Jervis's (1978) security dilemma (:func:`foedus.theory.arms.security_dilemma_reactivity`):
      ``kappa_ij`` grows with i's uncertainty about j's intentions (``1 - trust_ij``) and with
      j's offensive capability (offence dominance), with ``kappa = reactivity`` at 0.5 and 0.5;
    - the threat weight ``w_ij = (T_ij / p_j) * E_i / (E_i + E_j)``: the share of j's spending
      that threatens i (Walt's proximity, offence and intentions) scaled by i's relative
      economic size, so a small state answers a large neighbour's arming in proportion to what
      it can afford.

    Allies' spending is a substitute (Olson & Zeckhauser 1966, P4). The share of i's threat
    that its allies cover is ``A_i / (A_i + X_i)``, with ``A_i = sum_j c_ij x_j`` the allies'
    credible spending (``c_ij``: commitment × cohesion of their strongest shared agreement) and
    ``X_i = sum_j (T_ij / p_j) x_j`` the threatening spending; the relief
    ``ally_weight * (sum_j K_ij x_j) * A_i / (A_i + X_i)`` is taken off the grievance term.
    Small allies of a large power are almost fully covered and free-ride; a large power's small
    allies cover little of its threat, so it carries its own burden; losing a great-power ally
    raises one's arming. The grievance ``g_i`` (domestic momentum: industry, bureaucracy;
    "armament sustains itself", D1) is set at the start so that the starting spending is a
    fixed point, and grows with the economy. Spending is capped at ``max_milex_share`` of GDP
    and floored at 1 % of its starting level; the military stock accumulates spending with
    depreciation; personnel scale with spending.
    """
    p = world.params
    n = world.n
    shock = rng.normal(0.0, p.growth_noise, n) if p.growth_noise > 0 else 0.0
    world.economy *= np.maximum(1.0 + world.growth + shock, 0.5)
    weights, relief = arming_pressure(world)
    grievance = world.base_spending * (world.economy / world.economy0) - relief
    new = th_arms.richardson_step(world.milex, 1.0, p.fatigue, grievance, weights, check=world.check)
    cap = p.max_milex_share * world.economy
    world.milex = np.clip(new, 0.01 * world.milex_floor, cap)
    world.military = (1.0 - p.military_depreciation) * world.military + world.milex
    world.milper = world.milper0 * world.milex / world.milex0
    world.update_power()
    world.offensive = _offensive(world)


def arming_pressure(world: World) -> tuple[np.ndarray, np.ndarray]:
    """Reaction weights ``K`` (N, N) and allies' relief (N,) of the Richardson step (see :func:`capabilities`).

    Jervis's reactivity ``kappa`` comes from :func:`foedus.theory.arms.security_dilemma_reactivity`;
    the threat weights ``w_ij = min(T_ij / p_j, 1) * E_i / (E_i + E_j)``, ``K = kappa * w`` and
    the sums over j that the relief needs are formed in one compiled pass (:func:`_arming_kernel`).
    """
    e = world.economy
    x = world.milex
    n = world.n
    kappa = th_arms.security_dilemma_reactivity(
        1.0 - world.trust, np.broadcast_to(world.offensive[None, :], (n, n)), base_reactivity=2.0 * world.params.reactivity, check=world.check
    )
    k = np.empty((n, n))
    kx = np.zeros(n)  # sum_j K_ij x_j
    threatening = np.zeros(n)  # sum_j (T_ij / p_j) x_j
    _arming_kernel(world.threat, world.power, e, kappa, x, k, kx, threatening)
    allied = world.ally_credibility @ x
    cover = np.divide(allied, allied + threatening, out=np.zeros_like(allied), where=(allied + threatening) > 0)
    relief = world.params.ally_weight * kx * cover
    return k, relief


@njit(cache=True)
def _arming_kernel(threat, power, economy, kappa, x, k, kx, threatening):  # pragma: no cover (compiled)
    """Threat shares (clipped to [0, 1], 0 on the diagonal), K = kappa * share * size, and K @ x, share @ x."""
    n = threat.shape[0]
    for i in range(n):
        acc_k = 0.0
        acc_t = 0.0
        for j in range(n):
            if i == j or power[j] <= 0.0:
                k[i, j] = 0.0
                continue
            share = min(max(threat[i, j] / power[j], 0.0), 1.0)
            v = kappa[i, j] * share * (economy[i] / (economy[i] + economy[j]))
            k[i, j] = v
            acc_k += v * x[j]
            acc_t += share * x[j]
        kx[i] = acc_k
        threatening[i] = acc_t


def _offensive(world: World) -> np.ndarray:
    """Offensive capability (Walt's third source, 0-1): military stock share over capability share.

    A state whose share of the system's military stock is at least twice its share of overall
    capability has a force posture built to project power (1); one that keeps no forces has 0.
    """
    mil_share = world.military / world.military.sum()
    pw = world.power
    r = np.divide(0.5 * mil_share, pw, out=np.zeros_like(pw), where=pw > 0)
    return np.minimum(np.maximum(r, 0.05), 1.0)


# ================================================================== 3. threat perception
def threat_perception(world: World, rng: np.random.Generator) -> None:
    """Walt's threat matrix and global threats (brief F2; Walt 1987).

    ``T[i, j] = power_j * proximity_ij * offensive_j * intentions_ij``
    (:func:`foedus.theory.threat.threat_matrix`) with perceived intentions from hostility, UN
    ideal-point distance and strategic rivalry (:func:`~foedus.theory.threat.perceived_intentions`).
    Proximity is floored by the threatening state's reach (brief A1): a superpower shapes the
    whole system (``superpower_reach``), a great power has limited global reach
    (``great_power_reach``). Global threats (terrorism, proliferation, organised crime) enter
    as each state's exposure weighted by their intensity
    (:func:`~foedus.theory.threat.global_threat_exposure`) and as the shared exposure of pairs
    (:func:`~foedus.theory.threat.shared_global_threat`).
    """
    p = world.params
    intent = th_threat.perceived_intentions(world.hostility, world.ideal_distance, world.rivalry, check=world.check)
    tier = world.tier_code()
    # what changes rarely is recomputed only when it changes: reach with the tiers, global
    # threats with their intensities (the exposures and distances are fixed)
    key = tier.tobytes()
    hit = world.cache.get("reach_proximity")
    if hit is None or hit[0] != key:
        reach = np.where(tier == 0, p.superpower_reach, np.where(tier == 1, p.great_power_reach, 0.0))
        prox = np.maximum(world.proximity, reach[None, :])
        prox.ravel()[:: world.n + 1] = 0.0  # the diagonal
        prox.flags.writeable = False
        hit = world.cache["reach_proximity"] = (key, prox)
    world.threat = th_threat.threat_matrix(world.power, hit[1], world.offensive, intent, check=world.check)
    key = world.global_intensity.tobytes()
    hit = world.cache.get("global_threats")
    if hit is None or hit[0] != key:
        exposure = th_threat.global_threat_exposure(world.exposure, world.global_intensity, check=world.check)
        shared = th_threat.shared_global_threat(world.exposure, world.global_intensity, check=world.check)
        exposure.flags.writeable = shared.flags.writeable = False
        hit = world.cache["global_threats"] = (key, exposure, shared)
    world.global_threat, world.shared_global = hit[1], hit[2]


# ================================================================== 4. alignment
def alignment(world: World, rng: np.random.Generator) -> None:
    """Forming, joining and leaving alliances (brief F1–F5, P1, P2).

    Utilities ``U[m, i, j]`` of allying with each state by motive come from
    :func:`foedus.theory.alignment.alignment_utilities` (F1 balancing power, F2 balancing
    threat incl. shared global threats, F3 bandwagoning of weak states, F4 tethering); joining
    an existing alliance aggregates them over its members
    (:func:`~foedus.theory.choice.alignment_options`). The cost of an option is
    ``alliance_cost - autonomy_weight * autonomy change`` from Morrow's (1991) exchange
    (:func:`foedus.theory.exchange.morrow_exchange`, P1): the weak side of an asymmetric pair
    pays in autonomy, the strong side gains some.

    Each year a random share ``consider_rate`` of states reconsider. A state picks its best
    option (:func:`~foedus.theory.choice.best_options`, i.e. ``choose_option``): a new pair
    needs the partner's consent (:func:`~foedus.theory.consent.consenting_pairs`, i.e.
    ``mutual_consent``); an accession needs a share
    ``accession_share`` of the members to gain from it and the candidate to have no open
    territorial dispute with them (:func:`~foedus.theory.entrapment.accession_allowed`, P2).

    Members reassess too: a member for which the alliance's value
    (``sum_j U[i, j]`` over fellow members) falls below its cost leaves with probability
    ``exit_rate``. Every formation, accession and exit is logged with its motive
    decomposition and factors (F5).
    """
    p = world.params
    ag = world.agreements
    n = world.n
    y = world.year
    u = th_align.alignment_utilities(
        world.power,
        world.threat,
        world.hostility,
        weakness_threshold=p.weakness_threshold,
        balance_power_weight=p.balance_power_weight,
        balance_threat_weight=p.balance_threat_weight,
        bandwagon_weight=p.bandwagon_weight,
        tether_weight=p.tether_weight,
        shared_global=world.shared_global,
        check=world.check,
    )
    world.utilities = u
    total = u.sum(axis=0)
    alliances = ag.in_force(kind=ALLIANCE, domain=SECURITY)
    mem = ag.members[alliances]
    # ------------------------------------------------------------ exits (P5)
    capacity = _commitment_capacity(world)
    count, size = member_counts(ag.members, alliances)  # each state's alliances, each alliance's members
    portfolio = count / capacity
    autonomy = p.autonomy_weight != 0  # leaders matter only for the autonomy term (Morrow's exchange)
    top = None
    if len(alliances):
        top = leaders(ag.members, alliances, world.power) if autonomy else None
        # members (by state, then alliance) that joined before this year, and the value of their fellow members
        i_idx, a_idx, stay_m = member_values(ag.members, alliances, ag.entry_year, y, total)
        cost_m = p.exit_threshold * p.alliance_cost * (1.0 + portfolio[i_idx]) ** p.commitment_exponent
        cost_m = cost_m * (1.0 + world.entrapment[i_idx]) * _stay_autonomy_factor(world, top, i_idx, a_idx)
        # institutionalised alliances are harder to leave, as to end (see alliance_politics)
        exit_p = p.exit_rate * (1.0 - p.institution_protection * ag.institutionalised[alliances[a_idx]] / 2.0)
        go = (stay_m < cost_m) & (rng.random(len(i_idx)) < exit_p)
        i_idx, a_idx, stay_m, cost_m = i_idx[go], a_idx[go], stay_m[go], cost_m[go]
        if len(i_idx):
            slots = alliances[a_idx]
            details = None
            if world.explain:
                dec = np.einsum("mkj,kj->km", u[:, i_idx, :], mem[a_idx].astype(float))
                # plain Python values for the details (one conversion per array, not per value)
                mot, val, cst = dec.tolist(), stay_m.tolist(), cost_m.tolist()
                coh, ent, aba = ag.cohesion[slots].tolist(), world.entrapment[i_idx].tolist(), world.abandonment[i_idx].tolist()
                details = [
                    {
                        "cause": "membership no longer worth its cost",
                        "motives": dict(zip(MOTIVES, mot[k])),
                        "factors": {"value": val[k], "cost": cst[k], "cohesion": coh[k], "entrapment": ent[k], "abandonment": aba[k]},
                    }
                    for k in range(len(val))
                ]
            ag.leave_many(slots, i_idx, y)
            world.agreements.last_exit[slots, i_idx] = y
            world.log.events(y, "exit", ag.agreement_id[slots], world.ccode[i_idx], -1, details)
            _dissolve_if_empty(world, np.unique(slots), "too few members after exits")
            alliances = ag.in_force(kind=ALLIANCE, domain=SECURITY)
            mem = ag.members[alliances]
            count, size = member_counts(ag.members, alliances)
            portfolio = count / capacity
            top = leaders(ag.members, alliances, world.power) if autonomy else None
    # ------------------------------------------------------------ formation and accession
    considering = rng.random(n) < p.consider_rate
    if not considering.any():
        return
    rows = np.flatnonzero(considering)
    available, cost = _formation_inputs(world, rows, alliances, portfolio, size)
    if autonomy:
        cost = _option_costs(world, rows, alliances, mem, portfolio, top[0] if top is not None and len(alliances) else None)
    # choose_option over [pairs, join_utilities(..., aggregate="capability")], in one compiled pass
    choice, dec = th_choice.best_options(u, mem, aggregate="capability", power=world.power, states=rows, available=available, cost=cost, check=world.check)
    # new pairs: need consent of the partner
    pair_choice = np.where((choice >= 0) & (choice < n), choice, -1)
    proposals = np.full(n, -1)
    proposals[rows] = pair_choice
    if (proposals >= 0).any():
        pair_cost = np.repeat((p.alliance_cost * (1.0 + portfolio) ** p.commitment_exponent)[:, None], n, axis=1)
        pair_cost[rows] = cost[:, :n]
        # mutual consent; a pair proposed from both sides forms once, at its first proposer
        first, partner = th_consent.consenting_pairs(proposals, total, pair_cost, check=world.check)
        dec_by_state = np.zeros((n, 4))
        dec_by_state[rows] = dec
        _form_alliances(world, first, partner, dec_by_state, u, total, pair_cost)
    # accessions
    join_rows = np.flatnonzero((choice >= n))
    if len(join_rows) and len(alliances):
        cand = rows[join_rows]
        a_local = choice[join_rows] - n
        slots = alliances[a_local]
        gains = total[:, cand].T > (p.alliance_cost * (1.0 + portfolio) ** p.commitment_exponent)[None, :]  # (C, N): member j gains
        members_now = ag.members[slots]
        share = (gains & members_now).sum(axis=1) / np.maximum(members_now.sum(axis=1), 1)
        disputes = (world.territorial_dispute[cand] & members_now).sum(axis=1)
        allowed = th_entrapment.accession_allowed(disputes, check=world.check) & (share >= p.accession_share)
        ok = np.flatnonzero(allowed & ~ag.members[slots, cand] & ag.active[slots])
        if len(ok):
            ag.join_many(slots[ok], cand[ok], y, world.power)
            details = None
            if world.explain:
                d = dec[join_rows[ok]]
                mot, tot, cst = d.tolist(), d.sum(axis=1).tolist(), cost[join_rows[ok], n + a_local[ok]].tolist()
                fav, dis, pw = share[ok].tolist(), disputes[ok].tolist(), world.power[cand[ok]].tolist()
                details = [
                    {
                        "motives": dict(zip(MOTIVES, mot[k])),
                        "factors": {"utility": tot[k], "cost": cst[k], "members_in_favour": fav[k], "territorial_disputes": int(dis[k]), "power": pw[k]},
                    }
                    for k in range(len(ok))
                ]
            world.log.events(y, "accession", ag.agreement_id[slots[ok]], world.ccode[cand[ok]], -1, details)


def _formation_inputs(world: World, rows: np.ndarray, alliances: np.ndarray, portfolio: np.ndarray, size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which options the states ``rows`` may take, and what each costs without the autonomy term (one compiled pass).

    Options are the N states (a new pair) then the alliances ``alliances`` (an accession). A
    state may not pair with itself, an ally or a state it is at war with, nor join an
    alliance it belongs to or left this year. The cost is that of :func:`_option_costs` with
    ``autonomy_weight`` 0: ``alliance_cost * (1 + m_i) ** e * k ** e``.
    """
    p = world.params
    ag = world.agreements
    n = world.n
    e = p.commitment_exponent
    own = (1.0 + portfolio[rows]) ** e
    partners = np.concatenate([np.ones(n), size.astype(float)]) ** e
    available = np.empty((len(rows), n + len(alliances)), dtype=bool)
    cost = np.empty(available.shape)
    _formation_kernel(
        np.ascontiguousarray(rows, dtype=np.intp), ag.allied(), world.at_war, ag.members, ag.last_exit,
        np.ascontiguousarray(alliances, dtype=np.intp), world.year, float(p.alliance_cost), own, partners, available, cost,
    )
    return available, cost


@njit(cache=True)
def _formation_kernel(rows, allied, at_war, members, last_exit, alliances, year, unit, own, partners, available, cost):  # pragma: no cover (compiled)
    n = allied.shape[0]
    for r in range(rows.shape[0]):
        i = rows[r]
        c = unit * own[r]
        for k in range(n):
            available[r, k] = k != i and not allied[i, k] and not at_war[i, k]
            cost[r, k] = c * partners[k]
        for a in range(alliances.shape[0]):
            s = alliances[a]
            available[r, n + a] = not members[s, i] and last_exit[s, i] != year
            cost[r, n + a] = c * partners[n + a]


def _option_costs(world: World, rows: np.ndarray, alliances: np.ndarray, mem: np.ndarray, portfolio: np.ndarray, leader: np.ndarray | None = None) -> np.ndarray:
    """Cost of each option for the states in ``rows`` (P1, P2).

    ``alliance_cost * ((1 + m_i) * k) ** commitment_exponent * (1 - autonomy_weight * da / 0.1)``
    with ``m_i`` the state's security agreements divided by its commitment capacity
    (:func:`_commitment_capacity`), ``k`` the partners the option brings (1 for a
    pair, the members for an accession) and ``da`` the autonomy change of Morrow's exchange
    (:func:`foedus.theory.exchange.morrow_exchange`; ``-0.1``, the pledge alone, when no
    contract is feasible): the weak side of an asymmetric pair pays more, the strong side less.
    Joining an alliance is an exchange with its strongest member (an asymmetric alliance is
    mostly its leader, as in the capability-weighted join utility; ``leader``: each alliance's
    strongest member, from :func:`foedus.sim.world.leaders`).
    """
    p = world.params
    n = world.n
    partners = np.ones(n)
    if len(alliances):
        partners = np.concatenate([partners, mem.sum(axis=1)])
    e = p.commitment_exponent
    base = p.alliance_cost * ((1.0 + portfolio[rows]) ** e)[:, None] * (partners**e)[None, :]  # ((1 + m) k)^e, factorised
    if p.autonomy_weight == 0:  # no autonomy term: Morrow's exchange need not be solved
        return base
    pair = _pair_autonomy(world)
    autonomy = pair[rows]
    if len(alliances):
        if leader is None:
            leader = leaders(world.agreements.members, alliances, world.power)[0]
        autonomy = np.concatenate([autonomy, pair[np.ix_(rows, leader)]], axis=1)
    cost = base * (1.0 - p.autonomy_weight * autonomy / 0.1)
    return np.maximum(cost, 0.0)


def _commitment_capacity(world: World) -> np.ndarray:
    """How many commitments a state carries for the price of one: ``max(1, sqrt(p_i / median p))``.

    Entrapment grows with the number of one's commitments (Snyder 1984), but a great power can
    honour more of them than a small state: the United States keeps dozens of treaty allies.
    """
    pw = world.power
    n = len(pw)
    half = np.partition(pw, ((n - 1) // 2, n // 2))  # the median without np.median's overhead
    med = 0.5 * (float(half[(n - 1) // 2]) + float(half[n // 2]))
    return np.maximum(1.0, np.sqrt(pw / med)) if med > 0 else np.ones(n)


def _stay_autonomy_factor(world: World, top: tuple[np.ndarray, np.ndarray] | None, i_idx: np.ndarray, a_idx: np.ndarray) -> np.ndarray:
    """``1 - autonomy_weight * da / 0.1`` (>= 0) for members ``i_idx`` of alliances ``a_idx``, as in :func:`_option_costs`.

    ``da`` is Morrow's autonomy change of the member in an exchange with the alliance's strongest
    other member (``top``: each alliance's strongest and second-strongest members, from
    :func:`foedus.sim.world.leaders`): the leader of an asymmetric alliance gains autonomy
    (concessions) and so stays at a lower cost; its small allies pay for their security in
    autonomy.
    """
    p = world.params
    if p.autonomy_weight == 0:  # no autonomy term: Morrow's exchange need not be solved
        return np.ones(len(i_idx))
    top1, top2 = top
    partner = np.where(i_idx == top1[a_idx], top2[a_idx], top1[a_idx])
    autonomy = _pair_autonomy(world)[i_idx, partner]
    return np.maximum(1.0 - p.autonomy_weight * autonomy / 0.1, 0.0)


def _pair_autonomy(world: World) -> np.ndarray:
    """Morrow's autonomy change of every pair (N, N), kept up to date as capabilities move.

    :func:`foedus.theory.exchange.morrow_exchange` solves a bargaining problem per pair; every
    five years the rows and columns of states whose capability share has changed by more than
    25 % since they were last solved are solved again.
    """
    pw = np.maximum(world.power, 1e-9)
    cached = world.cache.get("autonomy")
    if cached is None:
        world.cache["autonomy_year"] = world.year
        ex = th_exchange.morrow_exchange(pw[:, None], pw[None, :], iterations=24, check=world.check)
        world.cache["autonomy"] = (pw.copy(), np.where(ex.feasible, ex.autonomy_change_i, -0.1))
        return world.cache["autonomy"][1]
    old, autonomy = cached
    if world.year - world.cache.get("autonomy_year", world.year) < 5:
        return autonomy
    world.cache["autonomy_year"] = world.year
    moved = np.flatnonzero(np.abs(np.log(pw / old)) > 0.25)
    if len(moved):
        old[moved] = pw[moved]
        ex = th_exchange.morrow_exchange(old[moved][:, None], old[None, :], iterations=24, check=world.check)
        autonomy[moved, :] = np.where(ex.feasible, ex.autonomy_change_i, -0.1)
        autonomy[:, moved] = np.where(ex.feasible, ex.autonomy_change_j, -0.1).T
    return autonomy


def _form_alliances(world: World, i: np.ndarray, j: np.ndarray, dec: np.ndarray, u: np.ndarray, total: np.ndarray, cost: np.ndarray) -> None:
    """New bilateral defence pacts between ``i[k]`` (proposer) and ``j[k]``, logged with both sides' motives (F5).

    ``dec[i]`` is the proposer's motive decomposition of its choice, ``u[:, j, i]`` the partner's;
    the pact's founding motives are their mean.
    """
    if not len(i):
        return
    ag = world.agreements
    y = world.year
    pairs = np.stack([i, j], axis=1)
    pw = world.power[pairs]
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[_DEFENCE] = True
    ob[OBLIGATIONS.index("consultation")] = True
    dec_i, dec_j = dec[i], u[:, j, i].T
    motives = 0.5 * (dec_i + dec_j)
    hi, lo = pw.max(axis=1), pw.min(axis=1)
    asym = hi >= 3.0 * lo
    slots = ag.add_pairs(
        pairs,
        y,
        kind=ALLIANCE,
        obligations=ob,
        asymmetric=asym,
        leader=np.where(pw[:, 0] >= pw[:, 1], i, j),
        wartime=world.at_war[i].any(axis=1) | world.at_war[j].any(axis=1),
        motives=motives,
        power=pw,
    )
    if not world.explain:
        world.log.events(y, "formation", ag.agreement_id[slots], world.ccode[i], world.ccode[j])
        return
    # plain Python values for the details (one conversion per array, not per value)
    ci, cj = world.ccode[i].tolist(), world.ccode[j].tolist()
    pi, pj = pw[:, 0].tolist(), pw[:, 1].tolist()
    mot, mi, mj = motives.tolist(), dec_i.tolist(), dec_j.tolist()
    ui, uj = total[i, j].tolist(), total[j, i].tolist()
    ki, kj = cost[i, j].tolist(), cost[j, i].tolist()
    ti, tj = world.ccode[world.threat[i].argmax(axis=1)].tolist(), world.ccode[world.threat[j].argmax(axis=1)].tolist()
    between = np.maximum(world.threat[i, j], world.threat[j, i]).tolist()
    asym_l = asym.tolist()
    details = [
        {
            "motives": dict(zip(MOTIVES, mot[k])),
            "members": [
                {"ccode": ci[k], "power": pi[k], "motives": dict(zip(MOTIVES, mi[k])), "utility": ui[k], "cost": ki[k], "main_threat": ti[k], "proposed": True},
                {"ccode": cj[k], "power": pj[k], "motives": dict(zip(MOTIVES, mj[k])), "utility": uj[k], "cost": kj[k], "main_threat": tj[k], "proposed": False},
            ],
            "factors": {"threat_between": between[k], "asymmetric": asym_l[k]},
        }
        for k in range(len(i))
    ]
    world.log.events(y, "formation", ag.agreement_id[slots], world.ccode[i], world.ccode[j], details)


# ================================================================== 5. alliance politics
def alliance_politics(world: World, rng: np.random.Generator) -> None:
    """Cohesion, entrapment and abandonment, integration, and dissolution (P2, P3, P5, T2, T4, T5).

    For each security agreement in force (vectorised over agreements):

    - common threat: the pressure of the members' main common threat,
      ``rho = T_common / (T_common + mean member power)`` where ``T_common`` is the largest mean
      threat that one outsider poses to the members, plus their mean global-threat exposure;
    - economic competition (T2, P5): ``T2 * evenness`` of the members' economies (equal
      economies compete; an asymmetric alliance has one dominant economy);
    - regime similarity (``1 - 2 * s.d.`` of the members' regimes) and joint democracy (all
      members with regime >= 0.5) (T5), their weights scaled by ``2 * T5``;
    - cohesion: :func:`foedus.theory.cohesion.alliance_cohesion`, lowered by unhonoured
      commitments (``betrayal``, decaying);
    - dissolution hazard: :func:`~foedus.theory.cohesion.dissolution_hazard` of cohesion and
      of the change in the distribution of capability among the members since they joined
      (total variation distance between the shares then and now; Morrow 1991, Leeds 2003),
      with ``max_hazard = dissolution_hazard`` and ``change_weight = capability_change_weight``;
    - integration (P3, T4) moves towards :func:`~foedus.theory.integration.optimal_integration` for
      the common threat, with the attachment to national control falling as T4 rises;
    - each state's entrapment and abandonment risks (Snyder 1984) from its strongest commitment,
      its partners' risk-taking and alternatives, and reassurance by integration
      (:func:`~foedus.theory.entrapment.entrapment_risk`,
      :func:`~foedus.theory.entrapment.abandonment_risk`). Entrapment raises the cost of staying
      (see :func:`alignment`); abandonment raises arming through lower ally credibility;
    - military institutionalisation (ATOP's 0-2, halved) removes the share
      ``institution_protection`` of the dissolution hazard (and of members' exit rate, in
      :func:`alignment`): institutions are assets that keep an alliance after its founding
      threat fades (Wallander 2000);
    - democratisation (T5): allies' democracy pulls up the regime of deeply integrated members
      (:func:`_democratisation`, Pevehouse 2005).
    """
    p = world.params
    tr = world.trends
    ag = world.agreements
    y = world.year
    st = cohesion_state(world)
    if st is None:
        return
    slots, rho = st["slots"], st["rho"]
    cohesion, competition, similarity, joint_dem = st["cohesion"], st["competition"], st["similarity"], st["joint_democracy"]
    change = st["capability_change"]
    institutional = ag.institutionalised[slots] / 2.0  # ATOP's 0-2 scale (Leeds & Anac 2005) as 0-1
    hazard = th_cohesion.dissolution_hazard(
        cohesion,
        capability_change=change,
        max_hazard=p.dissolution_hazard,
        change_weight=p.capability_change_weight,
        institutionalisation=institutional,
        institution_weight=p.institution_protection,
        check=world.check,
    )
    # integration (P3, T4)
    target = th_integration.optimal_integration(rho, 1.0 - tr.military_integration + 0.05, check=world.check)
    target = target * (ag.institutionalised[slots] + 1) / 3.0
    ag.integration[slots] += p.integration_rate * (target - ag.integration[slots])
    ag.betrayal[slots] *= 0.7
    # dissolution
    draw = rng.random(len(slots))
    ending = np.flatnonzero(draw < hazard)
    if len(ending) and not world.explain:
        ag.dissolve_many(slots[ending], y)
        world.log.events(y, "dissolution", ag.agreement_id[slots[ending]], -1, -1)
    elif len(ending):
        gone = slots[ending]
        ag.dissolve_many(gone, y)
        cols = (hazard[ending], cohesion[ending], rho[ending], competition[ending], similarity[ending], change[ending], ag.betrayal[gone])
        hz, co, th, ec, rs, cc, bt = (c.tolist() for c in cols)
        jd = joint_dem[ending].astype(bool).tolist()
        inst_l = institutional[ending].tolist()
        mot = [None if np.isnan(v).any() else dict(zip(MOTIVES, v)) for v in ag.motives[gone].tolist()]
        details = [
            {
                "cause": "cohesion lost",
                "motives_at_formation": mot[k],  # None: not known (in force at the start, or scheduled)
                "factors": {
                    "hazard": hz[k],
                    "cohesion": co[k],
                    "common_threat": th[k],
                    "economic_competition": ec[k],
                    "regime_similarity": rs[k],
                    "joint_democracy": jd[k],
                    "capability_change": cc[k],
                    "betrayal": bt[k],
                    "institutionalisation": inst_l[k],
                },
            }
            for k in range(len(gone))
        ]
        world.log.events(y, "dissolution", ag.agreement_id[gone], -1, -1, details)
    _democratisation(world, st["integration_by_state"])


def _democratisation(world: World, depth: np.ndarray) -> None:
    """Allies' democracy pulls up the regime of deeply integrated members (T5; Pevehouse 2005).

    :func:`foedus.theory.cohesion.democratic_diffusion` with the allies' regimes weighted by the
    strength of each tie (commitment × cohesion, ``world.ally_credibility``), the depth of the
    state's integration (the largest integration of its agreements: forward-deployed forces, a
    common command) and the yearly rate ``democratisation_rate × 2 T5``.
    """
    rate = world.params.democratisation_rate * 2.0 * world.trends.norms
    c = world.ally_credibility
    if rate <= 0 or not depth.any():
        return
    weight = c.sum(axis=1)
    allied = weight > 0
    mean = np.where(allied, (c @ world.regime) / np.where(allied, weight, 1.0), world.regime)
    world.regime = th_cohesion.democratic_diffusion(world.regime, np.minimum(mean, 1.0), np.minimum(depth, 1.0), rate=min(rate, 1.0), check=world.check)


def cohesion_state(world: World) -> dict | None:
    """Cohesion of the security agreements in force and what follows from it (deterministic part of step 5).

    Sets ``agreements.cohesion``, ``world.ally_credibility``, ``world.entrapment`` and
    ``world.abandonment``; returns the per-agreement factors (or None without agreements).
    See :func:`alliance_politics` for the model.
    """
    tr = world.trends
    ag = world.agreements
    n = world.n
    slots = ag.in_force(domain=SECURITY)
    slots = slots[ag.kind[slots] != COALITION]
    world.ally_credibility = np.zeros((n, n))
    world.entrapment = np.zeros(n)
    world.abandonment = np.zeros(n)
    if not len(slots):
        return None
    prof = security_profile(ag.members, slots, world.power, ag.power_start, world.threat, world.global_threat, world.economy, world.regime)
    rho, similarity, joint_dem = prof["rho"], prof["similarity"], prof["all_democracies"]
    competition = np.minimum(np.maximum(tr.economic_interdependence * prof["evenness"], 0.0), 1.0)
    prm = world.params
    cohesion = th_cohesion.alliance_cohesion(
        rho,
        competition,
        similarity,
        joint_democracy=joint_dem,
        intercept=prm.cohesion_intercept,
        threat_weight=prm.cohesion_threat_weight,
        competition_weight=prm.cohesion_competition_weight,
        similarity_weight=2.0 * tr.norms * prm.cohesion_similarity_weight,
        democracy_weight=2.0 * tr.norms * prm.cohesion_democracy_weight,
        check=world.check,
    )
    cohesion = np.minimum(np.maximum(cohesion * (1.0 - ag.betrayal[slots]), 0.0), 1.0)
    ag.cohesion[slots] = cohesion
    # Snyder's alliance security dilemma, per state, from its strongest commitment; allies'
    # risk-taking (their largest hostility) and whether an ally faces the same main threat
    partner_risk = np.minimum(np.maximum(world.hostility.max(axis=1), 0.0), 1.0)
    c_ij, best_of, risk_of_partners, shared = alliance_ties(
        ag.members, slots, ag.commitment, ag.integration, cohesion, partner_risk, world.threat.argmax(axis=1)
    )
    world.ally_credibility = c_ij
    commit, integ, best = best_of.T
    world.entrapment = th_entrapment.entrapment_risk(commit, risk_of_partners, shared, check=world.check)
    alternatives = np.clip(1.0 - best, 0.0, 1.0)
    world.abandonment = th_entrapment.abandonment_risk(commit, alternatives, integ, check=world.check)
    return {
        "slots": slots,
        "rho": rho,
        "cohesion": cohesion,
        "competition": competition,
        "similarity": similarity,
        "joint_democracy": joint_dem,
        "capability_change": prof["capability_change"],
        "integration_by_state": integ,
    }


# ================================================================== 6. crises and coalitions
def crises_and_coalitions(world: World, rng: np.random.Generator) -> None:
    """Crises arise; coalitions of the willing assemble, act and dissolve (brief D4).

    A new global-threat crisis (terrorism, proliferation, organised crime: those the scenario's
    ``crisis_threats`` allow, chosen at random) starts with probability ``crisis_rate``; it hits states unevenly (exposure times a random factor in
    [0.5, 1.5]: "different intensity and timing"). For each open crisis without a coalition,
    the lead is the most capable exposed state; a state is willing when
    ``exposure * power * interoperability >= coalition_threshold * intensity``, where
    interoperability is the integration of its strongest agreement shared with the lead
    (0.2 without one; 1 for the lead): doctrinal convergence and interoperability (D4). Two or
    more willing states form a coalition (kind ``coalition``). Each year a coalition wears the
    crisis down by ``coalition_efficacy`` times its effectiveness, the sum over members of
    :func:`foedus.theory.integration.integration_effectiveness` of their exposed capability (gains
    with numbers and with integration). A crisis ends when its intensity is spent or its time runs out; its coalition
    dissolves then ("mission-bound").
    """
    p = world.params
    ag = world.agreements
    cr = world.crises
    y = world.year
    n = world.n
    kinds = world.crisis_threats
    if kinds and rng.random() < p.crisis_rate:
        k = kinds[int(rng.integers(len(kinds)))]
        exposure = np.clip(world.exposure[:, k] * rng.uniform(0.5, 1.5, n), 0.0, 1.0)
        intensity = float(rng.exponential(0.05))
        duration = int(rng.geometric(0.25))
        c = cr.add(GLOBAL_THREATS[k], y, exposure, intensity, duration)
        world.global_intensity[k] += intensity
        world.log.events(y, "crisis", -1, -1, -1, {"crisis": GLOBAL_THREATS[k], "intensity": intensity, "duration": duration, "index": c})
    for c in cr.open():
        exp = cr.exposure[c]
        if cr.coalition[c] < 0 and cr.start_year[c] <= y:
            score = exp * world.power
            if cr.aggressor[c] >= 0:
                score = score * (world.hostility[:, cr.aggressor[c]] < 0.9)
                score[cr.aggressor[c]] = 0.0
            lead = int(np.argmax(score))
            interop = _interoperability(world, lead)
            willing = exp * world.power * interop >= p.coalition_threshold * max(cr.intensity[c], 1e-9)
            if cr.aggressor[c] >= 0:
                willing[cr.aggressor[c]] = False
                willing &= ~world.at_war[:, lead] | (np.arange(n) == lead)
            willing[lead] = score[lead] > 0
            idx = np.flatnonzero(willing)
            if len(idx) >= 2:
                ob = np.zeros(len(OBLIGATIONS), bool)
                ob[OBLIGATIONS.index("offense" if cr.aggressor[c] >= 0 else "consultation")] = True
                a = ag.add(
                    idx, y, kind=COALITION, obligations=ob, leader=lead, crisis=c, asymmetric=_asymmetric(world, idx),
                    name=f"coalition against {cr.kind[c]} ({y})", power=world.power[idx],
                )
                ag.integration[a] = float(np.mean(interop[idx]))
                cr.coalition[c] = a
                # one event per coalition (ccode: its lead), its members in the detail
                world.log.events(
                    y,
                    "formation",
                    ag.agreement_id[a],
                    world.ccode[lead],
                    -1,
                    {
                        "cause": f"coalition of the willing against {cr.kind[c]}",
                        "member_states": world.ccode[idx].tolist(),
                        "factors": {
                            "lead": int(world.ccode[lead]),
                            "crisis_intensity": cr.intensity[c],
                            "exposure": float(np.mean(exp[idx])),
                            "interoperability": float(np.mean(interop[idx])),
                        },
                    },
                )
        a = cr.coalition[c]
        if a >= 0 and ag.active[a]:
            idx = np.flatnonzero(ag.members[a])
            eff = th_integration.integration_effectiveness(ag.integration[a], world.power[idx] * exp[idx], check=world.check).sum()
            cr.intensity[c] = max(cr.intensity[c] - p.coalition_efficacy * eff, 0.0)
        cr.remaining[c] -= 1
        if cr.intensity[c] <= 1e-9 or cr.remaining[c] <= 0:
            cr.active[c] = False
            if cr.kind[c] in GLOBAL_THREATS:
                k = GLOBAL_THREATS.index(cr.kind[c])
                world.global_intensity[k] = max(world.global_intensity[k] - cr.initial[c], world.base_global[k])
            if a >= 0 and ag.active[a]:
                ag.dissolve(a, y)
                world.log.events(
                    y,
                    "dissolution",
                    ag.agreement_id[a],
                    -1,
                    -1,
                    {"cause": "mission ended" if cr.intensity[c] <= 1e-9 else "crisis faded", "crisis": cr.kind[c], "years": y - ag.start_year[a]},
                )


def _interoperability(world: World, lead: int) -> np.ndarray:
    """Integration of each state's strongest security agreement shared with ``lead`` (0.2 without)."""
    ag = world.agreements
    slots = ag.in_force(domain=SECURITY)
    slots = slots[ag.kind[slots] != COALITION]
    out = np.full(world.n, 0.2)
    if len(slots):
        shared = ag.members[slots] & ag.members[slots, lead][:, None]
        best = np.where(shared, 0.2 + 0.8 * ag.integration[slots][:, None], 0.0).max(axis=0)
        out = np.maximum(out, best)
    out[lead] = 1.0
    return out


# ================================================================== 7. cyber
def cyber(world: World, rng: np.random.Generator) -> None:
    """Intrusions, uncertain attribution, escalation and trust-based cyber alignments (brief T3).

    Intrusions are rational even for defensive states (preparation, early warning): their
    probability per ordered pair is ``scale * intrusion_propensity(capacity_i,
    vulnerability_j, defensive_posture_i)`` (:func:`foedus.theory.cyber.intrusion_propensity`),
    allies included (strong allies spy on allies). ``scale`` is calibrated at the start so the
    expected count matches the DCID 2.0 rate when the scenario gives one. An intrusion is
    attributed with :func:`~foedus.theory.cyber.attribution_probability`; the victim cannot tell
    espionage from sabotage preparation, so an attributed intrusion raises its hostility to the
    intruder by ``escalation``. Trust moves with what is observed
    (:func:`~foedus.theory.cyber.trust_update`). States and non-state actors (firms, NGOs) join
    or leave cyber alignments (kind ``organisation``, domain cyber) by
    :func:`~foedus.theory.cyber.cyber_alignment_value`: sharing vulnerabilities pays only with
    trusted partners ("there are no friends, only enemies"), so a candidate also needs the
    members' mean trust in it to be at least one half.
    """
    p = world.params
    n = world.n
    y = world.year
    cap = world.cyber_capacity
    if not (cap > 0).any() or world.cyber_scale <= 0:
        world.intrusions = np.zeros((n, n), bool)
        world.attributed = np.zeros((n, n), bool)
        return
    posture = 0.5 + 0.5 * world.regime
    prop = th_cyber.intrusion_propensity(cap, world.cyber_vulnerability, posture, check=world.check)
    prob = np.clip(world.cyber_scale * (2.0 * world.trends.cyber) * prop, 0.0, 1.0)
    np.fill_diagonal(prob, 0.0)
    intr = rng.random((n, n)) < prob
    i_all, j_all = np.nonzero(intr)
    attr_p = th_cyber.attribution_probability(cap[i_all], cap[j_all], check=world.check)
    hit = rng.random(len(i_all)) < attr_p
    i_idx, j_idx = i_all[hit], j_all[hit]
    attributed = np.zeros((n, n), bool)
    attributed[i_idx, j_idx] = True
    world.intrusions, world.attributed = intr, attributed
    world.trust = th_cyber.trust_update(world.trust, intr.T.astype(float), attributed.T.astype(float), recovery_rate=p.trust_recovery, check=world.check)
    fear = np.clip(world.hostility[j_idx, i_idx], 0.0, 1.0)  # the victim's prior that it prepares an attack
    escalate = rng.random(len(i_idx)) < th_cyber.escalation_probability(1.0, 1.0, fear, check=world.check)
    world.hostility[j_idx[escalate], i_idx[escalate]] += p.escalation
    _sym_clip(world.hostility)
    if len(i_idx):
        allied = world.agreements.allied()
        world.log.events(
            y,
            "cyber",
            -1,
            world.ccode[i_idx],
            world.ccode[j_idx],
            [_CYBER_DETAIL[(bool(a), bool(e))] for a, e in zip(allied[i_idx, j_idx], escalate)],
        )
    _cyber_alignments(world, rng)


_CYBER_DETAIL = {
    (a, e): f'{{"among_allies":{str(a).lower()},"attributed":true,"escalation":{str(e).lower()}}}' for a in (False, True) for e in (False, True)
}
_DISPUTE_DETAIL = {w: f'{{"escalated_to_war":{str(w).lower()}}}' for w in (False, True)}


def _cyber_alignments(world: World, rng: np.random.Generator) -> None:
    """States and non-state actors join and leave trust-based cyber alignments, and new ones form (T3).

    For every cyber alignment ``a`` in force and every state ``i`` at once (arrays (A, N)):
    the value to i of being in a is :func:`foedus.theory.cyber.cyber_alignment_value` of the
    members' mean capacity (the benefit), i's vulnerability, the espionage risk (0.5 if a
    member intruded into i this year), the exit risk ``max(strongest member's capacity -
    cap_i, 0)`` and i's mean trust in the members. A state with cyber capacity, whom the
    members trust on average at least one half (they expose themselves too), joins with
    probability ``consider_rate`` when the value is positive; a member leaves with
    probability ``exit_rate`` when it is negative. Non-state actors (firms, NGOs) do the same
    with their own vulnerability and capacity; their trust is 0.8 when their home state is a
    member, the home state's trust otherwise (0.5 without one). Every accession and exit is an
    event with its explanation, non-state actors' included; an alignment left with fewer than
    two actors dissolves.
    """
    ag = world.agreements
    y = world.year
    p = world.params
    slots = ag.in_force(domain=CYBER_DOMAIN)
    if len(slots):
        cap = world.cyber_capacity
        M = ag.members[slots]
        size = M.sum(axis=1)
        live = size > 0
        Mf = M.astype(float)
        per = 1.0 / np.maximum(size, 1)[:, None]
        trust_in = (Mf @ world.trust.T) * per  # [a, i]: i's mean trust in a's members
        trusted_by = (Mf @ world.trust) * per  # [a, i]: the members' mean trust in i
        benefit = (Mf @ cap) * per[:, 0]
        strongest = np.where(M, cap[None, :], 0.0).max(axis=1)
        espionage = 0.5 * ((Mf @ world.intrusions.astype(float)) > 0)
        exit_risk = np.clip(strongest[:, None] - cap[None, :], 0.0, 1.0)
        value = th_cyber.cyber_alignment_value(
            np.broadcast_to(benefit[:, None], M.shape), world.cyber_vulnerability[None, :], espionage, exit_risk, trust_in, check=world.check
        )
        draw_in, draw_out = rng.random(M.shape), rng.random(M.shape)
        joining = live[:, None] & (cap > 0)[None, :] & (trusted_by >= 0.5) & ~M & (value > 0) & (draw_in < p.consider_rate)
        joining &= ag.last_exit[slots] != y
        leaving = M & (value < 0) & (draw_out < p.exit_rate) & (ag.entry_year[slots] < y)
        for kind, mask, cause in (("accession", joining, "cyber trust"), ("exit", leaving, "cyber distrust")):
            a_idx, i_idx = np.nonzero(mask)
            if not len(a_idx):
                continue
            sl = slots[a_idx]
            if kind == "accession":
                ag.join_many(sl, i_idx, y)
            else:
                ag.leave_many(sl, i_idx, y)
                ag.last_exit[sl, i_idx] = y
            details = None
            if world.explain:
                val, tru = value[a_idx, i_idx].tolist(), trust_in[a_idx, i_idx].tolist()
                details = [{"cause": cause, "factors": {"value": v, "trust": t}} for v, t in zip(val, tru)]
            world.log.events(y, kind, ag.agreement_id[sl], world.ccode[i_idx], -1, details)
        if len(world.nonstate_ids):
            home = world.nonstate_home_index
            h = np.maximum(home, 0)
            ns_trust = np.where(home[None, :] >= 0, np.where(M[:, h], 0.8, trust_in[:, h]), 0.5)
            ns_val = th_cyber.cyber_alignment_value(
                np.broadcast_to(benefit[:, None], ns_trust.shape),
                world.nonstate_vulnerability[None, :],
                0.0,
                np.clip(strongest[:, None] - world.nonstate_capacity[None, :], 0.0, 1.0),
                ns_trust,
                check=world.check,
            )
            NS = ag.nonstate[slots]
            d_in, d_out = rng.random(NS.shape), rng.random(NS.shape)
            ns_in = live[:, None] & ~NS & (ns_val > 0) & (d_in < p.consider_rate)
            ns_out = NS & (ns_val < 0) & (d_out < p.exit_rate)
            for kind, mask, cause in (("accession", ns_in, "cyber trust"), ("exit", ns_out, "cyber distrust")):
                for r in np.flatnonzero(mask.any(axis=1)):  # the few alignments a firm or NGO joins or leaves this year
                    k = np.flatnonzero(mask[r])
                    (ag.join_nonstate if kind == "accession" else ag.leave_nonstate)(int(slots[r]), k, y)
                    _log_nonstate(world, kind, slots[r], k, cause, ns_val[r], ns_trust[r])
        # alignments left with fewer than two actors end
        actors = ag.members[slots].sum(axis=1) + ag.nonstate[slots].sum(axis=1)
        gone = slots[actors < 2]
        if len(gone):
            ag.dissolve_many(gone, y)
            world.log.events(y, "dissolution", ag.agreement_id[gone], -1, -1, {"cause": "too few members after exits", "domain": "cyber"})
    _new_cyber_alignments(world, rng)


def _log_nonstate(world: World, kind: str, slot: int, k: np.ndarray, cause: str, value: np.ndarray, trust: np.ndarray) -> None:
    """Accessions or exits of non-state actors ``k`` (firms, NGOs, IGOs) to cyber alignment ``slot``.

    The events table names states only, so ``ccode`` is the actor's home state (empty when it
    has none) and the detail names the actor itself.
    """
    home = world.nonstate_home[k]
    world.log.events(
        world.year,
        kind,
        world.agreements.agreement_id[slot],
        np.where(home > 0, home, -1),
        -1,
        [
            {
                "cause": cause,
                "nonstate_actor": world.nonstate_ids[q],
                "actor_name": world.nonstate_names[q],
                "actor_kind": world.nonstate_kind[q],
                "factors": {"value": float(value[q]), "trust": float(trust[q])},
            }
            for q in k.tolist()
        ],
    )


def _new_cyber_alignments(world: World, rng: np.random.Generator) -> None:
    """States outside every cyber alignment form new bilateral ones with a trusted partner (T3).

    Each year a share ``consider_rate`` of the states that have cyber capacity and belong to no
    cyber alignment look for a partner among the others in the same position. The value to i
    of aligning with j is :func:`foedus.theory.cyber.cyber_alignment_value` with the benefit
    j's capacity, i's exposed vulnerability, the espionage risk 0.5 if j intruded into i this
    year, the exit risk ``max(cap_j - cap_i, 0)`` (the stronger partner can watch, wipe or
    exfiltrate at the end) and i's trust in j. i proposes to the partner of highest value; the
    pair forms when both gain and each trusts the other at least one half (to ally is to share
    one's vulnerabilities). Others then join it (:func:`_cyber_alignments`), so cyber blocs
    can grow around a trusted core instead of being fixed by the scenario.
    """
    ag = world.agreements
    cap = world.cyber_capacity
    n = world.n
    slots = ag.in_force(domain=CYBER_DOMAIN)
    aligned = ag.members[slots].any(axis=0) if len(slots) else np.zeros(n, bool)
    free = (cap > 0) & ~aligned
    considering = free & (rng.random(n) < world.params.consider_rate)
    if considering.sum() == 0 or free.sum() < 2:
        return
    espionage = 0.5 * world.intrusions.T.astype(float)  # [i, j]: j intruded into i this year
    exit_risk = np.clip(cap[None, :] - cap[:, None], 0.0, 1.0)
    value = th_cyber.cyber_alignment_value(np.broadcast_to(cap[None, :], (n, n)), world.cyber_vulnerability[:, None], espionage, exit_risk, world.trust, check=world.check)
    ok = free[:, None] & free[None, :] & (world.trust >= 0.5) & (world.trust.T >= 0.5) & (value > 0) & (value.T > 0)
    np.fill_diagonal(ok, False)
    score = np.where(ok, value, -np.inf)
    first, second = _greedy_pairs(score, np.flatnonzero(considering))
    if not len(first):
        return
    pairs = np.stack([first, second], axis=1)
    ob = np.zeros(len(OBLIGATIONS), bool)
    ob[OBLIGATIONS.index("consultation")] = True
    for i, j in pairs.tolist():  # a few a year
        pair = np.array([i, j])
        a = ag.add(
            pair, world.year, kind=ORGANISATION, domain=CYBER_DOMAIN, obligations=ob, asymmetric=_asymmetric(world, pair),
            leader=int(pair[np.argmax(cap[pair])]), name=f"cyber alignment {world.abb[i]}-{world.abb[j]} ({world.year})", power=world.power[pair],
        )
        world.log.events(
            world.year,
            "formation",
            ag.agreement_id[a],
            world.ccode[i],
            world.ccode[j],
            {
                "cause": "cyber trust",
                "domain": "cyber",
                "factors": {
                    "value": float(value[i, j]),
                    "partner_value": float(value[j, i]),
                    "trust": float(world.trust[i, j]),
                    "partner_trust": float(world.trust[j, i]),
                    "capacity": float(cap[i]),
                    "partner_capacity": float(cap[j]),
                },
            },
        )


def _greedy_pairs(score: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs formed greedily: each state of ``order`` in turn, if still free, takes its best free partner.

    ``score[i, j]`` is i's value of j (``-inf``: not acceptable); a state is in one pair at
    most. Returns the proposers and their partners, in the order they paired.
    """
    first = np.empty(len(order), np.int64)
    second = np.empty(len(order), np.int64)
    k = _greedy_kernel(np.ascontiguousarray(score), np.ascontiguousarray(order, dtype=np.int64), first, second)
    return first[:k], second[:k]


@njit(cache=True)
def _greedy_kernel(score, order, first, second):  # pragma: no cover (compiled)
    n = score.shape[0]
    taken = np.zeros(n, np.bool_)
    k = 0
    for q in range(order.shape[0]):
        i = order[q]
        if taken[i]:
            continue
        best = -np.inf
        j_best = -1
        for j in range(n):
            if not taken[j] and score[i, j] > best:
                best = score[i, j]
                j_best = j
        if j_best < 0:
            continue
        taken[i] = True
        taken[j_best] = True
        first[k] = i
        second[k] = j_best
        k += 1
    return k


# ================================================================== 8. conflict and commitments
def conflict_and_commitments(world: World, rng: np.random.Generator) -> None:
    """Disputes, wars, and whether allies honour their commitments (T2, P5).

    A militarised dispute between i and j (not allied) starts with probability
    ``dispute_rate * hostility_ij * proximity_ij`` (opportunity and willingness), times
    ``1 - cohesion * (1 - T1)`` when both belong to a collective-security organisation (brief A2,
    D3: multilateral institutions manage their members' disputes, less so under great-power
    competition, so that alliances matter more when institutions work less); a share
    ``war_share`` (scaled by hostility) escalates to war. When j is attacked, each ally of j
    with a commitment decides whether to honour it with
    :func:`foedus.theory.cohesion.honour_probability` of the commitment, its trade dependence
    on the attacker (T2: weaponised interdependence) and the alliance's cohesion. An ally that
    fails lowers its alliance's cohesion (``betrayal``) and j's trust in it; an ally that
    honours joins the war. Hostility decays towards its baseline; wars end with probability
    0.3 a year.
    """
    p = world.params
    # hostility relaxes towards its baseline
    world.hostility += p.hostility_decay * (world.hostility_base - world.hostility)
    if p.dispute_rate > 0:
        _disputes(world, rng)
    # wars end
    if world.at_war.any():
        wi, wj = np.nonzero(world.at_war)
        wi, wj = wi[wi < wj], wj[wi < wj]
        stop = rng.random(len(wi)) < 0.3
        world.at_war[wi[stop], wj[stop]] = world.at_war[wj[stop], wi[stop]] = False


def _disputes(world: World, rng: np.random.Generator) -> None:
    """This year's militarised disputes and wars, and the allies called upon (see :func:`conflict_and_commitments`)."""
    p = world.params
    n = world.n
    y = world.year
    ag = world.agreements
    allied = ag.allied()
    prob = p.dispute_rate * world.hostility * world.proximity
    orgs = ag.in_force(kind=ORGANISATION, domain=SECURITY)
    if len(orgs):
        # D3: a collective-security organisation manages disputes among its own members;
        # great-power competition (T1) erodes that restraint
        restraint = pair_max(ag.members[orgs], ag.cohesion[orgs] * (1.0 - world.trends.great_power_competition), world.n)
        prob = prob * (1.0 - restraint)
    disp = rng.random((n, n)) < prob
    i_idx, j_idx = np.nonzero(disp)
    # one draw per unordered pair (the upper triangle), never between allies
    keep = (i_idx < j_idx) & ~allied[i_idx, j_idx]
    i_idx, j_idx = i_idx[keep], j_idx[keep]
    if len(i_idx):
        swap = rng.random(len(i_idx)) < 0.5
        init = np.where(swap, j_idx, i_idx)
        targ = np.where(swap, i_idx, j_idx)
        war = rng.random(len(init)) < p.war_share * world.hostility[init, targ] * 2.0
        world.hostility[init, targ] = np.minimum(world.hostility[init, targ] + 0.1, 1.0)
        world.hostility[targ, init] = world.hostility[init, targ]
        world.log.events(y, "dispute", -1, world.ccode[init], world.ccode[targ], [_DISPUTE_DETAIL[bool(w)] for w in war])
        if war.any():
            wi, wt = init[war], targ[war]
            world.at_war[wi, wt] = world.at_war[wt, wi] = True
            world.hostility[wi, wt] = world.hostility[wt, wi] = np.minimum(world.hostility[wi, wt] + 0.3, 1.0)
            world.log.events(y, "war", -1, world.ccode[wi], world.ccode[wt], {"cause": "escalated dispute"})
            _call_allies(world, rng, wi, wt)


def _call_allies(world: World, rng: np.random.Generator, attackers: np.ndarray, targets: np.ndarray) -> None:
    """Allies of each attacked state decide whether to honour their commitments (T2, P5)."""
    ag = world.agreements
    y = world.year
    slots = ag.in_force(domain=SECURITY)
    slots = slots[(ag.kind[slots] != COALITION) & (ag.commitment[slots] > 0)]
    if not len(slots):
        return
    m = ag.members[slots]
    for att, tgt in zip(attackers, targets):
        rel = m[:, tgt] & ~m[:, att]
        if not rel.any():
            continue
        sl = slots[rel]
        strength = ag.commitment[sl][:, None] * m[rel]
        best = strength.argmax(axis=0)
        commit = strength.max(axis=0)
        commit[[tgt, att]] = 0.0
        allies = np.flatnonzero(commit > 0)
        if not len(allies):
            continue
        a_of = sl[best[allies]]
        coh = ag.cohesion[a_of]
        inter = world.trade_dependence[allies, att]
        ph = th_cohesion.honour_probability(
            commit[allies], inter, coh, democratic=(world.regime[allies] >= 0.5).astype(float), major_power=world.major[allies].astype(float), check=world.check
        )
        honoured = rng.random(len(allies)) < ph
        world.log.events(
            y,
            "commitment",
            ag.agreement_id[a_of],
            world.ccode[allies],
            world.ccode[att],
            [
                {
                    "honoured": bool(h),
                    "ally_of": int(world.ccode[tgt]),
                    "probability": float(pr),
                    "factors": {"commitment": float(c), "interdependence_with_adversary": float(x), "cohesion": float(q)},
                }
                for h, pr, c, x, q in zip(honoured, ph, commit[allies], inter, coh)
            ],
        )
        hon = allies[honoured]
        world.at_war[hon, att] = world.at_war[att, hon] = True
        world.hostility[hon, att] = world.hostility[att, hon] = np.maximum(world.hostility[hon, att], 0.8)
        bad = allies[~honoured]
        if len(bad):
            ag.betrayal[a_of[~honoured]] = np.minimum(ag.betrayal[a_of[~honoured]] + 0.5, 1.0)
            world.trust[tgt, bad] *= 0.5


# ================================================================== 9. record
def record(world: World, rng: np.random.Generator) -> None:
    """Copy the year's state arrays into the recorder (events are logged by the steps above)."""
    world.log.record_year(world)


DEFAULT_STEPS: dict[str, Step] = {
    "trends_and_shocks": trends_and_shocks,
    "capabilities": capabilities,
    "threat_perception": threat_perception,
    "alignment": alignment,
    "alliance_politics": alliance_politics,
    "crises_and_coalitions": crises_and_coalitions,
    "cyber": cyber,
    "conflict_and_commitments": conflict_and_commitments,
    "record": record,
}
"""The pipeline of a simulated year, in order (brief steps 1–9)."""
