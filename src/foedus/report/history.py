"""The history report: one self-contained HTML file of figures and tables (brief H1, D2).

:func:`write_history_report` draws, for any :class:`~foedus.schema.History` (the record or a
simulated run):

1. alliances begun per year, with the world wars and 1991 marked where the window holds them;
2. agreements in force per year by kind (alliance, coalition, organisation) and alliances in
   force by strongest obligation (issue #4, "number and kind of agreements per year");
3. the distribution of alliance size;
4. Kaplan-Meier survival curves by period of formation;
5. defence-pact network snapshots (1914, 1939, 1960, 1990 and 2018 for the record), blocs in
   colour, major powers labelled;
6. polarity by year;
7. the major powers' military expenditure and defence-pact partners by year (their
   alignments), the expenditure in the unit of its source (:func:`milex_unit`);

with summary tables and a definitions section. Figures are inline SVG drawn with matplotlib's
object API (no pyplot, so no global backend is touched), text kept as text, with a fixed
``svg.hashsalt`` and no date: the same history gives the same bytes. The file needs no network
(no external script, style sheet, font or image).

Presentation only: every number comes from :mod:`foedus.analysis`.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

import foedus
from foedus.analysis.capabilities import state_years_filled
from foedus.analysis.formation import (
    ASYMMETRY_K,
    FORMATS,
    PERIODS,
    Period,
    agreements_begun,
    agreements_ended,
    agreements_in_force,
    alliance_table,
    formation_per_year,
    formation_rate,
    formation_table,
    period_length,
)
from foedus.analysis.network import defense_network, dyad_years, partners_per_year
from foedus.analysis.polarity import major_power_blocs, polarity, state_blocs
from foedus.analysis.summary import jsonable, summary
from foedus.analysis.survival import kaplan_meier, survival_table, alliance_durations
from foedus.report.format import number
from foedus.schema import History

if TYPE_CHECKING:  # pragma: no cover
    from foedus.sim.scenario import Scenario

__all__ = [
    "SNAPSHOT_YEARS",
    "MilexUnit",
    "RECORD_MILEX_UNIT",
    "milex_unit",
    "simulated_source",
    "snapshot_years",
    "write_history_report",
    "history_main_job",
    "load_history",
]

SNAPSHOT_YEARS: tuple[int, ...] = (1914, 1939, 1960, 1990, 2018)
"""Network snapshot years for the record: eve of both world wars, high Cold War, its end, ATOP's last year."""

WARS: tuple[tuple[str, int, int], ...] = (("World War I", 1914, 1918), ("World War II", 1939, 1945))
"""Shaded on the formation figure."""

MARK_1991 = 1991
"""Dissolution of the USSR, marked on the formation figure."""

_BLOC_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
)
_OTHER_BLOC = "#c9b27c"
_NO_BLOC = "#bdbdbd"
_PERIOD_COLOURS = ("#7f3b08", "#2166ac", "#1b7837", "#762a83", "#b35806")
_KIND_COLOURS = {"alliance": "#4f7cac", "coalition": "#d6604d", "organisation": "#5aae61"}
_OBLIGATION_COLOURS = {
    "defense": "#08306b", "offense": "#b2182b", "neutrality": "#fdae61",
    "nonaggression": "#92c5de", "consultation": "#bababa", "none": "#f0f0f0",
}
_OBLIGATION_LABELS = {"defense": "defence", "offense": "offence", "nonaggression": "non-aggression"}

REFERENCES = (
    "Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. “Alliance Treaty Obligations and Provisions, "
    "1815–1944.” International Interactions 28: 237–60. (ATOP 5.1, codebook 2022.)",
    "Singer, J. D., S. Bremer and J. Stuckey. 1972. “Capability Distribution, Uncertainty, and Major Power War, "
    "1820–1965.” In B. Russett (ed.), Peace, War, and Numbers. Sage. (COW National Material Capabilities 7.0.)",
    "Correlates of War Project. 2017. “State System Membership List, v2016.” (States and major powers.)",
    "Kaplan, E. L. and P. Meier. 1958. “Nonparametric Estimation from Incomplete Observations.” Journal of the "
    "American Statistical Association 53(282): 457–81.",
    "Davidson-Pilon, C. 2019. “lifelines: survival analysis in Python.” Journal of Open Source Software 4(40): 1317.",
    "Morrow, J. D. 1991. “Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances.” "
    "American Journal of Political Science 35(4): 904–33.",
    "Ray, J. L. and J. D. Singer. 1973. “Measuring the Concentration of Power in the International System.” "
    "Sociological Methods & Research 1(4): 403–37.",
    "Wayman, F. W. 1984. “Bipolarity and War: The Role of Capability Concentration and Alliance Patterns among Major "
    "Powers, 1816–1965.” Journal of Peace Research 21(1): 61–78.",
    "Clauset, A., M. E. J. Newman and C. Moore. 2004. “Finding community structure in very large networks.” "
    "Physical Review E 70: 066111.",
)


