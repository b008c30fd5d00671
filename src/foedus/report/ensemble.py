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
import io
import os
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

import foedus
from foedus.report.format import number

__all__ = ["band_figure", "state_band_figure", "alignment_figure", "pair_figure", "save_figure", "write_figures", "html_section", "write_html"]

_COLOURS = ("#1f77b4", "#d62728")


def _figure(width: float = 6.4, height: float = 3.4):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _label(indicator: str) -> str:
    from foedus.analysis.indicators import INDICATORS

    desc, unit = INDICATORS.get(indicator, (indicator, ""))
    if indicator == "milex" or unit == "thousand US$":
        return f"{desc} (US$ bn)"
    return f"{desc} ({unit})" if unit and unit not in ("count",) else desc


def _unit(indicator: str) -> str:
    """The y-axis label: the indicator's unit (US$ bn for military expenditure)."""
    from foedus.analysis.indicators import INDICATORS

    return "US$ bn" if indicator == "milex" else INDICATORS.get(indicator, (indicator, ""))[1]


def _scale(indicator: str) -> float:
    """Thousand US$ are drawn in US$ bn."""
    return 1e-6 if indicator == "milex" else 1.0


def _band_columns(table: pd.DataFrame) -> tuple[str, str]:
    qs = sorted(c for c in table.columns if c.startswith("q") and c[1:].isdigit())
    if len(qs) != 2:
        raise ValueError(f"a band table needs two quantile columns (q05, q95), got {qs}")
    return qs[0], qs[1]


def band_figure(bands: pd.DataFrame | Mapping[str, pd.DataFrame], indicator: str, *, title: str | None = None):
    """A figure of one indicator's median and band per year.

    Parameters
    ----------
    bands : DataFrame or mapping of label -> DataFrame
        Tables of :func:`foedus.analysis.ensemble.bands` (or ``summary``); several are drawn
        on the same axes in different colours (e.g. two ensembles).
    indicator : str
        The indicator to draw (rows with ``indicator == indicator``).
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    series = bands if isinstance(bands, Mapping) else {"": bands}
    fig = _figure()
    ax = fig.add_subplot()
    k = _scale(indicator)
    drawn = False
    for (label, table), colour in zip(series.items(), _COLOURS * 4):
        t = table[table["indicator"] == indicator].sort_values("year")
        if t.empty:
            continue
        lo, hi = _band_columns(t)
        x = t["year"].to_numpy()
        band = t.attrs.get("band", 0.9)
        ax.fill_between(x, t[lo] * k, t[hi] * k, color=colour, alpha=0.18, linewidth=0, label=f"{label} {100 * band:.0f} % of runs".strip())
        ax.fill_between(x, t["median_lo"] * k, t["median_hi"] * k, color=colour, alpha=0.35, linewidth=0)
        ax.plot(x, t["median"] * k, color=colour, linewidth=1.8, label=f"{label} median".strip())
        drawn = True
    if not drawn:
        raise ValueError(f"no rows for indicator {indicator!r}")
    _year_axis(ax)
    ax.set_ylabel(_unit(indicator))
    ax.set_title(title or _label(indicator), fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, frameon=False)
    return fig


def _year_axis(ax) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("year")


def _panels(n: int, *, ncols: int = 4, height: float = 2.1):
    """A figure with ``n`` small panels (``ncols`` per row) and the list of their axes."""
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig = _figure(2.45 * ncols + 0.4, height * nrows + 0.7)
    axes = [fig.add_subplot(nrows, ncols, i + 1) for i in range(n)]
    return fig, axes


def state_band_figure(table: pd.DataFrame, *, title: str | None = None, ncols: int = 4):
    """One panel per state: median and band per year of a per-state indicator.

    Parameters
    ----------
    table : DataFrame
        :func:`foedus.analysis.ensemble.state_bands` (columns ``indicator, ccode, abb, year``,
        the two band quantiles, ``median``, ``median_lo``, ``median_hi``); military expenditure
        (thousand US$) is drawn in US$ bn.
    title : str, optional
    ncols : int
        Panels per row.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if table.empty:
        raise ValueError("no rows to draw (the scenario has no great power?)")
    indicator = str(table["indicator"].iloc[0])
    lo, hi = _band_columns(table)
    k = _scale(indicator)
    band = table.attrs.get("band", 0.9)
    states = list(dict.fromkeys(table["abb"]))
    fig, axes = _panels(len(states), ncols=ncols)
    from matplotlib.ticker import MaxNLocator

    for ax, abb in zip(axes, states):
        t = table[table["abb"] == abb].sort_values("year")
        x = t["year"].to_numpy()
        marker = "o" if len(x) == 1 else None
        ax.fill_between(x, t[lo] * k, t[hi] * k, color=_COLOURS[0], alpha=0.18, linewidth=0)
        ax.fill_between(x, t["median_lo"] * k, t["median_hi"] * k, color=_COLOURS[0], alpha=0.35, linewidth=0)
        ax.plot(x, t["median"] * k, color=_COLOURS[0], linewidth=1.6, marker=marker)
        if marker:  # one simulated year: the band as a bar
            ax.vlines(x, t[lo] * k, t[hi] * k, color=_COLOURS[0], alpha=0.35, linewidth=8)
        ax.set_title(abb, fontsize=9)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    axes[0].set_ylabel(_unit(indicator), fontsize=8)
    desc = "military expenditure" if indicator == "milex" else indicator
    fig.suptitle(title or f"great powers' {desc} ({_unit(indicator)}): median, its 90 % CI and {100 * band:.0f} % of runs", fontsize=10)
    return fig


