"""Where a history comes from, as the reports say it: the record or a simulated run, and the unit of its money.

A simulated run's ``source`` is ``"simulation:<scenario>:seed=<seed>"``
(:meth:`foedus.sim.engine.Simulation.history`); :func:`simulated_source` reads it back. The
unit of military expenditure depends on the source (:func:`milex_unit`); for a simulated run
the caller passes the scenario it was simulated from, since the report layer sits below the
simulator and does not look scenarios up itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Protocol

from foedus.schema import History

__all__ = ["MilexUnit", "RECORD_MILEX_UNIT", "ScenarioFacts", "is_record", "milex_unit", "simulated_source"]


def is_record(history: History) -> bool:
    """True for the historical record: every agreement's source is ATOP."""
    src = history.agreements["source"].astype(str)
    return bool(len(src)) and bool(src.str.lower().str.startswith("atop").all())


_SIM_SOURCE = re.compile(r"^simulation:(?P<scenario>.+):seed=(?P<seed>-?\d+)$")


def simulated_source(history: History) -> tuple[str, int] | None:
    """(scenario name, seed) of a simulated history, read from its ``source``; None otherwise.

    A simulated run's source is ``"simulation:<scenario>:seed=<seed>"``
    (:meth:`foedus.sim.engine.Simulation.history`); it survives
    :func:`foedus.data.runs.write_history_dir` and :func:`~foedus.data.runs.read_history_dir`.

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 2022, "end": None, "members": [2, 20]}], first_year=2022, last_year=2030)
    >>> simulated_source(h) is None
    True
    """
    m = _SIM_SOURCE.match(str(history.source))
    return (m.group("scenario"), int(m.group("seed"))) if m else None


@dataclass(frozen=True)
class MilexUnit:
    """The unit of ``state_years.milex`` in a history, as the report writes it.

    ``money``: the currency ("constant 2022 US dollars"); ``caption``: the unit in words, for
    captions ("thousands of constant 2022 US dollars"); ``axis``: a short form for an axis
    label; ``source``: where the figures come from, one sentence for the caption ("Data: ...").
    """

    money: str
    caption: str
    axis: str
    source: str


RECORD_MILEX_UNIT = MilexUnit(
    money="pounds sterling to 1913 and current US dollars from 1914",
    caption="thousands of pounds sterling to 1913 and thousands of current US dollars from 1914, as COW NMC records them",
    axis="thousands: £ to 1913, current US$ from 1914",
    source="Data: COW National Material Capabilities 7.0 (Singer, Bremer & Stuckey 1972), variable milex.",
)
"""The record's unit: COW NMC 7.0 ``milex`` (thousands; pounds sterling 1816-1913, current US$ from 1914)."""

class ScenarioFacts(Protocol):
    """What the reports read of the scenario a run was simulated from (a :class:`foedus.sim.Scenario` has them)."""

    name: str
    start_year: int
    sources: Mapping[str, str]


_CONSTANT = re.compile(r"constant[ -](\d{4})[ -]US\$")
_CURRENT = re.compile(r"current US\$")


def milex_unit(history: History, scenario: ScenarioFacts | None = None) -> MilexUnit:
    """The unit of a history's military expenditure, taken from the description of its source.

    The canonical ``state_years.milex`` is in thousands (:data:`foedus.schema.STATE_YEARS`);
    which money depends on the source. For the record it is COW NMC's
    (:data:`RECORD_MILEX_UNIT`). A simulated run keeps the units of its scenario's starting
    figures (a scenario's ``milex`` is in million US$; the engine writes thousands and has no
    price level), and the scenario's ``sources["milex"]`` says which dollars they are:
    "constant 2022 US$" for SIPRI figures (``world-2022``), "current US$" for COW NMC figures
    of the start year (the historical scenarios). That note is quoted in the caption.

    Parameters
    ----------
    history : History
    scenario : Scenario, optional
        The scenario the history was simulated from (the caller finds it: for a run of a
        built-in scenario, the one named in its source, :func:`simulated_source`). Without
        it a simulated run's unit is "US dollars" with a caption saying that the history does
        not record which.

    Returns
    -------
    MilexUnit
    """
    if is_record(history):
        return RECORD_MILEX_UNIT
    if scenario is None:
        what = "the simulated run" if simulated_source(history) is not None else "the history"
        return MilexUnit(
            money="US dollars",
            caption="thousands of US dollars, in the units of the starting figures (the history does not record which dollars)",
            axis="thousand US$",
            source=f"Data: state-year capabilities of {what}.",
        )
    note = " ".join(str(scenario.sources.get("milex", "")).split())
    constant = sorted(set(_CONSTANT.findall(note)))
    current = bool(_CURRENT.search(note))
    start = int(scenario.start_year)
    if len(constant) == 1 and not current:
        money, axis = f"constant {constant[0]} US dollars", f"thousand constant-{constant[0]} US$"
        caption = f"thousands of {money}"
    elif current and not constant:
        money, axis = f"US dollars at {start} prices", f"thousand {start} US$"
        caption = f"thousands of {money} (the starting figures are current US$ of {start})"
    elif constant or current:
        money, axis = "US dollars", "thousand US$"
        caption = "thousands of US dollars, mixing " + " and ".join([f"constant {y} US$" for y in constant] + (["current US$"] if current else []))
    else:
        money, axis = "US dollars", "thousand US$"
        caption = "thousands of US dollars (the scenario does not say which dollars)"
    quoted = f" (the scenario's note: ‘{note}’)" if note else ""
    source = (
        f"Data: the starting figures of the scenario ‘{scenario.name}’{quoted}, then the spending simulated year by year."
    )
    return MilexUnit(money=money, caption=caption, axis=axis, source=source)