def snapshot_years(history: History, years: Sequence[int] = SNAPSHOT_YEARS, n: int = 5) -> list[int]:
    """Years for the network snapshots: those of ``years`` inside the window, else ``n`` evenly spaced.

    Examples
    --------
    For the record (1815-2018) this is ``[1914, 1939, 1960, 1990, 2018]``; for a simulated
    history of 2019-2100, five years from 2019 to 2100.
    """
    first, last = int(history.first_year), int(history.last_year)
    inside = [int(y) for y in years if first <= y <= last]
    if inside:
        return inside
    return sorted(set(np.linspace(first, last, n).round().astype(int).tolist()))


def load_history(data: Path | str | None = None, run: Path | str | None = None) -> History:
    """The history to report on: a history folder (``run``), else the record from ``data``.

    The record is read with ``foedus.data.open_record`` (the DuckDB store when it has been
    imported) where that function exists, else with :func:`foedus.data.load_record` from the
    raw files.
    """
    if run is not None:
        from foedus.data.runs import read_history_dir

        return read_history_dir(run)
    import foedus.data as fdata

    open_record = getattr(fdata, "open_record", None)
    if open_record is not None:
        return open_record(data_dir=data)
    return fdata.load_record(data)


def _is_record(history: History) -> bool:
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
    >>> from foedus.analysis.toy import toy_history
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

_CONSTANT = re.compile(r"constant[ -](\d{4})[ -]US\$")
_CURRENT = re.compile(r"current US\$")


def milex_unit(history: History, scenario: "Scenario | str | Path | None" = None) -> MilexUnit:
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
    scenario : Scenario, built-in name or scenario file, optional
        The scenario the history was simulated from. Default: for a simulated history, the
        built-in scenario named in its source (:func:`simulated_source`), if there is one.

    Returns
    -------
    MilexUnit
    """
    if _is_record(history):
        return RECORD_MILEX_UNIT
    sim = simulated_source(history)
    if scenario is None and sim is not None:
        from foedus.sim.scenario import builtin_names

        if sim[0] in builtin_names():
            scenario = sim[0]
    if scenario is not None and not hasattr(scenario, "sources"):
        from foedus.sim.scenario import Scenario

        scenario = Scenario.load(scenario)
    if scenario is None:
        what = "the simulated run" if sim is not None else "the history"
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


def _kinds_text(history: History, kinds: Sequence[str]) -> str:
    """A sentence naming the kinds of agreement in the history, for the caption of the kinds figure."""
    if not kinds:
        return "This history records no agreement."
    if _is_record(history):
        return "ATOP codes alliances only, so the upper panel shows alliances."
    if len(kinds) == 1:
        return f"This history records {kinds[0]}s only."
    return "Kinds recorded in this history: " + ", ".join(f"{k}s" for k in kinds) + "."


def _history_label(history: History) -> str:
    """How captions name the history: "the simulated run ‘world-2022’, seed 1", or its source."""
    sim = simulated_source(history)
    if sim is not None:
        return f"the simulated run of ‘{sim[0]}’, seed {sim[1]}"
    return f"the history ‘{history.source}’"


def _end_word(history: History) -> str:
    """What ends at ``last_year``: "the record", "the run" or "the history" (for censoring sentences)."""
    if _is_record(history):
        return "the record"
    return "the run" if simulated_source(history) is not None else "the history"


def _data_notes(history: History) -> tuple[str, str, str]:
    """(note under the title, formation/size/survival data citation, network data citation)."""
    if _is_record(history):
        note = f"The historical record: ATOP 5.1 alliances with COW state system and capabilities, read from {history.source}."
        cite = "Data: ATOP 5.1 alliance- and member-level files (Leeds et al. 2002)."
        net = (
            "Data: ATOP 5.1 memberships (Leeds et al. 2002); capabilities (CINC) from COW National Material "
            "Capabilities 7.0 (Singer, Bremer & Stuckey 1972); major powers and system members from the COW "
            "State System list v2016 (major-power status of 2016 carried to 2017–2018)."
        )
        return note, cite, net
    sim = simulated_source(history)
    label = _history_label(history)
    if sim is not None:
        note = (
            f"A simulated history: scenario ‘{sim[0]}’, seed {sim[1]}, in the canonical foedus tables. The agreements in "
            f"force when the run starts are the scenario's; everything after is simulated."
        )
    else:
        note = f"A history in the canonical foedus tables (source: {history.source})."
    cite = f"Data: agreements and memberships of {label}."
    net = f"Data: memberships, capabilities and major-power status of {label}."
    return note, cite, net


def _marks(history: History) -> tuple[list[tuple[str, int, int]], bool]:
    """The world wars that overlap the window and whether 1991 lies in it: what the time figures draw."""
    first, last = int(history.first_year), int(history.last_year)
    wars = [(name, lo, hi) for name, lo, hi in WARS if hi >= first and lo <= last]
    return wars, first <= MARK_1991 <= last


def _marks_text(history: History, short: bool = False) -> str:
    """The caption sentence for exactly the marks drawn (empty when none is)."""
    wars, y1991 = _marks(history)
    parts = []
    if len(wars) == len(WARS) and short:
        parts.append("Shaded: the two world wars")
    elif len(wars) == len(WARS):
        parts.append("Shaded: the two world wars (" + ", ".join(f"{lo}–{hi}" for _, lo, hi in wars) + ")")
    elif wars:
        parts.append("Shaded: " + ", ".join(f"{name} ({lo}–{hi})" for name, lo, hi in wars))
    if y1991:
        parts.append("dashed line: 1991" + ("" if short else ", dissolution of the USSR"))
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


# ---------------------------------------------------------------- figures


def _new_figure(width: float, height: float, constrained: bool = True):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained" if constrained else None)


def _svg(fig) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog or DOCTYPE), reproducibly."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "foedus", "svg.fonttype": "none", "svg.image_inline": True}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": f"foedus {foedus.__version__}"})
    text = buf.getvalue().decode("utf-8")
    text = text[text.index("<svg"):]
    start, end = text.find("<metadata>"), text.find("</metadata>")
    if start != -1 and end != -1:  # RDF block naming external vocabularies: not needed inline
        text = text[:start] + text[end + len("</metadata>"):]
    return text


def _figure_formation(history: History, per_year: pd.Series) -> str:
    fig = _new_figure(10, 3.8)
    ax = fig.add_subplot()
    years = per_year.index.to_numpy()
    first, last = int(history.first_year), int(history.last_year)
    wars, y1991 = _marks(history)
    for name, lo, hi in wars:
        ax.axvspan(lo - 0.5, hi + 0.5, color="#fdd0a2", alpha=0.8, lw=0, label=f"{name} ({lo}–{hi})")
    if y1991:
        ax.axvline(MARK_1991, color="#444", ls="--", lw=1, label="1991: end of the USSR")
    ax.bar(years, per_year.to_numpy(), width=0.9, color="#6b8fb5", label="alliances begun")
    roll = per_year.rolling(10, center=True, min_periods=5).mean()
    ax.plot(years, roll.to_numpy(), color="#08306b", lw=1.8, label="10-year moving average")
    ax.set_xlim(first - 1, last + 1)
    ax.set_xlabel("year")
    ax.set_ylabel("alliances begun")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _mark_wars(ax, history: History) -> None:
    wars, y1991 = _marks(history)
    for _, lo, hi in wars:
        ax.axvspan(lo - 0.5, hi + 0.5, color="#fdd0a2", alpha=0.8, lw=0)
    if y1991:
        ax.axvline(MARK_1991, color="#444", ls="--", lw=1)


def _year_steps(counts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Edges and values for a ``step="post"`` plot in which year ``y`` covers ``y - 0.5 .. y + 0.5``."""
    years = counts.index.to_numpy(dtype=float)
    values = counts.to_numpy()
    return np.r_[years - 0.5, years[-1] + 0.5], np.vstack([values, values[-1:]])


