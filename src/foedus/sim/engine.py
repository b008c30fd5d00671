"""The simulation: a world, a random generator, and a pipeline of named steps (Mesa-like).

>>> from foedus.sim import Simulation, Scenario
>>> sim = Simulation(Scenario.builtin("multipolar-1815"), rng=1)    # doctest: +SKIP
>>> sim.steps["cyber"] = lambda world, rng: None                    # replace a step  # doctest: +SKIP
>>> sim.steps = {k: f for k, f in sim.steps.items() if k != "cyber"}  # or remove it  # doctest: +SKIP
>>> history = sim.run(20).history()                                 # doctest: +SKIP

A run is a pure function of its scenario and seed: every random draw goes through
``Simulation.rng`` (``numpy.random.default_rng(seed)``, or the generator passed in), so the
same seed gives the same bytes in every table written by
:func:`foedus.data.runs.write_history_dir`. The generator is the only owner of the run's
randomness: a scenario's ``seed`` is only the default that the entry points
(:func:`run_scenario`, ``foedus simulate``) pass when given none.

The world is built once per scenario (:func:`build_world`: arrays from the scenario's
elements, then :func:`foedus.sim.steps.initialise` for the derived state of year one); the
steps of :mod:`foedus.sim.steps` change it year by year; the recorder
(:mod:`foedus.sim.record`) keeps what the history tables need.
"""

from __future__ import annotations

import collections
import contextlib
import copy
import functools
import itertools
import operator
import pickle
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from foedus.data.snapshot import great_circle_km
from foedus.schema import OBLIGATIONS, POWER_TIERS, History
from foedus.sim import steps as st
from foedus.sim.record import Recorder
from foedus.sim.scenario import GLOBAL_THREATS, Scenario
from foedus.sim.world import AGREEMENT_KINDS, DOMAINS, FIRST_SCENARIO_ID, Agreements, World
from foedus.theory.capability import asymmetric_capabilities, offensive_capability
from foedus.theory.threat import proximity_matrix

DEFAULT_EXPOSURE = {0: 0.9, 1: 0.7, 2: 0.4, 3: 0.2}
"""Exposure to global threats by power tier when a scenario gives none: states with wider
interests are hit by more of them (brief D4: threats hit states with different intensity)."""

CHECKPOINT = "checkpoint.pkl"


def single_threaded_blas() -> contextlib.AbstractContextManager:
    """Limit BLAS to one thread while simulating, when threadpoolctl is installed.

    A year's matrices are small (N <= a few hundred); BLAS threads only contend for cores
    (measured here: a 200 x 200 product takes 1 ms on one thread, 30 ms with two threads on a
    busy two-core machine). Results do not depend on the thread count.
    """
    controller = _threadpool_controller()
    if controller is None:  # pragma: no cover - optional
        return contextlib.nullcontext()
    return controller.limit(limits=1, user_api="blas")


@functools.cache
def _threadpool_controller():
    """One :class:`threadpoolctl.ThreadpoolController` per process (or None without threadpoolctl).

    Finding the loaded BLAS libraries reads the process's memory maps (about 3 ms); a run
    limits the threads twice and an ensemble worker runs thousands of runs, so it is done once.
    """
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - optional
        return None
    return ThreadpoolController()


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
    )


