"""The year's alignment utilities, aggrandisement and isolation, computed once for the blocs and alignment steps (issue 16).

Both :mod:`.blocs` and :mod:`.alignment` value pledges with
:func:`foedus.theory.alignment.alignment_utilities`, :func:`foedus.theory.offence.aggrandisement` and
:func:`foedus.theory.offence.isolation` of the same inputs; these accessors call the theory functions
through the world's :class:`~foedus.sim.yearcache.YearCache` (``world.year_cache``), which returns an
earlier result of the year only when every input is the same to the bit. The arrays returned are
read-only (the steps read them; ``* discount`` and the like make new arrays).

The same holds for the terms the alignment step's helpers asked for several times a year from the
same inputs (:func:`offence_target` six times, :func:`pledge_credibility` four times,
:func:`nuclear_armed` twice): each is computed once a year while its inputs are the same.
"""

from __future__ import annotations

from typing import Self

import numpy as np

from foedus.data import nuclear as _nuclear
from foedus.sim.steps import alignment_kernels as _align_kern
from foedus.sim.world import World
from foedus.theory import alignment as th_align
from foedus.theory import consent as th_consent
from foedus.theory import offence as th_offence
from foedus.theory import pledge_kernels as pledge_kern
from foedus.theory import reassurance as th_reassure
from foedus.theory import regions as _regions
from foedus.theory import renunciation as th_renounce

__all__ = [
    "aggrandisement", "held_for_step", "intentions", "isolation", "norms", "nuclear_armed", "offence_target", "pair_burden", "pair_shares", "pairs_of",
    "pledge_credibility", "regions", "step_held", "step_memo", "utilities",
]

_STEP = "step_memo"  # the world.cache key of the memo of the step under way (held_for_step)
_MISSING = object()


class held_for_step:
    """While a step runs (``with held_for_step(world):``), :func:`step_memo` keeps what the step's helpers ask for more than once.

    For the terms whose inputs the step does not write (the alignment step writes the agreements and the log only): the
    first ask goes through ``world.year_cache``, which compares every input to the bit; a later ask in the same step would
    compare the same arrays again and find them the same, so it is given the first answer (the same object) without the
    comparison (issue 16: at 200 states a hit compares several (N, N) arrays). The memo is dropped when the step ends.
    """

    def __init__(self, world: World):
        self.world = world

    def __enter__(self) -> Self:
        self.world.cache[_STEP] = {}
        return self

    def __exit__(self, *exc) -> None:
        self.world.cache.pop(_STEP, None)


def step_memo(world: World, name: str, fetch, key: bytes = b""):
    """``fetch()``, kept by name for the rest of the step under way (:class:`held_for_step`) while ``key`` (the bytes of an
    argument) is the same; outside a step, ``fetch()`` each time. Only for terms whose every input the step leaves as it is."""
    memo = world.cache.get(_STEP)
    if memo is None:
        return fetch()
    hit = memo.get(name, _MISSING)
    if hit is _MISSING or hit[0] != key:
        hit = memo[name] = (key, fetch())
    return hit[1]


def step_held(world: World, name: str, compute, fallback, *objs):
    """Within a step (:class:`held_for_step`): ``compute()`` (made read-only), kept by name for the rest of the step while ``objs``
    are the same objects; outside a step: ``fallback()`` (the year cache).

    For a term asked once or twice a step whose inputs are ``objs`` (read-only terms of the year, or arrays the step never writes
    into) and arrays the step does not write (the capabilities, the reach): the year cache would copy every input on its first ask,
    to compare them on a second ask that, within the step, can only find the same objects (issue 16). The objects are held with the
    result, so an identity stands for them while the memo lives."""
    memo = world.cache.get(_STEP)
    if memo is None:
        return fallback()
    hit = memo.get(name, _MISSING)
    if hit is _MISSING or len(hit[0]) != len(objs) or any(a is not b for a, b in zip(hit[0], objs)):
        out = compute()
        if isinstance(out, np.ndarray):
            out.flags.writeable = False
        hit = memo[name] = (objs, out)
    return hit[1]


def utilities(world: World) -> tuple[np.ndarray, np.ndarray]:
    """``(U, total)`` of :func:`foedus.theory.alignment.alignment_utilities` for this year's world (the motives (4, N, N) and their sum)."""
    p = world.inputs.params
    res = world.results
    weights = (p.weakness_threshold, p.balance_power_weight, p.balance_threat_weight, p.bandwagon_weight, p.tether_weight)

    def compute():
        return th_align.alignment_utilities(
            world.state.power, res.threat, world.state.hostility, weakness_threshold=p.weakness_threshold, balance_power_weight=p.balance_power_weight,
            balance_threat_weight=p.balance_threat_weight, bandwagon_weight=p.bandwagon_weight, tether_weight=p.tether_weight,
            shared_global=res.shared_global, reach=res.reach, return_total=True, check=world.inputs.check,
        )

    return world.year_cache.get(
        world.state.year, "alignment_utilities", compute, across_years=True, power=world.state.power, threat=res.threat, hostility=world.state.hostility, shared_global=res.shared_global,
        reach=res.reach, weights=weights, check=world.inputs.check,
    )


