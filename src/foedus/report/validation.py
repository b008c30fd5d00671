"""The validation report: the four eras' facts, record against runs, with a figure per era.

:func:`era_figure` draws, for each fact of an era, where the runs fall relative to the record in
units of the fact's tolerance (:func:`foedus.analysis.era_tolerance.distance`, signed: above or below
the record): the pooled value as a dot, the 5-95 % band over seeds as a bar, the tolerance as
the shaded band between -1 and +1. :func:`write_report` writes one self-contained HTML page
(figures inline) and each figure as an SVG file beside it. Calibration tables
(:mod:`foedus.experiments.calibration`) are rendered by :func:`calibration_html`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from foedus.analysis.era_tolerance import TOLERANCE, EraFact, distance, score
from foedus.report import style
from foedus.report.format import localize
from foedus.i18n import _, get_language

_CLIP = 4.0
"""Distances beyond this many tolerances are drawn at the edge (arrow-like marker)."""


def _signed(name: str, record: float, value: float, rbound: float | None, sbound: float | None) -> float:
    d = distance(name, record, value, np.nan if rbound is None else rbound, np.nan if sbound is None else sbound)
    if np.isnan(record) or np.isnan(value):
        return np.nan
    r = rbound if (np.isinf(record) and rbound is not None) else record
    s = sbound if (np.isinf(value) and sbound is not None) else value
    return float(np.clip(d if s >= r else -d, -_CLIP, _CLIP))


@style.styled
def plot_validation_era(facts: Sequence[EraFact], ax=None):
    """Draw one era's facts: where the runs fall from the record, in units of each fact's tolerance.

    For each fact (one row, named on the left): the pooled value of the runs as a dot (green
    in range, red out), the 5-95 % band over seeds as a bar, the tolerance as the shaded band
    between -1 and +1 (:func:`foedus.analysis.era_tolerance.distance`, signed: right of 0 means
    the runs are above the record). Distances beyond 4 tolerances are drawn at the edge.

    Parameters
    ----------
    facts : sequence of EraFact
        The facts of one era (:mod:`foedus.analysis.era_tolerance`).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    if not len(facts):
        raise ValueError(_("no fact to draw"))
    ax = style.axes_or_new(ax, 0.32 * len(facts) + 1.2)
    ax.grid(False)
    ax.axvspan(-1, 1, color="#e5f5e0", zorder=0)
    ax.axvline(0, color="#555555", lw=0.8)
    for k, f in enumerate(facts):
        y = len(facts) - 1 - k
        mid = _signed(f.name, f.record, f.simulated, f.record_above, f.simulated_above)
        lo = _signed(f.name, f.record, f.p5, f.record_above, None) if np.isfinite(f.p5) else np.nan
        hi = _signed(f.name, f.record, f.p95, f.record_above, None) if np.isfinite(f.p95) else np.nan
        if np.isfinite(lo) and np.isfinite(hi):
            ax.plot([min(lo, hi), max(lo, hi)], [y, y], color="#9ecae1", lw=4, solid_capstyle="butt")
        colour = "#238b45" if f.in_range else "#cb181d"
        if np.isfinite(mid):
            ax.plot([mid], [y], "o", color=colour, ms=5)
        else:
            ax.text(0, y, _("n/a"), ha="center", va="center", fontsize=7, color=colour)
    ax.set_yticks(range(len(facts)))
    ax.set_yticklabels([f.name for f in reversed(facts)])
    ax.set_xlim(-_CLIP - 0.3, _CLIP + 0.3)
    ax.set_xlabel(_("runs vs record, in tolerances (shaded: in range; dot: pooled; bar: 5-95 % over seeds)"))
    ax.set_title(_("{era}: {k} of {n} facts in range").format(era=facts[0].era, k=sum(f.in_range for f in facts), n=len(facts)))
    return ax


def era_figure(facts: Sequence[EraFact]) -> str:
    """:func:`plot_validation_era` as an inline SVG (the report's figure of one era)."""
    return style.svg(plot_validation_era(facts).figure)


def _num(v: float | None, above: float | None = None) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return _("n/a")
    if np.isinf(v):
        return f"&gt; {localize(f'{above:.3g}')}" if above is not None else "∞"
    return localize(f"{v:.3g}")