def build_world(scenario: Scenario) -> World:
    """The starting :class:`~foedus.sim.world.World` of a scenario (no randomness), a fresh copy each call.

    An ensemble builds the same scenario's world for every run; the world is a function of the
    scenario alone, so the last 8 scenarios' worlds are kept and copied
    (:func:`copy.deepcopy`, about a fifth of a build). A kept world is reused only for the same
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
    # the frozen scenario parts are shared, the arrays copied
    memo = {id(template.params): template.params, id(template.trends): template.trends, id(template.shocks): template.shocks}
    return copy.deepcopy(template, memo)


def _build_world(scenario: Scenario) -> World:
    """The starting :class:`~foedus.sim.world.World` of a scenario (no randomness), built from it.

    Distances are great-circle distances between capitals unless a relation gives the minimum
    distance; proximity is :func:`foedus.theory.threat.proximity_matrix` with the scenario's
    ``decay_km``. The
    grievance term of the Richardson step is set so that the starting military spending is a
    fixed point of :func:`foedus.sim.steps.capabilities.capabilities` (the world does not jump in year one).
    Cyber trust defaults to ``0.2 + 0.6 * (1 - |regime_i - regime_j|) * (1 - d_ij)`` with ``d``
    the normalised distance of UN ideal points (0 when the scenario has none).
    """
    sc = scenario
    prm = sc.parameters
    acts = sc.actors
    n = len(acts)
    ccode = np.array([a.ccode for a in acts], dtype=np.int64)
    pos = {int(c): i for i, c in enumerate(ccode)}

    def col(name: str, default: float = 0.0) -> np.ndarray:
        return np.array([getattr(a, name) if getattr(a, name) is not None else default for a in acts], dtype=float)

    gdp = col("gdp")
    milex = np.maximum(col("milex"), 1e-6 * gdp)
    cinc0 = col("cinc")
    if cinc0.sum() <= 0:
        cinc0 = gdp / gdp.sum()
    cinc0 = np.maximum(cinc0, 1e-6)
    lat, lon = col("lat"), col("lon")
    distance = great_circle_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    contiguous = np.zeros((n, n), bool)
    hostility = np.zeros((n, n))
    rivalry = np.zeros((n, n), bool)
    trade = np.zeros((n, n))
    disputes = np.zeros((n, n), bool)
    regime = col("regime", 0.5)
    rel, agreement_cols = _relation_columns(sc, pos), _agreement_columns(sc, pos)
    if rel is not None:
        i, j = rel["i"], rel["j"]
        for arr, key in ((hostility, "hostility"), (rivalry, "rivalry"), (contiguous, "contiguous"), (disputes, "territorial_dispute")):
            arr[i, j] = arr[j, i] = rel[key]
        has = ~np.isnan(rel["distance_km"])
        distance[i[has], j[has]] = distance[j[has], i[has]] = rel["distance_km"][has]
        has = ~np.isnan(rel["trade_ij"])
        trade[i[has], j[has]] = rel["trade_ij"][has]
        trade[j[has], i[has]] = rel["trade_ji"][has]
    np.fill_diagonal(distance, 0.0)
    proximity = proximity_matrix(distance, contiguous, decay_km=prm.decay_km)
    ip = np.array([np.nan if a.ideal_point is None else a.ideal_point for a in acts])
    ideal_distance = None
    if np.isfinite(ip).sum() >= 2:
        ip = np.where(np.isfinite(ip), ip, np.nanmean(ip))
        d = np.abs(ip[:, None] - ip[None, :])
        ideal_distance = d / d.max() if d.max() > 0 else d
    trust = 0.2 + 0.6 * (1.0 - np.abs(regime[:, None] - regime[None, :])) * (1.0 - (ideal_distance if ideal_distance is not None else 0.0))
    if rel is not None:
        has = ~np.isnan(rel["trust"])
        i, j = rel["i"][has], rel["j"][has]
        trust[i, j] = trust[j, i] = rel["trust"][has]
    np.fill_diagonal(trust, 1.0)
    major = np.array([a.major for a in acts], dtype=bool)
    pin = np.array([-1 if a.tier is None else POWER_TIERS.index(a.tier) for a in acts], dtype=np.int8)
    # tiers for default exposures
    from foedus.schema import power_tier

    tier0 = power_tier(cinc0, major)
    tier_code0 = np.array([POWER_TIERS.index(t) for t in tier0])
    tier_code0 = np.where((pin >= 0) & major, np.minimum(tier_code0, pin), tier_code0)
    exposure = np.zeros((n, len(GLOBAL_THREATS)))
    for i, a in enumerate(acts):
        for k, t in enumerate(GLOBAL_THREATS):
            exposure[i, k] = a.exposure.get(t, DEFAULT_EXPOSURE[int(tier_code0[i])]) if a.exposure else DEFAULT_EXPOSURE[int(tier_code0[i])]
    intensity = np.array([sc.global_threats.get(t, 0.0) for t in GLOBAL_THREATS], dtype=float)
    ns = sc.nonstate_actors
    ag = Agreements(n, len(ns), capacity=max(16, 2 * len(sc.agreements)))
    world = World(
        year=sc.start_year,
        ccode=ccode,
        abb=[a.abb for a in acts],
        names=[a.name for a in acts],
        since=np.array([a.since if a.since is not None else sc.start_year for a in acts], dtype=np.int64),
        economy=gdp.copy(),
        growth=col("growth", 0.02),
        milex=milex.copy(),
        military=milex / prm.military_depreciation,
        milper=col("milper"),
        population=col("population"),
        regime=regime,
        ideal_point=ip,
        major=major,
        cinc0=cinc0,
        economy0=gdp.copy(),
        military0=milex / prm.military_depreciation,
        base_spending=np.zeros(n),
        cyber_capacity=col("cyber_capacity"),
        cyber_vulnerability=col("cyber_vulnerability"),
        exposure=exposure,
        distance_km=distance,
        contiguous=contiguous,
        proximity=proximity,
        hostility=hostility,
        hostility_base=hostility.copy(),
        rivalry=rivalry,
        trade_dependence=trade,
        territorial_dispute=disputes,
        trust=np.clip(trust, 0.0, 1.0),
        agreements=ag,
        nonstate_ids=[a.id for a in ns],
        nonstate_names=[a.name for a in ns],
        nonstate_kind=[a.kind for a in ns],
        nonstate_home=np.array([a.home or 0 for a in ns], dtype=np.int64),
        nonstate_capacity=np.array([a.cyber_capacity for a in ns], dtype=float),
        nonstate_vulnerability=np.array([a.cyber_vulnerability for a in ns], dtype=float),
        global_intensity=intensity.copy(),
        base_global=intensity.copy(),
        ideal_distance=ideal_distance,
        milex0=milex.copy(),
        milper0=col("milper"),
        milex_floor=milex.copy(),
        tier_pin=pin,
        params=prm,
        trends=sc.trends,
    )
    world.nonstate_home_index = np.array([pos.get(int(h), -1) for h in world.nonstate_home], dtype=np.int64)
    world.at_war = np.zeros((n, n), bool)
    world.intrusions = np.zeros((n, n), bool)
    world.attributed = np.zeros((n, n), bool)
    world.update_power()
    world.offensive = offensive_capability(world.military, world.power, floor=prm.offensive_floor, check=False)
    _add_starting_agreements(world, agreement_cols)
    shocks: dict[int, list] = {}
    for s in sc.shocks:
        shocks.setdefault(s.year, []).append(s)
    world.shocks = shocks
    st.initialise(world)
    world.cyber_scale = _cyber_scale(world, sc)
    world.crisis_threats = [GLOBAL_THREATS.index(t) for t in GLOBAL_THREATS if t in sc.crisis_threats]
    return world


def _relation_columns(sc: Scenario, pos: dict[int, int]) -> dict[str, np.ndarray] | None:
    """The scenario's relations as columns (state indices ``i``, ``j``; NaN where a value is not given)."""
    if not sc.relations:
        return None
    rel = sc.relations
    get = operator.attrgetter("pair", "hostility", "rivalry", "contiguous", "territorial_dispute", "distance_km", "trust", "trade_dependence")
    pair, host, riv, cont, disp, dist, trust, trade = zip(*map(get, rel))
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
        "rivalry": np.array(riv, dtype=bool),
        "contiguous": np.array(cont, dtype=bool),
        "territorial_dispute": np.array(disp, dtype=bool),
        "distance_km": np.array(dist, dtype=float),  # None (not given) becomes NaN
        "trade_ij": td[:, 0],
        "trade_ji": td[:, 1],
        "trust": np.array(trust, dtype=float),
    }


