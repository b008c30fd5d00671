"""The war risk of the abstention term (:func:`foedus.sim.steps.formation.abstention_terms`' ``war_risk``): each live pair's
expected war over the abstention horizon from the year's war-onset hazard, with this moment's defence pacts.

Moved from :mod:`foedus.sim.steps.formation` (which re-exports these names) when that module passed 600 lines; the same
code. :func:`_war_risk` keeps the matrix for the year while its inputs are the same to the bit (issue 16),
:func:`_onset_terms` the live pairs and their covariates but the defence pact's, :func:`_war_risk_computed` computes it
(:func:`foedus.theory.offence.war_expectation` of :func:`foedus.theory.war_onset.war_onset_hazard`).
"""

from __future__ import annotations

import numpy as np

from foedus.sim.steps import (
    conflict,  # its defence_pairs read through the module: a test replaces it there
    year_goods,
)
from foedus.sim.steps import conflict_kernels as war_kern
from foedus.sim.steps import war_risk_kernels as risk_kern
from foedus.sim.steps.conflict import onset_covariates
from foedus.sim.world import World
from foedus.sim.yearcache import _same
from foedus.theory import offence as th_offence
from foedus.theory import war_onset as th_onset
from foedus.theory.renunciation import territorial_integrity_norm


def _war_risk(world: World) -> np.ndarray:
    """``war_risk`` of :func:`~foedus.sim.steps.formation.abstention_terms` (N, N, read-only), computed again only when an input of the hazard moved: the
    agreements change several times a year (exits, new pacts, the blocs' treaties) and most changes leave the defence pacts, the
    one term of the hazard they enter, as they were (issue 16; every array :func:`.conflict.onset_covariates` and
    :func:`.conflict_kernels.onset_live` read is an input of the cache, compared to the bit: the defence pacts here, the others by
    :func:`_onset_terms`, whose token stands for them). When the defence pacts alone moved, the live pairs and their other
    covariates are the year's still."""
    terms = _onset_terms(world)  # compares every input but the agreements; its token names that set of inputs
    return world.year_cache.get(
        world.state.year, "abstention_war_risk", lambda: _war_risk_computed(world, terms), across_years=True, defence=conflict.defence_pairs(world), onset_terms=terms[3],
    )


def _onset_terms(world: World) -> tuple:
    """The live pairs ``(i, j)`` of :func:`_war_risk_computed` and their covariates of the onset hazard but the defence pact's (in the
    order of :data:`foedus.theory.war_onset.WAR_ONSET_TERMS`, ``None`` in its place), and a token (a new ``object()`` each time they
    are computed: equal only to itself, so a cache keyed on it is keyed on these inputs), kept for the year while every input but the
    agreements is the same to the bit: the agreements change several times a year, and with them the defence pacts, while the rest
    of the hazard's covariates stay (issue 16)."""
    p = world.inputs.params
    st, inp = world.state, world.inputs

    def compute():
        i, j = _live_pairs(world)
        if inp.check or not len(i):
            x = onset_covariates(world, i, j) if len(i) else {}
            terms, token = tuple(None if t == "defence_pact" else x.get(t) for t in th_onset.WAR_ONSET_TERMS), object()
        else:  # one compiled pass: the covariates as floats and the logit's sum before the defence pact's term (war_risk_kernels)
            x, head = _compiled_terms(world, i, j)
            terms, token = tuple(None if k == risk_kern.DEFENCE_TERM else x[k] for k in range(len(th_onset.WAR_ONSET_TERMS))), _Partial(x, head)
        for a in (i, j) + terms:
            if a is not None:
                a.flags.writeable = False
        return i, j, terms, token

    return year_goods.step_memo(world, "abstention_onset_terms", lambda: world.year_cache.get(  # an alignment step writes none of these
        st.year, "abstention_onset_terms", compute, across_years=True, at_war=st.at_war, active=st.active, power=st.power, rivalry=st.rivalry,
        war_history=st.war_history, regime=st.regime, major=st.major, contiguous=inp.contiguous, ccode=inp.ccode, params=p, check=inp.check,
        distance=inp.capital_km if inp.capital_km is not None else inp.distance_km, spatial=inp.rivalry_spatial,  # the distance the covariates read
        # the covariates' terms of the year (conflict.onset_covariates): the norm's step and the nuclear arms (kept across years when the same)
        norm=bool(territorial_integrity_norm(st.year)), nuclear=conflict._nuclear(world),
    ))


class _Partial:
    """The token of :func:`_onset_terms` computed by :func:`.war_risk_kernels.onset_terms` (equal only to itself, as an ``object()``),
    holding the covariates ``x`` (13, L) and the logit's sum before the defence pact's term ``head`` (L,), for :func:`_war_risk_computed`."""

    __slots__ = ("head", "x")

    def __init__(self, x: np.ndarray, head: np.ndarray):
        self.x, self.head = x, head