def _tidy(ax) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def _figure_kinds(history: History, by_kind: pd.DataFrame, by_obligation: pd.DataFrame) -> str:
    """Agreements in force per year: one panel per kind, then alliances stacked by strongest obligation.

    One panel per kind, each on its own scale, so that a handful of coalitions stays visible
    next to hundreds of alliances.
    """
    kinds = [k for k in by_kind.columns if by_kind[k].any()]
    obligations = [o for o in by_obligation.columns if by_obligation[o].any()]
    n = max(len(kinds), 1)
    fig = _new_figure(10, 1.4 * n + 2.8)
    axes = fig.subplots(n + 1, 1, sharex=True, gridspec_kw={"height_ratios": [1.0] * n + [2.0]})
    first, last = int(history.first_year), int(history.last_year)
    for ax in axes:
        _mark_wars(ax, history)
    x, v = _year_steps(by_kind[kinds])
    for i, (ax, kind) in enumerate(zip(axes, kinds)):
        colour = _KIND_COLOURS.get(kind, _NO_BLOC)
        ax.fill_between(x, v[:, i], step="post", color=colour, alpha=0.85, lw=0)
        ax.set_ylabel(f"{kind}s", fontsize=9)
    if not kinds:
        axes[0].text(0.5, 0.5, "no agreement in force", transform=axes[0].transAxes, ha="center", va="center", color="#555")
    axes[0].set_title("agreements in force, by kind", fontsize=9, loc="left")
    bottom = axes[-1]
    if obligations:
        x, v = _year_steps(by_obligation[obligations])
        bottom.stackplot(
            x, *v.T, labels=[_OBLIGATION_LABELS.get(o, o) for o in obligations],
            colors=[_OBLIGATION_COLOURS.get(o, _NO_BLOC) for o in obligations], step="post", lw=0,
        )
        handles, names = bottom.get_legend_handles_labels()
        bottom.legend(handles[::-1], names[::-1], loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                      title="strongest obligation", title_fontsize=8, frameon=False)  # top of the stack first
    else:
        bottom.text(0.5, 0.5, "no alliance in force", transform=bottom.transAxes, ha="center", va="center", color="#555")
    bottom.set_title("alliances in force, by strongest obligation", fontsize=9, loc="left")
    bottom.set_ylabel("alliances", fontsize=9)
    bottom.set_xlabel("year")
    bottom.set_xlim(first - 1, last + 1)
    for ax in axes:
        _tidy(ax)
    return _svg(fig)