def aggrandisement(world: World) -> np.ndarray:
    """:func:`foedus.theory.offence.aggrandisement` of this year's hostility and reach (N, N)."""
    res = world.results

    def compute():  # compiled (equal to the bit: foedus.theory.pledge_kernels) unless the run checks its inputs
        if world.inputs.check:
            return th_offence.aggrandisement(world.state.hostility, res.reach, check=True)
        return pledge_kern.aggrandisement(world.state.hostility, res.reach, offence_target(world))

    return world.year_cache.get(world.state.year, "aggrandisement", compute, across_years=True, hostility=world.state.hostility, reach=res.reach, check=world.inputs.check)


def isolation(world: World, defends: np.ndarray) -> np.ndarray:
    """:func:`foedus.theory.offence.isolation` of this year's hostility and reach, with ``defends`` (N, N) bool: who is pledged to defend whom."""
    res = world.results

    def compute():  # compiled (equal to the bit: foedus.theory.pledge_kernels) unless the run checks its inputs
        if world.inputs.check:
            return th_offence.isolation(world.state.hostility, res.reach, defends=defends, check=True)
        return pledge_kern.isolation(world.state.hostility, res.reach, offence_target(world), defends=defends)

    return world.year_cache.get(world.state.year, "isolation", compute, across_years=True, hostility=world.state.hostility, reach=res.reach, defends=defends, check=world.inputs.check)


def offence_target(world: World) -> np.ndarray:
    """:func:`foedus.theory.offence.offence_target` of this year's hostility (N,) int, -1 for none."""
    h = world.state.hostility

    def compute():
        return th_offence.offence_target(h, check=world.inputs.check)

    # asked six times in an alignment step (of the hostility, which the step does not write): the first ask compares it
    return step_memo(world, "offence_target", lambda: world.year_cache.get(world.state.year, "offence_target", compute, across_years=True, hostility=h, check=world.inputs.check))


def pledge_credibility(world: World) -> np.ndarray:
    """:func:`foedus.theory.reassurance.pledge_credibility` (N, N) of this year's hostility, weight ``pledge_credibility_weight``
    and threshold ``trust_threshold``."""
    p = world.inputs.params
    h = world.state.hostility

    def compute():
        return th_reassure.pledge_credibility(h, weight=p.pledge_credibility_weight, threshold=p.trust_threshold, check=world.inputs.check)

    def cached():
        return world.year_cache.get(
            world.state.year, "pledge_credibility", compute, across_years=True, hostility=h, weight=float(p.pledge_credibility_weight), threshold=float(p.trust_threshold),
            check=world.inputs.check,
        )

    return step_memo(world, "pledge_credibility", cached)  # asked up to seven times in an alignment step: the first ask compares


