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

from foedus.i18n import _

__all__ = ["html_section", "driver_table_rows"]


def _p(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return _("n/a")
    return "< 0.001" if v < 0.001 else f"{v:.3f}"


def _side(t: Mapping, side: str, kind: str) -> str:
    s = t[side]
    if kind == "event":
        share = s.get("share")
        return _("n/a") if not s["runs"] or share is None else f"{100 * share:.0f} % ({s['cases']}/{s['runs']})"
    med = s.get("median")
    if med is None or (isinstance(med, float) and math.isnan(med)):
        return _("n/a")
    return _("{median} ({runs} runs)").format(median=f"{med:.3g}", runs=s["runs"])


def driver_table_rows(headline: Mapping) -> list[list[str]]:
    """One row per driver of one attributed headline: name, range, lower third, upper third, statistic, adjusted p, driver?"""
    rows = []
    for t in headline.get("tests", []):
        stat = t.get("statistic")
        rows.append([
            t["name"], f"{t['low']:g}–{t['high']:g}", _side(t, "lower", headline["kind"]), _side(t, "upper", headline["kind"]),
            _("n/a") if stat is None or (isinstance(stat, float) and math.isnan(stat)) else f"{stat:+.2f}", _p(t.get("p_adjusted")),
            _("yes") if t.get("driver") else _("no"),
        ])
    return rows


def _table(headline: Mapping) -> str:
    rows = driver_table_rows(headline)
    if not rows:
        return ""
    stat = _("rank-biserial r") if headline["kind"] == "event" else _("Spearman ρ")
    cols = [_("driver"), _("range"), _("lower third"), _("upper third"), stat, _("p (Holm)"), _("moves it")]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in r) + "</tr>" for r in rows)
    if headline["kind"] == "event":
        caption = _("{headline}: share of runs in the runs whose driver lies in the lower and upper third of its range")
    else:
        caption = _("{headline}: median in the runs whose driver lies in the lower and upper third of its range")
    caption = caption.format(headline=headline["label"])
    return f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _per_era(per: Mapping) -> list[str]:
    """The validation's facts in range, era by era, as an HTML list (none: nothing)."""
    if not per:
        return []
    items = []
    for era, v in per.items():
        line = _("{era}: {in_range} of {facts} in range").format(era=era, in_range=v["in_range"], facts=v["facts"])
        if v.get("out_of_range"):
            line += _("; out of range: {facts}").format(facts=", ".join(v["out_of_range"]))
        items.append(f"<li>{html.escape(line)}</li>")
    return ["<ul>" + "".join(items) + "</ul>"]


def html_section(drivers: Mapping | None, validation: Mapping | None = None, *, title: str | None = None) -> str:
    """An HTML ``<section>``: one sentence per headline with its driver and figure, the tests behind it, and the validation score.

    Parameters
    ----------
    drivers : mapping, optional
        :func:`foedus.experiments.drivers.attribute_all`'s result (``method``, ``knobs``, ``headlines``).
    validation : mapping, optional
        :meth:`foedus.experiments.oos_score.PendingScore.result` (its ``sentence``, or ``error``).
    title : str, optional
        The section's heading (default: "What drives each headline", in the language in use).
    """
    title = _("What drives each headline") if title is None else title
    parts = [f"<section class='foedus-drivers'><h2>{html.escape(title)}</h2>"]
    if validation:
        failed = _("Out-of-sample validation could not run: {error}.").format(error=validation.get("error") or _("unknown error"))
        text = validation.get("sentence") or failed
        head = _("Validation.")
        parts.append(f"<p><strong>{html.escape(head)}</strong> {html.escape(text)}</p>")
        parts += _per_era(validation.get("per_era") or {})
    if drivers:
        parts.append("<ul>" + "".join(f"<li>{html.escape(h['sentence'])}</li>" for h in drivers["headlines"]) + "</ul>")
        note = _("A war between great powers is not among the headlines: an ensemble keeps the wars begun each year, not who fights them.")
        parts.append(f"<p class='note'>{html.escape(drivers['method'])} {html.escape(note)}</p>")
        parts += [t for t in (_table(h) for h in drivers["headlines"]) if t]
    parts.append("</section>")
    return "\n".join(parts)