def _figure_size(table: pd.DataFrame) -> str:
    fig = _new_figure(8, 3.6)
    ax = fig.add_subplot()
    dist = table["n_members"].value_counts().sort_index()
    fmt = pd.Series(table["format"].to_numpy(), index=table["n_members"].to_numpy())
    colours = dict(zip(FORMATS, ("#4393c3", "#f4a582", "#b2182b")))
    for f in FORMATS:
        sizes = sorted(set(fmt[fmt == f].index))
        if sizes:
            ax.bar(sizes, dist.reindex(sizes).to_numpy(), color=colours[f], width=0.8, label=f)
    ax.set_yscale("log")
    ax.set_xlabel("distinct members")
    ax.set_ylabel("alliances (log scale)")
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _figure_survival(durations: pd.DataFrame, periods: Sequence[Period]) -> str:
    fig = _new_figure(8, 4)
    ax = fig.add_subplot()
    for (label, _, _), colour in zip(periods, _PERIOD_COLOURS):
        sub = durations[durations["period"] == label]
        if not len(sub):
            continue
        kmf = kaplan_meier(sub["duration"], sub["ended"], label=label, entry=sub["entry"])
        sf = kmf.survival_function_.iloc[:, 0]
        ci = kmf.confidence_interval_
        t = sf.index.to_numpy(dtype=float)
        ax.step(t, sf.to_numpy(), where="post", color=colour, lw=1.8, label=f"{label} (n = {len(sub)}, {int((~sub['ended']).sum())} in force)")
        ax.fill_between(t, ci.iloc[:, 0].to_numpy(), ci.iloc[:, 1].to_numpy(), step="post", color=colour, alpha=0.15, lw=0)
    ax.axhline(0.5, color="#999", lw=0.8, ls=":")
    ax.set_ylim(0, 1.02)
    ax.set_xlim(left=0)
    ax.set_xlabel("years since signature")
    ax.set_ylabel("share still in force (Kaplan–Meier)")
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _packed_layout(graph, seed: int = 1815) -> dict[int, np.ndarray]:
    """Node positions: a spring layout per connected component, components packed in rows.

    A single spring layout of a disconnected graph pushes the components to the corners and
    crushes each one; laying out each component in a square whose side grows with the square
    root of its size, largest first, keeps every bloc readable. Deterministic (fixed seed,
    components and nodes in code order).
    """
    import networkx as nx

    comps = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    if not comps:
        return {}
    sides = [max(1.0, np.sqrt(len(c))) for c in comps]
    width = max(max(sides), 1.15 * np.sqrt(sum(sd * sd for sd in sides)))
    gap = 0.5
    pos: dict[int, np.ndarray] = {}
    x = y = row_h = 0.0
    for c, side in zip(comps, sides):
        if x > 0 and x + side > width:
            x, y, row_h = 0.0, y - row_h - gap, 0.0
        if len(c) == 1:
            local = {c[0]: np.array([0.5, 0.5])}
        else:
            raw = nx.spring_layout(graph.subgraph(c), seed=seed, iterations=200)
            arr = np.array([raw[n] for n in c])
            lo, span = arr.min(axis=0), np.ptp(arr, axis=0)
            arr = (arr - lo) / np.where(span > 0, span, 1.0)
            local = dict(zip(c, arr))
        for n, p in local.items():
            pos[n] = np.array([x + 0.1 * side + 0.8 * side * p[0], y - side + 0.1 * side + 0.8 * side * p[1]])
        x += side + gap
        row_h = max(row_h, side)
    return pos


