"""Figures of an ensemble: median and 5-95 % bands per year, written as PNG/SVG and as HTML.

:func:`band_figure` draws one indicator's band (median line, shaded 5-95 % band, and the
median's confidence interval as a thin inner band) for one ensemble or, side by side, for two.
:func:`state_band_figure` draws a per-state band (each great power's arms spending, from
:func:`foedus.analysis.ensemble.state_bands`) as one panel per state;
:func:`alignment_figure` draws each great power's alignments over time (share of runs in each
alignment per year, from :func:`foedus.analysis.ensemble.great_power_alignments`);
:func:`pair_figure` the probability that pairs of states are allied.
:func:`write_figures` writes one PNG and one SVG per indicator, :func:`save_figure` any one
figure; :func:`html_section` returns a self-contained HTML ``<section>`` (inline SVG, no
external file, script or font) with the figures, the band table at a few years, each great
power's arms spending and alignments and any pair probabilities, ready to be embedded in a
report page (:func:`write_html` wraps it in a page).

Files written by ``foedus ensemble summary DIR --report OUT``:

- ``band-<indicator>.png/.svg``: median and 5-95 % band per year of each system indicator;
- ``gp-milex.png/.svg``: each great power's military expenditure (US$ bn), median and band;
- ``gp-alignments.png/.svg``: each great power's alignment, share of runs per year;
- ``pair-allied.png/.svg`` (with ``--pair``): probability that each pair is allied;
- ``ensemble.html``: all of them with their tables, self-contained.

Matplotlib is imported lazily with the object API and the Agg canvas (no pyplot, no global
backend); SVG is written with a fixed ``svg.hashsalt`` and no date, so the same tables give the
same bytes. Presentation only: every number comes from :mod:`foedus.analysis.ensemble`.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

import foedus
from foedus.report import style
from foedus.report.format import number
from foedus.report.pairs import moving_pairs, pair_movement  # noqa: F401 (public here: the reports' default pairs)
from foedus.report.provenance import MILEX_SCALE
from foedus.report.labels import indicator_name, label, unit_name
from foedus.i18n import _, get_language

__all__ = [
    "alignment_figure", "band_figure", "html_section", "is_count", "moving_pairs", "pair_figure", "pair_movement", "plot_band",
    "plot_pair_allied", "save_figure", "state_band_figure", "write_figures", "write_html",
]

_COLOURS = style.PALETTE[:2]

_NOT_WHOLE = frozenset({"alliance_size", "effective_poles", "effective_blocs", "con", "milex"})
"""Indicators whose yearly value is not a whole number (means, indices, money); every other one is a count."""


def is_count(indicator: str) -> bool:
    """True for an indicator that counts (agreements, states, blocs, events): drawn as steps with integer ticks."""
    from foedus.analysis.indicators import INDICATORS

    return indicator in INDICATORS and indicator not in _NOT_WHOLE


def _label(indicator: str, money: str | None = None) -> str:
    from foedus.analysis.indicators import INDICATORS

    desc, unit = INDICATORS.get(indicator, (indicator, ""))
    desc = indicator_name(indicator, desc)
    if indicator == "milex" or unit == "thousand US$":
        return f"{desc} ({_unit(indicator, money)})"
    return f"{desc} ({unit_name(unit)})" if unit and unit not in ("count",) else desc


def _unit(indicator: str, money: str | None = None) -> str:
    """The y-axis label: the indicator's unit (billions of ``money``, default US$, for military expenditure)."""
    from foedus.analysis.indicators import INDICATORS

    if indicator == "milex":
        return _("bn {unit}").format(unit=money) if money else _("US$ bn")
    return unit_name(INDICATORS.get(indicator, (indicator, ""))[1])


def _scale(indicator: str) -> float:
    """Thousand US$ are drawn in US$ bn."""
    return MILEX_SCALE if indicator == "milex" else 1.0


def _band_columns(table: pd.DataFrame) -> tuple[str, str]:
    qs = sorted(c for c in table.columns if c.startswith("q") and c[1:].isdigit())
    if len(qs) != 2:
        raise ValueError(_("a band table needs two quantile columns (q05, q95), got {columns}").format(columns=qs))
    return qs[0], qs[1]


