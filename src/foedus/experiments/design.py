"""Experimental designs over the scenario knobs: what to vary and how to sample it.

A *knob* is one field of a scenario's :class:`~foedus.sim.scenario.Trends` (the drivers T1–T5)
or :class:`~foedus.sim.parameters.Parameters` (the engine's behavioural constants), given a range
``[low, high]``. A *design* assigns one value of every knob to every run of an ensemble:

``lhs``
    A Latin hypercube (McKay, Beckman & Conover 1979) drawn with
    :class:`scipy.stats.qmc.LatinHypercube`: each knob's range is cut into ``R`` equal strata
    and every stratum holds exactly one run, so ``R`` runs cover every knob's whole range evenly
    whatever the number of knobs. Each run is its own design point (one replicate per point),
    which is what scenario discovery (PRIM) expects.
``factorial``
    A full-factorial grid: each knob takes ``levels`` evenly spaced values from ``low`` to
    ``high`` (default 3, so low, middle, high); the grid has ``prod(levels)`` points and the
    runs are dealt to them in turn (run ``r`` goes to point ``r mod P``), so every point gets
    ``R / P`` replicates and an interrupted ensemble stays balanced.

On the command line a knob reads ``NAME=LOW:HIGH`` or ``NAME=LOW:HIGH:LEVELS`` where ``NAME`` is
a field name (``cyber``, ``reactivity``) or its qualified form (``trends.cyber``,
``parameters.reactivity``); field names are unique across the two groups. Ranges are checked
against the field's own bounds (a trend lies in [0, 1]; ``fatigue`` in [0, 2], ...).

References
----------
.. [1] McKay, M. D., R. J. Beckman and W. J. Conover. 1979. "A Comparison of Three Methods for
   Selecting Values of Input Variables in the Analysis of Output from a Computer Code."
   *Technometrics* 21(2): 239-45.
.. [2] Virtanen, P. et al. 2020. "SciPy 1.0: Fundamental Algorithms for Scientific Computing in
   Python." *Nature Methods* 17: 261-72 (``scipy.stats.qmc``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from pydantic import ValidationError

from foedus.sim.parameters import Parameters
from foedus.sim.scenario import Scenario, Trends

__all__ = [
    "DESIGNS",
    "Knob",
    "knob_fields",
    "parse_knob",
    "latin_hypercube",
    "full_factorial",
    "make_design",
    "apply_knobs",
    "design_seed_sequence",
]

DESIGNS: tuple[str, ...] = ("lhs", "factorial")
"""Sampling designs: Latin hypercube, full factorial."""

DEFAULT_LEVELS = 3
"""Levels per knob of a full-factorial design when ``NAME=LOW:HIGH`` gives none."""

DESIGN_SPAWN_KEY = 2**32
"""Spawn key of the design's random stream (run ``i`` uses spawn key ``i`` < 2**32; see :mod:`.runner`)."""

_GROUPS: dict[str, type] = {"trends": Trends, "parameters": Parameters}


def knob_fields() -> dict[str, str]:
    """Every knob that can vary: short name -> qualified name (``"cyber" -> "trends.cyber"``).

    Returns
    -------
    dict
        In the order of the models' fields, trends first.
    """
    out: dict[str, str] = {}
    for group, model in _GROUPS.items():
        for name in model.model_fields:
            out[name] = f"{group}.{name}"
    return out