def _figure_network(history: History, year: int, blocs_year: pd.DataFrame, stats: pd.Series, filled: pd.DataFrame) -> tuple[str, str]:
    """SVG of the defence-pact network of ``year`` and a caption sentence describing its blocs.

    ``blocs_year`` holds the rows of :func:`foedus.analysis.polarity.state_blocs` for ``year``
    and ``stats`` the row of :func:`foedus.analysis.polarity.polarity`, so that the figure
    shows exactly the blocs the tables report.
    """
    from matplotlib.lines import Line2D

    g = defense_network(history, year, filled=filled)
    bloc_of = dict(zip(blocs_year["ccode"].tolist(), blocs_year["bloc"].tolist()))
    size_of = blocs_year.drop_duplicates("bloc").set_index("bloc")
    multi = size_of[size_of["bloc_size"] >= 2].sort_values(["bloc_cinc", "bloc_size"], ascending=False, kind="mergesort")
    colour_of_bloc = {b: (_BLOC_COLOURS[r] if r < len(_BLOC_COLOURS) else _OTHER_BLOC) for r, b in enumerate(multi.index)}
    shown = [n for n in sorted(g.nodes) if g.degree(n) > 0 or g.nodes[n]["major"]]
    sub = g.subgraph(shown)
    pos = _packed_layout(sub)
    fig = _new_figure(9, 7, constrained=False)  # no axes decorations to lay out: fixed margins are faster
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.09, top=0.95)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if sub.number_of_edges():
        seg = np.array([[pos[u], pos[v], (np.nan, np.nan)] for u, v in sorted(sub.edges)]).reshape(-1, 2)
        ax.plot(seg[:, 0], seg[:, 1], color="#9e9e9e", lw=0.5, alpha=0.6, zorder=1)
    if shown:
        xy = np.array([pos[n] for n in shown])
        cinc = np.array([np.nan_to_num(sub.nodes[n]["cinc"], nan=0.0) for n in shown])
        sizes = 18 + 2400 * cinc
        colours = np.array([colour_of_bloc.get(bloc_of.get(n), _NO_BLOC) for n in shown], dtype=object)
        major = np.array([bool(sub.nodes[n]["major"]) for n in shown])
        ax.scatter(xy[~major, 0], xy[~major, 1], s=sizes[~major], c=list(colours[~major]), edgecolors="white", linewidths=0.5, zorder=2)
        ax.scatter(xy[major, 0], xy[major, 1], s=sizes[major], c=list(colours[major]), edgecolors="black", linewidths=1.2, zorder=3)
        for n, (x, y) in zip(shown, xy):
            if sub.nodes[n]["major"]:
                ax.annotate(sub.nodes[n]["abb"], (x, y), xytext=(0, 7), textcoords="offset points", ha="center",
                            fontsize=10, fontweight="bold", zorder=4)
        ax.margins(0.06)
    abb = {n: g.nodes[n]["abb"] for n in g.nodes}
    handles = [
        Line2D([], [], marker="o", ls="", color=colour_of_bloc[b], label=f"bloc of {abb.get(b, b)} ({int(size_of.loc[b, 'bloc_size'])})")
        for b in multi.index[: len(_BLOC_COLOURS)]
    ]
    if handles:
        fig.legend(handles=handles, loc="lower center", fontsize=8, frameon=False, ncols=min(5, len(handles)))
    ax.set_title(f"Defence pacts, {year}", fontsize=12)
    svg = _svg(fig)
    poles = []
    majors_year = blocs_year[blocs_year["major"]]
    for b, grp in majors_year.groupby("bloc", sort=False):
        names = sorted(abb.get(c, str(c)) for c in grp["ccode"])
        others = int(size_of.loc[b, "bloc_size"]) - len(names)
        poles.append(", ".join(names) + (f" with {others} other state{'s' if others != 1 else ''}" if others else " (no minor ally)"))
    n_poles = int(stats["poles"])
    caption = (
        f"{int(stats['aligned_states'])} states in defence pacts, {int(stats['defense_dyads'])} defence ties, "
        f"{int(stats['blocs'])} blocs; {n_poles} pole{'s' if n_poles != 1 else ''}: " + "; ".join(poles) + "."
    )
    return svg, caption


def _figure_polarity(pol: pd.DataFrame) -> str:
    fig = _new_figure(10, 3.6)
    ax = fig.add_subplot()
    years = pol.index.to_numpy()
    ax.step(years, pol["poles"].to_numpy(), where="mid", color="#b2182b", lw=1.6, label="poles (blocs with a major power)")
    ax.step(years, pol["cluster_poles"].to_numpy(), where="mid", color="#2166ac", lw=1.2, ls="--", label="cluster poles (Wayman 1984)")
    ax.set_ylabel("number of poles")
    ax.set_xlabel("year")
    ax.set_ylim(bottom=0)
    ax2 = ax.twinx()
    ax2.plot(years, pol["con"].to_numpy(), color="#4d4d4d", lw=1, alpha=0.8, label="CON (Ray & Singer 1973)")
    ax2.set_ylabel("CON")
    ax2.set_ylim(0, 1)
    lines = ax.get_legend_handles_labels()
    lines2 = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], fontsize=8, frameon=False, loc="upper left")
    ax.spines[["top"]].set_visible(False)
    return _svg(fig)