def _draw_band(ax, t: pd.DataFrame, colour: str, k: float, *, steps: bool, label: str = "") -> None:
    """Median line, its CI (dark) and the band of runs (light) of one table; steps for a count."""
    lo, hi = _band_columns(t)
    band = t.attrs.get("band", 0.9)
    median, runs, ci = _("median"), _("{share} % of runs").format(share=f"{100 * band:.0f}"), _("90 % CI of the median")
    years = t["year"].to_numpy()
    cols = np.c_[t[lo], t[hi], t["median_lo"], t["median_hi"], t["median"]].astype(float) * k
    if len(years) == 1:  # one simulated year: the band as a bar
        ax.vlines(years, cols[:, 0], cols[:, 1], color=colour, alpha=0.35, linewidth=8)
        ax.plot(years, cols[:, 4], "o", color=colour, label=f"{label} {median}".strip())
        return
    if steps:
        x, v = style.year_steps(years, cols)
        kw: dict = {"step": "post"}
    else:
        x, v, kw = years, cols, {}
    ax.fill_between(x, v[:, 0], v[:, 1], color=colour, alpha=0.18, linewidth=0, label=f"{label} {runs}".strip(), **kw)
    ax.fill_between(x, v[:, 2], v[:, 3], color=colour, alpha=0.35, linewidth=0, label=f"{label} {ci}".strip(), **kw)
    if steps:
        ax.step(x, v[:, 4], where="post", color=colour, linewidth=1.8, label=f"{label} {median}".strip())
    else:
        ax.plot(x, v[:, 4], color=colour, linewidth=1.8, label=f"{label} {median}".strip())


@style.styled
def plot_band(bands: pd.DataFrame | Mapping[str, pd.DataFrame], indicator: str, ax=None, *, title: str | None = None,
              money: str | None = None):
    """Draw one indicator of an ensemble: median, its 90 % CI and the band of runs, per year.

    Counts (agreements, blocs, poles, states: :func:`is_count`) are drawn as steps, one flat
    step per simulated year, with integer ticks; the band's edges are the interpolated
    quantiles of the runs (Hyndman & Fan 1996, definition 7), so they may fall between integers.

    Parameters
    ----------
    bands : DataFrame or mapping of label -> DataFrame
        Tables of :func:`foedus.analysis.ensemble.bands` (or ``summary``); several are drawn
        on the same axes in different colours (e.g. two ensembles).
    indicator : str
        The indicator to draw (rows with ``indicator == indicator``).
    ax : matplotlib Axes, optional
    title : str, optional
    money : str, optional
        Which dollars military expenditure is in (e.g. "constant 2022 US$"); drawn in billions.

    Returns
    -------
    matplotlib.axes.Axes
    """
    series = bands if isinstance(bands, Mapping) else {"": bands}
    ax = style.axes_or_new(ax, 3.6)
    k = _scale(indicator)
    steps = is_count(indicator)
    drawn = False
    for (label, table), colour in zip(series.items(), _COLOURS * 4):
        t = table[table["indicator"] == indicator].sort_values("year")
        if t.empty:
            continue
        _draw_band(ax, t, colour, k, steps=steps, label=label)
        drawn = True
    if not drawn:
        raise ValueError(_("no rows for indicator {indicator!r}").format(indicator=indicator))
    style.year_axis(ax)
    ax.set_ylabel(_unit(indicator, money))
    if steps:  # a count: whole numbers around the data, so that even a flat line has ticks to read it by
        lo, hi = ax.get_ylim()
        ax.set_ylim(max(0.0, np.floor(lo) - 1.0) if lo >= 0 else np.floor(lo) - 1.0, np.ceil(hi) + 1.0)
        style.integer_ticks(ax.yaxis)
    else:
        style.value_ticks(ax.yaxis)
    ax.set_title(title or _label(indicator, money))
    style.legend_outside(ax)
    return ax


def band_figure(bands: pd.DataFrame | Mapping[str, pd.DataFrame], indicator: str, *, title: str | None = None,
                money: str | None = None):
    """The figure of :func:`plot_band` (one indicator's median and band per year).

    Returns
    -------
    matplotlib.figure.Figure
    """
    return plot_band(bands, indicator, title=title, money=money).figure