def _compiled_terms(world: World, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`.war_risk_kernels.onset_terms` of the live pairs ``(i, j)``: the covariates (13, L) of :func:`.conflict.onset_covariates`
    as floats (the defence pact's row zeros) and the logit's sum before the defence pact's term (L,), at the abstention's intercept."""
    p, s, n = world.inputs.params, world.state, world.n
    sp, wh = world.inputs.rivalry_spatial, s.war_history
    capital = world.inputs.capital_km if world.inputs.capital_km is not None else world.inputs.distance_km
    x = np.zeros((len(th_onset.WAR_ONSET_TERMS), len(i)))
    head = np.empty(len(i))
    risk_kern.onset_terms(
        np.ascontiguousarray(i, dtype=np.int64), np.ascontiguousarray(j, dtype=np.int64), np.ascontiguousarray(world.inputs.contiguous, dtype=bool),
        _log_distance(world, capital), np.ascontiguousarray(s.power, dtype=float), np.ascontiguousarray(s.major, dtype=bool),
        np.ascontiguousarray(s.rivalry, dtype=float), np.ascontiguousarray(wh, dtype=float), wh.shape == (n, n), np.ascontiguousarray(s.regime, dtype=float),
        np.ascontiguousarray(conflict._nuclear(world), dtype=bool), bool(territorial_integrity_norm(s.year)),
        np.zeros((1, 1), np.bool_) if sp is None else np.ascontiguousarray(sp, dtype=bool), sp is not None, float(p.war_onset_intercept),
        np.asarray(p.war_onset_coefficients(), dtype=float), x, head,
    )
    return x, head


def _log_distance(world: World, capital: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.war_onset.log_distance` (N, N) of the capitals' distances ``capital``, computed once while they are the same
    to the bit (the inputs of a run: one array a run, compared at each ask), not for the live pairs every year (issue 16)."""
    hit = world.cache.get("abstention_log_distance")
    if hit is None or not _same(hit[0], capital):
        hit = world.cache["abstention_log_distance"] = (np.array(capital, copy=True), np.ascontiguousarray(th_onset.log_distance(capital), dtype=float))
    return hit[1]


def _live_pairs(world: World) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (i < j) at risk of a war onset this year (:func:`.conflict_kernels.onset_live`)."""
    i, j = year_goods.pairs_of(world, world.n)
    live = war_kern.onset_live(i, j, world.state.active, world.state.power, world.state.at_war, world.inputs.contiguous, world.state.major, world.state.rivalry)
    return i[live], j[live]


def _war_risk_computed(world: World, terms: tuple | None = None) -> np.ndarray:
    """:func:`_war_risk` computed: :func:`foedus.theory.offence.war_expectation` of each live pair's onset hazard, 1 at war.
    ``terms``: :func:`_onset_terms` of this world (the live pairs and their covariates but the defence pact's); None computes them."""
    p = world.inputs.params
    n = world.n
    compiled = terms is not None and isinstance(terms[3], _Partial)
    risk = np.empty((n, n)) if compiled else np.zeros((n, n))  # the compiled path writes every entry (scatter_risk)
    if terms is None:
        i, j = _live_pairs(world)
        x = onset_covariates(world, i, j) if len(i) else {}
        cov = tuple(x.get(t) for t in th_onset.WAR_ONSET_TERMS)
    elif compiled:  # the compiled terms: the defence pacts' term and the four after it added to the kept sum
        i, j, _, part = terms
        eta = np.empty(len(i))
        risk_kern.finish_eta(part.head, part.x, i, j, np.ascontiguousarray(conflict.defence_pairs(world), dtype=bool), np.asarray(p.war_onset_coefficients(), dtype=float), eta)
        h = 1.0 / (1.0 + np.exp(-eta))  # foedus.theory.rivalry.logit_hazard's last step, numpy's
        v = th_offence.war_expectation(h, p.abstention_horizon, check=False)
        at_war = world.state.at_war
        has_war = at_war.shape == (n, n)
        risk_kern.scatter_risk(i, j, v, np.ascontiguousarray(at_war, dtype=bool) if has_war else np.zeros((1, 1), np.bool_), has_war, risk)
        return risk
    else:
        i, j, cov, _ = terms
        if len(i):
            cov = tuple(np.take(conflict.defence_pairs(world), i * n + j) if t == "defence_pact" else c for t, c in zip(th_onset.WAR_ONSET_TERMS, cov))
    if len(i):
        h = th_onset.war_onset_hazard(*cov, intercept=p.war_onset_intercept, coefficients=p.war_onset_coefficients())
        risk[i, j] = risk[j, i] = th_offence.war_expectation(h, p.abstention_horizon, check=world.inputs.check)
    if world.state.at_war.shape == (n, n):
        risk[world.state.at_war] = 1.0
    np.fill_diagonal(risk, 0.0)
    return risk
