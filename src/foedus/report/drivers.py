"""What drives each headline of an ensemble, and the model's out-of-sample score, as an HTML section.

Presentation only: the sentences, tests and figures come from
:func:`foedus.experiments.drivers.attribute_all` (summary.json's ``ensemble.drivers``) and the
score from :class:`foedus.experiments.oos_score.PendingScore` (summary.json's ``validation``),
both as plain JSON-ready dicts, so this module imports neither the simulator nor the
experiments.
"""

from __future__ import annotations

import html
import math
from typing import Mapping

__all__ = ["html_section", "driver_table_rows"]


def _p(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    return "< 0.001" if v < 0.001 else f"{v:.3f}"


def _side(t: Mapping, side: str, kind: str) -> str:
    s = t[side]
    if kind == "event":
        share = s.get("share")
        return "n/a" if not s["runs"] or share is None else f"{100 * share:.0f} % ({s['cases']}/{s['runs']})"
    med = s.get("median")
    return "n/a" if med is None or (isinstance(med, float) and math.isnan(med)) else f"{med:.3g} ({s['runs']} runs)"


def driver_table_rows(headline: Mapping) -> list[list[str]]:
    """One row per driver of one attributed headline: name, range, lower third, upper third, statistic, adjusted p, driver?"""
    rows = []
    for t in headline.get("tests", []):
        stat = t.get("statistic")
        rows.append([
            t["name"], f"{t['low']:g}–{t['high']:g}", _side(t, "lower", headline["kind"]), _side(t, "upper", headline["kind"]),
            "n/a" if stat is None or (isinstance(stat, float) and math.isnan(stat)) else f"{stat:+.2f}", _p(t.get("p_adjusted")),
            "yes" if t.get("driver") else "no",
        ])
    return rows


def _table(headline: Mapping) -> str:
    rows = driver_table_rows(headline)
    if not rows:
        return ""
    stat = "rank-biserial r" if headline["kind"] == "event" else "Spearman ρ"
    cols = ["driver", "range", "lower third", "upper third", stat, "p (Holm)", "moves it"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in r) + "</tr>" for r in rows)
    what = "share of runs" if headline["kind"] == "event" else "median"
    return (f"<table><caption>{html.escape(headline['label'])}: {what} in the runs whose driver lies in the lower and upper third "
            f"of its range</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def html_section(drivers: Mapping | None, validation: Mapping | None = None, *, title: str = "What drives each headline") -> str:
    """An HTML ``<section>``: one sentence per headline with its driver and figure, the tests behind it, and the validation score.

    Parameters
    ----------
    drivers : mapping, optional
        :func:`foedus.experiments.drivers.attribute_all`'s result (``method``, ``knobs``, ``headlines``).
    validation : mapping, optional
        :meth:`foedus.experiments.oos_score.PendingScore.result` (its ``sentence``, or ``error``).
    """
    parts = [f"<section class='foedus-drivers'><h2>{html.escape(title)}</h2>"]
    if validation:
        text = validation.get("sentence") or f"Out-of-sample validation could not run: {validation.get('error', 'unknown error')}."
        parts.append(f"<p><strong>Validation.</strong> {html.escape(text)}</p>")
        per = validation.get("per_era") or {}
        if per:
            items = "".join(
                f"<li>{html.escape(era)}: {v['in_range']} of {v['facts']} in range"
                + (f"; out of range: {html.escape(', '.join(v['out_of_range']))}" if v.get("out_of_range") else "") + "</li>"
                for era, v in per.items()
            )
            parts.append(f"<ul>{items}</ul>")
    if drivers:
        parts.append("<ul>" + "".join(f"<li>{html.escape(h['sentence'])}</li>" for h in drivers["headlines"]) + "</ul>")
        parts.append(f"<p class='note'>{html.escape(drivers['method'])} A war between great powers is not among the headlines: "
                     "an ensemble keeps the wars begun each year, not who fights them.</p>")
        parts += [t for t in (_table(h) for h in drivers["headlines"]) if t]
    parts.append("</section>")
    return "\n".join(parts)