_UNALIGNED_COLOUR = "#c7c7c7"


def _alignment_colours(labels: Sequence[str]) -> dict[str, str]:
    from matplotlib import colormaps

    cmap = colormaps["tab10"]
    out, i = {}, 0
    for lab in labels:
        if lab == "unaligned":
            out[lab] = _UNALIGNED_COLOUR
        elif lab == "other":
            out[lab] = "#8c8c8c"
        else:
            out[lab] = cmap(i % 10)
            i += 1
    return out


def alignment_figure(alignments: pd.DataFrame, *, title: str | None = None, ncols: int = 4, max_alignments: int = 9):
    """One panel per great power: the share of runs in each alignment, per year (stacked).

    Reads only the public columns ``year``, ``abb``, ``alignment`` and ``share`` of
    :func:`foedus.analysis.ensemble.great_power_alignments`, whatever the alignments are
    (bloc leaders, ``"unaligned"``, ...). Colours are shared across panels; the alignments
    beyond the ``max_alignments`` most frequent are drawn together as ``"other"``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if alignments is None or alignments.empty:
        raise ValueError("no great-power alignments to draw")
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
    colours = _alignment_colours(order)
    years = np.unique(df["year"].to_numpy())
    states = list(dict.fromkeys(df["abb"]))
    fig, axes = _panels(len(states), ncols=ncols)
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    for ax, abb in zip(axes, states):
        t = df[df["abb"] == abb].pivot_table(index="year", columns="alignment", values="share", aggfunc="sum", fill_value=0.0)
        t = t.reindex(index=years, columns=[a for a in order if a in t.columns], fill_value=0.0)
        if len(years) >= 2:
            ax.stackplot(years, *[t[c].to_numpy() for c in t.columns], colors=[colours[c] for c in t.columns], linewidth=0)
            ax.set_xlim(years[0], years[-1])
        else:
            bottom = np.zeros(len(years))
            for c in t.columns:
                ax.bar(years, t[c].to_numpy(), bottom=bottom, color=colours[c], width=0.6)
                bottom += t[c].to_numpy()
        ax.set_ylim(0, 1)
        ax.set_title(abb, fontsize=9)
        ax.tick_params(labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    axes[0].set_ylabel("share of runs", fontsize=8)
    fig.legend(handles=[Patch(color=colours[a], label=a) for a in order], loc="outside lower center", ncols=min(len(order), 6), fontsize=8, frameon=False)
    fig.suptitle(title or "great powers' alignments: share of runs in each alignment (bloc named after its leader)", fontsize=10)
    return fig


def pair_figure(probabilities: Mapping[str, pd.DataFrame], *, title: str = "probability that the pair is allied"):
    """Probability per year that pairs of states are allied, with its 90 % interval.

    Parameters
    ----------
    probabilities : mapping of label -> DataFrame of :func:`foedus.analysis.ensemble.pair_allied`

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = _figure()
    ax = fig.add_subplot()
    for i, (label, t) in enumerate(probabilities.items()):
        colour = f"C{i}"
        ax.fill_between(t["year"], t["lo"], t["hi"], color=colour, alpha=0.2, linewidth=0)
        ax.plot(t["year"], t["probability"], color=colour, linewidth=1.8, label=label)
    ax.set_ylim(-0.02, 1.02)
    _year_axis(ax)
    ax.set_ylabel("share of runs")
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, frameon=False)
    return fig


