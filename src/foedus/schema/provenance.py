"""Provenance and units of a history: where its tables come from and what their numbers mean.

A :class:`~foedus.schema.History` carries a :class:`HistoryMeta` in ``meta``: whether it is the
historical record or a simulated run, the scenario and seed of a run, the foedus version, the raw
files read, and the unit of every measured column. The record and a simulation share column
names and units (:mod:`foedus.schema`), but not their meaning everywhere: a simulated ``cinc``
is a model power share, and a run's ``milex`` is in the dollars of its scenario's starting
figures. This module says so per column, so that a report reads the unit instead of guessing it.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from foedus import __version__

RECORD_UNITS: Mapping[str, str] = MappingProxyType(
    {
        "state_years.milex": "thousands of current US$ (thousands of pounds sterling 1816-1913), as COW NMC 7.0 records them",
        "state_years.milper": "thousands of military personnel",
        "state_years.irst": "thousands of tons of iron and steel produced",
        "state_years.pec": "thousands of coal-ton equivalents of primary energy consumed",
        "state_years.tpop": "thousands of people",
        "state_years.upop": "thousands of people in cities of 100,000 or more",
        "state_years.cinc": "COW composite index of national capability: share of the system's capabilities, 0-1",
    }
)
"""Units of the record's measured columns (COW NMC 7.0 codebook; Singer, Bremer & Stuckey 1972)."""

SIMULATION_UNITS: Mapping[str, str] = MappingProxyType(
    {
        "state_years.milex": "thousands of US$ per year, in the dollars of the scenario's starting figures",
        "state_years.milper": "thousands of military personnel",
        "state_years.irst": "not simulated (missing)",
        "state_years.pec": "not simulated (missing)",
        "state_years.tpop": "thousands of people",
        "state_years.upop": "not simulated (missing)",
        "state_years.cinc": (
            "model power share, 0-1: the state's share of the simulated states' power (economy and military stock) "
            "times the share of the world's capabilities they held at the start; equals COW CINC in the first year only"
        ),
    }
)
"""Units of a simulated history's measured columns (the engine's own quantities, stated per column)."""

HISTORY_KINDS = ("record", "simulation")
"""Where a history comes from: the historical record, or a simulated run."""


@dataclass(frozen=True)
class HistoryMeta:
    """Provenance and units of a :class:`History`: what it is, where it comes from, what its numbers mean.

    Attributes
    ----------
    kind : str
        ``"record"`` (imported from the publishers' files) or ``"simulation"`` (one run of the
        simulator), see :data:`HISTORY_KINDS`.
    scenario : str or None
        Name of the scenario a simulation ran (None for the record).
    seed : int or None
        Seed of the simulated run (None for the record).
    foedus_version : str
        Version of foedus that made the history (``foedus.__version__``).
    files : tuple of str
        Raw data files the history was read from, where known (the record; a simulation's
        starting figures are named in its scenario's ``sources``).
    units : mapping of str to str
        Unit of each measured column, keyed ``"table.column"`` (e.g. ``"state_years.milex"``);
        :data:`RECORD_UNITS` for the record, :data:`SIMULATION_UNITS` (with the scenario's
        dollars) for a simulation. Columns not listed are counts, years, codes or flags.
    milex_money : str or None
        The money of ``state_years.milex`` in words ("current US$ (pounds sterling 1816-1913)",
        "constant 2022 US$", "current US$ of 1950"); None when not known. ``milex`` itself is
        always in thousands of it.
    """

    kind: str
    scenario: str | None = None
    seed: int | None = None
    foedus_version: str = ""
    files: tuple[str, ...] = ()
    units: dict[str, str] = field(default_factory=dict)
    milex_money: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in HISTORY_KINDS:
            raise ValueError(f"HistoryMeta.kind must be one of {', '.join(HISTORY_KINDS)}, got {self.kind!r}")
        # plain containers, so that a history pickles (ensemble workers send them back)
        object.__setattr__(self, "units", dict(self.units))
        object.__setattr__(self, "files", tuple(str(f) for f in self.files))

    @classmethod
    def record(cls, files: Iterable[str | Path] = ()) -> "HistoryMeta":
        """Provenance of the historical record read from ``files`` (recorded as absolute, resolved paths), with :data:`RECORD_UNITS`."""
        return cls("record", foedus_version=__version__, files=tuple(str(Path(f).resolve()) for f in files), units=RECORD_UNITS,
                   milex_money="current US$ (pounds sterling 1816-1913)")

    @classmethod
    def simulation(cls, scenario: str, seed: int | None, milex_money: str | None = None) -> "HistoryMeta":
        """Provenance of one simulated run of ``scenario`` with ``seed``, with :data:`SIMULATION_UNITS`.

        ``milex_money`` names the dollars of the scenario's starting military spending (see
        :func:`foedus.sim.build.milex_money`); the unit of ``state_years.milex`` says it when given.
        """
        units = dict(SIMULATION_UNITS)
        if milex_money:
            units["state_years.milex"] = f"thousands of {milex_money} per year (the scenario's starting figures' dollars)"
        return cls("simulation", scenario=scenario, seed=seed, foedus_version=__version__, units=units, milex_money=milex_money)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (for ``history.json`` and the store's metadata)."""
        return {
            "kind": self.kind, "scenario": self.scenario, "seed": self.seed, "foedus_version": self.foedus_version,
            "files": list(self.files), "units": dict(self.units), "milex_money": self.milex_money,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "HistoryMeta":
        """The inverse of :meth:`to_dict`."""
        return cls(
            kind=d["kind"], scenario=d.get("scenario"), seed=d.get("seed"), foedus_version=d.get("foedus_version", ""),
            files=tuple(d.get("files", ())), units=d.get("units", {}), milex_money=d.get("milex_money"),
        )


_CONSTANT_USD = re.compile(r"constant[ -](\d{4})[ -]US\$")
_CURRENT_USD = re.compile(r"current US\$")


def milex_money_of_note(note: str, start_year: int) -> str | None:
    """The dollars of military spending figures, read from the note that names their source.

    Scenarios built from the record say where their ``milex`` figures come from in
    ``sources["milex"]`` (:func:`foedus.sim.build.scenario_from_record`): "constant 2022 US$" for
    SIPRI figures, "current US$" for COW NMC figures of the start year. This turns such a note
    into the money that :attr:`HistoryMeta.milex_money` records.

    Parameters
    ----------
    note : str
        The source note of the figures.
    start_year : int
        The year whose prices "current US$" figures are in.

    Returns
    -------
    str or None
        ``"constant 2022 US$"``; ``"current US$ of 1950"``; ``"US$, mixing constant 2022 US$ and
        current US$ of 2022"`` when the figures come from both; None when the note names no
        dollars (a hand-written scenario).

    Examples
    --------
    >>> milex_money_of_note("SIPRI Military Expenditure Database 2024, constant 2022 US$", 2022)
    'constant 2022 US$'
    >>> milex_money_of_note("COW NMC 7.0 milex (current US$)", 1950)
    'current US$ of 1950'
    >>> milex_money_of_note("assumed", 2000) is None
    True
    """
    note = " ".join(str(note).split())
    constant = sorted(set(_CONSTANT_USD.findall(note)))
    current = [f"current US$ of {int(start_year)}"] if _CURRENT_USD.search(note) else []
    kinds = [f"constant {y} US$" for y in constant] + current
    if not kinds:
        return None
    return kinds[0] if len(kinds) == 1 else "US$, mixing " + " and ".join(kinds)