def intentions(world: World, entry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The prior's weight on each pair's intentions (:func:`~foedus.theory.reassurance.intentions_uncertainty` of
    :func:`~foedus.theory.reassurance.relationship_age` since the years ``entry`` (N,) the states entered the system) and the
    expected threat (:func:`~foedus.theory.reassurance.expected_threat`), (N, N) each: what
    :func:`foedus.sim.steps.formation.reassurance_threat` and :func:`~foedus.sim.steps.formation.unread_alignment` (up to
    four times a year) weigh, computed once while the inputs are the same."""
    p = world.inputs.params
    res = world.results

    def compute():
        return intentions_terms(world.state.year, entry, res.threat, res.reach, decay=p.intentions_decay_years, prior=p.nonaggression_prior)

    def cached():
        return world.year_cache.get(
            world.state.year, "intentions", compute, entry=entry, threat=res.threat, reach=res.reach, decay=float(p.intentions_decay_years),
            prior=float(p.nonaggression_prior),
        )

    # asked up to three times in an alignment step, which writes neither the threats nor the reach: the first ask compares them
    return step_memo(world, "intentions", cached, key=np.asarray(entry).tobytes())


def intentions_terms(year: int, entry: np.ndarray, threat: np.ndarray, reach: np.ndarray, *, decay: float, prior: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`intentions`' terms: :func:`~foedus.theory.reassurance.intentions_uncertainty` of
    :func:`~foedus.theory.reassurance.relationship_age` and :func:`~foedus.theory.reassurance.expected_threat`, (N, N) each.

    A pair's age is its younger side's, so its weight is that side's: the N weights by numpy (the theory's ``exp`` of the same
    ages) and the pairs in one compiled pass (:func:`.alignment_kernels.intentions_terms`) instead of some twelve (N, N) passes
    and N * N exponentials; the theory functions' numbers to the bit (``tests/sim/test_intentions_terms.py``). A decay of 0
    (every record read at once) and a world without reach take the theory functions."""
    t = np.asarray(threat)
    if decay == 0 or reach is None or t.ndim != 2 or np.shape(reach) != t.shape or t.shape[0] != len(entry):
        age = th_reassure.relationship_age(year, entry, check=False)
        u = th_reassure.intentions_uncertainty(age, decay_years=decay, check=False)
        return u, th_reassure.expected_threat(threat, reach, u, prior=prior, check=False)
    e = np.asarray(entry).astype(float)
    own = np.where(e <= th_reassure.STATE_LIST_START, np.inf, float(year) - e)  # relationship_age's per-state ages
    weight = np.exp(-np.maximum(own, 0.0) / float(decay))  # intentions_uncertainty of each age (max(min(a, b), 0) is the younger's)
    n = len(own)
    u, out = np.empty((n, n)), np.empty((n, n))
    _align_kern.intentions_terms(own, weight, np.ascontiguousarray(t, dtype=float), np.ascontiguousarray(reach, dtype=float), float(prior), u, out)
    return u, out


def nuclear_armed(world: World) -> np.ndarray:
    """:func:`foedus.data.nuclear.nuclear_armed` (N,) bool of the states' COW codes in this year."""
    ccode = world.inputs.ccode

    def compute():
        return _nuclear.nuclear_armed(ccode, world.state.year)

    # asked twice in an alignment step (aggrandisement and isolation deterred), which does not write the codes: the first ask compares
    return step_memo(world, "nuclear_armed", lambda: world.year_cache.get(world.state.year, "nuclear_armed", compute, ccode=ccode))


def regions(world: World) -> np.ndarray:
    """:func:`foedus.theory.regions.cow_region` (N,) of the states' COW codes, computed once while the codes are the same (the
    accessions and the community of democracies ask for it up to three times a year; not to be written into)."""
    ccode = world.inputs.ccode
    hit = world.cache.get("cow_regions")
    if hit is None or hit[0] is not ccode or hit[1] != ccode.tobytes():
        hit = world.cache["cow_regions"] = (ccode, ccode.tobytes(), _regions.cow_region(ccode))
    return hit[2]


def norms(world: World) -> tuple[float, float, float, float]:
    """The norm's strength this year (:func:`foedus.theory.renunciation.renunciation_of_war`), the conquest discount, the standing
    of non-aggression and of an offence pledge (:func:`~.formation.norm_terms`, :func:`~.formation.offence_term`), as floats: computed once for the year
    and the three strengths (asked some fifteen times a year by the blocs, alignment and wartime steps and the explanations)."""
    p = world.inputs.params
    key = (world.state.year, p.conquest_norm_strength, p.nonaggression_norm_share, p.offence_abrogation_strength)
    hit = world.cache.get("norm_terms")
    if hit is None or hit[0] != key:
        norm = th_renounce.renunciation_of_war(world.state.year)
        discount = th_renounce.conquest_discount(norm, p.conquest_norm_strength, check=False)
        standing = th_renounce.nonaggression_standing(norm, p.nonaggression_norm_share, check=False)
        offence = th_renounce.offence_standing(norm, p.offence_abrogation_strength, check=False)
        hit = world.cache["norm_terms"] = (key, (float(norm), float(discount), float(standing), float(offence)))
    return hit[1]


def pairs_of(world: World, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.triu_indices(n, 1)``: every pair once, built once per number of states (not to be written into; left writeable
    so the compiled kernels that read them keep their one signature)."""
    hit = world.cache.get("triu_pairs")
    if hit is None or hit[0] != n:
        i, j = np.triu_indices(n, 1)
        hit = world.cache["triu_pairs"] = (n, i, j)
    return hit[1], hit[2]


def pair_shares(world: World) -> np.ndarray:
    """:func:`foedus.theory.consent.pair_burden_shares` (N, N) of this year's capabilities: each side's share of a pair's common
    defence, asked by :func:`~.formation.credible_goods` and the alignment step's new pacts (:func:`pair_burden`) from the same
    capabilities, computed once while they are the same."""
    power = world.state.power

    def compute():  # compiled (the same bits: alignment_kernels.pair_shares) unless the run checks its inputs
        if world.inputs.check or power.dtype != np.float64 or power.ndim != 1:
            return th_consent.pair_burden_shares(power)
        return _align_kern.pair_shares(power)

    return world.year_cache.get(world.state.year, "pair_burden_shares", compute, across_years=True, power=power)


def pair_burden(world: World, burden: np.ndarray) -> np.ndarray:
    """``burden * pair_shares(world)`` (N, N): the risk of defending each partner in a new pact, carried in one's share of the pair's
    defence (:func:`foedus.sim.steps.alignment._pair_burden`), computed once while ``burden`` (the year's exchange terms) and the
    capabilities are the same."""
    shares = pair_shares(world)  # the year cache's (read-only): its object stands for the capabilities within a step

    def cached():
        return world.year_cache.get(world.state.year, "pair_burden", lambda: burden * shares, across_years=True, burden=burden, power=world.state.power)

    # asked once in an alignment step (its new pacts): the product there, without the year cache's copies of its inputs
    return step_held(world, "pair_burden", lambda: burden * shares, cached, burden, shares)