def _svg(fig) -> str:
    """The figure as an inline ``<svg>`` element, reproducibly (fixed hash salt, no date)."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "foedus", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": f"foedus {foedus.__version__}"})
    text = buf.getvalue().decode("utf-8")
    text = text[text.index("<svg"):]
    start, end = text.find("<metadata>"), text.find("</metadata>")
    if start != -1 and end != -1:
        text = text[:start] + text[end + len("</metadata>"):]
    return text


def _save(fig, path: Path) -> None:
    import matplotlib

    tmp = path.with_name(path.name + ".tmp")
    fmt = path.suffix.lstrip(".")
    with matplotlib.rc_context({"svg.hashsalt": "foedus", "svg.fonttype": "none"}):
        meta = {"Date": None, "Creator": f"foedus {foedus.__version__}"} if fmt == "svg" else {"Software": f"foedus {foedus.__version__}"}
        fig.savefig(tmp, format=fmt, metadata=meta)
    os.replace(tmp, path)


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
        raise ValueError(f"unknown figure format(s) {', '.join(bad)}; choose png, svg or pdf")


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
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
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
    title: str = "Ensemble",
    description: str = "",
    alignments: pd.DataFrame | None = None,
    pairs: Mapping[str, pd.DataFrame] | None = None,
    comparison: pd.DataFrame | None = None,
    state_milex: pd.DataFrame | None = None,
) -> str:
    """A self-contained HTML ``<section>`` with band figures (inline SVG) and tables.

    Parameters
    ----------
    bands : DataFrame or mapping of label -> DataFrame
        :func:`foedus.analysis.ensemble.summary` table(s).
    title, description : str
    alignments : DataFrame, optional
        :func:`foedus.analysis.ensemble.great_power_alignments` (every year: drawn over time
        by :func:`alignment_figure`, with a table of the last year).
    pairs : mapping of label -> DataFrame, optional
        :func:`foedus.analysis.ensemble.pair_allied` tables.
    comparison : DataFrame, optional
        :func:`foedus.analysis.ensemble.compare`.
    state_milex : DataFrame, optional
        :func:`foedus.analysis.ensemble.state_bands` with ``column="milex"`` (each great
        power's arms spending): drawn by :func:`state_band_figure`, with a table at a few years.

    Returns
    -------
    str
    """
    series = bands if isinstance(bands, Mapping) else {"": bands}
    parts = [f"<section class='foedus-ensemble'><h2>{html.escape(title)}</h2>"]
    if description:
        parts.append(f"<p>{html.escape(description)}</p>")
    indicators = list(dict.fromkeys(i for t in series.values() for i in t["indicator"]))
    for ind in indicators:
        parts.append(f"<figure>{_svg(band_figure(series, ind))}<figcaption>{html.escape(_label(ind))}: median (line), "
                     f"its 90 % confidence interval (dark band) and the central 90 % of runs (light band).</figcaption></figure>")
    for label, t in series.items():
        lo, hi = _band_columns(t)
        keep = t[t["year"].isin(_milestones(t["year"].to_numpy()))]
        view = keep[["indicator", "year", "runs", lo, "median", hi, "mean"]].copy()
        milex = (view["indicator"] == "milex").to_numpy()
        for c in (lo, "median", hi, "mean"):  # one unit per quantity: military expenditure in US$ bn, as drawn
            view[c] = view[c].astype("float64").where(~milex, view[c].astype("float64") * _scale("milex"))
        view["indicator"] = view["indicator"].where(~milex, "milex (US$ bn)")
        parts.append(_table(view, f"{label + ': ' if label else ''}median and band at selected years"))
    if state_milex is not None and len(state_milex):
        lo, hi = _band_columns(state_milex)
        parts.append(f"<figure>{_svg(state_band_figure(state_milex))}<figcaption>Each great power's military expenditure "
                     f"(US$ bn): median (line), its 90 % confidence interval (dark band) and the central "
                     f"{100 * state_milex.attrs.get('band', 0.9):.0f} % of runs (light band).</figcaption></figure>")
        keep = state_milex[state_milex["year"].isin(_milestones(state_milex["year"].to_numpy()))]
        view = keep[["abb", "year", "runs"]].assign(**{f"{lo} (US$ bn)": keep[lo] * 1e-6, "median (US$ bn)": keep["median"] * 1e-6, f"{hi} (US$ bn)": keep[hi] * 1e-6})
        parts.append(_table(view, "great powers' military expenditure at selected years"))
    if alignments is not None and len(alignments):
        parts.append(f"<figure>{_svg(alignment_figure(alignments))}<figcaption>Each great power's alignment per year: the share "
                     "of runs in which it sits in each bloc (named after the bloc's leader) or in none.</figcaption></figure>")
        last = alignments[alignments["year"] == alignments["year"].max()]
        cols = [c for c in ("abb", "alignment", "share", "lo", "hi") if c in last.columns]
        parts.append(_table(last[cols], f"great-power alignments in {int(last['year'].iloc[0])} (share of runs)"))
    if pairs:
        parts.append(f"<figure>{_svg(pair_figure(pairs))}<figcaption>Share of runs in which each pair is allied, "
                     "with its 90 % Jeffreys interval.</figcaption></figure>")
    if comparison is not None and len(comparison):
        keep = comparison[comparison["year"].isin(_milestones(comparison["year"].to_numpy()))]
        parts.append(_table(keep[["indicator", "year", "median_a", "median_b", "diff", "diff_lo", "diff_hi", "p_value"]],
                            "difference of means (B - A) with its bootstrap interval, and the Mann-Whitney p-value", digits=3))
    parts.append("</section>")
    return "\n".join(parts)


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;margin:1em 0;font-size:90%}}td,th{{border:1px solid #ccc;padding:2px 6px;text-align:right}}
caption{{text-align:left;font-weight:bold;margin-bottom:.3em}}figure{{margin:1.5em 0}}svg{{max-width:100%;height:auto}}</style>
</head><body>
{body}
<footer><p>foedus {version}</p></footer>
</body></html>
"""


def write_html(path: Path | str, sections: Sequence[str], *, title: str = "foedus ensemble") -> Path:
    """Write sections of :func:`html_section` as one self-contained HTML page (atomically)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _PAGE.format(title=html.escape(title), body="\n".join(sections), version=foedus.__version__)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path
