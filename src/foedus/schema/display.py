"""Short text and HTML summaries of foedus's main objects, for the console and for notebooks.

A :class:`~foedus.schema.History` holds DataFrames of thousands of rows, and a scenario holds
hundreds of actors: their default representations ran to kilobytes. The user-facing classes
(:class:`~foedus.schema.History`, :class:`~foedus.sim.scenario.Scenario`,
:class:`~foedus.sim.engine.Simulation`, :class:`~foedus.data.ensemble_store.EnsembleStore`) define
``__repr__`` (one line) and ``_repr_html_`` (a small table, which Jupyter shows in place of the
repr) with the two functions here, so every summary has the same form: a title and a few
labelled counts, never the data themselves.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

__all__ = ["count", "names", "repr_html", "repr_text", "summary_html", "summary_text"]

MAX_ITEMS = 8
"""At most this many names are listed in one field (the rest are counted: ``"+ 3 more"``)."""


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``"1 state"``, ``"12,345 states"``: a count with its noun, thousands separated."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


def names(items: Iterable[object], limit: int = MAX_ITEMS) -> str:
    """Comma-separated names, at most ``limit`` of them, then ``+ N more``."""
    items = [str(i) for i in items]
    shown = ", ".join(items[:limit])
    return shown + (f", + {len(items) - limit} more" if len(items) > limit else "")


def summary_text(kind: str, title: str, fields: Iterable[tuple[str, str]]) -> str:
    """The one-line repr: ``<Kind title: label value; label value>`` (empty values omitted)."""
    body = "; ".join(f"{k} {v}" if k else v for k, v in fields if v)
    return f"<{kind} {title}" + (f": {body}>" if body else ">")


def summary_html(kind: str, title: str, fields: Iterable[tuple[str, str]]) -> str:
    """The notebook repr: a bold title over a two-column table of labels and values (escaped)."""
    rows = "".join(
        f"<tr><th style='text-align:left;padding-right:1em'>{escape(k)}</th><td style='text-align:left'>{escape(v)}</td></tr>"
        for k, v in fields
        if v
    )
    return f"<div class='foedus-repr'><strong>{escape(kind)}</strong> {escape(title)}<table>{rows}</table></div>"


def repr_text(obj: object) -> str:
    """``__repr__`` of a class with a ``_summary() -> (title, fields)`` method: :func:`summary_text`."""
    return summary_text(type(obj).__name__, *obj._summary())  # type: ignore[attr-defined]


def repr_html(obj: object) -> str:
    """``_repr_html_`` of a class with a ``_summary() -> (title, fields)`` method: :func:`summary_html`."""
    return summary_html(type(obj).__name__, *obj._summary())  # type: ignore[attr-defined]