def _panels(n: int, *, ncols: int = 4, height: float = 2.1):
    """A report-width figure with ``n`` small panels (``ncols`` per row) and the list of their axes."""
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig = style.new_figure(height * nrows + 0.9)
    axes = [fig.add_subplot(nrows, ncols, i + 1) for i in range(n)]
    return fig, axes


@style.styled
def state_band_figure(table: pd.DataFrame, *, title: str | None = None, ncols: int = 4, money: str | None = None):
    """One panel per state: median and band per year of a per-state indicator.

    Parameters
    ----------
    table : DataFrame
        :func:`foedus.analysis.ensemble.state_bands` (columns ``indicator, ccode, abb, year``,
        the two band quantiles, ``median``, ``median_lo``, ``median_hi``); military expenditure
        (thousand US$) is drawn in billions.
    title : str, optional
    ncols : int
        Panels per row.
    money : str, optional
        Which dollars military expenditure is in (e.g. "constant 2022 US$").

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.ticker import MaxNLocator

    if table.empty:
        raise ValueError(_("no rows to draw (the scenario has no great power?)"))
    indicator = str(table["indicator"].iloc[0])
    k = _scale(indicator)
    band = table.attrs.get("band", 0.9)
    states = list(dict.fromkeys(table["abb"]))
    fig, axes = _panels(len(states), ncols=ncols)
    for ax, abb in zip(axes, states):
        t = table[table["abb"] == abb].sort_values("year")
        _draw_band(ax, t, _COLOURS[0], k, steps=is_count(indicator))
        ax.set_title(abb)
        ax.tick_params(labelsize=7)
        style.value_ticks(ax.yaxis)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    for i, ax in enumerate(axes):
        if i % max(1, min(ncols, len(states))) == 0:
            ax.set_ylabel(_unit(indicator, money))
    desc = _("military expenditure") if indicator == "milex" else indicator
    fig.suptitle(title or _("great powers' {what} ({unit}): median, its 90 % CI and {share} % of runs").format(
        what=desc, unit=_unit(indicator, money), share=f"{100 * band:.0f}"))
    return fig


_UNALIGNED_COLOUR = "#c7c7c7"


def _alignment_name(alignment: str) -> str:
    """How a legend names an alignment: a bloc by its leader, or "unaligned"/"other" in the language in use."""
    return {"unaligned": _("unaligned"), "other": _("other")}.get(alignment, alignment)


def _alignment_colours(labels: Sequence[str]) -> dict[str, str]:
    out, i = {}, 0
    for lab in labels:
        if lab == "unaligned":
            out[lab] = _UNALIGNED_COLOUR
        elif lab == "other":
            out[lab] = "#8c8c8c"
        else:
            out[lab] = style.PALETTE[i % len(style.PALETTE)]
            i += 1
    return out


def _lump_alignments(alignments: pd.DataFrame, max_alignments: int) -> tuple[pd.DataFrame, list[str]]:
    """The public columns, alignments beyond the ``max_alignments`` most frequent lumped as "other"; and their order."""
    df = alignments[["year", "abb", "alignment", "share"]].copy()
    df["alignment"] = df["alignment"].astype(str)
    totals = df.groupby("alignment")["share"].sum()
    order = sorted(totals.index, key=lambda a: (a == "unaligned", -totals[a], a))
    named = [a for a in order if a != "unaligned"]
    if len(named) > max_alignments:
        keep = set(named[:max_alignments]) | {"unaligned"}
        df.loc[~df["alignment"].isin(keep), "alignment"] = "other"
        order = [a for a in order if a in keep]
        order.insert(len([a for a in order if a != "unaligned"]), "other")
    return df, order


@style.styled
def alignment_figure(alignments: pd.DataFrame, *, title: str | None = None, ncols: int = 4, max_alignments: int = 9):
    """One panel per great power: the share of runs in each alignment, per year (stacked steps).

    Reads only the public columns ``year``, ``abb``, ``alignment`` and ``share`` of
    :func:`foedus.analysis.ensemble.great_power_alignments`, whatever the alignments are
    (bloc leaders, ``"unaligned"``, ...). Colours are shared across panels; the alignments
    beyond the ``max_alignments`` most frequent are drawn together as ``"other"``. Each year is
    a flat step (shares are yearly), the legend is below the panels.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    if alignments is None or alignments.empty:
        raise ValueError(_("no great-power alignments to draw"))
    df, order = _lump_alignments(alignments, max_alignments)
    colours = _alignment_colours(order)
    years = np.unique(df["year"].to_numpy())
    states = list(dict.fromkeys(df["abb"]))
    fig, axes = _panels(len(states), ncols=ncols)
    for ax, abb in zip(axes, states):
        t = df[df["abb"] == abb].pivot_table(index="year", columns="alignment", values="share", aggfunc="sum", fill_value=0.0)
        t = t.reindex(index=years, columns=[a for a in order if a in t.columns], fill_value=0.0)
        x, v = style.year_steps(years, t.to_numpy())
        ax.stackplot(x, *v.T, colors=[colours[c] for c in t.columns], linewidth=0, step="post")
        ax.set_xlim(x[0], x[-1])
        ax.set_ylim(0, 1)
        ax.set_title(abb)
        ax.tick_params(labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    axes[0].set_ylabel(_("share of runs"))
    fig.legend(handles=[Patch(color=colours[a], label=_alignment_name(a)) for a in order], loc="outside lower center",
               ncols=min(len(order), 6))
    fig.suptitle(title or _("great powers' alignments: share of runs in each alignment (bloc named after its leader)"))
    return fig


@style.styled
def plot_pair_allied(probabilities: Mapping[str, pd.DataFrame], ax=None, *, title: str | None = None):
    """Share of runs in which pairs of states are allied, per year (steps), with its 90 % Jeffreys interval.

    Parameters
    ----------
    probabilities : mapping of label -> DataFrame of :func:`foedus.analysis.ensemble.pair_allied`
    ax : matplotlib Axes, optional
    title : str, optional
        Default: "probability that the pair is allied", in the language in use.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = style.axes_or_new(ax, 3.6)
    for i, (label, t) in enumerate(probabilities.items()):
        colour = style.PALETTE[i % len(style.PALETTE)]
        x, v = style.year_steps(t["year"].to_numpy(), np.c_[t["lo"], t["hi"], t["probability"]].astype(float))
        ax.fill_between(x, v[:, 0], v[:, 1], color=colour, alpha=0.15, linewidth=0, step="post")
        ax.step(x, v[:, 2], where="post", color=colour, linewidth=1.8, label=label)
    ax.set_ylim(-0.02, 1.02)
    style.year_axis(ax)
    style.value_ticks(ax.yaxis)
    ax.set_ylabel(_("share of runs"))
    ax.set_title(title or _("probability that the pair is allied"))
    style.legend_outside(ax)
    return ax


def pair_figure(probabilities: Mapping[str, pd.DataFrame], *, title: str | None = None):
    """The figure of :func:`plot_pair_allied`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    return plot_pair_allied(probabilities, title=title).figure


def _svg(fig) -> str:
    return style.svg(fig)


def _save(fig, path: Path) -> None:
    style.save(fig, path)


def save_figure(fig, out: Path | str, name: str, formats: Sequence[str] = ("png", "svg")) -> list[Path]:
    """Write ``fig`` as ``out/<name>.<format>`` for each format (reproducible bytes for SVG); return the paths."""
    _check_formats(formats)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out / f"{name}.{fmt}"
        _save(fig, path)
        written.append(path)
    return written


def _check_formats(formats: Sequence[str]) -> None:
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad:
        raise ValueError(_("unknown figure format(s) {formats}; choose png, svg or pdf").format(formats=", ".join(bad)))


def write_figures(
    bands: pd.DataFrame | Mapping[str, pd.DataFrame],
    out: Path | str,
    indicators: Sequence[str] | None = None,
    formats: Sequence[str] = ("png", "svg"),
    prefix: str = "band",
) -> list[Path]:
    """Write one figure per indicator as ``out/<prefix>-<indicator>.<format>``.

    Parameters
    ----------
    bands : DataFrame or mapping of label -> DataFrame
        See :func:`band_figure`.
    out : folder (created if needed)
    indicators : sequence of str, optional
        Default: every indicator in the table(s).
    formats : sequence of {"png", "svg", "pdf"}
    prefix : str

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    _check_formats(formats)
    series = bands if isinstance(bands, Mapping) else {"": bands}
    if indicators is None:
        indicators = list(dict.fromkeys(i for t in series.values() for i in t["indicator"]))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ind in indicators:
        written += save_figure(band_figure(series, ind), out, f"{prefix}-{ind}", formats)
    return written


def _table(df: pd.DataFrame, caption: str, digits: int = 2) -> str:
    head = "".join(f"<th>{html.escape(label(c))}</th>" for c in df.columns)
    years = [str(c) == "year" for c in df.columns]  # a year is not a quantity: 2022, not 2,022
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(int(v)) if y and isinstance(v, (int, np.integer)) else number(v, digits, group_from=0))}</td>" for v, y in zip(row, years)) + "</tr>"
        for row in df.itertuples(index=False)
    )
    return f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _milestones(years: np.ndarray, n: int = 4) -> np.ndarray:
    years = np.unique(years)
    if len(years) <= n:
        return years
    return years[np.unique(np.linspace(0, len(years) - 1, n).round().astype(int))]


def html_section(
    bands: pd.DataFrame | Mapping[str, pd.DataFrame],
    *,
    title: str | None = None,
    description: str = "",
    alignments: pd.DataFrame | None = None,
    pairs: Mapping[str, pd.DataFrame] | None = None,
    comparison: pd.DataFrame | None = None,
    state_milex: pd.DataFrame | None = None,
    money: str | None = None,
) -> str:
    """A self-contained HTML ``<section>`` with band figures (inline SVG) and tables.

    Parameters
    ----------
    bands : DataFrame or mapping of label -> DataFrame
        :func:`foedus.analysis.ensemble.summary` table(s).
    title, description : str
        The section's heading (default "Ensemble", in the language in use) and an introduction.
    alignments : DataFrame, optional
        :func:`foedus.analysis.ensemble.great_power_alignments` (every year: drawn over time
        by :func:`alignment_figure`, with a table of the last year).
    pairs : mapping of label -> DataFrame, optional
        :func:`foedus.analysis.ensemble.pair_allied` tables, drawn the most moving first
        (:func:`pair_movement`); the caption names any pair whose share never changes (e.g.
        allied in no run in any year). To choose pairs worth drawing, see :func:`moving_pairs`.
    comparison : DataFrame, optional
        :func:`foedus.analysis.ensemble.compare`.
    state_milex : DataFrame, optional
        :func:`foedus.analysis.ensemble.state_bands` with ``column="milex"`` (each great
        power's arms spending): drawn by :func:`state_band_figure`, with a table at a few years.
    money : str, optional
        Which dollars military expenditure is in (e.g. "constant 2022 US$",
        :attr:`foedus.report.provenance.MilexUnit.money`); always shown in billions.

    Returns
    -------
    str
    """
    series = bands if isinstance(bands, Mapping) else {"": bands}
    heading = title or _("Ensemble")
    parts = [f"<section class='foedus-ensemble'><h2>{html.escape(heading)}</h2>"]
    if description:
        parts.append(f"<p>{html.escape(description)}</p>")
    parts += _band_parts(series, money)
    if state_milex is not None and len(state_milex):
        parts += _state_milex_parts(state_milex, money)
    if alignments is not None and len(alignments):
        parts.append(f"<figure>{_svg(alignment_figure(alignments))}<figcaption>" + html.escape(_(
            "Each great power's alignment per year: the share of runs in which it sits in each bloc (named after the bloc's "
            "leader) or in none.")) + "</figcaption></figure>")
        last = alignments[alignments["year"] == alignments["year"].max()]
        cols = [c for c in ("abb", "alignment", "share", "lo", "hi") if c in last.columns]
        shown = last[cols].assign(alignment=last["alignment"].map(_alignment_name)) if "alignment" in cols else last[cols]
        parts.append(_table(shown, _("great-power alignments in {year} (share of runs)").format(year=int(last["year"].iloc[0]))))
    if pairs:
        parts.append(_pairs_part(pairs))
    if comparison is not None and len(comparison):
        keep = comparison[comparison["year"].isin(_milestones(comparison["year"].to_numpy()))]
        parts.append(_table(keep[["indicator", "year", "median_a", "median_b", "diff", "diff_lo", "diff_hi", "p_value"]],
                            _("difference of means (B - A) with its bootstrap interval, and the Mann-Whitney p-value"), digits=3))
    parts.append("</section>")
    return "\n".join(parts)


def _band_parts(series: Mapping[str, pd.DataFrame], money: str | None) -> list[str]:
    """Band figures of every indicator, then the table of bands at a few years (military expenditure in billions)."""
    parts = []
    indicators = list(dict.fromkeys(i for t in series.values() for i in t["indicator"]))
    for ind in indicators:
        steps = " " + _("Drawn as steps: a count, one value per year.") if is_count(ind) else ""
        caption = _("{indicator}: median (line), its 90 % confidence interval (dark band) and the central 90 % of runs (light band).")
        parts.append(f"<figure>{_svg(band_figure(series, ind, money=money))}<figcaption>"
                     f"{html.escape(caption.format(indicator=_label(ind, money)) + steps)}</figcaption></figure>")
    for label, t in series.items():
        lo, hi = _band_columns(t)
        keep = t[t["year"].isin(_milestones(t["year"].to_numpy()))]
        view = keep[["indicator", "year", "runs", lo, "median", hi, "mean"]].copy()
        milex = (view["indicator"] == "milex").to_numpy()
        for c in (lo, "median", hi, "mean"):  # one unit per quantity: military expenditure in billions, as drawn
            view[c] = view[c].astype("float64").where(~milex, view[c].astype("float64") * _scale("milex"))
        view["indicator"] = view["indicator"].where(~milex, f"milex ({_unit('milex', money)})")
        parts.append(_table(view, f"{label + ': ' if label else ''}" + _("median and band at selected years")))
    return parts


def _state_milex_parts(state_milex: pd.DataFrame, money: str | None) -> list[str]:
    lo, hi = _band_columns(state_milex)
    u = _unit("milex", money)
    fig = _svg(state_band_figure(state_milex, money=money))
    caption = _("Each great power's military expenditure ({unit}): median (line), its 90 % confidence interval (dark band) and "
                "the central {share} % of runs (light band).").format(unit=u, share=f"{100 * state_milex.attrs.get('band', 0.9):.0f}")
    parts = [f"<figure>{fig}<figcaption>{html.escape(caption)}</figcaption></figure>"]
    keep = state_milex[state_milex["year"].isin(_milestones(state_milex["year"].to_numpy()))]
    median = _("median")
    view = keep[["abb", "year", "runs"]].assign(**{f"{lo} ({u})": keep[lo] * MILEX_SCALE, f"{median} ({u})": keep["median"] * MILEX_SCALE,
                                                   f"{hi} ({u})": keep[hi] * MILEX_SCALE})
    parts.append(_table(view, _("great powers' military expenditure at selected years")))
    return parts


def _pairs_part(pairs: Mapping[str, pd.DataFrame]) -> str:
    """The pair figure, the pairs whose share moves most first; a pair flat in every year is said to be so."""
    ranked = dict(sorted(pairs.items(), key=lambda kv: -pair_movement(kv[1])))
    flat = [f"{k} ({number(float(t['probability'].iloc[0]), 2)})" for k, t in ranked.items() if pair_movement(t) == 0]
    note = (" " + _("The same share in every year: {pairs}.").format(pairs="; ".join(flat))) if flat else ""
    caption = _("Share of runs in which each pair is allied, with its 90 % Jeffreys interval; the pairs whose share moves most first.")
    return f"<figure>{_svg(pair_figure(ranked))}<figcaption>{html.escape(caption + note)}</figcaption></figure>"


_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head><body>
{body}
<footer><p class="note">foedus {version}</p></footer>
</body></html>
"""


def write_html(path: Path | str, sections: Sequence[str], *, title: str | None = None) -> Path:
    """Write sections of :func:`html_section` as one self-contained HTML page (atomically)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _PAGE.format(title=html.escape(title or _("foedus ensemble")), lang=get_language(), css=style.PAGE_CSS, body="\n".join(sections), version=foedus.__version__)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path