def _major_codes(history: History, n: int = 8) -> list[int]:
    """The (at most ``n``) states ever a major power, largest peak military spending first."""
    sy = history.state_years
    majors = sy.loc[sy["major"].astype(bool), "ccode"].unique()
    peak = sy[sy["ccode"].isin(majors)].groupby("ccode")["milex"].max().fillna(0.0)
    return [int(c) for c in peak.sort_values(ascending=False, kind="mergesort").index[:n]]


def _abb(history: History) -> dict[int, str]:
    st = history.states.drop_duplicates("ccode", keep="last")
    return dict(zip(st["ccode"].astype(int), st["abb"].astype(str)))


def _figure_arms(history: History, majors: Sequence[int], unit: MilexUnit) -> str:
    sy = history.state_years
    wide = sy[sy["ccode"].isin(majors)].pivot_table(index="year", columns="ccode", values="milex")
    names = _abb(history)
    fig = _new_figure(10, 3.6)
    ax = fig.add_subplot()
    for c in majors:
        if c in wide.columns and wide[c].notna().any():
            ax.plot(wide.index.to_numpy(), wide[c].to_numpy(), lw=1.2, label=names.get(c, str(c)))
    if (wide.to_numpy()[np.isfinite(wide.to_numpy())] > 0).any():
        ax.set_yscale("log")
    ax.set_xlabel("year")
    ax.set_ylabel(f"military expenditure\n({unit.axis})", fontsize=9)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, frameon=False, ncol=4, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _figure_alignments(history: History, dy: pd.DataFrame, majors: Sequence[int]) -> str:
    allies = partners_per_year(history, majors, dyads=dy)
    names = _abb(history)
    fig = _new_figure(10, 3.6)
    ax = fig.add_subplot()
    for c in majors:
        if c in allies.columns:
            ax.step(allies.index.to_numpy(), allies[c].to_numpy(), where="mid", lw=1.2, label=names.get(c, str(c)))
    ax.set_xlabel("year")
    ax.set_ylabel("defence-pact partners")
    ax.set_ylim(bottom=0)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, frameon=False, ncol=4, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


# ---------------------------------------------------------------- tables


def _html_table(df: pd.DataFrame, caption: str, digits: int = 2, index_label: str | None = None) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in [index_label if index_label is not None else (df.index.name or ""), *df.columns])
    body = "".join(
        "<tr><td>" + html.escape(str(idx)) + "</td>" + "".join(f"<td>{html.escape(number(v, digits))}</td>" for v in row) + "</tr>"
        for idx, row in zip(df.index, df.itertuples(index=False))
    )
    return f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _kinds_table(in_force: pd.DataFrame, at_end: pd.DataFrame, begun: pd.DataFrame, ended: pd.DataFrame) -> str:
    """Per kind of agreement: inherited (begun before the window), begun and ended in it, the peak, in force at its end.

    Without early censoring the columns close: inherited + begun - ended = in force at the end.
    """
    first, last = int(in_force.index[0]), int(in_force.index[-1])
    frames = [in_force, at_end, begun, ended]
    if in_force.shape[1] > 1:
        frames = [f.assign(**{"all agreements": f.sum(axis=1)}) for f in frames]
    in_force, at_end, begun, ended = frames
    peak = in_force.max(axis=0)
    df = pd.DataFrame(
        {
            f"inherited (begun before {first})": in_force.loc[first] - begun.loc[first],
            f"begun {first}–{last}": begun.sum(axis=0),
            f"ended {first}–{last}": ended.sum(axis=0),
            "most in force in a year (first such year)": [f"{int(n)} ({int(y)})" for n, y in zip(peak, in_force.idxmax(axis=0))],
            f"in force at the end of {last}": at_end.loc[last],
        },
        index=pd.Index(in_force.columns, name="kind"),
    )
    return _html_table(df, "Agreements by kind: inherited + begun − ended = in force at the end")


def _headline_table(s: dict) -> str:
    """Headline measures; the before/from-1945 split only when the window holds years on both sides of 1945."""
    split = int(s["first_year"]) < 1945 <= int(s["last_year"])
    rows = [
        ("alliances", s["alliances"]),
        ("\u2003begun in the window", s["alliances_begun"]),
        ("\u2003begun before it (inherited)", s["alliances_inherited"]),
        ("window", f"{s['first_year']}–{s['last_year']} ({s['years']} years)"),
        ("alliances begun per year", s["per_year"]),
        *([("\u2003before 1945", s["per_year_pre1945"]), ("\u2003from 1945", s["per_year_post1945"])] if split else []),
        ("members per alliance begun in the window, mean", s["members_mean"]),
        ("members per alliance begun in the window, median", s["members_median"]),
        ("alliances ended / still in force", f"{s['alliances_ended']} / {s['alliances_censored']}"),
        ("duration of ended alliances, naive mean (years)", s["duration_mean_ended"]),
        ("duration of ended alliances, median (years)", s["duration_median_ended"]),
        ("Kaplan–Meier median survival (years)", s["km_median_survival"]),
        *(
            [("\u2003begun before 1945", s["km_median_survival_pre1945"]), ("\u2003begun from 1945", s["km_median_survival_post1945"])]
            if split else []
        ),
    ]
    df = pd.DataFrame({"value": [v for _, v in rows]}, index=[k for k, _ in rows], dtype=object)
    return _html_table(df, "Headline measures", index_label="measure")