def _agreement_columns(sc: Scenario, pos: dict[int, int]) -> dict | None:
    """The scenario's starting agreements as the arrays :meth:`Agreements.add_many` takes (what does not depend on the world)."""
    specs = sc.agreements
    if not specs:
        return None
    nsidx = {a.id: k for k, a in enumerate(sc.nonstate_actors)}
    get = operator.attrgetter(
        "members", "entry_years", "start_year", "asymmetric", "id", "nonstate_members", "kind", "domain",
        "obligations", "conditional", "institutionalised", "integration", "name",
    )
    members, entry_years, start, asym_given, given_id, ns_members, kinds, domains, obligations, conditional, inst, integ, names = zip(*map(get, specs))
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
        "names": list(names),
        "nonstate": ns,
    }


def _add_starting_agreements(world: World, cols: dict | None) -> None:
    """The scenario's agreements in force at the start (``cols`` from :func:`_agreement_columns`), added at once.

    Each agreement's leader is its strongest member (the first listed among equals); it is
    asymmetric (brief A3), unless the scenario says, when the leader has at least three times
    the capability of every other member (:func:`foedus.theory.capability.asymmetric_capabilities`).
    """
    if cols is None:
        return
    sizes, owner, member = cols["sizes"], cols["owner"], cols["member"]
    power = world.power[member]
    # leader and runner-up of each agreement: sort memberships by agreement, then power (descending), then listing order
    order = np.lexsort((np.arange(len(member)), -power, owner))
    first = np.cumsum(sizes) - sizes
    leader = member[order[first]]
    top = power[order[first]]
    second = np.where(sizes >= 2, power[order[np.minimum(first + 1, len(member) - 1)]], np.inf)
    derived = (sizes >= 2) & asymmetric_capabilities(top, second)
    given = cols["asymmetric_given"]
    world.agreements.add_many(
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
    )


