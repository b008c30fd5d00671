"""What a source of the dashboard is (:class:`SourceInfo`), and the two errors of asking for one.

Shared by :mod:`foedus.web.sources` (the record and runs) and :mod:`foedus.web.ensembles`
(ensemble folders), which both describe what they find with a :class:`SourceInfo`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["SourceInfo", "SourceUnavailable", "UnknownSource"]


class UnknownSource(KeyError):
    """A source id that the registry does not list."""

    def __str__(self) -> str:
        return str(self.args[0])


class SourceUnavailable(RuntimeError):
    """A listed source that cannot be read (missing records, a damaged run folder)."""


@dataclass(frozen=True)
class SourceInfo:
    """One source the dashboard can show."""

    id: str
    kind: str
    """``record``, ``run`` or ``ensemble``."""
    label: str
    path: Path | None = None
    first_year: int | None = None
    last_year: int | None = None
    mtime: float = 0.0
    detail: dict = field(default_factory=dict)

    def public(self) -> dict:
        """JSON for the page (no filesystem path)."""
        return {"id": self.id, "kind": self.kind, "label": self.label, "first_year": self.first_year, "last_year": self.last_year, **self.detail}