def _obligation_rows(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """ATOP obligation codes as the figures spell them (defence, offence, non-aggression), index named ``name``."""
    out = df.rename(index=lambda o: _OBLIGATION_LABELS.get(str(o), str(o)))
    out.index.name = name
    return out


# ---------------------------------------------------------------- report


def _title(history: History) -> str:
    if _is_record(history):
        return "Alliances in the historical record, ATOP 5.1"
    sim = simulated_source(history)
    if sim is not None:
        return f"Alliances in a simulated world: {sim[0]}, seed {sim[1]}, {history.first_year}–{history.last_year}"
    return f"Alliances in {history.source}"



def write_history_report(
    history: History,
    out_path: Path | str,
    *,
    years: Sequence[int] | None = None,
    periods: Sequence[Period] = PERIODS,
    method: str = "poles",
    k: float = ASYMMETRY_K,
    rule: str = "either",
    title: str | None = None,
    scenario: "Scenario | str | Path | None" = None,
) -> Path:
    """Write the history report of ``history`` to ``out_path`` as one self-contained HTML file.

    Parameters
    ----------
    history : History
        The record or a simulated history.
    out_path : path
        The HTML file to write (parent folders are created; written atomically).
    years : sequence of int, optional
        Network snapshot years; default :func:`snapshot_years` (1914, 1939, 1960, 1990, 2018
        for the record).
    periods : sequence of (label, first, last)
        Periods of the survival curves and the tables.
    method : {"poles", "modularity", "components"}
        How blocs are found (:func:`foedus.analysis.polarity.state_blocs`); default the
        pole-anchored blocs of the ensemble indicators, so that a run's report and an
        ensemble's report name the same blocs.
    k, rule
        Symmetry rule (:func:`foedus.analysis.formation.symmetry`).
    title : str, optional
        Page title.
    scenario : Scenario, built-in name or scenario file, optional
        The scenario a simulated history comes from, for the unit of military expenditure
        (:func:`milex_unit`; default: the built-in scenario named in the history's source).

    Returns
    -------
    pathlib.Path
        ``out_path``.

    Raises
    ------
    ValueError
        A snapshot year outside the history's window.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    out_path = Path(out_path)
    snaps = list(years) if years is not None else snapshot_years(history)
    for y in snaps:
        if not history.first_year <= y <= history.last_year:
            raise ValueError(f"snapshot year {y} is outside the history's window {history.first_year}-{history.last_year}")
    s = summary(history, periods=periods, k=k, rule=rule)
    table = alliance_table(history, periods=periods, k=k, rule=rule)
    cohort = table[table["begun_in_window"]]
    durations = alliance_durations(history, periods=periods)
    dy = dyad_years(history)
    sb = state_blocs(history, method=method, dyads=dy)
    pol = polarity(history, blocs_table=sb)
    filled = state_years_filled(history)
    note, cite, net_cite = _data_notes(history)
    unit = milex_unit(history, scenario)
    first, last = int(history.first_year), int(history.last_year)
    # formation tables count alliances begun in the window: show only the periods that overlap it
    periods_shown = [p[0] for p in periods if period_length(p, first, last) > 0]

    in_force = agreements_in_force(history)
    alliances_in_force = agreements_in_force(history, by="primary_obligation", kinds=("alliance",))
    kinds_present = [str(k) for k in in_force.columns]
    figures = {
        "formation": Markup(_figure_formation(history, formation_per_year(history))),
        "kinds": Markup(_figure_kinds(history, in_force, alliances_in_force)),
        "size": Markup(_figure_size(cohort)) if len(cohort) else Markup("<p>No alliance begun in the window.</p>"),
        "survival": Markup(_figure_survival(durations, periods)) if len(durations) else Markup("<p>No alliance.</p>"),
        "polarity": Markup(_figure_polarity(pol)),
    }
    majors = _major_codes(history)
    if majors:
        figures["arms"] = Markup(_figure_arms(history, majors, unit))
        figures["alignments"] = Markup(_figure_alignments(history, dy, majors))
    snapshots = []
    for y in snaps:
        svg, caption = _figure_network(history, y, sb[sb["year"] == y], pol.loc[y], filled)
        snapshots.append({"year": y, "svg": Markup(svg), "caption": caption})

    rate = formation_rate(history, periods).rename(columns={"per_year": "per year"})
    rate = rate.loc[[*periods_shown, "all"]]

    def by_period(by: str) -> pd.DataFrame:
        return formation_table(history, by, periods=periods, table=table)[[*periods_shown, "all"]]

    surv = survival_table(history, periods).rename(
        columns={"km_median": "KM median", "km_survival_10": "S(10)", "km_survival_25": "S(25)",
                 "duration_mean_ended": "mean (ended only)", "duration_median_ended": "median (ended only)",
                 "duration_mean_observed": "mean (censored as observed)"}
    )
    mpb = major_power_blocs(history, blocs_table=sb)
    mpb = mpb[mpb["year"].isin(snaps)]
    blocs_df = pd.DataFrame(
        {"major power": mpb["abb"].to_numpy(), "bloc of": mpb["bloc_leader"].to_numpy(),
         "bloc size": mpb["bloc_size"].to_numpy(), "majors in bloc": mpb["bloc_majors"].to_numpy()},
        index=pd.Index(mpb["year"].to_numpy(), name="year"),
    )
    kinds_table = (
        _kinds_table(in_force, agreements_in_force(history, at_year_end=True), agreements_begun(history), agreements_ended(history))
        if kinds_present else "<p>No agreement.</p>"
    )
    tables = {
        "headline": Markup(_headline_table(s)),
        "kinds": Markup(kinds_table),
        "rate": Markup(_html_table(rate, "Alliances begun, by period")),
        "format": Markup(_html_table(by_period("format"), "By format (distinct members)")),
        "symmetry": Markup(_html_table(by_period("symmetry"), f"By symmetry (rule: {rule}, k = {k:g})")),
        "primary_obligation": Markup(_html_table(_obligation_rows(by_period("primary_obligation"), "strongest obligation"), "By strongest obligation")),
        "obligation": Markup(_html_table(_obligation_rows(by_period("obligation"), "obligation"), "Carrying each obligation (overlapping)")),
        "survival": Markup(_html_table(surv, "Duration (years) and Kaplan–Meier survival, by period of formation")),
        "blocs": Markup(_html_table(blocs_df, "Bloc of each major power in the snapshot years")),
    }
    symmetry_text = (
        "Capability asymmetry at formation (after Morrow 1991): asymmetric when the founders include a COW major power "
        f"and a non-major ({'used' if rule in ('major_minor', 'either') else 'not used'}), or when the strongest founder's "
        f"CINC is at least {k:g} times the weakest's ({'used' if rule in ('ratio', 'either') else 'not used'}); "
        "‘unknown’ when fewer than two founders have a CINC and the major/minor rule does not apply."
    )
    method_text = {
        "modularity": "greedy-modularity communities (Clauset, Newman & Moore 2004)",
        "poles": "pole-anchored blocs: each major power a pole, a major power allied to a stronger one in its bloc, any other state in the bloc of the strongest major power it is directly allied to (Bueno de Mesquita 1975; Wayman 1984)",
        "components": "connected components",
    }[method]
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=select_autoescape(["html"]))
    page = env.get_template("history.html").render(
        title=title or _title(history),
        version=foedus.__version__,
        data_note=note,
        data_cite=cite,
        net_cite=net_cite,
        summary=s,
        figures=figures,
        snapshots=snapshots,
        tables=tables,
        symmetry_text=symmetry_text,
        kinds_text=_kinds_text(history, kinds_present),
        method_text=method_text,
        references=REFERENCES,
        is_record=_is_record(history),
        end_word=_end_word(history),
        marks_text=_marks_text(history),
        marks_short=_marks_text(history, short=True),
        milex_unit=unit,
    )
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out_path)
    return out_path


def history_main_job(
    out_dir: Path | str,
    *,
    data_dir: Path | str | None = None,
    history: History | None = None,
    scenario: "Scenario | str | Path | None" = None,
) -> dict[str, Any]:
    """The history part of the main job: write the report and the summary, return the summary.

    Writes ``out_dir/history_report.html`` (:func:`write_history_report`) and
    ``out_dir/history_summary.json`` (:func:`foedus.analysis.summary.summary` as strict JSON).

    Parameters
    ----------
    out_dir : path
        Output folder (created if needed).
    data_dir : path, optional
        Folder of the record's raw files (default :func:`foedus.data.default_data_dir`); not
        used when ``history`` is given.
    history : History, optional
        The history to report on (default: the record, see :func:`load_history`).
    scenario : Scenario, built-in name or scenario file, optional
        The scenario ``history`` was simulated from (for the unit of military expenditure,
        see :func:`milex_unit`).

    Returns
    -------
    dict
        The summary, plus ``"outputs"``: {"report": path, "summary": path} (as strings).
    """
    out_dir = Path(out_dir)
    h = history if history is not None else load_history(data=data_dir)
    report = write_history_report(h, out_dir / "history_report.html", scenario=scenario)
    s = summary(h)
    js = out_dir / "history_summary.json"
    tmp = js.with_name(js.name + ".tmp")
    tmp.write_text(json.dumps(jsonable(s), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, js)
    s["outputs"] = {"report": str(report), "summary": str(js)}
    return s
