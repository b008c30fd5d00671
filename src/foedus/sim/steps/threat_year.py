"""The year's neighbourhoods of threat perception in one compiled pass (step 3; brief F1, F2; issue 16).

Each year the capabilities move, and every matrix of :mod:`foedus.sim.steps.threat` that reads them is evaluated again:
:func:`~foedus.sim.steps.threat.able_to_reach` (:func:`foedus.theory.projection.able_to_reach`),
:func:`~foedus.sim.steps.threat.relevant_dyads` (:func:`foedus.theory.relevance.relevant_dyads`), both neighbourhoods
(:func:`~foedus.sim.steps.threat.neighbourhood`, :func:`~foedus.sim.steps.threat.issue_neighbourhood`:
:func:`foedus.theory.relevance.politically_relevant` without and with ``ally_conflict``), the exposure
(:func:`~foedus.sim.steps.threat.exposed_states`) and the weight of what a state reads (``proximity * exposed``): some twenty numpy
calls and ten Python functions a year, one after the other. :func:`year_neighbourhoods` evaluates them in one pass
(:func:`_year_kernel`, from the year's :func:`~foedus.sim.steps.threat.home_reach`, the projection the theory compares), and keeps
each under the key its function keeps it, so that those functions, asked afterwards by this step or any other, find them. Every
entry is a truth value or the same products of the same numbers in the same order: the same bits
(``tests/sim/steps/test_threat_year.py``).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from foedus.sim.steps.threat_kernels import _ally_borders, _live_issue_kernel, _main_threat_kernel
from foedus.sim.world import World

__all__ = ["live_issue_pass", "year_neighbourhoods", "year_pass"]


def year_pass(world: World, home_reach, allied_in_arms) -> None:
    """:func:`year_neighbourhoods` when the year's capabilities are new (the kept ``able_to_reach`` is of others: every matrix it keeps
    reads them), of ``home_reach(world)`` and ``allied_in_arms(world)`` (:func:`foedus.sim.steps.threat.home_reach`, the pairs allied in arms);
    else nothing (those functions keep what holds, and evaluate what does not)."""
    hit = world.cache.get("able_to_reach")
    if hit is None or hit[0] != world.state.power.tobytes():
        year_neighbourhoods(world, home_reach(world), allied_in_arms(world))


def year_neighbourhoods(world: World, home: np.ndarray, allied: np.ndarray) -> None:
    """Keep this year's ``able_to_reach``, ``relevant_dyads``, ``neighbourhood``, ``issue_neighbourhood``, ``neighbourhoods``,
    ``exposed_states`` and ``revealing_weight`` in ``world.cache`` (the entries and keys of :mod:`foedus.sim.steps.threat`), from one
    compiled pass; ``home`` is :func:`~foedus.sim.steps.threat.home_reach` of the year, ``allied`` the pairs allied in arms
    (``alliance_commitment >= CALL_TO_ARMS``). A run that checks its inputs does not call it (the theory's functions are called)."""
    st, inp = world.state, world.inputs
    n = world.n
    power = np.ascontiguousarray(st.power, dtype=float)
    major, contiguous, at_war = np.ascontiguousarray(st.major, dtype=np.bool_), np.ascontiguousarray(inp.contiguous, dtype=np.bool_), np.ascontiguousarray(st.at_war, dtype=np.bool_)
    ideal = inp.ideal_distance
    able, rel = np.empty((n, n), np.bool_), np.empty((n, n))
    near, issue, exposed, weight = np.empty((n, n)), np.empty((n, n)), np.empty((n, n)), np.empty((n, n))
    _year_kernel(np.ascontiguousarray(home, dtype=float), power, major, contiguous, np.ascontiguousarray(allied, dtype=np.bool_), at_war,
                 np.zeros((0, 0)) if ideal is None else np.ascontiguousarray(ideal, dtype=float), np.ascontiguousarray(st.rivalry),
                 np.ascontiguousarray(inp.proximity, dtype=float), able, rel, near, issue, exposed, weight)
    for a in (able, rel, near, issue, exposed, weight):
        a.flags.writeable = False
    pw, mj, ct, version = st.power.tobytes(), st.major.tobytes(), inp.contiguous.tobytes(), st.agreements.version
    key2 = (mj, ct, pw, version, st.at_war.shape, st.at_war.tobytes())
    c = world.cache
    c["able_to_reach"] = (pw, able)
    c["relevant_dyads"] = ((mj, ct, pw), rel)
    c["neighbourhood"] = ((mj, ct, pw, version), near)
    c["issue_neighbourhood"] = (key2, issue)
    c["neighbourhoods"] = (key2, near, issue)
    c["exposed_states"] = ((mj, st.rivalry.tobytes(), ct, pw, version), exposed)
    c["revealing_weight"] = (exposed, weight)


@njit(cache=True)
def _year_kernel(home, power, major, contiguous, allied, war, ideal, rivalry, proximity, able, rel, near, issue, exposed, weight):  # pragma: no cover (compiled)
    """``able[i, k] = home[k, i] >= power[k]`` (diagonal False; :func:`foedus.theory.projection.able_to_reach`); ``rel[i, k]`` 1.0 where
    ``P[i, k]`` or ``P[k, i]`` with ``P = contiguous | major[i] | able`` (diagonal 0; :func:`foedus.theory.relevance.relevant_dyads`);
    ``near`` and ``issue`` :func:`foedus.theory.relevance.politically_relevant` with ``allied`` (some ally of ``i`` borders ``k``; for
    ``issue`` an ally at war with ``k``: ``war``) as :func:`.threat_kernels._neighbourhoods_kernel`; ``exposed[i, k] = minor_k (1 - ideal[i, k])
    (1 - rivalry[i, k]) near[i, k]`` (``ideal`` empty: without its factor) and ``weight = proximity * exposed``, the numpy code's products in
    its order."""
    n = power.shape[0]
    for i in range(n):
        for k in range(n):
            able[i, k] = home[k, i] >= power[k] and i != k
    via = np.empty(n, np.bool_)  # via[k]: an ally of i borders k
    via_war = np.empty(n, np.bool_)  # ... and is at war with k
    has_ideal = ideal.shape[0] > 0
    for i in range(n):
        _ally_borders(i, allied, contiguous, war, via, via_war)
        for k in range(n):
            v = contiguous[i, k] or major[i] or able[i, k]
            r = (v or contiguous[k, i] or major[k] or able[k, i]) and k != i
            rel[i, k] = 1.0 if r else 0.0
            nb = 1.0 if (v or via[k]) and k != i else 0.0
            near[i, k] = nb
            issue[i, k] = 1.0 if (v or via_war[k]) and k != i else 0.0
            e = 0.0 if major[k] else 1.0
            if has_ideal:
                e = e * (1.0 - ideal[i, k])
            e = e * (1.0 - 1.0 * rivalry[i, k])  # a bool or float rivalry, as numpy's 1.0 - rivalry
            e = e * nb
            exposed[i, k] = e
            weight[i, k] = proximity[i, k] * e


def live_issue_pass(world: World, threat: np.ndarray, commitment: np.ndarray, reassurance: np.ndarray, call: float, nb: np.ndarray, able: np.ndarray,
                    region: np.ndarray, within: np.ndarray, camp: np.ndarray) -> np.ndarray:
    """(N, N): :func:`foedus.sim.steps.threat.live_issues` in one compiled pass (:func:`_live_pass_kernel`): the allies in arms
    (``commitment >= call``), the pledges that hold (:func:`foedus.theory.relevance.pledge_holds` of ``reassurance >= call``), the
    great powers' main threats in ``threat`` off those pledges (:func:`.threat_kernels._main_threat_kernel`) and the live issues
    (:func:`.threat_kernels._live_issue_kernel`), where the step made four (N, N) truth matrices and a float copy of two with numpy
    between three compiled calls; ``nb`` is :func:`~foedus.sim.steps.threat.issue_neighbourhood`, ``camp``
    :func:`~foedus.sim.steps.threat.camp_adversaries`, ``within`` :func:`~foedus.sim.steps.threat.aggression_within`. The same
    values (``tests/sim/steps/test_threat_year.py``)."""
    st, inp, p = world.state, world.inputs, world.inputs.params
    n = world.n
    ideal, territorial = inp.ideal_distance, inp.territorial_dispute
    known = inp.ideal_known if inp.ideal_known is not None else np.ones(n, dtype=bool)
    out = np.empty((n, n))
    _live_pass_kernel(
        np.ascontiguousarray(threat, dtype=float), np.ascontiguousarray(commitment, dtype=float), np.ascontiguousarray(reassurance, dtype=float), float(call),
        float(p.threat_perception_threshold), float(p.threat_perception_ceiling), float(p.threat_perception_floor), np.ascontiguousarray(st.power, dtype=float),
        np.ascontiguousarray(nb, dtype=float), np.ascontiguousarray(able, dtype=np.bool_), np.ascontiguousarray(st.major, dtype=np.bool_),
        np.ascontiguousarray(region, dtype=np.int64), np.ascontiguousarray(st.hostility, dtype=float), np.ascontiguousarray(st.rivalry),
        float(p.ideology_read_hostility), np.zeros((0, 0), np.bool_) if territorial is None else np.ascontiguousarray(territorial, dtype=np.bool_),
        territorial is not None, np.ascontiguousarray(st.at_war, dtype=np.bool_), np.ascontiguousarray(within, dtype=float),
        np.zeros((0, 0)) if ideal is None else np.ascontiguousarray(ideal, dtype=float), np.ascontiguousarray(known, dtype=np.bool_), ideal is not None,
        np.ascontiguousarray(camp, dtype=np.bool_), out,
    )
    return out


@njit(cache=True)
def _live_pass_kernel(threat, commitment, reassurance, call, threshold, ceiling, floor, power, nb, able, major, region, h, rivalry, serious, territorial,
                      has_territorial, war, within, ideal, known, has_ideal, camp, out):  # pragma: no cover (compiled)
    """``allied = commitment >= call``; ``holds[i, j] = reassurance[i, j] >= call`` and not ``h[i, j] > 0`` and ``>= serious`` (diagonal False,
    :func:`foedus.theory.relevance.pledge_holds`); ``main`` :func:`.threat_kernels._main_threat_kernel` of ``threat`` gated by ``1.0 - holds``
    (as a float, the numpy code's ``~holds``); then :func:`.threat_kernels._live_issue_kernel` into ``out``."""
    n = h.shape[0]
    allied = np.empty((n, n), np.bool_)
    holds = np.empty((n, n), np.bool_)
    gate = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            allied[i, j] = commitment[i, j] >= call
            hv = h[i, j]
            held = reassurance[i, j] >= call and not (hv > 0 and hv >= serious) and i != j
            holds[i, j] = held
            gate[i, j] = 0.0 if held else 1.0
    main = np.empty(n, np.intp)
    _main_threat_kernel(threat, gate, threshold, ceiling, floor, power, main)
    _live_issue_kernel(nb, able, major, region, h, rivalry, serious, territorial, has_territorial, war, within, ideal, known, has_ideal, allied, main, camp,
                       holds, out)