def facts_table_html(facts: Sequence[EraFact]) -> str:
    """The facts of one era as an HTML table."""
    heads = (_("fact"), _("record"), _("runs (pooled)"), _("median [5-95 %] over seeds"), _("tolerance"), _("in range"), _("sample"))
    rows = ["<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in heads) + "</tr>"]
    yes, no, inside, outside = _("yes"), _("no"), _("in"), _("out")
    for f in facts:
        ok = f'<td class="ok">{yes}</td>' if f.in_range else f'<td class="no">{no}</td>'
        rows.append(
            f"<tr><td>{html.escape(f.name)}</td><td>{_num(f.record, f.record_above)}</td><td>{_num(f.simulated, f.simulated_above)}</td>"
            f"<td>{_num(f.median)} [{_num(f.p5)}, {_num(f.p95)}]</td><td>{html.escape(f.tolerance)}</td>{ok}"
            f"<td>{html.escape(inside if f.in_sample else outside)}</td></tr>"
        )
    return "<table>" + "".join(rows) + "</table>"


_STYLE = f"""<meta name="viewport" content="width=device-width, initial-scale=1"><style>{style.PAGE_CSS}</style>"""


def write_report(facts: Sequence[EraFact], out: Path, *, title: str | None = None, note: str = "") -> list[Path]:
    """Write the validation report ``out`` (HTML) and one SVG per era beside it; return the paths written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    eras = list(dict.fromkeys(f.era for f in facts))
    k, n = score(facts, out_of_sample=True)
    ka, na = score(facts)
    title = title or _("foedus validation: four eras")
    parts = [f"<!doctype html><html lang='{get_language()}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>{_STYLE}</head><body>",
             f"<h1>{html.escape(title)}</h1><p>" + html.escape(_("{k} of {n} facts in range; out of sample {ko} of {no}.").format(
                 k=ka, n=na, ko=k, no=n)) + "</p>"]
    if note:
        parts.append(f"<p>{html.escape(note)}</p>")
    written = []
    for era in eras:
        ef = [f for f in facts if f.era == era]
        svg = era_figure(ef)
        path = out.with_name(f"{out.stem}_{era}.svg")
        path.write_text(svg)
        written.append(path)
        head = _("{era} (in sample)") if ef[0].in_sample else _("{era} (out of sample)")
        parts.append(f"<h2>{html.escape(head.format(era=era))}</h2>{svg}{facts_table_html(ef)}")
    parts.append("<h2>" + _("Tolerances") + "</h2><ul>" + "".join(f"<li>{html.escape(n_)}: {('±' if k_ == 'absolute' else '×/÷ ')}{t:g}</li>" for n_, (k_, t) in TOLERANCE.items()) + "</ul>")
    parts.append("</body></html>")
    out.write_text("\n".join(parts))
    return [out, *written]


def calibration_html(result: Mapping, out: Path) -> Path:
    """Write the calibration result (:func:`foedus.experiments.calibration.calibrate`'s dict) as HTML."""
    out = Path(out)
    folds = result.get("folds", [])
    title, heading, yes, no = _("foedus calibration"), _("Leave-one-era-out calibration"), _("yes"), _("no")
    parts = [f"<!doctype html><html lang='{get_language()}'><head><meta charset='utf-8'><title>{title}</title>{_STYLE}</head>"
             f"<body><h1>{heading}</h1>", f"<p>{html.escape(result.get('note', ''))}</p>"]
    heads = (_("era"), _("fact"), _("record"), _("in sample (fit on all four)"), _("in range"), _("out of sample (fit without this era)"),
             _("in range"))
    rows = ["<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in heads) + "</tr>"]
    for row in result.get("side_by_side", []):
        rows.append(
            f"<tr><td>{row['era']}</td><td>{html.escape(row['fact'])}</td><td>{row['record']}</td><td>{row['in_sample']}</td>"
            f"<td class={'ok' if row['in_sample_in_range'] else 'no'}>{yes if row['in_sample_in_range'] else no}</td>"
            f"<td>{row['out_of_sample']}</td><td class={'ok' if row['out_of_sample_in_range'] else 'no'}>{yes if row['out_of_sample_in_range'] else no}</td></tr>"
        )
    parts.append("<h2>" + _("Every fact, in and out of sample") + "</h2><table>" + "".join(rows) + "</table>")
    heads = (_("held out"), _("trials"), _("best objective"), _("held-out in range"), _("parameters"))
    parts.append("<h2>" + _("Folds") + "</h2><table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in heads) + "</tr>")
    for f in folds:
        parts.append(f"<tr><td>{f['held_out']}</td><td>{f['trials']}</td><td>{f['best_objective']:.3f}</td><td>{f['held_out_in_range']}</td><td>{html.escape(str(f['best_parameters']))}</td></tr>")
    parts.append("</table>")
    sob = result.get("sobol")
    if sob:
        parts.append("<h2>" + html.escape(_("Global sensitivity (Sobol, {n} evaluations)").format(n=sob["samples"])) +
                     "</h2><table><tr><th>" + _("parameter") + "</th><th>S1</th><th>ST</th></tr>")
        for r in sob["ranking"]:
            parts.append(f"<tr><td>{r['parameter']}</td><td>{r['S1']:.3f}</td><td>{r['ST']:.3f}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    out.write_text("\n".join(parts))
    return out