def _cyber_scale(world: World, sc: Scenario) -> float:
    """Scale of the intrusion probability.

    When the scenario gives the observed yearly count of state-on-state incidents (DCID 2.0
    counts incidents that became known, i.e. attributed ones), the scale makes the expected
    number of *attributed* intrusions in the first year equal to it at T3 = 0.5.
    """
    cap = world.cyber_capacity
    if not (cap > 0).any():
        return 0.0
    if sc.cyber_incidents_per_year is None:
        return sc.parameters.intrusion_rate
    from foedus.theory.cyber import attribution_probability, intrusion_propensity

    posture = 0.5 + 0.5 * world.regime
    prop = intrusion_propensity(cap, world.cyber_vulnerability, posture)
    prop = prop * attribution_probability(cap[:, None], cap[None, :])
    np.fill_diagonal(prop, 0.0)
    total = float(prop.sum())
    return min(sc.cyber_incidents_per_year / total, 1.0 / max(float(prop.max()), 1e-12)) if total > 0 else 0.0


class Simulation:
    """A run of a scenario: the world, its random generator, the steps of a year (Mesa-like).

    Parameters
    ----------
    scenario : Scenario
    rng : int, numpy.random.Generator or None, keyword-only
        The run's random generator, the only owner of its randomness: a seed
        (``numpy.random.default_rng(seed)``), a generator (used as it is: the run draws from it),
        or None for fresh entropy (a run that cannot be repeated). The engine never reads
        :attr:`Scenario.seed <foedus.sim.scenario.Scenario.seed>`: that is the seed the entry
        points (:func:`run_scenario`, :func:`foedus.sim.output.simulate_to_dir`, ``foedus
        simulate``) pass when they are given none.
    recorder : Recorder, optional
        Where the run's years and events go (like Mesa's DataCollector): any
        :class:`~foedus.sim.record.Recorder` for the scenario's states and start year (an
        ensemble passes one that counts events). Default: a new
        :class:`~foedus.sim.record.Recorder`.
    steps : mapping of name to ``step(world, rng) -> None``, optional
        The pipeline of a year; defaults to :data:`foedus.sim.steps.DEFAULT_STEPS`. Replace or
        remove entries of :attr:`steps` to change a mechanism.
    explain : bool, default True
        Write each alignment event's explanation (its motive decomposition and factors, brief
        F5) in its ``detail``. False leaves the details of formations, accessions, exits and
        dissolutions empty (``{}``), for runs whose events are only counted (an ensemble that
        keeps no histories): the run itself, its tables and its events are otherwise the same.
    check : bool, default False
        Have every call into :mod:`foedus.theory` validate its inputs (shapes, finiteness,
        ranges), so that a step that produces a bad array fails at once with the function and
        argument named. Off by default: the world's arrays are valid by construction and the
        checks cost about a fifth of a simulated year. Results are the same either way.

    Attributes
    ----------
    world : World
    rng : numpy.random.Generator
        Every random draw of the run goes through it.
    seed : int or None
        The seed the generator was made from (None when a generator or nothing was given).
    steps : dict

    Notes
    -----
    :meth:`save` writes the steps of :data:`~foedus.sim.steps.DEFAULT_STEPS` by name (a
    checkpoint stays valid when a step's code changes) and any other step by reference; a step
    that cannot be pickled (a lambda, a local function) is refused with a ValueError naming it.
    """

    def __init__(
        self,
        scenario: Scenario,
        *,
        rng: int | np.random.Generator | None = None,
        recorder: Recorder | None = None,
        steps: dict[str, Callable] | None = None,
        explain: bool = True,
        check: bool = False,
    ):
        self.scenario = scenario
        if isinstance(rng, np.random.Generator):
            self.seed, self.rng = None, rng
        elif rng is None or isinstance(rng, (int, np.integer)):
            self.seed = None if rng is None else int(rng)
            self.rng = np.random.default_rng(self.seed)
        else:
            raise TypeError(f"rng must be an int seed, a numpy.random.Generator or None, not {type(rng).__name__}")
        n = len(scenario.actors)
        if recorder is None:
            recorder = Recorder(n, scenario.start_year, capacity=scenario.years)
        elif recorder.n != n or recorder.first_year != scenario.start_year:
            raise ValueError(
                f"recorder is for {recorder.n} states from {recorder.first_year}; the scenario has {n} states from {scenario.start_year}"
            )
        with single_threaded_blas():
            self.world = build_world(scenario)
        self.world.log = recorder
        self.world.check = bool(check)
        self.world.explain = bool(explain)
        self.steps: dict[str, Callable] = dict(st.DEFAULT_STEPS if steps is None else steps)

    @property
    def year(self) -> int:
        """The next year to simulate."""
        return self.world.year

    @property
    def years_done(self) -> int:
        """Years simulated so far."""
        return self.world.year - self.scenario.start_year

    def step(self) -> None:
        """Simulate one year: run every step in order, then advance the calendar."""
        for fn in self.steps.values():
            fn(self.world, self.rng)
        self.world.year += 1

    def run(self, years: int | None = None, *, on_year: Callable[["Simulation"], None] | None = None) -> "Simulation":
        """Simulate ``years`` more years (default: the rest of the scenario's horizon)."""
        if years is None:
            years = self.scenario.years - self.years_done
        with single_threaded_blas():
            for _ in range(int(years)):
                self.step()
                if on_year is not None:
                    on_year(self)
        return self

    def history(self) -> History:
        """The run so far in the canonical tables (validated).

        Its ``source`` is ``simulation:<scenario>:seed=<seed>``, or ``simulation:<scenario>``
        when the run's generator was not made from a seed here.
        """
        if self.years_done == 0:
            raise ValueError("nothing simulated yet: call run() or step() first")
        source = f"simulation:{self.scenario.name}" + (f":seed={self.seed}" if self.seed is not None else "")
        return self.world.log.history(self.world, source=source)

    def events(self) -> pd.DataFrame:
        """The event log so far (the ``events`` table, unvalidated: quick, for experiments)."""
        return self.world.log._events_table()

    # ------------------------------------------------------------------ checkpoints
    def __getstate__(self) -> dict:
        """The run for pickling, its default steps by name (see :meth:`save`)."""
        state = self.__dict__.copy()
        default_name = {id(fn): name for name, fn in st.DEFAULT_STEPS.items()}
        state["steps"] = [(name, default_name.get(id(fn)), None if id(fn) in default_name else fn) for name, fn in self.steps.items()]
        return state

    def __setstate__(self, state: dict) -> None:
        """Restore a pickled run, its default steps looked up by name in :data:`~foedus.sim.steps.DEFAULT_STEPS`."""
        steps = state.pop("steps")
        self.__dict__.update(state)
        self.steps = {name: (st.DEFAULT_STEPS[default] if default is not None else fn) for name, default, fn in steps}

    def save(self, path: str | Path) -> Path:
        """Write the whole run (world, generator state, record so far, steps) to ``path`` atomically.

        Raises
        ------
        ValueError
            A step cannot be pickled (a lambda or a local function): the message names it.
        """
        defaults = {id(fn) for fn in st.DEFAULT_STEPS.values()}
        for name, fn in self.steps.items():
            if id(fn) in defaults:
                continue
            try:
                pickle.dumps(fn, protocol=pickle.HIGHEST_PROTOCOL)
            except (pickle.PicklingError, AttributeError, TypeError) as exc:
                raise ValueError(
                    f"cannot save the run: step {name!r} ({fn!r}) cannot be pickled ({exc}); "
                    "define it as a module-level function, or remove it before saving"
                ) from None
        path = Path(path)
        tmp = path.with_suffix(path.suffix + ".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(self, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        return path

    @staticmethod
    def load(path: str | Path) -> "Simulation":
        """Read a run written by :meth:`save` (only open checkpoints you wrote yourself)."""
        with open(path, "rb") as f:
            sim = pickle.load(f)
        if not isinstance(sim, Simulation):
            raise ValueError(f"{path}: not a foedus simulation checkpoint")
        return sim


def run_scenario(scenario: Scenario | str | Path, years: int | None = None, seed: int | None = None) -> History:
    """Run a scenario (object, built-in name or file) and return its history.

    Parameters
    ----------
    scenario : Scenario, or the name of a built-in scenario, or a path to a scenario file
    years : int, optional
        Years to simulate (default: the scenario's horizon).
    seed : int, optional
        Seed of the run's generator (default: the scenario's ``seed``).

    Returns
    -------
    History
        Canonical tables valid under :func:`foedus.schema.validate`; write them with
        :func:`foedus.data.runs.write_history_dir`.
    """
    sc = scenario if isinstance(scenario, Scenario) else Scenario.load(scenario)
    if years is not None:
        sc = sc.model_copy(update={"years": int(years)})
    return Simulation(sc, rng=sc.seed if seed is None else seed).run().history()
