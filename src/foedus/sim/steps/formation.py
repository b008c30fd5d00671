"""The costs of alignment options and the writing of new pacts (brief P1, P2, F5), for :mod:`.alignment`.

An option's cost grows with the state's commitments (Snyder 1984: each further one entraps
more) net of its commitment capacity, and moves with the autonomy change of Morrow's (1991)
exchange; a new bilateral pact is added with both sides' motives and logged with its
explanation.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.schema import OBLIGATIONS
from foedus.sim.steps._common import ALLIANCE, MOTIVES
from foedus.sim.membership import leaders
from foedus.sim.steps.threat import threat_terms
from foedus.sim.world import World
from foedus.theory import exchange as th_exchange
from foedus.theory.capability import asymmetric_capabilities

_DEFENCE = OBLIGATIONS.index("defense")

def formation_inputs(world: World, rows: np.ndarray, alliances: np.ndarray, load: np.ndarray, size: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which options the states ``rows`` may take, and what each costs without the autonomy term (one compiled pass).

    Options are the N states (a new pair) then the alliances ``alliances`` (an accession). A
    state may not pair with itself, an ally or a state it is at war with, nor join an
    alliance it belongs to or left this year. The cost is that of :func:`option_costs` with
    ``autonomy_weight`` 0: ``alliance_cost * (1 + m_i) ** e * k ** e``, with ``load`` (N,) each
    state's ``(1 + m_i) ** e``.
    """
    p = world.params
    ag = world.agreements
    n = world.n
    e = p.commitment_exponent
    own = load[rows]
    partners = np.concatenate([np.ones(n), size.astype(float) ** e])  # 1 ** e is 1
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