def _bounds(group: str, field: str) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of a pydantic float field from its ge/gt/le/lt metadata."""
    lo, hi, lo_open, hi_open = -np.inf, np.inf, False, False
    for m in _GROUPS[group].model_fields[field].metadata:
        if getattr(m, "ge", None) is not None:
            lo = float(m.ge)
        if getattr(m, "gt", None) is not None:
            lo, lo_open = float(m.gt), True
        if getattr(m, "le", None) is not None:
            hi = float(m.le)
        if getattr(m, "lt", None) is not None:
            hi, hi_open = float(m.lt), True
    return lo, hi, lo_open, hi_open


@dataclass(frozen=True)
class Knob:
    """A scenario knob and the range it varies over.

    Parameters
    ----------
    name : str
        Qualified field name, ``"trends.<field>"`` or ``"parameters.<field>"``.
    low, high : float
        Range, in the field's own units (trends 0-1; parameters as documented in
        :class:`~foedus.sim.parameters.Parameters`), ``low <= high``.
    levels : int, optional
        Number of levels in a full-factorial design (default :data:`DEFAULT_LEVELS`).
    """

    name: str
    low: float
    high: float
    levels: int | None = None

    def __post_init__(self) -> None:
        group, _, field = self.name.partition(".")
        if group not in _GROUPS or field not in _GROUPS[group].model_fields:
            known = ", ".join(knob_fields())
            raise ValueError(f"knob {self.name!r}: not a trend or model parameter; choose one of {known}")
        if not (np.isfinite(self.low) and np.isfinite(self.high)):
            raise ValueError(f"knob {self.name!r}: bounds must be finite numbers")
        if self.low > self.high:
            raise ValueError(f"knob {self.name!r}: low {self.low} is above high {self.high}")
        lo, hi, lo_open, hi_open = _bounds(group, field)
        if self.low < lo or (lo_open and self.low <= lo) or self.high > hi or (hi_open and self.high >= hi):
            lb = ("(" if lo_open else "[") + f"{lo:g}, {hi:g}" + (")" if hi_open else "]")
            raise ValueError(f"knob {self.name!r}: range {self.low:g}:{self.high:g} leaves the field's bounds {lb}")
        if self.levels is not None and self.levels < 1:
            raise ValueError(f"knob {self.name!r}: levels must be at least 1, got {self.levels}")

    @property
    def group(self) -> str:
        """``"trends"`` or ``"parameters"``."""
        return self.name.partition(".")[0]

    @property
    def field(self) -> str:
        """The field name inside its group (also the knob's short name)."""
        return self.name.partition(".")[2]

    def to_dict(self) -> dict:
        """JSON-ready form (for an ensemble's manifest)."""
        return {"name": self.name, "low": self.low, "high": self.high, "levels": self.levels}

    @classmethod
    def from_dict(cls, d: Mapping) -> "Knob":
        """Inverse of :meth:`to_dict`."""
        return cls(str(d["name"]), float(d["low"]), float(d["high"]), None if d.get("levels") is None else int(d["levels"]))


_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_KNOB_RE = re.compile(rf"^\s*([A-Za-z_][\w.]*)\s*=\s*({_NUM})\s*:\s*({_NUM})\s*(?::\s*(\d+)\s*)?$")


def parse_knob(text: str) -> Knob:
    """Read a knob written ``NAME=LOW:HIGH`` or ``NAME=LOW:HIGH:LEVELS``.

    Parameters
    ----------
    text : str
        E.g. ``"cyber=0.2:0.9"``, ``"trends.norms=0:1:5"``, ``"reactivity=0.05:0.3"``.

    Returns
    -------
    Knob

    Raises
    ------
    ValueError
        Malformed text, unknown name, or a range outside the field's bounds; the message quotes
        the text.

    Examples
    --------
    >>> parse_knob("cyber=0.2:0.9")
    Knob(name='trends.cyber', low=0.2, high=0.9, levels=None)
    """
    m = _KNOB_RE.match(text)
    if not m:
        raise ValueError(f"--vary {text!r}: expected NAME=LOW:HIGH or NAME=LOW:HIGH:LEVELS (e.g. cyber=0.2:0.9)")
    name, low, high, levels = m.group(1), float(m.group(2)), float(m.group(3)), m.group(4)
    fields = knob_fields()
    if "." not in name:
        if name not in fields:
            raise ValueError(f"--vary {text!r}: unknown knob {name!r}; choose one of {', '.join(fields)}")
        name = fields[name]
    try:
        return Knob(name, low, high, None if levels is None else int(levels))
    except ValueError as e:
        raise ValueError(f"--vary {text!r}: {e}") from None


def _check_unique(knobs: Sequence[Knob]) -> None:
    names = [k.name for k in knobs]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ValueError(f"knob(s) given twice: {', '.join(dup)}")


def design_seed_sequence(seed: int) -> np.random.SeedSequence:
    """The random stream of an ensemble's design: ``SeedSequence(seed, spawn_key=(2**32,))``.

    Independent of every run's stream (run ``i`` has spawn key ``(i,)``, see
    :func:`foedus.experiments.runner.run_seed`).
    """
    return np.random.SeedSequence(int(seed), spawn_key=(DESIGN_SPAWN_KEY,))


def latin_hypercube(knobs: Sequence[Knob], runs: int, seed: int | np.random.Generator) -> pd.DataFrame:
    """A Latin-hypercube sample of the knobs, one row per run (McKay et al. 1979).

    Uses :class:`scipy.stats.qmc.LatinHypercube` (scrambled: a point is uniform within its
    stratum) and :func:`scipy.stats.qmc.scale` to map the unit cube to ``[low, high]``.

    Parameters
    ----------
    knobs : sequence of Knob
    runs : int
        Number of rows (runs), at least 1.
    seed : int or numpy.random.Generator
        An int is read as an ensemble seed: the sample uses :func:`design_seed_sequence`.

    Returns
    -------
    pandas.DataFrame
        Columns the knobs' qualified names, index ``run`` 0..runs-1. A knob with
        ``low == high`` is constant.
    """
    _check_unique(knobs)
    if runs < 1:
        raise ValueError(f"runs must be at least 1, got {runs}")
    index = pd.RangeIndex(runs, name="run")
    if not knobs:
        return pd.DataFrame(index=index)
    from scipy.stats import qmc

    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(design_seed_sequence(seed))
    unit = qmc.LatinHypercube(d=len(knobs), rng=rng).random(runs)
    lo = np.array([k.low for k in knobs])
    hi = np.array([k.high for k in knobs])
    span = hi - lo
    fixed = span == 0
    # qmc.scale needs low < high: constant knobs are filled in afterwards
    values = np.empty_like(unit)
    if (~fixed).any():
        values[:, ~fixed] = qmc.scale(unit[:, ~fixed], lo[~fixed], hi[~fixed])
    values[:, fixed] = lo[fixed]
    return pd.DataFrame(values, columns=[k.name for k in knobs], index=index)


def full_factorial(knobs: Sequence[Knob], runs: int | None = None) -> pd.DataFrame:
    """A full-factorial grid of the knobs, replicated over ``runs`` runs.

    Knob ``k`` takes ``levels_k`` evenly spaced values ``low .. high`` (``numpy.linspace``);
    the grid is their Cartesian product (first knob varying slowest), ``P = prod(levels_k)``
    points. Run ``r`` is given point ``r mod P``.

    Parameters
    ----------
    knobs : sequence of Knob
    runs : int, optional
        Number of runs, a multiple of ``P`` (default ``P``: one run per point).

    Returns
    -------
    pandas.DataFrame
        Columns the knobs' qualified names plus ``design_point`` (0..P-1), index ``run``.

    Raises
    ------
    ValueError
        ``runs`` not a positive multiple of ``P``.
    """
    _check_unique(knobs)
    axes = [np.linspace(k.low, k.high, k.levels or DEFAULT_LEVELS) for k in knobs]
    points = int(np.prod([len(a) for a in axes])) if axes else 1
    runs = points if runs is None else int(runs)
    if runs < 1 or runs % points:
        raise ValueError(f"a full-factorial design over {len(knobs)} knob(s) has {points} points: --runs must be a positive multiple of {points}, got {runs}")
    if axes:
        grid = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(points, len(knobs))
    else:
        grid = np.zeros((1, 0))
    point = np.arange(runs) % points
    out = pd.DataFrame(grid[point], columns=[k.name for k in knobs], index=pd.RangeIndex(runs, name="run"))
    out["design_point"] = point.astype(np.int64)
    return out


def make_design(knobs: Sequence[Knob], runs: int, method: str = "lhs", seed: int = 0) -> pd.DataFrame:
    """The design table of an ensemble: one row per run, one column per knob.

    Parameters
    ----------
    knobs : sequence of Knob
    runs : int
    method : {"lhs", "factorial"}
    seed : int
        Ensemble seed (the LHS draws from :func:`design_seed_sequence`).

    Returns
    -------
    pandas.DataFrame
        See :func:`latin_hypercube` and :func:`full_factorial`.
    """
    if method not in DESIGNS:
        raise ValueError(f"design must be one of {', '.join(DESIGNS)}, got {method!r}")
    if method == "factorial":
        return full_factorial(knobs, runs)
    return latin_hypercube(knobs, runs, int(seed))


def apply_knobs(scenario: Scenario, values: Mapping[str, float] | Iterable[tuple[str, float]]) -> Scenario:
    """A copy of ``scenario`` with knob values set (validated against the fields' bounds).

    Parameters
    ----------
    scenario : Scenario
    values : mapping of knob name (qualified or short) to value

    Returns
    -------
    Scenario
        ``scenario`` itself when ``values`` is empty.

    Raises
    ------
    ValueError
        Unknown knob or value out of bounds.
    """
    items = list(values.items() if isinstance(values, Mapping) else values)
    if not items:
        return scenario
    fields = knob_fields()
    updates: dict[str, dict[str, float]] = {}
    for name, v in items:
        q = name if "." in name else fields.get(name, name)
        group, _, field = q.partition(".")
        if group not in _GROUPS or field not in _GROUPS[group].model_fields:
            raise ValueError(f"unknown knob {name!r}; choose one of {', '.join(fields)}")
        updates.setdefault(group, {})[field] = float(v)
    new: dict[str, object] = {}
    for group, upd in updates.items():
        current = getattr(scenario, group)
        try:
            new[group] = _GROUPS[group].model_validate({**current.model_dump(), **upd})
        except ValidationError as e:
            err = e.errors()[0]
            raise ValueError(f"knob {group}.{err['loc'][0]}: {err['msg']}") from None
    return scenario.model_copy(update=new)
