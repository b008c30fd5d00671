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

The world is built once per scenario (:func:`foedus.sim.start.build_world`: arrays from the scenario's
elements, then :func:`foedus.sim.steps.initialise` for the derived state of year one); the
steps of :mod:`foedus.sim.steps` change it year by year; the recorder
(:mod:`foedus.sim.record`) keeps what the history tables need.
"""

from __future__ import annotations

import contextlib
import functools
import pickle
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from foedus.schema import History
from foedus.schema.display import count, names, repr_html, repr_text
from foedus.schema.provenance import HistoryMeta
from foedus.sim import steps as st
from foedus.sim.build import milex_money
from foedus.sim.record import Recorder
from foedus.sim.scenario import Scenario
from foedus.sim.start import build_world

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
        elif rng is None or (isinstance(rng, (int, np.integer)) and not isinstance(rng, bool)):
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
        self.world.inputs.check = bool(check)
        self.world.inputs.explain = bool(explain)
        self.steps: dict[str, Callable] = dict(st.DEFAULT_STEPS if steps is None else steps)

    @property
    def year(self) -> int:
        """The next year to simulate."""
        return self.world.state.year

    @property
    def years_done(self) -> int:
        """Years simulated so far."""
        return self.world.state.year - self.scenario.start_year

    def step(self) -> None:
        """Simulate one year: run every step in order, then advance the calendar."""
        for fn in self.steps.values():
            fn(self.world, self.rng)
        self.world.state.year += 1

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
        meta = HistoryMeta.simulation(self.scenario.name, self.seed, milex_money(self.scenario))
        return self.world.log.history(self.world, source=source, meta=meta)

    def events(self) -> pd.DataFrame:
        """The event log so far (the ``events`` table, unvalidated: quick, for experiments)."""
        return self.world.log.events_table()

    def _summary(self) -> tuple[str, list[tuple[str, str]]]:
        """The title and labelled facts that ``repr`` and ``_repr_html_`` show."""
        fields = [
            ("next year", str(self.year)),
            ("done", f"{self.years_done} of {count(self.scenario.years, 'year')}"),
            ("seed", "none (a generator was passed)" if self.seed is None else str(self.seed)),
            ("states", f"{len(self.scenario.actors):,}"),
            ("steps", names(self.steps, limit=20)),
        ]
        return repr(self.scenario.name), fields

    __repr__ = repr_text  # one line; the default printed every table or element
    _repr_html_ = repr_html  # the same as a small table, for notebooks

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
