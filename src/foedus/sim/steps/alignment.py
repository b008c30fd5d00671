"""Step 4, alignment: states leave, form and join alliances (brief F1–F5, P1, P2).

The step itself: each year's utilities, members' exits, and the choices of the states that
reconsider (new pairs by mutual consent, accessions by the members' vote). What an option
costs and how a new pact is written down are in :mod:`foedus.sim.steps.formation`.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.steps._common import ALLIANCE, MOTIVES, SECURITY
from foedus.sim.steps.dissolution import dissolve_deserted, leave
from foedus.sim.steps.formation import commitment_capacity, form_alliances, formation_inputs, option_costs, stay_autonomy_factor
from foedus.sim.membership import alliance_view, leaders, member_values
from foedus.sim.world import World
from foedus.theory import alignment as th_align
from foedus.theory import choice as th_choice
from foedus.theory import consent as th_consent
from foedus.theory import entrapment as th_entrapment

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
    u, total = th_align.alignment_utilities(
        world.power,
        world.results.threat,
        world.hostility,
        weakness_threshold=p.weakness_threshold,
        balance_power_weight=p.balance_power_weight,
        balance_threat_weight=p.balance_threat_weight,
        bandwagon_weight=p.bandwagon_weight,
        tether_weight=p.tether_weight,
        shared_global=world.results.shared_global,
        reach=world.results.reach,
        return_total=True,
        check=world.check,
    )
    world.results.utilities = u
    capacity = commitment_capacity(world)
    view = _Alliances(world, capacity)
    if _exits(world, rng, u, total, view):
        view = _Alliances(world, capacity)
    considering = (rng.random(world.n) < p.consider_rate) & world.active  # states outside the system take no decision
    if not considering.any():
        return
    rows = np.flatnonzero(considering)
    available, cost = formation_inputs(world, rows, view.slots, view.load, view.size)
    available[:, : world.n] &= world.active  # nor are they partners
    if p.autonomy_weight != 0:
        cost = option_costs(world, rows, view.slots, view.members, view.portfolio, view.top[0] if view.top is not None else None)
    # choose_option over [pairs, join_utilities(..., aggregate="capability")], in one compiled pass
    choice, dec = th_choice.best_options(
        u, view.members, aggregate="capability", power=world.power, states=rows, available=available, cost=cost, check=world.check
    )
    _pairs(world, rows, choice, dec, cost, u, total, view)
    _accessions(world, rows, choice, dec, cost, total, view)


class _Alliances:
    """The alliances in force and what the options need of them, as of now.

    ``slots`` (A,): the alliances; ``members`` (A, N) their membership; ``size`` (A,) their
    members; ``portfolio`` (N,) each state's alliances over its commitment capacity, ``load``
    (N,) the factor ``(1 + portfolio) ** commitment_exponent`` of every option's cost and
    ``unit_cost`` (N,) ``alliance_cost * load``, a new pair's cost (:func:`~.formation.option_costs`); ``top``:
    each alliance's strongest and second-strongest members (:func:`foedus.sim.membership.leaders`),
    None when the autonomy term is off (only Morrow's exchange needs them) or no alliance is in
    force.
    """

    def __init__(self, world: World, capacity: np.ndarray):
        ag = world.agreements
        self.slots, self.members, count, self.size = alliance_view(ag.members, ag.active, ag.kind, ag.domain, ag.n, ALLIANCE, SECURITY)
        self.portfolio = count / capacity
        p = world.params
        self.load = (1.0 + self.portfolio) ** p.commitment_exponent
        self.unit_cost = p.alliance_cost * self.load
        autonomy = world.params.autonomy_weight != 0
        self.top = leaders(ag.members, self.slots, world.power) if autonomy and len(self.slots) else None


def _exits(world: World, rng: np.random.Generator, u: np.ndarray, total: np.ndarray, view: _Alliances) -> bool:
    """Members for which their alliance is no longer worth its cost leave (P5); True when any left.

    A member's value is ``sum_j U[i, j]`` over its fellow members; its cost that of
    :func:`~.formation.option_costs` times ``exit_threshold``, raised by its entrapment and moved
    by Morrow's exchange with the alliance's leader. It leaves with probability ``exit_rate``,
    less the share ``institution_protection`` of the alliance's institutionalisation.
    """
    p = world.params
    ag = world.agreements
    y = world.year
    alliances = view.slots
    if not len(alliances):
        return False
    # members (by state, then alliance) that joined before this year, and the value of their fellow members
    i_idx, a_idx, stay_m = member_values(ag.members, alliances, ag.entry_year, y, total)
    # cost: exit_threshold * alliance_cost * (1 + m_i) ** e * (1 + entrapment_i) * autonomy factor;
    # institutionalised alliances are harder to leave, as to end (see alliance_politics)
    cost_m = np.empty(len(i_idx))
    exit_p = np.empty(len(i_idx))
    _exit_terms_kernel(
        i_idx, alliances[a_idx], view.load, world.results.entrapment, ag.institutionalised,
        p.exit_threshold * p.alliance_cost, float(p.exit_rate), float(p.institution_protection), cost_m, exit_p,
    )
    if p.autonomy_weight != 0:  # the factor is 1 without the autonomy term
        cost_m = cost_m * stay_autonomy_factor(world, view.top, i_idx, a_idx)
    # who leaves (stay_m < cost_m and a draw below exit_p), and the alliances that leaves with fewer than two members
    go, gone = _leavers_kernel(stay_m, cost_m, rng.random(len(i_idx)), exit_p, a_idx, alliances, view.size)
    if not len(go):
        return False
    i_idx, a_idx, stay_m, cost_m = i_idx[go], a_idx[go], stay_m[go], cost_m[go]
    slots = alliances[a_idx]
    details = None
    if world.explain:
        dec = np.einsum("mkj,kj->km", u[:, i_idx, :], view.members[a_idx].astype(float))
        # plain Python values for the details (one conversion per array, not per value)
        mot, val, cst = dec.tolist(), stay_m.tolist(), cost_m.tolist()
        coh, ent, aba = ag.cohesion[slots].tolist(), world.results.entrapment[i_idx].tolist(), world.results.abandonment[i_idx].tolist()
        details = [
            {
                "cause": "membership no longer worth its cost",
                "motives": dict(zip(MOTIVES, mot[k])),
                "factors": {"value": val[k], "cost": cst[k], "cohesion": coh[k], "entrapment": ent[k], "abandonment": aba[k]},
            }
            for k in range(len(val))
        ]
    leave(world, slots, i_idx, details)
    dissolve_deserted(world, gone, "too few members after exits")
    return True


@njit(cache=True)
def _leavers_kernel(stay, cost, draw, exit_p, a_idx, alliances, size):  # pragma: no cover (compiled)
    """Positions ``k`` with ``stay[k] < cost[k]`` and ``draw[k] < exit_p[k]`` (in order), and the
    alliances (in slot order) that these exits leave with fewer than two of their ``size`` members."""
    m = stay.shape[0]
    go = np.empty(m, np.int64)
    left = np.zeros(alliances.shape[0], np.int64)
    c = 0
    for k in range(m):
        if stay[k] < cost[k] and draw[k] < exit_p[k]:
            go[c] = k
            c += 1
            left[a_idx[k]] += 1
    g = 0
    gone = np.empty(alliances.shape[0], np.int64)
    for a in range(alliances.shape[0]):
        if left[a] > 0 and size[a] - left[a] < 2:
            gone[g] = alliances[a]
            g += 1
    return go[:c], gone[:g]


@njit(cache=True)
def _exit_terms_kernel(i_idx, slots, load, entrapment, institutionalised, unit, exit_rate, protection, cost, exit_p):  # pragma: no cover (compiled)
    """Each membership's cost of staying and its exit probability (see :func:`_exits`), in the NumPy order of operations.

    ``cost = unit * load[i] * (1 + entrapment[i])`` (``unit = exit_threshold * alliance_cost``)
    and ``exit_p = exit_rate * (1 - protection * institutionalised[slot] / 2)``.
    """
    for k in range(i_idx.shape[0]):
        i = i_idx[k]
        cost[k] = unit * load[i] * (1.0 + entrapment[i])
        exit_p[k] = exit_rate * (1.0 - protection * float(institutionalised[slots[k]]) / 2.0)


def _pairs(world: World, rows: np.ndarray, choice: np.ndarray, dec: np.ndarray, cost: np.ndarray, u: np.ndarray, total: np.ndarray, view: _Alliances) -> None:
    """New pairs among the states ``rows`` that chose a partner (``choice < N``), with the partner's consent (F5)."""
    p = world.params
    n = world.n
    pairing = (choice >= 0) & (choice < n)
    if not pairing.any():
        return
    proposals = np.full(n, -1)
    proposals[rows[pairing]] = choice[pairing]
    pair_cost = np.repeat(view.unit_cost[:, None], n, axis=1)
    pair_cost[rows] = cost[:, :n]
    # mutual consent; a pair proposed from both sides forms once, at its first proposer
    first, partner = th_consent.consenting_pairs(proposals, total, pair_cost, check=world.check)
    if not len(first):
        return
    dec_by_state = np.zeros((n, 4))
    dec_by_state[rows] = dec
    form_alliances(world, first, partner, dec_by_state, u, total, pair_cost)


def _accessions(world: World, rows: np.ndarray, choice: np.ndarray, dec: np.ndarray, cost: np.ndarray, total: np.ndarray, view: _Alliances) -> None:
    """Accessions of the states ``rows`` that chose an alliance (``choice >= N``), if its members let them in (P2)."""
    p = world.params
    ag = world.agreements
    n = world.n
    y = world.year
    join_rows = np.flatnonzero((choice >= n))
    if not len(join_rows) or not len(view.slots):
        return
    cand = rows[join_rows]
    a_local = choice[join_rows] - n
    slots = view.slots[a_local]
    # the share of each alliance's members that gain from the candidate (total[j, i] above j's
    # cost of a new tie), and the candidate's territorial disputes with them
    share = np.empty(len(cand))
    disputes = np.empty(len(cand), np.int64)
    _votes_kernel(total, view.unit_cost, ag.members, slots, cand, world.territorial_dispute, share, disputes)
    allowed = th_entrapment.accession_allowed(disputes, check=world.check) & (share >= p.accession_share)
    ok = np.flatnonzero(allowed & ~ag.members[slots, cand] & ag.active[slots])
    if not len(ok):
        return
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


@njit(cache=True)
def _votes_kernel(total, unit_cost, members, slots, cand, dispute, share, disputes):  # pragma: no cover (compiled)
    """For each candidate ``cand[c]`` of alliance ``slots[c]``: the share of members ``j`` with
    ``total[j, i] > unit_cost[j]`` (over ``max(members, 1)``) and its disputes with the members."""
    n = members.shape[1]
    for c in range(cand.shape[0]):
        s = slots[c]
        i = cand[c]
        members_now = 0
        gain = 0
        disputed = 0
        for j in range(n):
            if members[s, j]:
                members_now += 1
                if total[j, i] > unit_cost[j]:
                    gain += 1
                if dispute[i, j]:
                    disputed += 1
        share[c] = gain / max(members_now, 1)
        disputes[c] = disputed