def option_costs(world: World, rows: np.ndarray, alliances: np.ndarray, mem: np.ndarray, portfolio: np.ndarray, leader: np.ndarray | None = None) -> np.ndarray:
    """Cost of each option for the states in ``rows`` (P1, P2).

    ``alliance_cost * ((1 + m_i) * k) ** commitment_exponent * (1 - autonomy_weight * da / autonomy_pledge)``
    with ``m_i`` the state's security agreements divided by its commitment capacity
    (:func:`commitment_capacity`), ``k`` the partners the option brings (1 for a
    pair, the members for an accession) and ``da`` the autonomy change of Morrow's exchange
    (:func:`foedus.theory.exchange.morrow_exchange`; ``-autonomy_pledge``, the pledge alone, when no
    contract is feasible): the weak side of an asymmetric pair pays more, the strong side less.
    Joining an alliance is an exchange with its strongest member (an asymmetric alliance is
    mostly its leader, as in the capability-weighted join utility; ``leader``: each alliance's
    strongest member, from :func:`foedus.sim.membership.leaders`).
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
    cost = base * (1.0 - p.autonomy_weight * autonomy / p.autonomy_pledge)
    return np.maximum(cost, 0.0)


def commitment_capacity(world: World) -> np.ndarray:
    """How many commitments a state carries for the price of one: ``max(1, sqrt(p_i / median p))``.

    Entrapment grows with the number of one's commitments (Snyder 1984), but a great power can
    honour more of them than a small state: the United States keeps dozens of treaty allies.
    """
    pw = world.power
    n = len(pw)
    half = np.partition(pw, ((n - 1) // 2, n // 2))  # the median without np.median's overhead
    med = 0.5 * (float(half[(n - 1) // 2]) + float(half[n // 2]))
    return np.maximum(1.0, np.sqrt(pw / med)) if med > 0 else np.ones(n)


def stay_autonomy_factor(world: World, top: tuple[np.ndarray, np.ndarray] | None, i_idx: np.ndarray, a_idx: np.ndarray) -> np.ndarray:
    """``1 - autonomy_weight * da / autonomy_pledge`` (>= 0) for members ``i_idx`` of alliances ``a_idx``, as in :func:`option_costs`.

    ``da`` is Morrow's autonomy change of the member in an exchange with the alliance's strongest
    other member (``top``: each alliance's strongest and second-strongest members, from
    :func:`foedus.sim.membership.leaders`): the leader of an asymmetric alliance gains autonomy
    (concessions) and so stays at a lower cost; its small allies pay for their security in
    autonomy.
    """
    p = world.params
    if p.autonomy_weight == 0:  # no autonomy term: Morrow's exchange need not be solved
        return np.ones(len(i_idx))
    top1, top2 = top
    partner = np.where(i_idx == top1[a_idx], top2[a_idx], top1[a_idx])
    autonomy = _pair_autonomy(world)[i_idx, partner]
    return np.maximum(1.0 - p.autonomy_weight * autonomy / p.autonomy_pledge, 0.0)


def _pair_autonomy(world: World) -> np.ndarray:
    """Morrow's autonomy change of every pair (N, N), kept up to date as capabilities move.

    :func:`foedus.theory.exchange.morrow_exchange` solves a bargaining problem per pair; every
    ``autonomy_refresh_years`` the rows and columns of states whose capability share has changed
    by more than ``autonomy_refresh_change`` (in log) since they were last solved are solved again.
    """
    p = world.params
    pw = np.maximum(world.power, 1e-9)
    cached = world.cache.get("autonomy")
    if cached is None:
        world.cache["autonomy_year"] = world.year
        ex = th_exchange.morrow_exchange(pw[:, None], pw[None, :], iterations=24, check=world.check)
        world.cache["autonomy"] = (pw.copy(), np.where(ex.feasible, ex.autonomy_change_i, -p.autonomy_pledge))
        return world.cache["autonomy"][1]
    old, autonomy = cached
    if world.year - world.cache.get("autonomy_year", world.year) < p.autonomy_refresh_years:
        return autonomy
    world.cache["autonomy_year"] = world.year
    moved = np.flatnonzero(np.abs(np.log(pw / old)) > p.autonomy_refresh_change)
    if len(moved):
        old[moved] = pw[moved]
        ex = th_exchange.morrow_exchange(old[moved][:, None], old[None, :], iterations=24, check=world.check)
        autonomy[moved, :] = np.where(ex.feasible, ex.autonomy_change_i, -p.autonomy_pledge)
        autonomy[:, moved] = np.where(ex.feasible, ex.autonomy_change_j, -p.autonomy_pledge).T
    return autonomy


def form_alliances(world: World, i: np.ndarray, j: np.ndarray, dec: np.ndarray, u: np.ndarray, total: np.ndarray, cost: np.ndarray) -> None:
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
    asym = asymmetric_capabilities(hi, lo)
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
    ti, tj = world.ccode[world.results.threat[i].argmax(axis=1)].tolist(), world.ccode[world.results.threat[j].argmax(axis=1)].tolist()
    between = np.maximum(world.results.threat[i, j], world.results.threat[j, i]).tolist()
    # what makes each side's main threat (Walt's terms with geography, :func:`..threat.threat_terms`)
    terms_i = threat_terms(world, i, world.results.threat[i].argmax(axis=1))
    terms_j = threat_terms(world, j, world.results.threat[j].argmax(axis=1))
    asym_l = asym.tolist()
    details = [
        {
            "motives": dict(zip(MOTIVES, mot[k])),
            "members": [
                {"ccode": ci[k], "power": pi[k], "motives": dict(zip(MOTIVES, mi[k])), "utility": ui[k], "cost": ki[k], "main_threat": ti[k], "main_threat_terms": terms_i[k], "proposed": True},
                {"ccode": cj[k], "power": pj[k], "motives": dict(zip(MOTIVES, mj[k])), "utility": uj[k], "cost": kj[k], "main_threat": tj[k], "main_threat_terms": terms_j[k], "proposed": False},
            ],
            "factors": {"threat_between": between[k], "asymmetric": asym_l[k]},
        }
        for k in range(len(i))
    ]
    world.log.events(y, "formation", ag.agreement_id[slots], world.ccode[i], world.ccode[j], details)

