"""Spells of a scenario's actors (:class:`foedus.sim.scenario.Actor`): in the system, permanently neutral.

A spell is ``[first year, last year]`` (last ``None``: to the end of the run); an actor's spells of one
kind are in order, do not overlap, and only the last may be open. :func:`check_actor_spells` checks
``in_system`` and ``neutral`` and that a permanent neutrality names its source (the treaty or law
that states it, in ``sources.neutral``). Errors are :class:`_LocatedError` (a field path and a
reason), which :meth:`foedus.sim.scenario.Scenario.from_dict` reports with the actor's path.
"""

from __future__ import annotations

from typing import Sequence

__all__ = ["check_actor_spells", "spell_rows"]

OPEN_YEAR = 2**63 - 1
"""The last year of an open spell in :func:`spell_rows` (as :data:`foedus.sim.steps.system.OPEN`: beyond every run)."""


class _LocatedError(ValueError):
    """A scenario error at a field path ``loc`` (relative to the model that raises it) with its ``reason``."""

    def __init__(self, loc: tuple, reason: str):
        self.loc = loc
        self.reason = reason
        super().__init__(reason)


def _located(loc: tuple, reason: str) -> _LocatedError:
    return _LocatedError(loc, reason)


def _check(name: str, spells: Sequence, empty: str) -> None:
    if not spells:
        raise _located((name,), empty)
    prev = None
    for k, (first, last) in enumerate(spells):
        if last is not None and last < first:
            raise _located((name, k), f"spell ends ({last}) before it begins ({first})")
        if k and first <= prev:
            raise _located((name, k), f"spell beginning {first} overlaps or precedes the one before (ending {prev})")
        if last is None and k != len(spells) - 1:
            raise _located((name, k), "only the last spell may be open (last year null)")
        prev = last


def check_actor_spells(in_system, neutral, sources: dict, major=None) -> None:
    """Raise :class:`_LocatedError` unless the actor's ``in_system``, ``neutral`` and ``major_spells`` spells are well formed and a neutrality names its source."""
    if major is not None:
        _check("major_spells", major, "give at least one spell as a major power, or omit the field for a status throughout")
    if in_system is not None:
        _check("in_system", in_system, "give at least one spell, or omit the field for a member throughout")
    if neutral is not None:
        _check("neutral", neutral, "give at least one spell of neutrality, or omit the field for a state never permanently neutral")
        if not str(sources.get("neutral", "")).strip():
            raise _located(("sources",), "a permanent neutrality needs its source: name the treaty or law that states it in sources.neutral")


def spell_rows(spells_by_state: Sequence) -> list[tuple[int, int, int]]:
    """(state index, first, last year) of each spell of ``spells_by_state[i]`` (None: none), an open spell ending at :data:`OPEN_YEAR`."""
    return [(i, f, OPEN_YEAR if l is None else l) for i, sp in enumerate(spells_by_state) if sp for f, l in sp]
